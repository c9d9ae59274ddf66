"""Bringing a file's schema up to date: schema.MIGRATIONS run in order from its
`PRAGMA user_version`, each in a transaction, references between tables checked first."""

from __future__ import annotations

import sqlite3

from knowledge.errors import KnowledgeError
from knowledge.store.connection import Database
from knowledge.store.indexing import TextIndex
from knowledge.store.legacy import legacy_review
from knowledge.store.schema import MIGRATIONS


async def migrate(db: Database, text_index: TextIndex) -> None:
    """Run the migrations the file has not had; index_terms() and legacy_review() are the
    Python functions some of them call."""
    (version,) = next(iter(await db.fetch("PRAGMA user_version")))
    if version >= len(MIGRATIONS):
        return
    # migrations may re-index texts; rebuilding a table needs foreign keys off (they are
    # checked before each migration commits)
    await db.create_function("index_terms", 1, text_index.terms)
    await db.create_function("legacy_review", 2, legacy_review)
    await db.pragma("PRAGMA foreign_keys = OFF")
    try:
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            async with db.transaction():
                await db.script(split_script(script))
                await db.script([f"PRAGMA user_version = {number}"])
                if await db.fetch("PRAGMA foreign_key_check"):
                    raise KnowledgeError(
                        f"Migration {number} would break references between tables."
                    )
    finally:
        await db.pragma("PRAGMA foreign_keys = ON")


def split_script(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece
        if not piece.strip():
            continue
        if sqlite3.complete_statement(buffer + ";"):
            statements.append(buffer.strip())
            buffer = ""
        else:
            buffer += ";"
    return [s for s in statements if s]
