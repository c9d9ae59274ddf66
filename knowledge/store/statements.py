"""The `statements` table: reads by id, key, source and text, and the row writes the store's
audited operations are made of (store.py wraps them in a transaction with the audit log)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from knowledge.errors import ConstraintBroken, StatementNotFound
from knowledge.model import Actor, Source, Statement, StatementDraft
from knowledge.store.connection import Database, in_chunks
from knowledge.store.indexing import TextIndex
from knowledge.store.rows import STATEMENT_COLUMNS, draft_values, now, statement_from_row
from knowledge.store.rows import statement_snapshot as snapshot_of
from knowledge.store.schema import TEXT_KEY_CHARS

Row = dict[str, Any]


class StatementTable:
    """Queries of `statements` over the store's connections, and its row writes."""

    def __init__(self, db: Database, text_index: TextIndex) -> None:
        self._db = db
        self._index = text_index

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # one trip to the connection's thread per query: checks run several per claim
        return next(iter(await self._db.fetch(sql, params)), None)

    # -- reads ----------------------------------------------------------------------------

    async def get(self, statement_id: int) -> Statement:
        row = await self._one(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = ?", (statement_id,)
        )
        if row is None:
            raise StatementNotFound(statement_id)
        return statement_from_row(row)

    async def get_many(self, ids: Iterable[int]) -> dict[int, Statement]:
        wanted = list(dict.fromkeys(ids))
        found: dict[int, Statement] = {}
        for chunk, marks in in_chunks(wanted):
            rows = await self._db.fetch(
                f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id IN ({marks})", chunk
            )
            found.update((row[0], statement_from_row(row)) for row in rows)
        return found

    async def by_key(self, key: str) -> Statement | None:
        row = await self._one(f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE key = ?", (key,))
        return statement_from_row(row) if row else None

    async def all(self, *, status: str | None = "active") -> list[Statement]:
        """Every statement with this status (None: any), in id order."""
        where = "WHERE status = ?" if status else ""
        rows = await self._db.fetch(
            f"SELECT {STATEMENT_COLUMNS} FROM statements {where} ORDER BY id",
            (status,) if status else (),
        )
        return [statement_from_row(r) for r in rows]

    async def from_source(self, source: Source, *, limit: int = 500) -> list[Statement]:
        """Active statements with exactly this source (title, address and date), in order."""
        published = source.published.isoformat() if source.published else None
        rows = await self._db.fetch(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE status = 'active'"
            " AND source_title IS ? AND source_url IS ? AND source_published IS ?"
            " ORDER BY id LIMIT ?",
            (source.title, source.url, published, limit),
        )
        return [statement_from_row(r) for r in rows]

    async def held_external_ids(self, external_ids: Iterable[str]) -> set[str]:
        """Those of `external_ids` that stored statements have."""
        wanted = list(dict.fromkeys(external_ids))
        found: set[str] = set()
        for chunk, marks in in_chunks(wanted):
            sql = f"SELECT external_id FROM statements WHERE external_id IN ({marks})"
            found.update(str(row[0]) for row in await self._db.fetch(sql, chunk))
        return found

    async def stored_markers(self, drafts: Sequence[StatementDraft]) -> dict[tuple[str, str], int]:
        """Which texts, external ids and keys of `drafts` stored statements already have, as
        (column, value) -> the id of a statement that has it."""
        found: dict[tuple[str, str], int] = {}
        heads = f"substr(text, 1, {TEXT_KEY_CHARS})"
        for column, lookup, wanted in (
            ("text", heads, {d.text[:TEXT_KEY_CHARS] for d in drafts}),
            ("external_id", "external_id", {d.external_id for d in drafts if d.external_id}),
            ("key", "key", {d.key for d in drafts if d.key}),
        ):
            for chunk, marks in in_chunks(list(wanted)):
                sql = f"SELECT {column}, id FROM statements WHERE {lookup} IN ({marks})"
                found.update(((column, row[0]), row[1]) for row in await self._db.fetch(sql, chunk))
        return found

    async def counts(self) -> dict[str, int]:
        """How many statements of each kind ("rated" for rated claims) and status."""
        rows = await self._db.fetch(
            "SELECT CASE WHEN r.statement_id IS NULL THEN s.kind ELSE 'rated' END, s.status,"
            " COUNT(*) FROM statements s LEFT JOIN claim_reviews r ON r.statement_id = s.id"
            " GROUP BY 1, 2"
        )
        return {f"{kind}/{status}": n for kind, status, n in rows}

    async def snapshot(self, statement_id: int) -> dict[str, Any]:
        """The full stored state of one statement, for the audit log and exact undo."""
        row = await self._one(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = ?", (statement_id,)
        )
        if row is None:
            raise StatementNotFound(statement_id)
        return snapshot_of(row)

    # -- row writes (in the caller's transaction) -----------------------------------------

    async def last_id(self) -> int:
        """The highest statement id ever given: ids of deleted statements are never reused."""
        (last,) = await self._one(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'statements'), 0),"
            " coalesce((SELECT max(id) FROM statements), 0))"
        )
        return int(last)

    async def rows_of(
        self,
        drafts: Sequence[StatementDraft],
        actor: Actor,
        when: str,
        titles: Callable[[str | None], str] | None = None,
    ) -> list[Row]:
        """The rows of new statements, made in a thread: index terms take ~1.5 ms each (the
        first call loads a lexicon for ~2 s), which in the event loop would hold every user."""
        title_terms = titles or self._index.title_terms
        return await asyncio.to_thread(
            lambda: [self._row_values(d, actor, when, title_terms) for d in drafts]
        )

    def _row_values(
        self, draft: StatementDraft, actor: Actor, when: str, titles: Callable[[str | None], str]
    ) -> Row:
        """The column values of a new statement row, index terms included."""
        values = draft_values(draft)
        values.update(
            added_by=f"{actor.name} ({actor.id})",
            added_at=when,
            updated_at=when,
            terms=self._index.terms(draft.text),
            title_terms=titles(draft.source.title),
        )
        return values

    async def insert_rows(self, ids: list[int], rows: list[Row]) -> None:
        names = ", ".join(["id", *rows[0]])
        marks = ", ".join("?" * (len(rows[0]) + 1))
        try:
            await self._db.executemany(
                f"INSERT INTO statements ({names}) VALUES ({marks})",
                ([i, *values.values()] for i, values in zip(ids, rows, strict=True)),
            )
        except ConstraintBroken as exc:
            raise ConstraintBroken(f"Cannot store these {len(rows)} statements: {exc}") from exc

    async def insert_row(self, draft: StatementDraft, actor: Actor) -> int:
        (values,) = await self.rows_of([draft], actor, now())
        names = ", ".join(values)
        marks = ", ".join("?" * len(values))
        try:
            cursor = await self._db.execute(
                f"INSERT INTO statements ({names}) VALUES ({marks})", list(values.values())
            )
        except ConstraintBroken as exc:
            raise ConstraintBroken(f"Cannot store statement {draft.text[:60]!r}: {exc}") from exc
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    @asynccontextmanager
    async def indexing_after(self, last_id: int) -> AsyncIterator[None]:
        """In a transaction: index rows inserted past `last_id` in one statement, not per row.

        The per-row insert trigger costs ~10x more than one INSERT ... SELECT into FTS5, so it
        is dropped for the bulk insert and re-created from its stored SQL; a rollback restores it.
        """
        row = await self._one(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statements_ai'"
        )
        if row is None:
            yield
            return
        await self._db.execute("DROP TRIGGER statements_ai")
        yield
        await self._db.execute(
            "INSERT INTO statements_fts (rowid, terms, title_terms) SELECT id, terms, title_terms"
            " FROM statements WHERE id > ? AND status = 'active'",
            (last_id,),
        )
        await self._db.execute(row[0])

    async def write_fields(self, statement_id: int, fields: dict[str, Any]) -> None:
        """Change columns of one row, its index terms re-made from a new text or title."""
        if "text" in fields:
            fields["terms"] = await asyncio.to_thread(self._index.terms, fields["text"])
        if "source_title" in fields:
            fields["title_terms"] = self._index.title_terms(fields["source_title"])
        fields["updated_at"] = now()
        assignments = ", ".join(f"{name} = ?" for name in fields)
        await self._db.execute(
            f"UPDATE statements SET {assignments} WHERE id = ?", [*fields.values(), statement_id]
        )

    async def delete(self, ids: Sequence[int]) -> None:
        for chunk, marks in in_chunks(ids):
            await self._db.execute(f"DELETE FROM statements WHERE id IN ({marks})", chunk)

    async def restore(self, snapshot: dict[str, Any]) -> None:
        """Put back a row as a snapshot recorded it, its index terms re-made."""
        values = dict(snapshot)
        values["terms"] = await asyncio.to_thread(self._index.terms, values["text"])
        values["title_terms"] = self._index.title_terms(values["source_title"])
        await self._db.execute(
            f"INSERT INTO statements ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
