"""fetch_article: the safe way from a link to an Article (checks, redirects, limits, cache)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx

from ..errors import FetchFailed
from .addresses import Resolver, system_resolver, vetted_addresses
from .article import Article
from .cache import PageCache
from .decoding import ACCEPTED
from .download import Page, get_pinned
from .extract import extract_article
from .limits import FetchLimits

_SCHEMES = frozenset({"http", "https"})


async def fetch_article(
    url: str,
    *,
    limits: FetchLimits,
    resolver: Resolver | None = None,
    cache: PageCache | None = None,
    cache_ttl: timedelta = timedelta(hours=6),
    failure_ttl: timedelta = timedelta(minutes=5),
    transport: httpx.AsyncBaseTransport | None = None,
) -> Article:
    """Fetch the page behind `url` and extract its article; raises FetchFailed with a reason.

    Only http(s) links to hosts whose addresses are all public (unless `limits.allow_private`),
    checked again on every redirect. `transport` replaces httpx's network layer (tests).
    """
    key = str(_checked_url(url, url).copy_with(fragment=None))

    async def fresh() -> Article:
        return await _fetch_fresh(url, limits, resolver or system_resolver, transport)

    if cache is None:
        return await fresh()
    return await _through_cache(url, key, cache, fresh, ttl=cache_ttl, failure_ttl=failure_ttl)


async def _through_cache(
    url: str,
    key: str,
    cache: PageCache,
    fetch: Callable[[], Awaitable[Article]],
    *,
    ttl: timedelta,
    failure_ttl: timedelta,
) -> Article:
    async with cache.claim(key):
        cached = await cache.get(key, ttl=ttl, failure_ttl=failure_ttl)
        if isinstance(cached, FetchFailed):
            raise FetchFailed(url, cached.reason)
        if cached is not None:
            return dataclasses.replace(cached, url=url)
        try:
            article = await fetch()
        except FetchFailed as failure:
            if failure_ttl > timedelta(0):
                await cache.put_failure(key, failure.reason)
            raise
        await cache.put_article(key, article)
        return article


async def _fetch_fresh(
    url: str, limits: FetchLimits, resolver: Resolver, transport: httpx.AsyncBaseTransport | None
) -> Article:
    try:
        async with asyncio.timeout(limits.total_timeout):
            final_url, page = await _download(url, limits, resolver, transport)
    except TimeoutError as error:
        reason = f"the page took longer than {limits.total_timeout:g} s to download"
        raise FetchFailed(url, reason) from error
    except FetchFailed as failure:
        if failure.url == url:
            raise
        raise FetchFailed(url, failure.reason) from failure
    return await asyncio.to_thread(
        extract_article, url, final_url, page, min_text_chars=limits.min_text_chars
    )


async def _download(
    url: str, limits: FetchLimits, resolver: Resolver, transport: httpx.AsyncBaseTransport | None
) -> tuple[str, Page]:
    """Follow redirects by hand, vetting each host, until a page or a limit is reached."""
    current = _checked_url(url, url).copy_with(fragment=None)
    seen = {current}
    async with _client(limits, transport) as client:
        for _ in range(limits.max_redirects + 1):
            host = current.raw_host.decode("ascii")
            addresses = await vetted_addresses(
                url, host, resolver=resolver, allow_private=limits.allow_private
            )
            answer = await get_pinned(client, current, addresses, limits=limits)
            if answer.page is not None:
                return str(current), answer.page
            current = _redirect_target(url, current, answer.location or "", seen)
    raise FetchFailed(url, f"the link redirects more than {limits.max_redirects} times")


def _redirect_target(
    url: str, current: httpx.URL, location: str, seen: set[httpx.URL]
) -> httpx.URL:
    try:
        target = current.join(location).copy_with(fragment=None)
    except httpx.InvalidURL as error:
        raise FetchFailed(url, "the site redirects to an invalid address") from error
    _checked_url(url, str(target))
    if target in seen:
        raise FetchFailed(url, "the link redirects in a loop")
    seen.add(target)
    return target


def _checked_url(url: str, candidate: str) -> httpx.URL:
    """`candidate` parsed, if it is an http(s) URL with a host; reported against `url`."""
    try:
        parsed = httpx.URL(candidate)
    except httpx.InvalidURL as error:
        raise FetchFailed(url, "this is not a valid web address") from error
    if parsed.scheme not in _SCHEMES:
        raise FetchFailed(url, "only http and https links can be checked")
    if not parsed.host:
        raise FetchFailed(url, "this is not a valid web address")
    return parsed


def _client(limits: FetchLimits, transport: httpx.AsyncBaseTransport | None) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=transport or httpx.AsyncHTTPTransport(retries=0),
        timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
        headers={
            "User-Agent": limits.user_agent,
            "Accept": "text/html, text/plain;q=0.9",
            "Accept-Encoding": ACCEPTED,
        },
        follow_redirects=False,
        trust_env=False,
    )
