"""Editing, retiring and restoring statements keeps the full-text index in step."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import knowledge
from knowledge.store.schema import MIGRATIONS

FERRY = "The harbour ferry to Lindholm was cancelled on Monday."


async def _found(kb: knowledge.KnowledgeBase, query: str) -> list[int]:
    return [statement.id for statement, _ in await kb.search(query)]


async def test_edited_statement_is_found_by_the_words_it_kept() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        ferry = await kb.curator.add(FERRY)
        await kb.curator.edit(ferry, "The harbour ferry to Lindholm was cancelled on Tuesday.")
        assert await _found(kb, "harbour ferry Lindholm") == [ferry]
        assert await _found(kb, "Tuesday ferry") == [ferry]


async def test_retired_then_edited_statement_stays_out_of_search() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        ferry = await kb.curator.add(FERRY)
        await kb.curator.retire(ferry, "wrong day")
        await kb.curator.edit(ferry, "The harbour ferry to Lindholm was cancelled on Tuesday.")
        assert await _found(kb, "harbour ferry Lindholm") == []


async def test_opening_repairs_an_index_damaged_by_earlier_edits(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    try:
        for script in MIGRATIONS[:2]:
            conn.executescript(script)
        conn.execute(
            "INSERT INTO statements (text, kind, added_at, updated_at, terms)"
            " VALUES (?, 'fact', '2024-01-01', '2024-01-01', 'harbour ferry lindholm monday')",
            (FERRY,),
        )
        conn.execute(  # the schema-2 triggers drop the shared words from the index here
            "UPDATE statements SET terms = 'harbour ferry lindholm tuesday' WHERE id = 1"
        )
        conn.execute("PRAGMA user_version = 2")
        conn.commit()
    finally:
        conn.close()
    async with knowledge.open_kb(path, seed=False) as kb:
        assert await _found(kb, "harbour ferry Lindholm") == [1]
