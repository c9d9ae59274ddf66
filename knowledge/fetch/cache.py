"""The page cache: fetched articles (and, briefly, failures) by URL in the store's SQLite file."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta

import aiosqlite

from ..errors import FetchFailed
from .article import Article


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PageCache:
    """Articles by URL in the `page_cache` table, over an open aiosqlite connection.

    A write never commits someone else's transaction: on an autocommit connection
    (`isolation_level=None`, as the store opens it) each write commits by itself, or joins a
    transaction already open; otherwise the cache commits only a transaction its write began.
    Within one process, concurrent fetches of one URL wait for each other (`claim`), so a link
    forwarded to ten chats is fetched once.
    """

    def __init__(
        self, connection: aiosqlite.Connection, *, clock: Callable[[], datetime] = _utc_now
    ) -> None:
        self._connection = connection
        self._clock = clock
        self._claims: dict[str, tuple[asyncio.Lock, int]] = {}

    async def get(
        self, url: str, *, ttl: timedelta, failure_ttl: timedelta
    ) -> Article | FetchFailed | None:
        """The cached article or failure for `url` if still fresh, else None."""
        cursor = await self._connection.execute(
            "SELECT fetched_at, ok, title, site, published, text, error"
            " FROM page_cache WHERE url = ?",
            (url,),
        )
        row = await cursor.fetchone()
        await cursor.close()
        if row is None:
            return None
        fetched_at, ok, title, site, published, text, error = row
        age = self._clock() - datetime.fromisoformat(fetched_at)
        if age >= (ttl if ok else failure_ttl):
            return None
        if not ok:
            return FetchFailed(url, error or "the page could not be fetched")
        day = date.fromisoformat(published) if published else None
        return Article(url, url, title, site or "", day, text or "")

    async def put_article(self, url: str, article: Article) -> None:
        """Remember `article` as the page behind `url`."""
        published = article.published.isoformat() if article.published else None
        await self._put(url, True, article.title, article.site, published, article.text, None)

    async def put_failure(self, url: str, reason: str) -> None:
        """Remember that `url` could not be fetched, and why."""
        await self._put(url, False, None, None, None, None, reason)

    async def prune(self, *, older_than: timedelta) -> int:
        """Delete entries fetched longer than `older_than` ago; returns how many went."""
        cutoff = (self._clock() - older_than).isoformat()
        return await self._write("DELETE FROM page_cache WHERE fetched_at < ?", (cutoff,))

    @asynccontextmanager
    async def claim(self, url: str) -> AsyncIterator[None]:
        """Hold `url` so that other tasks fetching it wait and then find it cached."""
        lock, holders = self._claims.get(url, (asyncio.Lock(), 0))
        self._claims[url] = (lock, holders + 1)
        try:
            async with lock:
                yield
        finally:
            lock, holders = self._claims[url]
            if holders == 1:
                del self._claims[url]
            else:
                self._claims[url] = (lock, holders - 1)

    async def _put(self, url: str, ok: bool, *fields: str | None) -> None:
        await self._write(
            "INSERT OR REPLACE INTO page_cache"
            " (url, fetched_at, ok, title, site, published, text, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (url, self._clock().isoformat(), int(ok), *fields),
        )

    async def _write(self, sql: str, parameters: tuple[object, ...]) -> int:
        """Run one change; returns the number of rows it touched."""
        autocommit = self._connection.isolation_level is None
        joined = self._connection.in_transaction
        async with self._connection.execute(sql, parameters) as cursor:
            count = cursor.rowcount
        if not autocommit and not joined:
            await self._connection.commit()
        return count
