"""Checking a link: the first that yields an article, checked as its text within the input
limit and against its dates; else the last failure."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import (
    Article,
    FetchFailed,
    Report,
    UnusableInput,
    UnusableLink,
    link_check_input,
)
from knowledge.inputs import MAX_CHARS
from knowledge.link_check import check_links


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


class _Checks:
    """Records what it was asked to check; refuses French text as the engine does."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, date | None, date | None]] = []

    async def __call__(
        self, text: str, *, reference_date: date | None, fallback_date: date | None
    ) -> Report:
        if text.startswith("Ce texte"):
            raise UnusableInput("the text is not in English")
        self.asked.append((text, reference_date, fallback_date))
        return Report(reference_date or date(2024, 1, 1), "explicit", ())


async def _fetch(url: str) -> Article:
    if url.endswith("/gone"):
        raise FetchFailed(url, "the page was not found (HTTP 404)")
    if url.endswith("/fr"):
        return _article("Ce texte est écrit en français.", None)
    return _article("Sweden joined NATO in March 2024.", date(2024, 3, 8))


async def test_the_first_link_that_yields_an_article_is_checked_with_its_dates() -> None:
    """The bot and the CLI share this path: a link that fails is passed over, the next one's
    article is checked against its publication date (or the date the caller gives)."""
    check = _Checks()
    urls = ["https://news.example/gone", "https://news.example/a"]
    checked = await check_links(urls, fetch=_fetch, check=check, forwarded_on=date(2024, 5, 1))
    assert checked.article.text == "Sweden joined NATO in March 2024."
    assert check.asked == [
        ("Sweden joined NATO in March 2024.", date(2024, 3, 8), date(2024, 5, 1))
    ]
    await check_links(urls, fetch=_fetch, check=check, reference_date=date(2025, 1, 2))
    assert check.asked[-1][1:] == (date(2025, 1, 2), None)


async def test_when_no_link_yields_a_checkable_article_the_last_failure_is_raised() -> None:
    check = _Checks()
    with pytest.raises(UnusableLink, match=r"Could not check https://news\.example/fr: .*English"):
        await check_links(
            ["https://news.example/gone", "https://news.example/fr"], fetch=_fetch, check=check
        )
    with pytest.raises(FetchFailed, match="HTTP 404") as raised:
        await check_links(["https://news.example/gone"], fetch=_fetch, check=check)
    assert not isinstance(raised.value, UnusableLink)
    assert check.asked == []
