"""The knowledge base's version: bumped by every change, so long-lived readers (a bot's caches,
the curators' queue) know when to look again."""

from __future__ import annotations

from knowledge.store.connection import Database


async def kb_version(db: Database) -> int:
    (row,) = await db.fetch("SELECT value FROM meta WHERE key = 'kb_version'")
    return int(row[0])


async def bump(db: Database) -> None:
    """One step on (in the caller's transaction, or one of its own)."""
    await db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'kb_version'")
