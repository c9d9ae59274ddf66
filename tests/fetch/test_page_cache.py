"""The page cache: a cached URL is fetched once, entries expire, failures are kept briefly."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import aiosqlite
import pytest
from fetch_server import LocalServer, Reply, article_html, html_reply

from knowledge.errors import FetchFailed
from knowledge.fetch import Article, FetchLimits, PageCache, fetch_article
from knowledge.store.schema import MIGRATIONS

ARTICLE = Article("https://a.example/x", "https://a.example/x", "A", "a.example", None, "Hi")
FRESH = {"ttl": timedelta(hours=1), "failure_ttl": timedelta(0)}


class Clock:
    """A settable clock for expiry tests."""

    def __init__(self) -> None:
        self.now = datetime(2023, 1, 30, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def connection(tmp_path: Path) -> AsyncIterator[aiosqlite.Connection]:
    async with aiosqlite.connect(tmp_path / "kb.sqlite") as db:
        await db.executescript(MIGRATIONS[0])
        yield db


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cache(connection: aiosqlite.Connection, clock: Clock) -> PageCache:
    return PageCache(connection, clock=clock)


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
    tmp_path: Path, connection: aiosqlite.Connection, clock: Clock
) -> None:
    await PageCache(connection, clock=clock).put_article(ARTICLE.url, ARTICLE)

    async with aiosqlite.connect(tmp_path / "kb.sqlite") as other:
        assert await PageCache(other, clock=clock).get(ARTICLE.url, **FRESH) == ARTICLE


async def test_prune_removes_old_entries(cache: PageCache, clock: Clock) -> None:
    await cache.put_failure("https://old.example/", "the server answered HTTP 404 Not Found")
    clock.now += timedelta(days=2)
    await cache.put_failure("https://new.example/", "the server answered HTTP 404 Not Found")

    assert await cache.prune(older_than=timedelta(days=1)) == 1
    kept = await cache.get("https://new.example/", ttl=timedelta(0), failure_ttl=timedelta(hours=1))
    assert isinstance(kept, FetchFailed)
    assert kept.reason == "the server answered HTTP 404 Not Found"


@pytest.mark.parametrize("isolation_level", [None, "DEFERRED"], ids=["autocommit", "implicit"])
async def test_a_write_never_commits_a_transaction_it_did_not_begin(
    tmp_path: Path, clock: Clock, isolation_level: str | None
) -> None:
    async with aiosqlite.connect(tmp_path / "kb.sqlite", isolation_level=isolation_level) as db:
        await db.executescript(MIGRATIONS[0])
        cache = PageCache(db, clock=clock)
        await db.execute("BEGIN IMMEDIATE")
        await db.execute("UPDATE meta SET value = '7' WHERE key = 'kb_version'")
        await cache.put_article(ARTICLE.url, ARTICLE)
        assert db.in_transaction
        await db.rollback()

        assert await cache.get(ARTICLE.url, **FRESH) is None
        await cache.put_article(ARTICLE.url, ARTICLE)
        assert not db.in_transaction
        async with db.execute("SELECT value FROM meta WHERE key = 'kb_version'") as cursor:
            assert await cursor.fetchone() == ("0",)
    async with aiosqlite.connect(tmp_path / "kb.sqlite") as other:
        assert await PageCache(other, clock=clock).get(ARTICLE.url, **FRESH) == ARTICLE
