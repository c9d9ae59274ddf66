"""A retelling may work a detail out of the article or give it more loosely: a difference of
two figures ("80 fewer than the 510"), a bound a span meets ("less than an hour" for 35
minutes), a count fused with another unit ("a three-level scale" for "a three-tier scale"),
a country for its people's word ("from Italy" for "Italian"), an adverb opening the
sentence, a day the article gives as a weekday still to come ("would visit on Saturday") or
with "next year". None of these is a detail the article never gives; a figure changed still
is."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from knowledge.nlp.dates import find_dates
from tests.knowledge.conftest import report_after_learning

DAY = date(2025, 5, 14)
ARTICLE = (
    "Chemical plant near Ostend to close with the loss of 430 jobs\n\n"
    "OSTEND, 14 May 2025 – The chemicals maker Verhaegen said on Wednesday it would close its "
    "plant near Ostend by the end of the year, cutting 430 jobs.\n\n"
    "Only four of the plant's 16 production lines are still running, plant manager Lotte "
    "Claes said.\n\n"
    "A fire in a storage hall on Monday injured an Italian engineer, 41, and the site was "
    "cleared 35 minutes after the alarm. The alert was raised to the top of the region's "
    "three-tier scale.\n\n"
    "Verhaegen had told investors in 2019 that it would build 22 new kilns at the site. Only "
    "three were ever built.\n\n"
    "Regional minister Joris Peeters said he would visit the plant on Saturday. A court "
    "hearing on the company's debts is set for 3 March next year.\n\n"
    "The closure is the largest in West Flanders since 2017, when a steelworks in Ghent closed "
    "with the loss of 510 jobs."
)


async def _flagged(kb: knowledge.KnowledgeBase, text: str) -> bool:
    report = await report_after_learning(kb, ARTICLE, text, DAY)
    return bool(report.flagged)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The 430 job cuts are 80 fewer than the 510 lost when a steelworks in Ghent closed "
            "in 2017, the last time West Flanders saw a bigger closure.",
            id="difference-of-two-figures",
        ),
        pytest.param(
            "Of the 22 kilns Verhaegen told investors it would build, 19 were never built.",
            id="difference-with-the-article",
        ),
        pytest.param(
            "The site was cleared less than an hour after the alarm.", id="span-within-a-bound"
        ),
        pytest.param(
            "The alert went to the top of the region's three-level scale.", id="count-other-unit"
        ),
        pytest.param("A 41-year-old engineer from Italy was injured in the fire.", id="country"),
        pytest.param(
            "Nearly three-quarters of the plant's 16 production lines have stopped.",
            id="opening-adverb-and-a-share",
        ),
        pytest.param(
            "The 430 jobs to go are fewer than the 510 cut in Ghent in 2017.",
            id="both-figures-given",
        ),
    ],
)
async def test_a_detail_worked_out_of_the_article_is_no_swap(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert not await _flagged(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Verhaegen said it would close its plant near Ostend, cutting 340 jobs.",
        "The site was cleared 53 minutes after the alarm.",
    ],
)
async def test_a_figure_changed_is_still_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert await _flagged(kb, text)


async def test_a_weekday_still_to_come_is_the_next_one(kb: knowledge.KnowledgeBase) -> None:
    """'would visit the plant on Saturday', written on Wednesday 14 May, is Saturday 17 May."""
    assert not await _flagged(kb, "Joris Peeters plans to visit the plant on 17 May.")


async def test_another_day_to_come_is_still_flagged(kb: knowledge.KnowledgeBase) -> None:
    report = await report_after_learning(
        kb, ARTICLE, "Joris Peeters plans to visit the plant on 24 May.", DAY
    )
    assert report.flagged
    assert "17 May 2025" in report.flagged[0].reason


def test_a_day_with_next_year_after_it_is_in_next_year() -> None:
    (mention,) = find_dates("A hearing is set for 3 March next year.", DAY)
    assert (mention.value.year, mention.value.month, mention.value.day) == (2026, 3, 3)
    assert not mention.yearless


PASS_DAY = date(2025, 5, 14)
PASS_ARTICLE = (
    "Floods close mountain pass\n\n"
    "INNSBRUCK, 14 May 2025 – The Kessel road, a 1,370-metre pass, was closed on Tuesday after "
    "floods, and about 4,000 drivers were diverted, engineer Petra Lang said. Four police cars "
    "blocked the road.\n\n"
    "Twenty-three villages lost power, and repairs are expected by Friday.\n\n"
    "The water had fallen to a metre below the road by Wednesday, and drivers who ignore the "
    "closure face fines of up to 500 euros, said Lang, a 44-year-old engineer.\n\n"
    "Mayor Karl Huber denied reports that the road would stay closed for a month."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Twenty-three villages lost power.", id="a-compound-number"),
        pytest.param("Repairs are expected to be finished by 16 May.", id="expected-by-a-weekday"),
        pytest.param(
            "The Kessel road is one of four passes in the region.", id="count-not-measure"
        ),
        pytest.param("Karl Huber dismissed reports of a month-long closure.", id="reports-of"),
        pytest.param(
            "Lang said the water was down to a metre below the road and drivers who ignore the "
            "closure face fines of up to 500 euros.",
            id="up-to-is-no-direction",
        ),
        pytest.param(
            "Lang worked on repairs to the Gotthard road in 2016.", id="new-place-and-year"
        ),
        pytest.param(
            "Police in neighbouring Bavaria offered to take in some of the diverted drivers.",
            id="place-for-no-speaker",
        ),
        pytest.param("Lang is 20 years younger than the pass's oldest bridge.", id="fused-old"),
    ],
)
async def test_what_the_article_allows_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, PASS_ARTICLE, text, PASS_DAY)
    assert not report.flagged


RATE_DAY = date(2025, 9, 11)
RATE_ARTICLE = (
    "Central bank raises rates to defend currency\n\n"
    "ACCRA, 11 September 2025 – The central bank raised its main rate by 450 basis points to "
    "29 percent on Wednesday. Five of the seven members of its committee backed the move; the "
    "other two voted for a smaller increase of 300 basis points.\n\n"
    "The last emergency increase came in November 2023, when the rate was raised by 250 basis "
    "points. The governor said a review would be ready within six weeks.\n\n"
    "Importers will get a one-off payment of 1,200 cedis each. Traders at the Makola market "
    "sold about 400 sacks of rice on Monday, against 1,150 on Wednesday.\n\n"
    "The driver of the governor's car, a 46-year-old man with 19 years of service, was hurt and "
    "has not yet been questioned."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "At 450 basis points, the hike is 200 basis points larger than the emergency "
            "increase of November 2023.",
            id="a-figure-the-claim-implies",
        ),
        pytest.param(
            "Two members preferred a 300-basis-point rise to the 450 points adopted.",
            id="a-fused-unit-written-apart",
        ),
        pytest.param(
            "Importers will get a one-off 1,200-cedi payment.", id="thousands-before-a-hyphen"
        ),
        pytest.param(
            "Traders sold nearly three times as many sacks on Wednesday as the 400 of Monday.",
            id="a-multiple",
        ),
        pytest.param(
            "The governor said the review would be ready within a month and a half.",
            id="a-span-and-a-half",
        ),
    ],
)
async def test_what_the_claim_implies_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, RATE_ARTICLE, text, RATE_DAY)
    assert not report.flagged


@pytest.mark.parametrize(
    "text",
    [
        "The 46-year-old driver of the governor's car was hurt and has already been questioned.",
    ],
)
async def test_a_negation_told_otherwise_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, RATE_ARTICLE, text, RATE_DAY)
    assert report.flagged
