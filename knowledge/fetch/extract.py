"""Turning a downloaded page into an Article: trafilatura for HTML, plain text served as is."""

from __future__ import annotations

from datetime import date

import httpx

from ..errors import FetchFailed
from .article import Article
from .download import Page

# Only dates the page states in its markup; guessing from the text would skew the reference date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

NO_ARTICLE = "no article text found on the page (paywall, login wall or not an article)"


def extract_article(url: str, final_url: str, page: Page, *, min_text_chars: int) -> Article:
    """The article in `page`, fetched for `url` from `final_url`; FetchFailed when there is none."""
    if page.media_type == "text/plain":
        return _plain_article(url, final_url, page, min_text_chars=min_text_chars)
    return _html_article(url, final_url, page, min_text_chars=min_text_chars)


def _plain_article(url: str, final_url: str, page: Page, *, min_text_chars: int) -> Article:
    text = page.body.decode(page.charset or "utf-8", errors="replace").strip()
    if len(text) < min_text_chars:
        raise FetchFailed(url, "the text at the link is too short to check")
    return Article(url, final_url, None, site_of(final_url), None, text)


def _html_article(url: str, final_url: str, page: Page, *, min_text_chars: int) -> Article:
    import trafilatura  # loaded on first use: it costs a tenth of a second at start-up

    markup: str | bytes = _decoded(page)
    document = trafilatura.bare_extraction(
        markup,
        url=final_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    text = (getattr(document, "text", None) or "").strip()
    if document is None or len(text) < min_text_chars:
        raise FetchFailed(url, NO_ARTICLE)
    title = getattr(document, "title", None) or None
    site = getattr(document, "sitename", None) or site_of(final_url)
    published = _parse_date(getattr(document, "date", None))
    return Article(url, final_url, title, site, published, text)


def _decoded(page: Page) -> str | bytes:
    """Text when the server declared a charset we know; bytes for trafilatura to sniff otherwise."""
    if page.charset is None:
        return page.body
    try:
        return page.body.decode(page.charset, errors="replace")
    except LookupError:
        return page.body


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def site_of(url: str) -> str:
    """The host of `url` without a leading `www.`, as a fallback site name."""
    host = httpx.URL(url).host
    return host.removeprefix("www.")
