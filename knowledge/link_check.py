"""Checking a message's links, one path for the bot and the CLI: the first link that yields an
article is fetched (safely, cached by URL) and checked against its own publication date."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from knowledge.errors import FetchFailed, UnusableInput, UnusableLink
from knowledge.fetch import Article
from knowledge.inputs import MAX_CHARS
from knowledge.model import Report


class CheckText(Protocol):
    """What checks an article's text: `KnowledgeBase.check`, or the bot's worker pool."""

    def __call__(
        self, text: str, *, reference_date: date | None, fallback_date: date | None
    ) -> Awaitable[Report]: ...


@dataclass(frozen=True, slots=True)
class LinkCheck:
    """A linked article and the report on it."""

    article: Article
    report: Report


async def check_links(
    urls: Sequence[str],
    *,
    fetch: Callable[[str], Awaitable[Article]],
    check: CheckText,
    forwarded_on: date | None = None,
    reference_date: date | None = None,
) -> LinkCheck:
    """The first of `urls` that yields an article, fetched and checked; else the last link's
    failure is raised (FetchFailed, or UnusableLink when its article cannot be checked).

    The article's publication date is the reference date unless the forward's own date
    (`forwarded_on`) is older; `reference_date` overrides both.
    """
    failure: FetchFailed = FetchFailed("the link", "no link was given")
    for url in urls:
        try:
            article = await fetch(url)
        except FetchFailed as error:
            failure = error
            continue
        text, dates = link_check_input(article, forwarded_on)
        if reference_date is not None:
            dates = {"reference_date": reference_date, "fallback_date": None}
        try:
            return LinkCheck(article, await check(text, **dates))
        except UnusableInput as error:
            failure = UnusableLink(url, error.reason)
    raise failure


def link_check_input(
    article: Article, forwarded_on: date | None
) -> tuple[str, dict[str, date | None]]:
    """What to check for a fetched article and against which dates: its text (cut to the input
    limit) and its publication date, unless the forward's own date is older."""
    when = article.reference_date(forwarded_on)
    return article.text[: MAX_CHARS - 1], {"reference_date": when, "fallback_date": forwarded_on}
