"""Which of a record's figures a claim's figure is told against: the one counting the same
thing, read from the words around both ("an approval rating of less than 30% on ...", "36%
approval rating"; "in its greater area"), and a place in a ranking, where higher is the
smaller figure ("peaked higher than 35"); a bound no figure an estimate allows can meet
("less than 20,000" beside "around 30,000"); a figure the record gives for another date than
the claim's ("7% in 2022" beside "4% in 2022 and 7% in 2023")."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

RATING = "It holds a 36% approval rating on review aggregator Rotten Tomatoes."
AREA = (
    "With a population of 812,000 people in its core and more than 2 million in its greater "
    "area, Tellmark is the largest city of the province."
)
CASES = "As of 4 May 2020, there are 37 confirmed cases - 25 in Varn, 7 in Lusk and 5 in Orra."
CHART = "The single peaked at number 31 on the Billboard Hot 100."
TOWN = "Today Kerrow has a population of around 30,000, and it takes in some 900,000 visitors."
GROSS = "On a $40 million budget, Harbour Lights made $100,000,260 worldwide."


@pytest.mark.parametrize(
    ("record", "claim", "source"),
    [
        pytest.param(
            RATING,
            "Harbour Lights holds an approval rating of less than 30% on Rotten Tomatoes.",
            "Harbour Lights (2019 film)",
            id="rating-before-the-figure",
        ),
        pytest.param(
            AREA,
            "Tellmark has a population of less than 2 million in its greater area.",
            None,
            id="same-words-after",
        ),
        pytest.param(
            CASES,
            "As of 4 May 2020, there were under 33 flu cases in Ostland, including less than 20 in Varn.",
            None,
            id="the-total-not-a-part",
        ),
        pytest.param(
            CHART,
            "The single peaked higher than 25 on the Billboard Hot 100.",
            None,
            id="chart-place",
        ),
        pytest.param(
            TOWN,
            "Kerrow has a population of less than 20,000.",
            None,
            id="bound-beside-estimate",
        ),
        pytest.param(
            GROSS,
            "Harbour Lights grossed less than $75,000,000 globally.",
            None,
            id="gross-not-budget",
        ),
    ],
)
async def test_a_figure_is_told_against_the_one_counting_the_same(
    record: str, claim: str, source: str | None
) -> None:
    assert await verdict_beside(record, claim, source=source) == "contradicted"


@pytest.mark.parametrize(
    "claim",
    [
        "The single peaked higher than 35 on the Billboard Hot 100.",
        "The single peaked above 40th on the Billboard Hot 100.",
    ],
)
async def test_a_higher_place_is_a_smaller_figure(claim: str) -> None:
    assert await verdict_beside(CHART, claim) != "contradicted"


async def test_an_estimate_allows_a_bound_it_may_meet() -> None:
    claim = "Kerrow has a population of less than 35,000."
    assert await verdict_beside(TOWN, claim) != "contradicted"


async def test_the_core_is_not_the_greater_area() -> None:
    claim = "Tellmark has a population of less than 2 million in its greater area."
    assert await verdict_beside(AREA, claim) != "supported"


SALES = "Tarrow's sales rose 4% in 2022 and 7% in 2023."


@pytest.mark.parametrize(
    "claim",
    [
        "Tarrow's sales rose 7% in 2022.",  # 2023's figure told as 2022's
        "In 2023, Tarrow's sales rose 4%.",
    ],
)
async def test_a_figure_the_record_gives_for_another_date_is_not_supported(claim: str) -> None:
    assert await verdict_beside(SALES, claim) != "supported"


async def test_a_figure_told_for_another_date_is_named() -> None:
    assert await verdict_beside(SALES, "Tarrow's sales rose 7% in 2022.") == "contradicted"


@pytest.mark.parametrize(
    "claim", ["Tarrow's sales rose 4% in 2022.", "Tarrow's sales rose 7% in 2023."]
)
async def test_each_figure_with_its_own_date_is_supported(claim: str) -> None:
    assert await verdict_beside(SALES, claim) == "supported"


async def test_a_share_is_told_against_a_share_of_the_same_whole() -> None:
    # a rating told in other words than the record's is still that rating
    record = "Harbour Lights holds a 61% approval rating on Rotten Tomatoes."
    claim = "Harbour Lights was rated less than 60% on Rotten Tomatoes."
    assert await verdict_beside(record, claim) == "contradicted"


async def test_shares_of_two_wholes_are_not_told_against_each_other() -> None:
    record = "The Greens won 12% of the vote in the city."
    assert await verdict_beside(
        record, "The Greens won more than 15% of the seats in the city."
    ) == ("unverified")
    assert await verdict_beside(
        record, "The Greens won more than 15% of the vote in the city."
    ) == ("contradicted")


async def test_the_same_bound_in_other_words_is_the_figure_told() -> None:
    # "Over 45%" is the record's "More than 45%", not its "nearly 30%" of another whole
    record = (
        "More than 45% of the national total of cases is in the state, with nearly 30% of "
        "the total cases in the nation being in the city."
    )
    claim = "Over 45% of the cases of the virus confirmed in the country are in the state."
    assert await verdict_beside(record, claim) != "contradicted"
