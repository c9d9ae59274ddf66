"""The `rules` and `entities` tables: curated phrase rules (outdated references,
contradictions) and the named things the pipeline recognises."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from knowledge.errors import RuleNotFound
from knowledge.model import Actor, Entity, Rule, RuleDraft
from knowledge.store.connection import Database
from knowledge.store.rows import (
    RULE_COLUMNS,
    RULE_SNAPSHOT_COLUMNS,
    now,
    rule_from_row,
    rule_snapshot,
    rule_values,
)


class RuleTable:
    """Queries and row writes of `rules` (writes in the caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self, *, status: str | None = "active") -> list[Rule]:
        """Every rule with this status (None: any), in id order."""
        where = "WHERE status = ?" if status else ""
        rows = await self._db.fetch(
            f"SELECT {RULE_COLUMNS} FROM rules {where} ORDER BY id", (status,) if status else ()
        )
        return [rule_from_row(r) for r in rows]

    async def snapshot(self, rule_id: int) -> dict[str, Any]:
        """The full stored state of one rule, for the audit log and exact undo."""
        sql = f"SELECT {RULE_SNAPSHOT_COLUMNS} FROM rules WHERE id = ?"
        row = next(iter(await self._db.fetch(sql, (rule_id,))), None)
        if row is None:
            raise RuleNotFound(rule_id)
        return rule_snapshot(row)

    async def insert_row(self, draft: RuleDraft, evidence_id: int | None, actor: Actor) -> int:
        """The one rule insert: a validated draft citing `evidence_id`; returns its id."""
        values = rule_values(draft, evidence_id)
        values.update(added_by=f"{actor.name} ({actor.id})", added_at=now())
        cursor = await self._db.execute(
            f"INSERT INTO rules ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    async def set_retired(self, rule_id: int) -> None:
        await self._db.execute("UPDATE rules SET status = 'retired' WHERE id = ?", (rule_id,))

    async def delete(self, rule_id: int) -> None:
        await self._db.execute("DELETE FROM rules WHERE id = ?", (rule_id,))

    async def restore(self, snapshot: dict[str, Any]) -> None:
        """Put back a rule as a snapshot recorded it."""
        values = dict(snapshot)
        values.setdefault("added_at", now())  # older snapshots did not keep who added it, when
        await self._db.execute(
            f"INSERT INTO rules ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )


class EntityTable:
    """Queries and row writes of `entities` (writes in the caller's transaction)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def all(self) -> list[Entity]:
        rows = await self._db.fetch("SELECT id, label, name, aliases FROM entities ORDER BY id")
        return [Entity(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows]

    async def put(self, entity: Entity) -> None:
        """Insert an entity, or give a stored one this label, name and aliases."""
        await self._db.execute(
            "INSERT INTO entities (id, label, name, aliases) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET label = excluded.label, name = excluded.name, "
            "aliases = excluded.aliases",
            (entity.id, entity.label, entity.name, json.dumps(list(entity.aliases))),
        )

    async def delete(self, ids: Sequence[str]) -> None:
        for entity_id in ids:
            await self._db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
