"""Each Telegram chat's settings (auto-check, quiet mode), in the bot's own table of the file."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import aiosqlite

import knowledge

SWITCHES = ("autocheck", "quiet")
_WAIT = 10.0  # seconds a settings change waits for another writer of the file

# The same table (and rows) the knowledge base kept before the bot took it over: a file made
# by an earlier version keeps every chat's choice. Rows always get both values written, so
# the column defaults of older files (auto-check once defaulted to on) never apply.
_TABLE = """
CREATE TABLE IF NOT EXISTS chat_settings (
    chat_id INTEGER PRIMARY KEY,
    autocheck INTEGER NOT NULL DEFAULT 0,
    quiet INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT,
    updated_at TEXT
)
"""


@dataclass(frozen=True, slots=True)
class ChatSettings:
    """Per-chat bot settings, changed only by that chat's administrators."""

    chat_id: int
    autocheck: bool = False  # off until the chat's admins turn it on
    quiet: bool = True

    @classmethod
    def default(cls, chat_id: int) -> ChatSettings:
        """A chat's settings before anyone chose: quiet in groups (Telegram gives groups
        negative ids), every finding in private chats."""
        return cls(chat_id, autocheck=False, quiet=chat_id < 0)


class ChatSettingsTable:
    """The `chat_settings` table over the bot's own connection to the knowledge-base file."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def get(self, chat_id: int) -> ChatSettings:
        sql = "SELECT autocheck, quiet FROM chat_settings WHERE chat_id = ?"
        row = next(iter(await self._conn.execute_fetchall(sql, (chat_id,))), None)
        if row is None:
            return ChatSettings.default(chat_id)
        return ChatSettings(chat_id, autocheck=bool(row[0]), quiet=bool(row[1]))

    async def set(
        self, chat_id: int, name: str, value: bool, *, actor: knowledge.Actor
    ) -> ChatSettings:
        """Turn one setting of a chat on or off; returns the chat's settings after."""
        if name not in SWITCHES:
            raise ValueError(f"Unknown chat setting {name!r}: use autocheck or quiet.")
        changed = replace(await self.get(chat_id), **{name: value})
        try:
            await self._write(changed, name, actor)
        except sqlite3.OperationalError as error:  # a CLI import holds the file
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            raise knowledge.KnowledgeBaseBusy(_WAIT) from error
        return await self.get(chat_id)

    async def _write(self, changed: ChatSettings, name: str, actor: knowledge.Actor) -> None:
        await self._conn.execute(
            "INSERT INTO chat_settings (chat_id, autocheck, quiet, updated_by, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
            f" {name} = excluded.{name}, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at",
            (
                changed.chat_id,
                int(changed.autocheck),
                int(changed.quiet),
                f"{actor.name} ({actor.id})",
                datetime.now(UTC).replace(microsecond=0).isoformat(),
            ),
        )


@asynccontextmanager
async def open_chat_settings(path: str) -> AsyncIterator[ChatSettingsTable]:
    """The chat settings in the SQLite file at `path` (the knowledge base's), the table made
    if it is missing; ":memory:" keeps them for the life of the connection."""
    async with aiosqlite.connect(path, isolation_level=None) as conn:
        await conn.execute(f"PRAGMA busy_timeout = {int(_WAIT * 1000)}")
        await conn.execute(_TABLE)
        yield ChatSettingsTable(conn)
