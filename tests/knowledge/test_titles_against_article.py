"""A retelling that gives a person another title than the article does is never backed, and
where the article gives that title to someone else it is flagged as a swap; a title told in
other words is not flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2026, 2, 5)
ARTICLE = (
    "Carmaker to cut 9,000 jobs\n\n"
    "KASSEL, 5 February 2026 – Chief executive Matthias Krell said on Thursday that the "
    "carmaker Oberwald would cut 9,000 jobs by 2028.\n\n"
    "Chief financial officer Henrik Baumgart said the programme should save 2.1 billion "
    "euros a year from 2028.\n\n"
    "Sabine Ortmann, who chairs the plant's works council, called the plan a declaration of "
    "war. The town's mayor, Jonas Weber, said shops would suffer within months.\n\n"
    "IG Metall secretary-general Petra Lenz said the union would fight every job.\n\n"
    "The plant's director, Dr. Uwe Brandt, said orders had fallen by a third.\n\n"
    "Hannes Vogel, chief economist at Nordbank in Hamburg, said the cuts were overdue.\n\n"
    "Production at the Kassel plant will be wound down gradually until the end of 2027."
)


async def _report(kb: knowledge.KnowledgeBase, text: str) -> knowledge.Report:
    return await report_after_learning(kb, ARTICLE, text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        "Chief executive Henrik Baumgart said the programme should save 2.1 billion euros a "
        "year from 2028.",
        "Jonas Weber, who chairs the plant's works council, said shops would suffer within months.",
    ],
)
async def test_a_title_the_article_gives_someone_else_is_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert report.flagged
    assert "calls" in report.flagged[0].reason


@pytest.mark.parametrize(
    "text",
    [
        "Plant manager Henrik Baumgart said the programme should save 2.1 billion euros a year "
        "from 2028.",
        "Production at the Kassel plant will be wound down abruptly until the end of 2027.",
        # titles in hyphens, past a form of address, and with what their holder serves
        "IG Metall president Petra Lenz said the union would fight every job.",
        "The plant's chairman, Dr. Uwe Brandt, said orders had fallen by a third.",
        "Hannes Vogel, the finance minister, said the cuts were overdue.",
    ],
)
async def test_another_title_or_an_opposite_word_is_not_backed(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert not any(c.verdict == knowledge.Verdict.SUPPORTED for c in report.claims)


@pytest.mark.parametrize(
    "text",
    [
        "IG Metall secretary-general Petra Lenz said the union would fight every job.",
        "Director Dr. Uwe Brandt said orders had fallen by a third.",
        "Hannes Vogel, chief economist at Nordbank, said the cuts were overdue.",
    ],
)
async def test_the_article_s_own_title_still_backs_a_retelling(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.SUPPORTED]


async def test_a_title_in_other_words_is_not_flagged(kb: knowledge.KnowledgeBase) -> None:
    report = await _report(
        kb, "Finance chief Henrik Baumgart said the programme should save 2.1 billion euros a year."
    )
    assert not report.flagged
