"""The store: one connection owner (connection.Database) and the tables behind it, each family
in its own module, with the audited operations that write across them (one transaction each:
the rows, their audit-log entry and the knowledge base's version step)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.errors import ConstraintBroken, KnowledgeError
from knowledge.model import Actor, Change, ChangeAction, Entity, RuleDraft, StatementDraft
from knowledge.store.audit import AuditLog
from knowledge.store.chats import ChatTable
from knowledge.store.connection import Database
from knowledge.store.indexing import TextIndex
from knowledge.store.meta import bump, kb_version
from knowledge.store.migrations import migrate
from knowledge.store.pages import PageTable
from knowledge.store.requests import RequestTable
from knowledge.store.reviews import ReviewTable
from knowledge.store.rows import now
from knowledge.store.rules import EntityTable, RuleTable
from knowledge.store.search import StatementIndex
from knowledge.store.statements import StatementTable
from knowledge.store.terms import TermCounts
from knowledge.store.undoing import check_undoable

WRITE_WAIT = 10.0  # seconds a write waits for its turn before KnowledgeBaseBusy
_BULK = 500  # from this many new rows, fill the full-text index in one statement

Insert = Callable[[Sequence[StatementDraft]], Awaitable[list[int]]]


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
    """One knowledge-base file: its tables over one connection owner; every change is one
    transaction."""

    def __init__(self, db: Database, path: str, text_index: TextIndex) -> None:
        # The connections stay inside knowledge/store: its table modules share them, everyone
        # else goes through their typed methods.
        self._db = db
        self.path = path
        self.text_index = text_index
        self.statements = StatementTable(db, text_index)
        self.reviews = ReviewTable(db)
        self.rules = RuleTable(db)
        self.entities = EntityTable(db)
        self.log = AuditLog(db)
        self.terms = TermCounts(db)
        self.index = StatementIndex(db)
        self.pages = PageTable(db)
        self.chats = ChatTable(db)
        self.requests = RequestTable(db)

    async def close(self) -> None:
        await self._db.close()

    async def migrate(self) -> None:
        await migrate(self._db, self.text_index)

    def transaction(self) -> AbstractAsyncContextManager[None]:
        """All-or-nothing: commit on success, roll back on any exception. Nested calls in the
        same task join; other tasks wait their turn (KnowledgeBaseBusy past the write wait)."""
        return self._db.transaction()

    async def kb_version(self) -> int:
        """Bumped on each change so long-lived readers refresh their caches."""
        return await kb_version(self._db)

    # -- statements ---------------------------------------------------------------------

    async def insert(self, draft: StatementDraft, actor: Actor) -> int:
        """Insert one statement (and its review, for a rated claim), audited."""
        async with self.transaction():
            new_id = await self.statements.insert_row(draft, actor)
            await self.reviews.insert([new_id], [draft])
            after = await self.statements.snapshot(new_id)
            await self.log.record(actor, ChangeAction.ADD, "statement", new_id, None, after)
            await bump(self._db)
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
            when = now()
            last = await self.statements.last_id()
            ids = list(range(last + 1, last + 1 + len(drafts)))  # what SQLite would assign
            titles = lru_cache(maxsize=4096)(self.text_index.title_terms)  # feeds share titles
            rows = await self.statements.rows_of(drafts, actor, when, titles)
            if len(rows) >= _BULK:
                async with self.statements.indexing_after(last):
                    await self.statements.insert_rows(ids, rows)
            elif rows:
                await self.statements.insert_rows(ids, rows)
            await self.reviews.insert(ids, drafts)
            await self.log.record(actor, action, "statements", None, None, {"ids": ids})
            await bump(self._db)
        return ids

    @asynccontextmanager
    async def bulk_insert(
        self, actor: Actor, *, action: ChangeAction = ChangeAction.IMPORT
    ) -> AsyncIterator[Insert]:
        """In one transaction: a function that inserts a chunk of statements and returns their
        ids; the full-text index is filled once at the end, with one audit-log entry for all."""
        async with self.transaction():
            last = await self.statements.last_id()
            ids: list[int] = []
            when = now()
            titles = lru_cache(maxsize=4096)(self.text_index.title_terms)

            async def insert(drafts: Sequence[StatementDraft]) -> list[int]:
                start = last + len(ids) + 1
                new = list(range(start, start + len(drafts)))
                if drafts:
                    rows = await self.statements.rows_of(drafts, actor, when, titles)
                    await self.statements.insert_rows(new, rows)
                    await self.reviews.insert(new, drafts)
                ids.extend(new)
                return new

            async with self.statements.indexing_after(last):
                yield insert
            if ids:
                await self.log.record(actor, action, "statements", None, None, {"ids": ids})
                await bump(self._db)

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
            before = await self.statements.snapshot(statement_id)
            await self.statements.write_fields(statement_id, fields)
            after = await self.statements.snapshot(statement_id)
            if reason:
                after["reason"] = reason  # shown in the history; undo restores `before`
            await self.log.record(actor, action, "statement", statement_id, before, after)
            await bump(self._db)

    # -- entities and rules ---------------------------------------------------------------

    async def add_entities(self, entities: Sequence[Entity], actor: Actor) -> list[str]:
        """Add entities whose id is new, in one audited transaction; returns the added ids."""
        known = {e.id for e in await self.entities.all()}
        fresh = [e for e in entities if e.id not in known]
        if fresh:
            async with self.transaction():
                for entity in fresh:
                    await self.entities.put(entity)
                ids = [e.id for e in fresh]
                await self.log.record(actor, ChangeAction.ADD, "entities", None, None, {"ids": ids})
                await bump(self._db)
        return [e.id for e in fresh]

    async def insert_rule(self, draft: RuleDraft, evidence_id: int | None, actor: Actor) -> int:
        """Insert one validated rule citing `evidence_id`, audited; returns its id."""
        async with self.transaction():
            rule_id = await self.rules.insert_row(draft, evidence_id, actor)
            after = await self.rules.snapshot(rule_id)
            await self.log.record(actor, ChangeAction.ADD, "rule", rule_id, None, after)
            await bump(self._db)
        return rule_id

    async def retire_rule(self, rule_id: int, actor: Actor) -> None:
        async with self.transaction():
            before = await self.rules.snapshot(rule_id)
            await self.rules.set_retired(rule_id)
            after = await self.rules.snapshot(rule_id)
            await self.log.record(actor, ChangeAction.REMOVE, "rule", rule_id, before, after)
            await bump(self._db)

    # -- undo -----------------------------------------------------------------------------

    async def undo(self, change_id: int, actor: Actor) -> int:
        """Revert one change exactly; returns the id of the new 'undo' change. Refused
        (UndoRefused) when what it wrote was changed since: undo the later change first."""
        try:
            return await self._undo(change_id, actor)
        except ConstraintBroken:
            raise KnowledgeError(
                f"Change {change_id} cannot be undone: a rule cites a statement it would remove. "
                "Undo or remove that rule first."
            ) from None

    async def _undo(self, change_id: int, actor: Actor) -> int:
        async with self.transaction():  # checked and reverted in one turn: nothing between
            change = await self.log.change(change_id)
            if change.undone_by is not None:
                raise KnowledgeError(
                    f"Change {change_id} was already undone by {change.undone_by}."
                )
            if change.action == "undo":
                raise KnowledgeError("An undo cannot be undone; make the change again instead.")
            await check_undoable(self._db, change)
            await self._revert(change)
            undo_id = await self.log.record(
                actor,
                ChangeAction.UNDO,
                change.target,
                change.target_id,
                change.after,
                change.before,
            )
            await self.log.mark_undone(change_id, undo_id)
            await bump(self._db)
        return undo_id

    async def _revert(self, change: Change) -> None:
        if change.target == "statements":
            ids = list((change.after or {}).get("ids", []))
            await self.statements.delete(ids)
            await self.reviews.delete(ids)
        elif change.target == "entities":
            await self.entities.delete(list((change.after or {}).get("ids", [])))
        elif change.target == "statement":
            assert change.target_id is not None
            await self.statements.delete([change.target_id])
            if change.before is None:  # an add: its review goes too
                await self.reviews.delete([change.target_id])
            else:
                await self.statements.restore(change.before)
        else:
            table = {"rule": self.rules}[change.target]
            assert change.target_id is not None
            await table.delete(change.target_id)
            if change.before is not None:
                await table.restore(change.before)
