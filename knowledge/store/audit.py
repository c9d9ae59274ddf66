"""The `changes` table: the audit log, one row per change with its rows before and after (what
an exact undo restores)."""

from __future__ import annotations

import json
from typing import Any

from knowledge.errors import ChangeNotFound
from knowledge.model import Actor, Change, ChangeAction
from knowledge.store.connection import Database
from knowledge.store.rows import CHANGE_COLUMNS, change_from_row, now


class AuditLog:
    """Queries of the audit log, and its entries (written in the caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return next(iter(await self._db.fetch(sql, params)), None)

    async def record(
        self,
        actor: Actor,
        action: ChangeAction,
        target: str,
        target_id: int | None,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> int:
        """Log one change; returns its id."""
        cursor = await self._db.execute(
            "INSERT INTO changes (at, actor_id, actor_name, action, target, target_id, before, "
            "after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
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

    async def mark_undone(self, change_id: int, undo_id: int) -> None:
        await self._db.execute(
            "UPDATE changes SET undone_by = ? WHERE id = ?", (undo_id, change_id)
        )

    async def changes(self, limit: int = 20, *, target_id: int | None = None) -> list[Change]:
        """The newest changes, or those of one statement, newest first."""
        if target_id is None:
            rows = await self._db.fetch(
                f"SELECT {CHANGE_COLUMNS} FROM changes ORDER BY id DESC LIMIT ?", (limit,)
            )
        else:  # its own changes, and the imports (and their undos) that listed it
            rows = await self._db.fetch(
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
        rows = await self._db.fetch("SELECT id FROM changes WHERE id > ? ORDER BY id", (change_id,))
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
