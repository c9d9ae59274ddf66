"""Unit tests for the admin cache: fetched once, kept for its time limit, reloaded on demand."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any, cast

from telegram import Bot

from bot.auth import AdminCache, is_bot_admin


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Bot:
    def __init__(self, admins: list[int]) -> None:
        self.admins = admins
        self.fetches = 0

    async def get_chat_administrators(self, chat_id: int) -> list[Any]:
        self.fetches += 1
        await asyncio.sleep(0)
        return [SimpleNamespace(user=SimpleNamespace(id=uid)) for uid in self.admins]


async def test_admins_are_cached_for_the_ttl() -> None:
    clock, fake_bot = _Clock(), _Bot([1, 2])
    cache, bot = AdminCache(ttl=60, clock=clock), cast(Bot, fake_bot)
    assert await cache.admin_ids(bot, -5) == {1, 2}
    fake_bot.admins = [1, 2, 3]
    clock.now = 59
    assert await cache.admin_ids(bot, -5) == {1, 2}
    clock.now = 61
    assert await cache.admin_ids(bot, -5) == {1, 2, 3}
    assert fake_bot.fetches == 2


async def test_concurrent_misses_fetch_once_and_reload_refetches() -> None:
    fake_bot = _Bot([4])
    cache, bot = AdminCache(ttl=60, clock=_Clock()), cast(Bot, fake_bot)
    results = await asyncio.gather(*(cache.admin_ids(bot, -9) for _ in range(5)))
    assert results == [frozenset({4})] * 5 and fake_bot.fetches == 1
    fake_bot.admins = [4, 5]
    assert await cache.reload(bot, -9) == {4, 5}
    assert fake_bot.fetches == 2


def test_bot_admins_come_from_the_settings() -> None:
    user = cast(Any, SimpleNamespace(id=42))
    assert is_bot_admin(frozenset({42}), user)
    assert not is_bot_admin(frozenset({1}), user)
    assert not is_bot_admin(frozenset({42}), None)
