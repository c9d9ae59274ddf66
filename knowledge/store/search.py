"""Full-text look-ups of active statements: one FTS5 query, ranked by BM25 or by recency."""

from __future__ import annotations

from knowledge.store.connection import Database

IndexedStatement = tuple[int, str, str]  # id, index terms, title terms


class StatementIndex:
    """The `statements_fts` index of active statements, over the store's connection."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def matches(
        self, match: str, *, ranked: bool, size: int, title_weight: float
    ) -> list[IndexedStatement]:
        """Up to `size` active statements matching the FTS5 expression `match`: the best by
        BM25 (title terms weighted by `title_weight`) when `ranked`, else the newest."""
        if ranked:
            hits = (
                "SELECT rowid, bm25(statements_fts, 1.0, ?) AS rank FROM statements_fts"
                " WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            params: tuple[object, ...] = (title_weight, match, size)
        else:
            hits = (
                "SELECT rowid, -rowid AS rank FROM statements_fts"
                " WHERE statements_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
            )
            params = (match, size)
        sql = (
            f"SELECT s.id, s.terms, s.title_terms FROM ({hits}) AS hit JOIN statements AS s"
            " ON s.id = hit.rowid WHERE s.status = 'active' ORDER BY hit.rank"
        )
        rows = await self._db.fetch(sql, params)  # one trip to the sqlite thread
        return [(int(row[0]), str(row[1]), str(row[2])) for row in rows]

    async def terms_by_frequency(self) -> list[str]:
        """Every index term, those found in the most statements first."""
        sql = "SELECT term FROM statements_vocab ORDER BY doc DESC"
        return [str(row[0]) for row in await self._db.fetch(sql)]
