"""A retelling of a learned article in other words is not a swap: shares said as counts ("six
in ten"), parts of large numbers ("a quarter of a million"), a year written before a noun,
an age fused with its unit, a denial reported in other words; and a sentence telling of
something the article never reports is an addition, left unverified, not flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning, verdict_beside

DAY = date(2025, 3, 6)
ARTICLE = (
    "Bus drivers strike across Norland over pay\n\n"
    "ARENDAL, 6 March 2025 – Bus drivers across Norland walked out on Wednesday, and the "
    "operator Vestbuss said it had cancelled around 70 percent of its scheduled services.\n\n"
    "Union leader Maren Solli said 90 percent of the roughly 2,600 drivers on duty had joined "
    "the strike. Vestbuss put participation at 75 percent.\n\n"
    "Vestbuss has offered a 3 percent rise this year, whereas the union is demanding 8 "
    "percent, arguing that wages were cut by up to 20 percent during a restructuring in 2020.\n\n"
    "Of the affected routes, 312,000 weekly passengers are in the south and 41,000 in the "
    "north, the transport agency said.\n\n"
    "Drivers aged 18 to 29 make up a fifth of the workforce, the union said.\n\n"
    "About 450 commuters spent the night in a school gym in Lyngby after the last trains "
    "were full, said Per Aune, the town's deputy mayor.\n\n"
    "Transport minister Ola Brekke said the talks had stalled because of the operator's "
    "losses and because of new routes, which no longer receive state support.\n\n"
    "Vestbuss chief executive Ida Moen denied a report in a regional newspaper that the "
    "company had hired replacement drivers from abroad."
)


async def _verdicts(kb: knowledge.KnowledgeBase, text: str) -> list[str]:
    report = await report_after_learning(kb, ARTICLE, text, DAY)
    return [c.verdict.value for c in report.claims]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("About seven in ten of Vestbuss's services were cancelled.", id="share"),
        pytest.param(
            "Vestbuss said 75 percent of drivers took part, fewer than the 90 percent the "
            "union claimed.",
            id="share-not-count",
        ),
        pytest.param("The union wants an 8 percent raise.", id="opposite-of-another-figure"),
        pytest.param(
            "The union says wages were cut by up to 20 percent in the 2020 restructuring.",
            id="year-before-noun",
        ),
        pytest.param(
            "More than a quarter of a million of the weekly passengers are in the south.",
            id="part-of-a-million",
        ),
        pytest.param("18- to 29-year-olds make up a fifth of the drivers.", id="age"),
        pytest.param(
            "Ola Brekke blamed the stalled talks on the operator's losses and on new routes.",
            id="clause-negation-not-background",
        ),
        pytest.param(
            "Ida Moen rejected a regional newspaper's claim that Vestbuss had hired drivers "
            "from abroad.",
            id="denial-in-other-words",
        ),
    ],
)
async def test_a_faithful_retelling_in_other_words_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" not in await _verdicts(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Red Cross handed out blankets to commuters at the school gym in Lyngby.",
            id="someone-else-there",
        ),
        pytest.param(
            "The regional newspaper that reported the hiring claims is based in Arendal.",
            id="one-word-of-a-denial",
        ),
    ],
)
async def test_what_the_article_never_reports_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" not in await _verdicts(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("About three in ten of Vestbuss's services were cancelled.", id="share"),
        pytest.param(
            "Per Aune said about 450 commuters spent the night in a school gym in Arendal.",
            id="place",
        ),
    ],
)
async def test_a_detail_retold_otherwise_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _verdicts(kb, text)


SERIES = "Dara Quill is an Irish actor, best known as Rosa Keane in the series Harbour Lights (2003–2011)."


@pytest.mark.parametrize(
    "claim",
    ["Dara Quill was born in 2003.", "Dara Quill died in 2011.", "Dara Quill was born in 1975."],
)
async def test_years_in_brackets_after_a_title_are_no_ones_life(claim: str) -> None:
    # the series ran from 2003 to 2011: they are not the actor's birth and death
    assert await verdict_beside(SERIES, claim) != "supported"
