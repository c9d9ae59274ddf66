"""The page cache: fetched articles (and, briefly, failures) by URL, kept in the store."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ..errors import FetchFailed, KnowledgeBaseBusy
from ..store.pages import CachedPage, PageTable
from .article import Article


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class PageCacheLimits:
    """How long fetched pages are kept and how many at most; older and surplus pages go."""

    max_age: timedelta = timedelta(hours=24)
    max_pages: int = 2_000

    def __post_init__(self) -> None:
        if self.max_age <= timedelta(0) or self.max_pages < 1:
            raise ValueError("the page cache needs a positive maximum age and size")


class PageCache:
    """Articles by URL in the store's page table, kept within `limits`: every write prunes
    what is too old or too many (two look-ups in an index on the fetch time).

    Within one process, concurrent fetches of one URL wait for each other (`claim`), so a link
    forwarded to ten chats is fetched once.
    """

    def __init__(
        self,
        table: PageTable,
        *,
        limits: PageCacheLimits | None = None,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._table = table
        self._limits = limits or PageCacheLimits()
        self._clock = clock
        self._claims: dict[str, tuple[asyncio.Lock, int]] = {}

    async def get(
        self, url: str, *, ttl: timedelta, failure_ttl: timedelta
    ) -> Article | FetchFailed | None:
        """The cached article or failure for `url` if still fresh, else None."""
        page = await self._table.get(url)
        if page is None:
            return None
        age = self._clock() - page.fetched_at
        if age >= (ttl if page.ok else failure_ttl) or age >= self._limits.max_age:
            return None
        if not page.ok:
            return FetchFailed(url, page.error or "the page could not be fetched")
        day = date.fromisoformat(page.published) if page.published else None
        return Article(url, url, page.title, page.site or "", day, page.text or "")

    async def put_article(self, url: str, article: Article) -> None:
        """Remember `article` as the page behind `url`."""
        published = article.published.isoformat() if article.published else None
        await self._put(
            CachedPage(
                url, self._clock(), True, article.title, article.site, published, article.text
            )
        )

    async def put_failure(self, url: str, reason: str) -> None:
        """Remember that `url` could not be fetched, and why."""
        await self._put(CachedPage(url, self._clock(), False, error=reason))

    async def prune(self) -> int:
        """Delete pages older than the maximum age and all but the newest `max_pages`;
        returns how many went."""
        before = self._clock() - self._limits.max_age
        with suppress(KnowledgeBaseBusy):  # another writer holds the file: prune next time
            return await self._table.prune(before=before, keep=self._limits.max_pages)
        return 0

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

    async def _put(self, page: CachedPage) -> None:
        # a cache, not knowledge: while another writer holds the file, the page goes unkept
        with suppress(KnowledgeBaseBusy):
            await self._table.put(page)
            await self.prune()
