"""The date an article speaks from: a dateline among its opening lines, never a date that a
sentence of the story gives."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.nlp.dates import find_dateline


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("BRUSSELS, 12 March 2025 – NATO allies met on Wednesday.", date(2025, 3, 12)),
        ("GENEVA, March 14, 2024 - The World Health Organization said", date(2024, 3, 14)),
        ("WASHINGTON, Jan 5, 2023 (Reuters) - The Senate voted", date(2023, 1, 5)),
        ("Updated 5:00 AM EST, Mon January 30, 2023\nSeoul, South Korea", date(2023, 1, 30)),
        ("Published: 30 January 2023\n\nThe alliance said", date(2023, 1, 30)),
        ("Monday 30 January 2023\nNATO's chief spoke in Seoul.", date(2023, 1, 30)),
        (
            "2023-01-30 01:40:02 NATO chief urges South Korea to allow arms exports",
            date(2023, 1, 30),
        ),
    ],
)
def test_a_dateline_gives_the_articles_day(text: str, day: date) -> None:
    assert find_dateline(text) == day


@pytest.mark.parametrize(
    "text",
    [
        "Russia began its invasion of Ukraine.\nThe Minsk II agreement was signed on 12 "
        "February 2015.\nIt never held.",
        "On 22 February 2022 Vladimir Putin said the Minsk agreements no longer existed.",
        "Sunday, January 29, 2023 was the day Stoltenberg arrived in Seoul.",
    ],
)
def test_a_date_in_a_sentence_of_the_story_is_no_dateline(text: str) -> None:
    assert find_dateline(text) is None
