"""The `page_cache` table: fetched pages (and, briefly, failures) by URL, pruned by age and size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from knowledge.store.connection import Database

_WAIT = 1.0  # seconds a cache write waits for its turn: it is worth less than a reply


@dataclass(frozen=True, slots=True)
class CachedPage:
    """One fetch of a URL as stored: an article's fields when `ok`, else the failure's reason."""

    url: str
    fetched_at: datetime
    ok: bool
    title: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date
    text: str | None = None
    error: str | None = None


class PageTable:
    """Reads and writes of `page_cache` over the store's connections (a write is a transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, url: str) -> CachedPage | None:
        sql = (
            "SELECT url, fetched_at, ok, title, site, published, text, error"
            " FROM page_cache WHERE url = ?"
        )
        row = next(iter(await self._db.fetch(sql, (url,))), None)
        if row is None:
            return None
        url, fetched_at, ok, *fields = row
        return CachedPage(url, datetime.fromisoformat(fetched_at), bool(ok), *fields)

    async def put(self, page: CachedPage) -> None:
        """Store `page`, replacing an older fetch of its URL; a cache waits briefly for its
        turn to write (KnowledgeBaseBusy after `_WAIT` seconds)."""
        async with self._db.transaction(wait=_WAIT):
            await self._write(page)

    async def _write(self, page: CachedPage) -> None:
        await self._db.execute(
            "INSERT OR REPLACE INTO page_cache"
            " (url, fetched_at, ok, title, site, published, text, error)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                page.url,
                page.fetched_at.isoformat(),
                int(page.ok),
                page.title,
                page.site,
                page.published,
                page.text,
                page.error,
            ),
        )

    async def prune(self, *, before: datetime, keep: int) -> int:
        """Delete pages fetched before `before`, then all but the `keep` newest; returns how
        many went. Both walk the index on `fetched_at`, not the pages."""
        async with self._db.transaction(wait=_WAIT):
            old = await self._db.execute(
                "DELETE FROM page_cache WHERE fetched_at < ?", (before.isoformat(),)
            )
            rest = await self._db.execute(
                "DELETE FROM page_cache WHERE url IN (SELECT url FROM page_cache"
                " ORDER BY fetched_at DESC LIMIT -1 OFFSET ?)",
                (max(keep, 0),),
            )
        return old.rowcount + rest.rowcount

    async def count(self) -> int:
        """How many pages are cached."""
        (row,) = await self._db.fetch("SELECT count(*) FROM page_cache")
        return int(row[0])
