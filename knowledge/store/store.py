"""Async access to the SQLite file: migrations, transactions, statements, rules, audit log."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.errors import ChangeNotFound, KnowledgeError, RuleNotFound, StatementNotFound
from knowledge.model import (
    Actor,
    Change,
    ChangeAction,
    Entity,
    Review,
    Rule,
    RuleDraft,
    Source,
    Statement,
    StatementDraft,
)
from knowledge.store.chats import ChatTable
from knowledge.store.connection import Database
from knowledge.store.indexing import TextIndex
from knowledge.store.legacy import legacy_review
from knowledge.store.pages import PageTable
from knowledge.store.rows import (
    CHANGE_COLUMNS,
    REVIEW_COLUMNS,
    RULE_COLUMNS,
    RULE_SNAPSHOT_COLUMNS,
    STATEMENT_COLUMNS,
    change_from_row,
    draft_values,
    review_from_row,
    review_values,
    rule_from_row,
    rule_snapshot,
    rule_values,
    statement_from_row,
    statement_snapshot,
)
from knowledge.store.schema import MIGRATIONS, TEXT_KEY_CHARS
from knowledge.store.search import StatementIndex
from knowledge.store.terms import TermCounts
from knowledge.store.undoing import check_undoable

WRITE_WAIT = 10.0  # seconds a write waits for its turn before KnowledgeBaseBusy
_BULK = 500  # from this many new rows, fill the full-text index in one statement


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


async def open_store(
    path: str | Path, *, text_index: TextIndex, write_wait: float = WRITE_WAIT
) -> Store:
    """Open (creating and migrating if needed) the store at `path`; ":memory:" works.
    Statement texts are indexed by `text_index` (`knowledge.retrieval.TEXT_INDEX`).

    A write waits up to `write_wait` seconds for its turn (another task's transaction, or
    another process importing), then raises KnowledgeBaseBusy.
    """
    db = await Database.open(path, write_wait=write_wait)
    store = Store(db, str(path), text_index)
    try:
        await store.migrate()
        await db.open_reader(path)
    except BaseException:
        await db.close()
        raise
    return store


class Store:
    """One connection to the knowledge-base file; every change runs in one transaction."""

    def __init__(self, db: Database, path: str, text_index: TextIndex) -> None:
        # The connections stay inside knowledge/store: its table modules share them, everyone
        # else goes through typed methods (`terms`, `index`, `pages` and the store's own).
        self._db = db
        self.path = path
        self.text_index = text_index
        self.terms = TermCounts(db)
        self.index = StatementIndex(db)
        self.pages = PageTable(db)
        self.chats = ChatTable(db)

    async def close(self) -> None:
        await self._db.close()

    async def migrate(self) -> None:
        (version,) = await self._one("PRAGMA user_version")
        if version >= len(MIGRATIONS):
            return
        # migrations may re-index texts; rebuilding a table needs foreign keys off (they are
        # checked before each migration commits)
        await self._db.create_function("index_terms", 1, self.text_index.terms)
        await self._db.create_function("legacy_review", 2, legacy_review)
        await self._db.pragma("PRAGMA foreign_keys = OFF")
        try:
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                async with self.transaction():
                    await self._db.script(_split_script(script))
                    await self._db.script([f"PRAGMA user_version = {number}"])
                    if await self._all("PRAGMA foreign_key_check"):
                        raise KnowledgeError(
                            f"Migration {number} would break references between tables."
                        )
        finally:
            await self._db.pragma("PRAGMA foreign_keys = ON")

    def transaction(self) -> AbstractAsyncContextManager[None]:
        """All-or-nothing: commit on success, roll back on any exception. Nested calls in the
        same task join; other tasks wait their turn (KnowledgeBaseBusy past the write wait)."""
        return self._db.transaction()

    # One trip to the connection's thread per query (execute, fetch and close as a cursor
    # would take three): checks run several small queries per claim. Single-row queries only.
    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return next(iter(await self._db.fetch(sql, params)), None)

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(await self._db.fetch(sql, params))

    # -- version: bumped on each change so long-lived readers refresh their caches --------

    async def kb_version(self) -> int:
        row = await self._one("SELECT value FROM meta WHERE key = 'kb_version'")
        return int(row[0])

    async def _bump(self) -> None:
        await self._db.execute(
            "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'kb_version'"
        )

    # -- statements ---------------------------------------------------------------------

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
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._all(
                f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id IN ({marks})", chunk
            )
            found.update((row[0], statement_from_row(row)) for row in rows)
        return found

    async def by_key(self, key: str) -> Statement | None:
        row = await self._one(f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE key = ?", (key,))
        return statement_from_row(row) if row else None

    async def statements(self, *, status: str | None = "active") -> list[Statement]:
        where = "WHERE status = ?" if status else ""
        rows = await self._all(
            f"SELECT {STATEMENT_COLUMNS} FROM statements {where} ORDER BY id",
            (status,) if status else (),
        )
        return [statement_from_row(r) for r in rows]

    async def from_source(self, source: Source, *, limit: int = 500) -> list[Statement]:
        """Active statements with exactly this source (title, address and date), in order."""
        published = source.published.isoformat() if source.published else None
        rows = await self._all(
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
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT external_id FROM statements WHERE external_id IN ({marks})"
            found.update(str(row[0]) for row in await self._all(sql, chunk))
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
            values = list(wanted)
            for start in range(0, len(values), 500):
                chunk = values[start : start + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT {column}, id FROM statements WHERE {lookup} IN ({marks})"
                found.update(((column, row[0]), row[1]) for row in await self._all(sql, chunk))
        return found

    async def insert(self, draft: StatementDraft, actor: Actor) -> int:
        """Insert one statement and record it in the audit log."""
        async with self.transaction():
            new_id = await self._insert_row(draft, actor)
            await self._record(
                actor, ChangeAction.ADD, "statement", new_id, None, await self._snap(new_id)
            )
            await self._bump()
        return new_id

    async def insert_many(
        self,
        drafts: Sequence[StatementDraft],
        actor: Actor,
        *,
        action: ChangeAction = ChangeAction.IMPORT,
    ) -> list[int]:
        """Insert many statements in one transaction with one audit-log entry."""
        async with self.transaction():
            now = _now()
            last = await self._last_statement_id()
            ids = list(range(last + 1, last + 1 + len(drafts)))  # what SQLite would assign
            # a feed's rows share a few titles
            titles = lru_cache(maxsize=4096)(self.text_index.title_terms)
            rows = await _rows_of(drafts, actor, now, self.text_index.terms, titles)
            if len(rows) >= _BULK:
                async with self._indexing_after(last):
                    await self._insert_rows(ids, rows)
            elif rows:
                await self._insert_rows(ids, rows)
            await self._insert_reviews(ids, drafts)
            await self._record(actor, action, "statements", None, None, {"ids": ids})
            await self._bump()
        return ids

    @asynccontextmanager
    async def bulk_insert(
        self, actor: Actor, *, action: ChangeAction = ChangeAction.IMPORT
    ) -> AsyncIterator[Callable[[Sequence[StatementDraft]], Awaitable[list[int]]]]:
        """In one transaction: a function that inserts a chunk of statements and returns their
        ids; the full-text index is filled once at the end, with one audit-log entry for all."""
        async with self.transaction():
            last = await self._last_statement_id()
            ids: list[int] = []
            now = _now()
            titles = lru_cache(maxsize=4096)(self.text_index.title_terms)

            async def insert(drafts: Sequence[StatementDraft]) -> list[int]:
                start = last + len(ids) + 1
                new = list(range(start, start + len(drafts)))
                if drafts:
                    await self._insert_rows(
                        new, await _rows_of(drafts, actor, now, self.text_index.terms, titles)
                    )
                    await self._insert_reviews(new, drafts)
                ids.extend(new)
                return new

            async with self._indexing_after(last):
                yield insert
            if ids:
                await self._record(actor, action, "statements", None, None, {"ids": ids})
                await self._bump()

    async def _last_statement_id(self) -> int:
        """The highest statement id ever given: ids of deleted statements are never reused."""
        (last,) = await self._one(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'statements'), 0),"
            " coalesce((SELECT max(id) FROM statements), 0))"
        )
        return int(last)

    async def _insert_rows(self, ids: list[int], rows: list[dict[str, Any]]) -> None:
        names = ", ".join(["id", *rows[0]])
        marks = ", ".join("?" * (len(rows[0]) + 1))
        try:
            await self._db.executemany(
                f"INSERT INTO statements ({names}) VALUES ({marks})",
                ([i, *values.values()] for i, values in zip(ids, rows, strict=True)),
            )
        except sqlite3.IntegrityError as exc:
            raise KnowledgeError(f"Cannot store these {len(rows)} statements: {exc}") from exc

    @asynccontextmanager
    async def _indexing_after(self, last_id: int) -> AsyncIterator[None]:
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

    async def _insert_row(self, draft: StatementDraft, actor: Actor, *, now: str = "") -> int:
        index = self.text_index
        (values,) = await _rows_of([draft], actor, now or _now(), index.terms, index.title_terms)
        names = ", ".join(values)
        marks = ", ".join("?" * len(values))
        try:
            cursor = await self._db.execute(
                f"INSERT INTO statements ({names}) VALUES ({marks})", list(values.values())
            )
        except sqlite3.IntegrityError as exc:
            raise KnowledgeError(f"Cannot store statement {draft.text[:60]!r}: {exc}") from exc
        assert cursor.lastrowid is not None
        await self._insert_reviews([cursor.lastrowid], [draft])
        return cursor.lastrowid

    async def _insert_reviews(self, ids: Sequence[int], drafts: Sequence[StatementDraft]) -> None:
        """The fact-checkers' reviews of the rated claims among newly inserted statements."""
        rows = [review_values(i, d.review) for i, d in zip(ids, drafts, strict=True) if d.review]
        if rows:
            await self._db.executemany(
                f"INSERT INTO claim_reviews ({REVIEW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    async def reviews(self, ids: Iterable[int]) -> dict[int, Review]:
        """The reviews of those of these statements that are rated claims, by statement id."""
        wanted = list(dict.fromkeys(ids))
        found: dict[int, Review] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = await self._all(
                f"SELECT {REVIEW_COLUMNS} FROM claim_reviews WHERE statement_id IN ({marks})",
                chunk,
            )
            found.update((row[0], review_from_row(row)) for row in rows)
        return found

    async def _snap(self, statement_id: int) -> dict[str, Any]:
        row = await self._one(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = ?", (statement_id,)
        )
        if row is None:
            raise StatementNotFound(statement_id)
        return statement_snapshot(row)

    async def update(
        self,
        statement_id: int,
        actor: Actor,
        action: ChangeAction,
        *,
        reason: str | None = None,
        **fields: Any,
    ) -> None:
        """Change fields of one statement (text, status, dates…), audited (with a reason)."""
        async with self.transaction():
            before = await self._snap(statement_id)
            await self._write_fields(statement_id, fields)
            after = await self._snap(statement_id)
            if reason:
                after["reason"] = reason  # shown in the history; undo restores `before`
            await self._record(actor, action, "statement", statement_id, before, after)
            await self._bump()

    async def _write_fields(self, statement_id: int, fields: dict[str, Any]) -> None:
        if "text" in fields:
            fields["terms"] = await asyncio.to_thread(self.text_index.terms, fields["text"])
        if "source_title" in fields:
            fields["title_terms"] = self.text_index.title_terms(fields["source_title"])
        fields["updated_at"] = _now()
        assignments = ", ".join(f"{name} = ?" for name in fields)
        await self._db.execute(
            f"UPDATE statements SET {assignments} WHERE id = ?", [*fields.values(), statement_id]
        )

    async def counts(self) -> dict[str, int]:
        rows = await self._all(
            "SELECT CASE WHEN r.statement_id IS NULL THEN s.kind ELSE 'rated' END, s.status,"
            " COUNT(*) FROM statements s LEFT JOIN claim_reviews r ON r.statement_id = s.id"
            " GROUP BY 1, 2"
        )
        return {f"{kind}/{status}": n for kind, status, n in rows}

    # -- entities -----------------------------------------------------------------------

    async def put_entity(self, entity: Entity) -> None:
        await self._db.execute(
            "INSERT INTO entities (id, label, name, aliases) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, "
            "aliases = excluded.aliases",
            (entity.id, entity.label, entity.name, json.dumps(list(entity.aliases))),
        )

    async def add_entities(self, entities: Sequence[Entity], actor: Actor) -> list[str]:
        """Add entities whose id is new, in one audited transaction; returns the added ids."""
        known = {e.id for e in await self.entities()}
        fresh = [e for e in entities if e.id not in known]
        if fresh:
            async with self.transaction():
                for entity in fresh:
                    await self.put_entity(entity)
                ids = [e.id for e in fresh]
                await self._record(actor, ChangeAction.ADD, "entities", None, None, {"ids": ids})
                await self._bump()
        return [e.id for e in fresh]

    async def entities(self) -> list[Entity]:
        rows = await self._all("SELECT id, label, name, aliases FROM entities ORDER BY id")
        return [Entity(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows]

    # -- rules --------------------------------------------------------------------------

    async def insert_rule(self, draft: RuleDraft, evidence_id: int | None, actor: Actor) -> int:
        """Insert one validated rule citing `evidence_id`, audited; returns its id."""
        values = rule_values(draft, evidence_id)
        values.update(added_by=f"{actor.name} ({actor.id})", added_at=_now())
        async with self.transaction():
            cursor = await self._db.execute(
                f"INSERT INTO rules ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
            assert cursor.lastrowid is not None
            rule_id = cursor.lastrowid
            await self._record(
                actor, ChangeAction.ADD, "rule", rule_id, None, await self._rule_snap(rule_id)
            )
            await self._bump()
        return rule_id

    async def rules(self, *, status: str | None = "active") -> list[Rule]:
        where = "WHERE status = ?" if status else ""
        rows = await self._all(
            f"SELECT {RULE_COLUMNS} FROM rules {where} ORDER BY id", (status,) if status else ()
        )
        return [rule_from_row(r) for r in rows]

    async def _rule_snap(self, rule_id: int) -> dict[str, Any]:
        row = await self._one(f"SELECT {RULE_SNAPSHOT_COLUMNS} FROM rules WHERE id = ?", (rule_id,))
        if row is None:
            raise RuleNotFound(rule_id)
        return rule_snapshot(row)

    async def retire_rule(self, rule_id: int, actor: Actor) -> None:
        async with self.transaction():
            before = await self._rule_snap(rule_id)
            await self._db.execute("UPDATE rules SET status = 'retired' WHERE id = ?", (rule_id,))
            after = await self._rule_snap(rule_id)
            await self._record(actor, ChangeAction.REMOVE, "rule", rule_id, before, after)
            await self._bump()

    # -- audit log and undo -------------------------------------------------------------

    async def _record(
        self,
        actor: Actor,
        action: ChangeAction,
        target: str,
        target_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> int:
        cursor = await self._db.execute(
            "INSERT INTO changes (at, actor_id, actor_name, action, target, target_id, before, "
            "after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _now(),
                actor.id,
                actor.name,
                action,
                target,
                target_id,
                json.dumps(before) if before is not None else None,
                json.dumps(after) if after is not None else None,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    async def changes(self, limit: int = 20, *, target_id: int | None = None) -> list[Change]:
        if target_id is None:
            rows = await self._all(
                f"SELECT {CHANGE_COLUMNS} FROM changes ORDER BY id DESC LIMIT ?", (limit,)
            )
        else:  # its own changes, and the imports (and their undos) that listed it
            rows = await self._all(
                f"SELECT {CHANGE_COLUMNS} FROM changes WHERE (target = 'statement' "
                "AND target_id = ?) OR (target = 'statements' AND EXISTS (SELECT 1 FROM "
                "json_each(coalesce(changes.after, changes.before), '$.ids') WHERE value = ?))"
                " ORDER BY id DESC LIMIT ?",
                (target_id, target_id, limit),
            )
        return [change_from_row(r) for r in rows]

    async def last_change_id(self) -> int:
        """The id of the newest change (0 when there is none)."""
        (found,) = await self._one("SELECT coalesce(max(id), 0) FROM changes")
        return int(found)

    async def changes_after(self, change_id: int) -> tuple[int, ...]:
        """The ids of the changes made after `change_id`, oldest first."""
        rows = await self._all("SELECT id FROM changes WHERE id > ? ORDER BY id", (change_id,))
        return tuple(int(row[0]) for row in rows)

    async def last_change_of(self, target_id: int, target: str = "statement") -> int | None:
        """The id of the newest change to one statement or rule (what undoing it takes)."""
        if target == "statement":
            found = await self.changes(1, target_id=target_id)
            return found[0].id if found else None
        row = await self._one(
            "SELECT max(id) FROM changes WHERE target = ? AND target_id = ?", (target, target_id)
        )
        return int(row[0]) if row and row[0] is not None else None

    async def change(self, change_id: int) -> Change:
        row = await self._one(f"SELECT {CHANGE_COLUMNS} FROM changes WHERE id = ?", (change_id,))
        if row is None:
            raise ChangeNotFound(change_id)
        return change_from_row(row)

    async def last_change(self) -> Change | None:
        found = await self.changes(1)
        return found[0] if found else None

    async def undo(self, change_id: int, actor: Actor) -> int:
        """Revert one change exactly; returns the id of the new 'undo' change. Refused
        (UndoRefused) when what it wrote was changed since: undo the later change first."""
        try:
            return await self._undo(change_id, actor)
        except sqlite3.IntegrityError:
            raise KnowledgeError(
                f"Change {change_id} cannot be undone: a rule cites a statement it would remove. "
                "Undo or remove that rule first."
            ) from None

    async def _undo(self, change_id: int, actor: Actor) -> int:
        async with self.transaction():  # checked and reverted in one turn: nothing between
            change = await self.change(change_id)
            if change.undone_by is not None:
                raise KnowledgeError(
                    f"Change {change_id} was already undone by {change.undone_by}."
                )
            if change.action == "undo":
                raise KnowledgeError("An undo cannot be undone; make the change again instead.")
            await check_undoable(self._db, change)
            await self._revert(change)
            undo_id = await self._record(
                actor,
                ChangeAction.UNDO,
                change.target,
                change.target_id,
                change.after,
                change.before,
            )
            await self._db.execute(
                "UPDATE changes SET undone_by = ? WHERE id = ?", (undo_id, change_id)
            )
            await self._bump()
        return undo_id

    async def _revert(self, change: Change) -> None:
        if change.target == "statements":
            ids = (change.after or {}).get("ids", [])
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                await self._db.execute(f"DELETE FROM statements WHERE id IN ({marks})", chunk)
                await self._db.execute(
                    f"DELETE FROM claim_reviews WHERE statement_id IN ({marks})", chunk
                )
            return
        if change.target == "entities":
            for entity_id in (change.after or {}).get("ids", []):
                await self._db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            return
        table = {"statement": "statements", "rule": "rules"}[change.target]
        await self._db.execute(f"DELETE FROM {table} WHERE id = ?", (change.target_id,))
        if table == "statements" and change.before is None:  # an add: its review goes too
            await self._db.execute(
                "DELETE FROM claim_reviews WHERE statement_id = ?", (change.target_id,)
            )
        if change.before is not None:
            values = dict(change.before)
            if table == "statements":
                values["terms"] = await asyncio.to_thread(self.text_index.terms, values["text"])
                values["title_terms"] = self.text_index.title_terms(values["source_title"])
            else:  # changes logged before rules' snapshots kept who added them and when
                values.setdefault("added_at", _now())
            await self._db.execute(
                f"INSERT INTO {table} ({', '.join(values)})"
                f" VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )


async def _rows_of(
    drafts: Sequence[StatementDraft],
    actor: Actor,
    now: str,
    terms: Callable[[str], str],
    titles: Callable[[str | None], str],
) -> list[dict[str, Any]]:
    """The rows of new statements, made in a thread: index terms take ~1.5 ms each (the
    first call loads a lexicon for ~2 s), which in the event loop would hold every user."""
    return await asyncio.to_thread(
        lambda: [_row_values(d, actor, now, terms, titles) for d in drafts]
    )


def _row_values(
    draft: StatementDraft,
    actor: Actor,
    now: str,
    terms: Callable[[str], str],
    titles: Callable[[str | None], str],
) -> dict[str, Any]:
    """The column values of a new statement row, index terms included."""
    values = draft_values(draft)
    values.update(
        added_by=f"{actor.name} ({actor.id})",
        added_at=now,
        updated_at=now,
        terms=terms(draft.text),
        title_terms=titles(draft.source.title),
    )
    return values


def _split_script(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece
        if not piece.strip():
            continue
        if sqlite_complete(buffer + ";"):
            statements.append(buffer.strip())
            buffer = ""
        else:
            buffer += ";"
    return [s for s in statements if s]


def sqlite_complete(sql: str) -> bool:
    return sqlite3.complete_statement(sql)
