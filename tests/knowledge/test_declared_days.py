"""A weekday a body declares something ("has declared Friday a day of mourning") is the day
declared, still to come, not the day of the declaration: a retelling giving the coming date
is not flagged, one giving the weekday before the article's day is."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

ARTICLE = (
    "Three dead as bus plunges into ravine near Zadar\n\n"
    "ZADAR, 3 March 2026 – Three people were killed and 21 injured when a tourist bus left the"
    " road and fell into a ravine near Zadar late on Sunday, police said. The city council has"
    " declared Friday a day of mourning, and the interior minister said the road would be "
    "inspected."
)
PUBLISHED = date(2026, 3, 3)  # a Tuesday: the Friday declared is 6 March


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Zadar's city council declared 6 March a day of mourning.", False),
        ("Zadar's city council declared 27 February a day of mourning.", True),
    ],
)
async def test_a_declared_weekday_is_the_day_to_come(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await report_after_learning(kb, ARTICLE, text, PUBLISHED, days_after=0)
    assert bool(report.flagged) == flagged
