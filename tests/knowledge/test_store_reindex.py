"""Opening a knowledge base made by an older version re-indexes its statements."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import knowledge
from knowledge.store.schema import MIGRATIONS


def _old_knowledge_base(path: Path, text: str) -> None:
    """A schema-v2 file whose statement was indexed before names got acronyms."""
    conn = sqlite3.connect(path)
    try:
        for script in MIGRATIONS[:2]:
            conn.executescript(script)
        conn.execute(
            "INSERT INTO statements (text, kind, added_at, updated_at, terms)"
            " VALUES (?, 'fact', '2024-01-01', '2024-01-01', ?)",
            (text, "nordic rail council approve night train hamburg"),
        )
        conn.execute("PRAGMA user_version = 2")
        conn.commit()
    finally:
        conn.close()


async def test_old_statements_are_found_by_acronyms_after_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_knowledge_base(path, "The Nordic Rail Council approved the night train to Hamburg.")
    async with knowledge.open_kb(path, seed=False) as kb:
        hits = await kb.search("What did the NRC decide?")
    assert [statement.text for statement, _ in hits][:1] == [
        "The Nordic Rail Council approved the night train to Hamburg."
    ]
