"""The bot test harness: the real Application run against the fake server, and its helpers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fake_telegram import FakeTelegram
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.app import AnyApplication, build_application, open_services, running
from bot.context import Services
from bot.settings import Settings

TOKEN = "123456789:TEST_token-abcdefghijklmnopqrstuvwxyz"


class UpdateTracker:
    """Registered after every other handler: records which updates the bot has finished."""

    def __init__(self) -> None:
        self.done: set[int] = set()

    async def __call__(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(update, Update):
            self.done.add(update.update_id)


@dataclass
class RunningBot:
    """The real Application, started against the fake server, with its services."""

    fake: FakeTelegram
    application: AnyApplication
    services: Services
    tracker: UpdateTracker

    async def idle(self, *, timeout: float = 60.0) -> None:
        """Wait until every update injected so far has been fully handled."""
        wanted = set(range(1, self.fake.last_update_id + 1))
        deadline = asyncio.get_running_loop().time() + timeout
        while not wanted <= self.tracker.done:
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"updates not handled: {sorted(wanted - self.tracker.done)}")
            await asyncio.sleep(0.02)


@asynccontextmanager
async def run_bot(fake: FakeTelegram, settings: Settings) -> AsyncIterator[RunningBot]:
    application = build_application(settings)
    tracker = UpdateTracker()
    application.add_handler(TypeHandler(Update, tracker), group=99)
    async with open_services(settings) as shared, running(application, shared):
        yield RunningBot(fake, application, shared, tracker)
