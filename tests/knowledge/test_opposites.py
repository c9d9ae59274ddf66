"""A claim that retells a statement with one word turned into its opposite, even one the
alignment does not weigh ("after", "last"), or with two names trading places ("France beat
Germany" beside "Germany beat France"), is never supported by it."""

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
