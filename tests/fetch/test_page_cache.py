"""The page cache: a cached URL is fetched once, entries expire, failures are kept briefly,
old and surplus pages are pruned."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fetch_server import LocalServer, Reply, article_html, html_reply

import knowledge
from knowledge.errors import FetchFailed
from knowledge.fetch import Article, FetchLimits, PageCache, PageCacheLimits, fetch_article
from knowledge.model import Actor, StatementDraft
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import Store, open_store

ARTICLE = Article("https://a.example/x", "https://a.example/x", "A", "a.example", None, "Hi")
FRESH = {"ttl": timedelta(hours=1), "failure_ttl": timedelta(0)}


class Clock:
    """A settable clock for expiry tests."""

    def __init__(self) -> None:
        self.now = datetime(2023, 1, 30, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await open_store(tmp_path / "kb.sqlite", text_index=TEXT_INDEX)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(store: Store, clock: Clock) -> PageCache:
    return PageCache(store.pages, clock=clock)


@pytest.fixture
def article_url(local_server: LocalServer) -> str:
    local_server.routes["/news/nato"] = html_reply(article_html())
    return local_server.url("/news/nato")


async def test_a_cached_url_is_fetched_once(
    local_server: LocalServer, open_limits: FetchLimits, cache: PageCache, article_url: str
) -> None:
    first = await fetch_article(article_url, limits=open_limits, cache=cache)
    second = await fetch_article(article_url, limits=open_limits, cache=cache)

    assert local_server.hits["/news/nato"] == 1
    assert (second.title, second.site, second.published, second.text) == (
        first.title,
        first.site,
        date(2023, 1, 30),
        first.text,
    )


async def test_concurrent_fetches_of_one_url_share_one_request(
    local_server: LocalServer, open_limits: FetchLimits, cache: PageCache, article_url: str
) -> None:
    articles = await asyncio.gather(
        *(fetch_article(article_url, limits=open_limits, cache=cache) for _ in range(5))
    )

    assert local_server.hits["/news/nato"] == 1
    assert len({a.text for a in articles}) == 1


async def test_the_fragment_does_not_make_another_entry(
    local_server: LocalServer, open_limits: FetchLimits, cache: PageCache, article_url: str
) -> None:
    await fetch_article(article_url, limits=open_limits, cache=cache)
    again = await fetch_article(f"{article_url}#comments", limits=open_limits, cache=cache)

    assert local_server.hits["/news/nato"] == 1
    assert again.url == f"{article_url}#comments"


async def test_entries_expire_after_the_time_limit(
    local_server: LocalServer,
    open_limits: FetchLimits,
    cache: PageCache,
    clock: Clock,
    article_url: str,
) -> None:
    ttl = timedelta(hours=1)
    await fetch_article(article_url, limits=open_limits, cache=cache, cache_ttl=ttl)
    clock.now += timedelta(minutes=59)
    await fetch_article(article_url, limits=open_limits, cache=cache, cache_ttl=ttl)
    assert local_server.hits["/news/nato"] == 1

    clock.now += timedelta(minutes=2)
    await fetch_article(article_url, limits=open_limits, cache=cache, cache_ttl=ttl)
    assert local_server.hits["/news/nato"] == 2


async def test_failures_are_kept_briefly(
    local_server: LocalServer, open_limits: FetchLimits, cache: PageCache, clock: Clock
) -> None:
    local_server.routes["/gone"] = Reply(404, {"Content-Type": "text/html"})
    url = local_server.url("/gone")
    brief = timedelta(minutes=5)

    for link in (url, f"{url}#top"):
        with pytest.raises(FetchFailed, match="HTTP 404") as caught:
            await fetch_article(link, limits=open_limits, cache=cache, failure_ttl=brief)
        assert caught.value.url == link
    assert local_server.hits["/gone"] == 1

    clock.now += brief
    with pytest.raises(FetchFailed, match="HTTP 404"):
        await fetch_article(url, limits=open_limits, cache=cache, failure_ttl=brief)
    assert local_server.hits["/gone"] == 2


async def test_a_zero_failure_ttl_keeps_no_failures(
    local_server: LocalServer, open_limits: FetchLimits, cache: PageCache
) -> None:
    local_server.routes["/gone"] = Reply(404, {"Content-Type": "text/html"})
    url = local_server.url("/gone")

    for _ in range(2):
        with pytest.raises(FetchFailed):
            await fetch_article(url, limits=open_limits, cache=cache, failure_ttl=timedelta(0))
    assert local_server.hits["/gone"] == 2


async def test_entries_survive_in_the_sqlite_file(
    tmp_path: Path, cache: PageCache, clock: Clock
) -> None:
    await cache.put_article(ARTICLE.url, ARTICLE)

    other = await open_store(tmp_path / "kb.sqlite", text_index=TEXT_INDEX)
    try:
        assert await PageCache(other.pages, clock=clock).get(ARTICLE.url, **FRESH) == ARTICLE
    finally:
        await other.close()


async def test_a_write_prunes_pages_past_the_maximum_age(store: Store, clock: Clock) -> None:
    cache = PageCache(store.pages, limits=PageCacheLimits(max_age=timedelta(days=1)), clock=clock)
    await cache.put_failure("https://old.example/", "the server answered HTTP 404 Not Found")
    clock.now += timedelta(days=2)
    await cache.put_failure("https://new.example/", "the server answered HTTP 404 Not Found")

    assert await store.pages.count() == 1
    kept = await cache.get("https://new.example/", ttl=timedelta(0), failure_ttl=timedelta(hours=1))
    assert isinstance(kept, FetchFailed)
    assert kept.reason == "the server answered HTTP 404 Not Found"


async def test_the_cache_keeps_only_the_newest_pages(store: Store, clock: Clock) -> None:
    cache = PageCache(store.pages, limits=PageCacheLimits(max_pages=3), clock=clock)
    for n in range(5):
        await cache.put_article(f"https://a.example/{n}", ARTICLE)
        clock.now += timedelta(minutes=1)

    week = {"ttl": timedelta(days=7), "failure_ttl": timedelta(0)}
    kept = [n for n in range(5) if await cache.get(f"https://a.example/{n}", **week)]
    assert kept == [2, 3, 4]


async def test_a_page_older_than_the_maximum_age_is_not_served(store: Store, clock: Clock) -> None:
    cache = PageCache(store.pages, limits=PageCacheLimits(max_age=timedelta(hours=2)), clock=clock)
    await cache.put_article(ARTICLE.url, ARTICLE)
    clock.now += timedelta(hours=3)
    assert await cache.get(ARTICLE.url, ttl=timedelta(days=1), failure_ttl=timedelta(0)) is None


async def test_opening_the_knowledge_base_prunes_old_pages_and_serves_fresh_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "kb.sqlite"
    day = timedelta(days=1)
    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        now = datetime.now(UTC)
        await PageCache(store.pages, clock=lambda: now - 3 * day).put_article(
            "https://old.example/", ARTICLE
        )
        await PageCache(store.pages, clock=lambda: now).put_article(ARTICLE.url, ARTICLE)
    finally:
        await store.close()

    async with knowledge.open_kb(path, seed=False, pages=PageCacheLimits(max_age=day)) as kb:
        assert await kb.store.pages.count() == 1
        fresh = await kb.pages.get(ARTICLE.url, ttl=day, failure_ttl=timedelta(0))
    assert fresh == ARTICLE


async def test_a_write_joins_the_transaction_it_meets(store: Store, cache: PageCache) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction():
            await store.insert(StatementDraft(text="Half written."), Actor.cli())
            await cache.put_article(ARTICLE.url, ARTICLE)
            raise RuntimeError("crash in the middle")
    assert await cache.get(ARTICLE.url, **FRESH) is None
    assert await store.statements.all(status=None) == []

    await cache.put_article(ARTICLE.url, ARTICLE)  # outside a transaction: kept at once
    assert await cache.get(ARTICLE.url, **FRESH) == ARTICLE
