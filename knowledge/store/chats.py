"""The `chat_settings` table: each front-door chat's switches (auto-check, quiet mode). The
bot reads and changes them (bot/chats.py, with their defaults); the core never consults them."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.store.connection import Database

SWITCHES = ("autocheck", "quiet")


class ChatTable:
    """Reads and writes of `chat_settings` over the store's connections (a write is a
    transaction of its own, waiting its turn like any other)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def switches(self, chat_id: int) -> tuple[bool, bool] | None:
        """(autocheck, quiet) as the chat's admins chose them, or None if they never did."""
        sql = "SELECT autocheck, quiet FROM chat_settings WHERE chat_id = ?"
        row = next(iter(await self._db.fetch(sql, (chat_id,))), None)
        return None if row is None else (bool(row[0]), bool(row[1]))

    async def put(
        self, chat_id: int, *, autocheck: bool, quiet: bool, changed: str, by: str
    ) -> None:
        """Store a chat's switches after `changed` (one of SWITCHES) was set, by `by`. Rows
        always get both values: the column defaults of older files never apply."""
        if changed not in SWITCHES:  # a column name: never written into SQL unchecked
            raise ValueError(f"Unknown chat setting {changed!r}: use autocheck or quiet.")
        await self._db.execute(
            "INSERT INTO chat_settings (chat_id, autocheck, quiet, updated_by, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET"
            f" {changed} = excluded.{changed}, updated_by = excluded.updated_by,"
            " updated_at = excluded.updated_at",
            (
                chat_id,
                int(autocheck),
                int(quiet),
                by,
                datetime.now(UTC).replace(microsecond=0).isoformat(),
            ),
        )
