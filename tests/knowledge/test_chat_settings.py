"""Per-chat settings: auto-check is off in a new group; upgrading keeps each group's choice."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import knowledge
from knowledge.store.schema import MIGRATIONS


def _v5_file_with_groups(path: Path) -> None:
    """A schema-v5 file (auto-check then defaulted to on) where two groups chose settings."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(a)")  # fts5 is there, as in the store
        conn.execute("DROP TABLE t")
        for script in MIGRATIONS[:5]:
            conn.executescript(script.replace("index_terms(text)", "terms"))
        conn.execute("INSERT INTO chat_settings (chat_id, quiet) VALUES (-100, 0)")  # on: default
        conn.execute("INSERT INTO chat_settings (chat_id, autocheck) VALUES (-200, 0)")
        conn.execute("PRAGMA user_version = 5")
        conn.commit()
    finally:
        conn.close()


async def test_a_new_group_has_autocheck_off_and_quiet_on() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        settings = await kb.chat_settings(-1001)
    assert (settings.autocheck, settings.quiet) == (False, True)


async def test_upgrading_keeps_every_groups_choice_and_new_groups_start_off(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    _v5_file_with_groups(path)
    async with knowledge.open_kb(path, seed=False) as kb:
        chose_quiet_off = await kb.chat_settings(-100)
        chose_autocheck_off = await kb.chat_settings(-200)
        fresh = await kb.chat_settings(-300)
        await kb.set_chat_setting(-400, "quiet", False)  # a row made now: auto-check stays off
        new_row = await kb.chat_settings(-400)
    assert (chose_quiet_off.autocheck, chose_quiet_off.quiet) == (True, False)
    assert (chose_autocheck_off.autocheck, chose_autocheck_off.quiet) == (False, True)
    assert fresh.autocheck is False
    assert (new_row.autocheck, new_row.quiet) == (False, False)
