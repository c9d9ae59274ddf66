"""A retelling may join what two sentences of a learned article say, open with a
preposition, or report a denial the article reports in other words: none of that is a
detail swapped. A retelling that turns the denial round is still flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2026, 11, 9)
ARTICLE = (
    "Alpine rail tunnel opens three years late\n\n"
    "CHUR, 9 November 2026 – The first scheduled passenger train through the new Splügen "
    "Base Tunnel left Chur on Monday, two days after ministers opened the rail link under "
    "the Alps at a ceremony overshadowed by questions about its cost.\n\n"
    "Four workers died during construction, and their names were read out at Saturday's "
    "ceremony in Thusis.\n\n"
    "Operator chief Beat Hofstetter said 64 passenger trains a day would use the tunnel at "
    "first. Once freight services begin in December, traffic is due to rise to 160 trains a "
    "day, 110 of them freight trains.\n\n"
    "Operator chief Beat Hofstetter called the tunnel safe. He denied a report in a Milan "
    "daily that cracks had been found in the western tube, saying every metre of the tunnel "
    "had been inspected.\n\n"
    "The 57-kilometre Gotthard Base Tunnel, which opened in 2016, was completed ahead of "
    "schedule."
)


async def _report(kb: knowledge.KnowledgeBase, text: str) -> knowledge.Report:
    return await report_after_learning(kb, ARTICLE, text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        "The Splügen Base Tunnel opened at a ceremony in Thusis, and the first scheduled "
        "passenger train left Chur on Monday.",
        "From an initial 64 passenger trains a day, traffic is due to rise to 160 trains a "
        "day once freight services begin in December.",
        "Unlike the Splügen tunnel, which opened almost three years late, the 57-kilometre "
        "Gotthard Base Tunnel was finished ahead of schedule when it opened in 2016.",
        "Hofstetter rejected a report in a Milan daily that cracks had been found in the "
        "western tube.",
    ],
)
async def test_joined_or_reworded_retellings_are_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Hofstetter confirmed a report in a Milan daily that cracks had been found in the "
        "western tube.",
        "Operator chief Beat Hofstetter said 46 passenger trains a day would use the tunnel at "
        "first.",
    ],
)
async def test_a_detail_turned_is_still_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    report = await _report(kb, text)
    assert report.flagged
