"""Chat settings: auto-check off in a new group, every group's choice kept from files of
earlier versions, in the knowledge base's own table (made by its migrations)."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

import knowledge
from bot.chats import ChatSettings, ChatSettingsTable
from knowledge.retrieval import index_terms
from knowledge.store.legacy import legacy_review
from knowledge.store.schema import MIGRATIONS

ADMIN = knowledge.Actor(id="7", name="alice")


@asynccontextmanager
async def open_chat_settings(path: Path) -> AsyncIterator[ChatSettingsTable]:
    """The chat settings as the bot has them: over the knowledge base opened at `path`."""
    async with knowledge.open_kb(path, seed=False) as kb:
        yield ChatSettingsTable(kb.chats)


# The table as the knowledge base's migrations made it: first with auto-check on by default
# (schema 1 to 5), then off (schema 6 to 8).
_LEGACY_TABLE = """
CREATE TABLE chat_settings (
    chat_id INTEGER PRIMARY KEY,
    autocheck INTEGER NOT NULL DEFAULT {autocheck},
    quiet INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT,
    updated_at TEXT
)
"""


def _legacy_file(path: Path, *, version: int, autocheck_default: int) -> None:
    """A file of an earlier version where two groups chose their settings."""
    conn = sqlite3.connect(path)
    conn.create_function("index_terms", 1, index_terms)
    conn.create_function("legacy_review", 2, legacy_review)
    try:
        for script in MIGRATIONS[:version]:
            conn.executescript(script)
        conn.execute(_LEGACY_TABLE.format(autocheck=autocheck_default))
        conn.execute("INSERT INTO chat_settings (chat_id, autocheck, quiet) VALUES (-100, 1, 0)")
        conn.execute("INSERT INTO chat_settings (chat_id, autocheck, quiet) VALUES (-200, 0, 1)")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    finally:
        conn.close()


async def test_a_new_group_has_autocheck_off_and_quiet_on(tmp_path: Path) -> None:
    async with open_chat_settings(tmp_path / "kb.sqlite") as chats:
        group, private = await chats.get(-1001), await chats.get(42)
    assert group == ChatSettings(-1001, autocheck=False, quiet=True)
    assert private == ChatSettings(42, autocheck=False, quiet=False)


async def test_a_change_is_kept_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with open_chat_settings(path) as chats:
        after = await chats.set(-1001, "autocheck", True, actor=ADMIN)
    async with open_chat_settings(path) as chats:
        again = await chats.get(-1001)
    assert after == again == ChatSettings(-1001, autocheck=True, quiet=True)


async def test_an_unknown_setting_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    async with open_chat_settings(tmp_path / "kb.sqlite") as chats:
        with pytest.raises(ValueError, match="Unknown chat setting 'loud'"):
            await chats.set(-1001, "loud", True, actor=ADMIN)
        assert await chats.get(-1001) == ChatSettings.default(-1001)


@pytest.mark.parametrize(
    ("version", "autocheck_default"),
    [pytest.param(5, 1, id="schema-5"), pytest.param(8, 0, id="schema-8")],
)
async def test_a_file_of_the_previous_schema_keeps_each_groups_settings(
    tmp_path: Path, version: int, autocheck_default: int
) -> None:
    path = tmp_path / "old.sqlite"
    _legacy_file(path, version=version, autocheck_default=autocheck_default)
    async with open_chat_settings(path) as chats:
        chose_autocheck = await chats.get(-100)
        chose_quiet = await chats.get(-200)
        await chats.set(-400, "quiet", False, actor=ADMIN)  # a row made now: auto-check off
        new_row = await chats.get(-400)
    assert chose_autocheck == ChatSettings(-100, autocheck=True, quiet=False)
    assert chose_quiet == ChatSettings(-200, autocheck=False, quiet=True)
    assert new_row == ChatSettings(-400, autocheck=False, quiet=False)


async def test_the_table_is_made_by_the_knowledge_base_migrations(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with open_chat_settings(path):
        pass
    conn = sqlite3.connect(path)
    try:
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()
    assert version == len(MIGRATIONS)
    assert "chat_settings" in tables


async def test_a_change_waits_for_another_writer_then_says_busy(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with knowledge.open_kb(path, seed=False, write_wait=0.2) as kb:
        chats = ChatSettingsTable(kb.chats)
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # a CLI import in another process holds the file
            with pytest.raises(knowledge.KnowledgeBaseBusy):
                await chats.set(-1001, "autocheck", True, actor=ADMIN)
            other.execute("ROLLBACK")
        finally:
            other.close()
        assert await chats.get(-1001) == ChatSettings.default(-1001)
