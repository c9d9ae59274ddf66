"""Before an undo acts: is every row the change wrote still as the change left it? If not,
the undo is refused, naming the later change that touched the row (undo that one first)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from knowledge.errors import UndoRefused
from knowledge.model import Change, ChangeAction
from knowledge.store.connection import Database, in_chunks
from knowledge.store.rows import (
    RULE_SNAPSHOT_COLUMNS,
    STATEMENT_COLUMNS,
    rule_snapshot,
    statement_snapshot,
)

_NOUN = {"statement": "statement", "statements": "statement", "rule": "rule"}
_TABLE = {"statement": "statements", "statements": "statements", "rule": "rules"}
_LOGGED_ONLY = ("reason",)  # kept in a change's `after` for the history, not in the row


async def check_undoable(db: Database, change: Change) -> None:
    """Raise UndoRefused unless undoing `change` would restore exactly what it replaced."""
    if change.target == "statements":
        await _check_many(db, change, list((change.after or {}).get("ids", [])))
    elif change.target in ("statement", "rule") and change.target_id is not None:
        await _check_one(db, change, change.target_id)


async def _check_many(db: Database, change: Change, ids: list[int]) -> None:
    """Rows a bulk change inserted: each must still exist, with no live later change."""
    later = await _later(db, change, ids, live=True)
    if later is not None:
        _refuse(change, *later)
    present: set[int] = set()
    for chunk, marks in in_chunks(ids):
        rows = await db.fetch(f"SELECT id FROM statements WHERE id IN ({marks})", chunk)
        present.update(int(row[0]) for row in rows)
    missing = sorted(set(ids) - present)
    if missing:
        later = await _later(db, change, missing, live=False)
        if later is not None:
            _refuse(change, *later)
        raise UndoRefused(change.id, f"statement {missing[0]} is no longer stored")


async def _check_one(db: Database, change: Change, target_id: int) -> None:
    """A single row: its stored state must be the one the change left."""
    now = await _state(db, change.target, target_id)
    left = {k: v for k, v in (change.after or {}).items() if k not in _LOGGED_ONLY}
    if change.after is None:  # the change removed the row: it must still be absent
        same = now is None
    else:
        same = now is not None and all(now.get(k) == v for k, v in left.items())
    if same:
        return
    for live in (True, False):
        later = await _later(db, change, [target_id], live=live)
        if later is not None:
            _refuse(change, *later)
    noun = _NOUN[change.target]
    raise UndoRefused(change.id, f"{noun} {target_id} is no longer as that change left it")


async def _state(db: Database, target: str, target_id: int) -> dict[str, Any] | None:
    if target == "rule":
        sql = f"SELECT {RULE_SNAPSHOT_COLUMNS} FROM rules WHERE id = ?"
        rows = await db.fetch(sql, (target_id,))
        return rule_snapshot(rows[0]) if rows else None
    rows = await db.fetch(f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE id = ?", (target_id,))
    return statement_snapshot(rows[0]) if rows else None


async def _later(
    db: Database, change: Change, ids: Sequence[int], *, live: bool
) -> tuple[str, int, int, bool] | None:
    """The newest change after `change` that touched one of `ids` (with `live`: only changes
    in force, neither undone nor undos): (noun, row id, change id, whether it can be undone)."""
    noun = _NOUN[change.target]
    single = "statement" if _TABLE[change.target] == "statements" else "rule"
    found: tuple[int, int, bool] | None = None
    for chunk, marks in in_chunks(ids):
        queries = [
            (
                "SELECT id, target_id, action, undone_by FROM changes"
                f" WHERE id > ? AND target = ? AND target_id IN ({marks})",
                [change.id, single, *chunk],
            )
        ]
        if single == "statement":  # bulk changes list their statements' ids
            queries.append(
                (
                    "SELECT c.id, j.value, c.action, c.undone_by FROM changes c,"
                    " json_each(coalesce(c.after, c.before), '$.ids') j"
                    f" WHERE c.id > ? AND c.target = 'statements' AND j.value IN ({marks})",
                    [change.id, *chunk],
                )
            )
        for sql, params in queries:
            for change_id, row_id, action, undone_by in await db.fetch(sql, params):
                undoable = action != ChangeAction.UNDO and undone_by is None
                if (live and not undoable) or (found is not None and found[0] >= change_id):
                    continue
                found = (int(change_id), int(row_id), undoable)
    if found is None:
        return None
    return noun, found[1], found[0], found[2]


def _refuse(change: Change, noun: str, row_id: int, later: int, undoable: bool) -> None:
    raise UndoRefused(
        change.id,
        f"{noun} {row_id} was changed since by change {later}",
        later=later if undoable else None,
    )
