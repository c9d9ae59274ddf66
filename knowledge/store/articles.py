"""The `article_sentences` table: the sentences of a learned article that were not learned as
statements (opinions, quotes, forecasts), kept so that checks against the whole article read
everything it says, not only what became statements."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.model import Source
from knowledge.store.connection import Database

_SOURCE = "source_title IS ? AND source_url IS ? AND source_published IS ?"


def _key(source: Source) -> tuple[str | None, str | None, str | None]:
    published = source.published.isoformat() if source.published else None
    return source.title, source.url, published


class ArticleSentenceTable:
    """Reads and writes of `article_sentences` (a write joins the caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(self, source: Source, texts: Iterable[str]) -> None:
        """Keep these sentences of the article from `source` (each once)."""
        key = _key(source)
        rows = [(*key, text) for text in dict.fromkeys(t.strip() for t in texts) if text]
        if rows:
            await self._db.executemany(
                "INSERT OR IGNORE INTO article_sentences"
                " (source_title, source_url, source_published, text) VALUES (?, ?, ?, ?)",
                rows,
            )

    async def of(self, source: Source, *, limit: int = 500) -> list[str]:
        """The kept sentences of the article from exactly this source, in the order kept."""
        rows = await self._db.fetch(
            f"SELECT text FROM article_sentences WHERE {_SOURCE} ORDER BY id LIMIT ?",
            (*_key(source), limit),
        )
        return [text for (text,) in rows]
