"""A sentence that adds to a learned article is not a retelling with a detail swapped: a
figure stands in place of one the article gives only where both measure the same kind of
thing (an age is no length), an ordinal only where the article has another before the same
word or in the sentence retold, and "a third" said for a share is no ordinal."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2026, 11, 9)
ARTICLE = (
    "Alpine rail tunnel opens three years late\n\n"
    "CHUR, 9 November 2026 – The first scheduled passenger train through the new Splügen "
    "Base Tunnel left Chur at 6:12 a.m. on Monday, two days after ministers opened the "
    "49.6-kilometre rail link under the Alps.\n\n"
    "Its portal reuses 19th-century stone from the old Splügen pass road. The project cost "
    "8.6 billion Swiss francs. When construction began in 2012, it was "
    "budgeted at 6.2 billion francs.\n\n"
    "Bookings for the second week of services fell 31 percent after a report of cracks in "
    "the western tube, which the operator denied."
)


async def _report(kb: knowledge.KnowledgeBase, text: str) -> knowledge.Report:
    return await report_after_learning(kb, ARTICLE, text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        "The first passenger train through the tunnel was driven by a 58-year-old engineer.",
        "The operator's chief executive opened its third office in Milan in 2025.",
        "The operator's offices are in an 18th-century mansion in Chur.",
        "Bookings for the second week of services fell by nearly a third after a report of "
        "cracks in the western tube.",
    ],
)
async def test_an_addition_or_a_share_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Bookings for the third week of services fell 31 percent after a report of cracks in "
        "the western tube.",
        "The project cost 9.6 billion Swiss francs.",
        "Its portal reuses 18th-century stone from the old Splügen pass road.",
    ],
)
async def test_a_detail_in_place_of_the_articles_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert report.flagged
