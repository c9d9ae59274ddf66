"""End to end: groups are quiet by default and hear only confident flags, a few cards a minute."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, telegram_text

from bot.settings import Settings
from knowledge import Report

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
GROUP_ANONYMOUS_BOT = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
CHANNEL_BOT = {"id": 136817688, "is_bot": True, "first_name": "Channel", "username": "Channel_Bot"}


async def _autocheck_on(fake: FakeTelegram, group: JSON) -> None:
    admin = fake.user("Ada")
    fake.make_admin(group, admin)
    command = fake.send(group, "/autocheck on", sender=admin)
    await fake.wait_for_reply(command)


def _with_confidence(pool: Any, confidence: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks report every finding with `confidence` (the verdict layer's calibration)."""
    check = pool.check

    async def scaled(*args: Any, **kwargs: Any) -> Report:
        report: Report = await check(*args, **kwargs)
        claims = tuple(
            dataclasses.replace(c, findings=tuple(
                dataclasses.replace(f, confidence=confidence) for f in c.findings))
            for c in report.claims
        )  # fmt: skip
        return dataclasses.replace(report, claims=claims)

    monkeypatch.setattr(pool, "check", scaled)


async def test_a_new_group_is_not_auto_checked(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    group = fake.group("Fresh")
    post = fake.send(
        group, articles["rewritten"], sender=fake.user("Max"), forward_date=FORWARDED_ON
    )
    await bot.idle()
    assert fake.replies_to(post) == []
    settings = fake.send(group, "/settings", sender=fake.user("Max"))
    assert "Auto-check: off" in telegram_text((await fake.wait_for_reply(settings)).text, "HTML")


@pytest.mark.parametrize(
    ("confidence", "speaks"),
    [pytest.param(0.95, True, id="confident"), pytest.param(0.6, False, id="unsure")],
)
async def test_quiet_groups_hear_only_confident_flags_as_one_card(
    bot: RunningBot,
    fake: FakeTelegram,
    articles: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    confidence: float,
    speaks: bool,
) -> None:
    _with_confidence(bot.services.pool, confidence, monkeypatch)
    group = fake.group("Newsroom")
    await _autocheck_on(fake, group)
    post = fake.send(
        group, articles["rewritten"], sender=fake.user("Max"), forward_date=FORWARDED_ON
    )
    await bot.idle()
    replies = fake.replies_to(post)
    assert len(replies) == (1 if speaks else 0)
    if speaks:
        assert "Minsk" in telegram_text(replies[0].text, "HTML")


async def test_asked_checks_in_a_group_get_their_card_whatever_the_confidence(
    bot: RunningBot,
    fake: FakeTelegram,
    articles: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _with_confidence(bot.services.pool, 0.5, monkeypatch)
    group = fake.group("Asking")
    post = fake.send(
        group, articles["rewritten"], sender=fake.user("Max"), forward_date=FORWARDED_ON
    )
    fake.send(group, "/check", sender=fake.user("Rita"), reply_to=post)
    assert "Minsk" in telegram_text((await fake.wait_for_reply(post)).text, "HTML")


async def test_at_most_so_many_unasked_cards_a_minute_per_group(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    async with run_bot(fake, make_settings(group_cards_per_minute=2)) as bot:
        busy, other = fake.group("Busy"), fake.group("Other")
        await _autocheck_on(fake, busy)
        await _autocheck_on(fake, other)
        posts = [
            fake.send(
                busy, articles["rewritten"], sender=fake.user(f"M{n}"), forward_date=FORWARDED_ON
            )
            for n in range(4)
        ]
        elsewhere = fake.send(
            other, articles["rewritten"], sender=fake.user("O"), forward_date=FORWARDED_ON
        )
        await bot.idle()
    assert sum(1 for post in posts if fake.replies_to(post)) == 2
    assert len(fake.replies_to(elsewhere)) == 1


@pytest.mark.parametrize(
    "sender",
    [
        pytest.param("anonymous-admin", id="anonymous-admin"),
        pytest.param("channel", id="posting-as-a-channel"),
    ],
)
async def test_posts_by_anonymous_admins_and_channels_are_auto_checked(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str], sender: str
) -> None:
    group = fake.group("Mixed")
    await _autocheck_on(fake, group)
    if sender == "anonymous-admin":
        post = fake.send(
            group,
            articles["rewritten"],
            sender=GROUP_ANONYMOUS_BOT,
            sender_chat=group,
            forward_date=FORWARDED_ON,
        )
    else:
        channel = {"id": -1009999, "type": "channel", "title": "Daily News"}
        post = fake.send(
            group,
            articles["rewritten"],
            sender=CHANNEL_BOT,
            sender_chat=channel,
            forward_date=FORWARDED_ON,
        )
    assert "Minsk" in telegram_text((await fake.wait_for_reply(post)).text, "HTML")


async def test_other_bots_are_not_auto_checked(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    group = fake.group("Bots")
    await _autocheck_on(fake, group)
    robot = {"id": 555, "is_bot": True, "first_name": "Newsbot"}
    post = fake.send(group, articles["rewritten"], sender=robot, forward_date=FORWARDED_ON)
    await bot.idle()
    assert fake.replies_to(post) == []
