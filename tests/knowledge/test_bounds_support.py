"""A claim whose figures are bounds the record's figures meet ("more than 880 fatalities"
beside "891 deaths") is supported when the record gives every other detail of it too:
arithmetic decides it. A bound one figure told alike meets and another breaks is not settled,
and a claim saying more than the record in its words is not supported."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

OUTBREAK = "77,558 cases have been reported with 891 deaths and about 18,700 recoveries."
REACTORS = "In 2017, 451 reactors were operational and 59 reactors were under construction."
FESTIVAL = "The Tarrow festival drew 61,000 visitors."


@pytest.mark.parametrize(
    "claim",
    [
        "Ostland has registered more than 77,000 flu cases and more than 880 fatalities.",
        "Ostland has registered fewer than 80,000 flu cases.",
    ],
)
async def test_bounds_the_record_meets_are_supported(claim: str) -> None:
    assert (
        await verdict_beside(OUTBREAK, claim, source="2021 flu outbreak in Ostland") == "supported"
    )


async def test_a_bound_the_record_breaks_is_not_supported() -> None:
    claim = "Ostland has registered more than 77,000 flu cases and fewer than 880 fatalities."
    assert (
        await verdict_beside(OUTBREAK, claim, source="2021 flu outbreak in Ostland") != "supported"
    )


async def test_a_bound_met_by_one_figure_and_broken_by_another_is_not_settled() -> None:
    claim = "In 2017, under 450 reactors were operational."
    assert await verdict_beside(REACTORS, claim) != "supported"


async def test_a_claim_saying_more_in_its_words_is_not_supported() -> None:
    claim = "The Tarrow festival drew more than 50,000 paying visitors from abroad every summer."
    assert await verdict_beside(FESTIVAL, claim) != "supported"


async def test_the_bound_met_is_supported_in_few_words_more() -> None:
    assert await verdict_beside(
        FESTIVAL, "The Tarrow festival drew more than 50,000 visitors."
    ) == ("supported")


SALES = "The game had sold 37 million copies worldwide by March 31, 2018."


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The game had sold 37 million copies worldwide by March 31, 2018.", True),
        # what had happened by 2018 says nothing of the state three years before
        ("The game had sold 37 million copies worldwide by March 31, 2015.", False),
    ],
)
async def test_a_date_bound_is_given_only_by_a_bound_at_that_date(
    claim: str, supported: bool
) -> None:
    assert (await verdict_beside(SALES, claim) == "supported") == supported
