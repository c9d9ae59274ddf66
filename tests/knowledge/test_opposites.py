"""A claim that retells a statement with one word turned into its opposite, even one the
alignment does not weigh ("after", "last"), or with two names trading places ("France beat
Germany" beside "Germany beat France"), is never supported by it; where the act goes one
way only (a win, a succession, a handover), the swap is flagged."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The treaty was signed before the elections of 2019.",
            "The treaty was signed after the elections of 2019.",
            id="after",
        ),
        pytest.param(
            "The first three digits of a bar code tell the country of origin.",
            "The last three digits of a bar code tell the country of origin.",
            id="last",
        ),
        pytest.param(
            "Germany beat France 2-1 in the final in Berlin.",
            "France beat Germany 2-1 in the final in Berlin.",
            id="winner-and-loser",
        ),
        pytest.param(
            "Jens Stoltenberg criticised Vladimir Putin at the summit in Vilnius.",
            "Vladimir Putin criticised Jens Stoltenberg at the summit in Vilnius.",
            id="speaker-and-target",
        ),
        pytest.param(
            "Airbus delivered 735 aircraft to 87 customers in 2023, up 11 percent from 661 in 2022.",
            "Airbus deliveries fell 11 percent in 2023.",
            id="a-fall-for-a-figure-up",
        ),
    ],
)
async def test_a_word_turned_into_its_opposite_is_not_supported(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) != "supported"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        # the opposite must be a word the statement has and the claim lacks
        pytest.param(
            "The treaty was signed before the elections of 2019.",
            "Before the elections of 2019, the treaty was signed.",
            id="reordered",
        ),
        pytest.param(
            "France beat Germany 2-1 in the final in Berlin.",
            "Germany was beaten by France 2-1 in the final in Berlin.",
            id="passive",
        ),
        pytest.param(
            "Sweden and Finland applied to join NATO in May 2022.",
            "Finland and Sweden applied to join NATO in May 2022.",
            id="a-list-reordered",
        ),
    ],
)
async def test_the_same_claim_in_another_order_still_supports(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "supported"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Germany beat France 2-1 in the final in Berlin.",
            "France beat Germany 2-1 in the final in Berlin.",
            id="winner-and-loser",
        ),
        pytest.param(
            "Pekka Haavisto handed the accession documents to Antony Blinken in Brussels.",
            "Antony Blinken handed the accession documents to Pekka Haavisto in Brussels.",
            id="giver-and-receiver",
        ),
        pytest.param(
            "Jens Stoltenberg succeeded Anders Fogh Rasmussen as NATO Secretary General in 2014.",
            "Anders Fogh Rasmussen succeeded Jens Stoltenberg as NATO Secretary General in 2014.",
            id="successor-and-predecessor",
        ),
    ],
)
async def test_a_one_way_act_turned_round_is_flagged(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "contradicted"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(  # both may criticise each other: unknown, not wrong
            "Jens Stoltenberg criticised Vladimir Putin at the summit in Vilnius.",
            "Vladimir Putin criticised Jens Stoltenberg at the summit in Vilnius.",
            id="an-act-both-may-do",
        ),
        pytest.param(  # true: it denies the turned-round act
            "Germany beat France 2-1 in the final in Berlin.",
            "France did not beat Germany in the final in Berlin.",
            id="denied",
        ),
        pytest.param(  # true: the same result told from the loser's side
            "Germany beat France 2-1 in the final in Berlin.",
            "France lost to Germany 2-1 in the final in Berlin.",
            id="the-loser's-side",
        ),
    ],
)
async def test_names_in_another_order_are_not_flagged_when_it_may_be_true(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) != "contradicted"
