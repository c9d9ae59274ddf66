"""Each Telegram chat's settings (auto-check, quiet mode), kept in the knowledge base's file."""

from __future__ import annotations

from dataclasses import dataclass, replace

import knowledge

SWITCHES = ("autocheck", "quiet")


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
    """The chats' settings over the knowledge base's own connection (`kb.chats`): a change
    waits its turn like any write, then KnowledgeBaseBusy."""

    def __init__(self, table: knowledge.ChatTable) -> None:
        self._table = table

    async def get(self, chat_id: int) -> ChatSettings:
        chosen = await self._table.switches(chat_id)
        if chosen is None:
            return ChatSettings.default(chat_id)
        return ChatSettings(chat_id, autocheck=chosen[0], quiet=chosen[1])

    async def set(
        self, chat_id: int, name: str, value: bool, *, actor: knowledge.Actor
    ) -> ChatSettings:
        """Turn one setting of a chat on or off; returns the chat's settings after."""
        if name not in SWITCHES:
            raise ValueError(f"Unknown chat setting {name!r}: use autocheck or quiet.")
        changed = replace(await self.get(chat_id), **{name: value})
        await self._table.put(
            chat_id,
            autocheck=changed.autocheck,
            quiet=changed.quiet,
            changed=name,
            by=f"{actor.name} ({actor.id})",
        )
        return await self.get(chat_id)
