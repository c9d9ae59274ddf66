"""Who may do what: group administrators (cached with a time limit) and the bot's own admins."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from telegram import Bot, Chat, Message, User
from telegram.constants import ChatType


class AdminCache:
    """Each group's administrator ids, fetched from Telegram and kept for `ttl` seconds."""

    def __init__(self, *, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self._clock = clock
        self._admins: dict[int, tuple[float, frozenset[int]]] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def admin_ids(self, bot: Bot, chat_id: int) -> frozenset[int]:
        fresh = self._fresh(chat_id)
        if fresh is not None:
            return fresh
        async with self._locks.setdefault(chat_id, asyncio.Lock()):  # one fetch at a time
            fresh = self._fresh(chat_id)
            return fresh if fresh is not None else await self.reload(bot, chat_id)

    async def reload(self, bot: Bot, chat_id: int) -> frozenset[int]:
        """Fetch the list again now (after someone was promoted or demoted)."""
        members = await bot.get_chat_administrators(chat_id)
        ids = frozenset(member.user.id for member in members)
        self._admins[chat_id] = (self._clock(), ids)
        return ids

    def _fresh(self, chat_id: int) -> frozenset[int] | None:
        cached = self._admins.get(chat_id)
        if cached is not None and self._clock() - cached[0] < self.ttl:
            return cached[1]
        return None

    def forget(self, chat_id: int) -> None:
        self._admins.pop(chat_id, None)

    def update_member(self, chat_id: int, user_id: int, *, is_admin: bool) -> None:
        """A promotion or demotion Telegram told us about: the cached list follows at once."""
        cached = self._admins.get(chat_id)
        if cached is None:
            return  # nothing cached: the next look-up fetches the list anyway
        when, ids = cached
        self._admins[chat_id] = (when, ids | {user_id} if is_admin else ids - {user_id})


async def is_chat_admin(bot: Bot, admins: AdminCache, message: Message) -> bool:
    """Whether the sender of `message` administers its chat (anonymous admins included)."""
    chat = message.chat
    if chat.type == ChatType.PRIVATE:
        return True
    if _is_anonymous_admin(message, chat):
        return True
    user = message.from_user
    if user is None:
        return False
    return user.id in await admins.admin_ids(bot, chat.id)


def _is_anonymous_admin(message: Message, chat: Chat) -> bool:
    """Anonymous admins post as the group itself: `sender_chat` is the chat."""
    return message.sender_chat is not None and message.sender_chat.id == chat.id


def is_bot_admin(admin_ids: frozenset[int], user: User | None) -> bool:
    """Whether `user` is one of the bot's own admins (ADMIN_IDS), who curate the knowledge base."""
    return user is not None and user.id in admin_ids
