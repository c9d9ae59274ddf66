"""What a fetched article is checked as: its text within the input limit, and its dates."""

from __future__ import annotations

from datetime import date

from knowledge import Article, link_check_input
from knowledge.inputs import MAX_CHARS


def _article(text: str, published: date | None) -> Article:
    return Article(
        "https://news.example/a", "https://news.example/a", "Title", "news.example", published, text
    )


def test_publication_date_is_the_reference_when_the_forward_is_newer() -> None:
    text, dates = link_check_input(_article("Body.", date(2023, 1, 30)), date(2023, 3, 1))
    assert text == "Body."
    assert dates == {"reference_date": date(2023, 1, 30), "fallback_date": date(2023, 3, 1)}


def test_an_older_forward_date_wins_and_a_missing_date_is_left_to_the_engine() -> None:
    _, older = link_check_input(_article("Body.", date(2023, 1, 30)), date(2022, 12, 1))
    assert older["reference_date"] == date(2022, 12, 1)
    _, unknown = link_check_input(_article("Body.", None), None)
    assert unknown == {"reference_date": None, "fallback_date": None}


def test_a_page_longer_than_the_input_limit_is_cut_to_fit() -> None:
    text, _ = link_check_input(_article("word " * MAX_CHARS, None), None)
    assert len(text) < MAX_CHARS
