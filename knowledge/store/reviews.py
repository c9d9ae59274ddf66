"""The `claim_reviews` table: a fact-checker's review of a rated claim, one row per statement
(a statement with a row here is a rated claim)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from knowledge.model import Review, StatementDraft
from knowledge.store.connection import Database, in_chunks
from knowledge.store.rows import REVIEW_COLUMNS, review_from_row, review_values


class ReviewTable:
    """Queries and row writes of `claim_reviews` (writes in the caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def of(self, ids: Iterable[int]) -> dict[int, Review]:
        """The reviews of those of these statements that are rated claims, by statement id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, Review] = {}
        for chunk, marks in in_chunks(wanted):
            rows = await self._db.fetch(
                f"SELECT {REVIEW_COLUMNS} FROM claim_reviews WHERE statement_id IN ({marks})",
                chunk,
            )
            found.update((row[0], review_from_row(row)) for row in rows)
        return found

    async def insert(self, ids: Sequence[int], drafts: Sequence[StatementDraft]) -> None:
        """The reviews of the rated claims among newly inserted statements."""
        rows = [review_values(i, d.review) for i, d in zip(ids, drafts, strict=True) if d.review]
        if rows:
            await self._db.executemany(
                f"INSERT INTO claim_reviews ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    async def delete(self, ids: Sequence[int]) -> None:
        for chunk, marks in in_chunks(ids):
            await self._db.execute(
                f"DELETE FROM claim_reviews WHERE statement_id IN ({marks})", chunk
            )
