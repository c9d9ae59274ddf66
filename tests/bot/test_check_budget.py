"""A check past the bot's budget (CHECK_BUDGET_SECONDS) gets a short reply saying it was stopped."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bot_harness import TOKEN, run_bot
from fake_telegram import FakeTelegram

from bot.settings import Settings, SettingsError, load_settings


async def test_check_past_the_budget_is_answered_briefly(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    async with run_bot(fake, make_settings(check_budget_seconds=0.001)):
        alice = fake.user("Alice")
        message = fake.send(fake.private_chat(alice), articles["rewritten"], sender=alice)
        reply = await fake.wait_for_reply(message)
    assert reply.text.startswith("⏱ The check took longer than 0.001 seconds and was stopped.")
    assert len(reply.text) < 200


def test_budget_must_be_positive() -> None:
    with pytest.raises(SettingsError, match="CHECK_BUDGET_SECONDS"):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "CHECK_BUDGET_SECONDS": "0"})
