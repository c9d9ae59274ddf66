"""End to end: the bot in group chats: auto-check, quiet mode, /check replies, admin settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, telegram_text

from bot.settings import Settings

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
ANONYMOUS_ADMIN_BOT = 1087968824  # the user Telegram shows for anonymous group admins


def _group_with_admin(fake: FakeTelegram) -> tuple[JSON, JSON, JSON]:
    group = fake.group("Newsroom")
    admin, member = fake.user("Ada"), fake.user("Max")
    fake.make_admin(group, admin)
    return group, admin, member


async def _command(fake: FakeTelegram, group: JSON, text: str, sender: JSON) -> str:
    message = fake.send(group, text, sender=sender)
    return telegram_text((await fake.wait_for_reply(message)).text, "HTML")


async def test_quiet_autocheck_replies_only_when_something_is_flagged(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    group, admin, member = _group_with_admin(fake)
    assert "now on" in await _command(fake, group, "/autocheck on", admin)
    assert "now on" in await _command(fake, group, "/quiet on", admin)
    cnn = fake.send(group, articles["cnn"], sender=member, forward_date=FORWARDED_ON)
    rewritten = fake.send(group, articles["rewritten"], sender=member, forward_date=FORWARDED_ON)
    shown = telegram_text((await fake.wait_for_reply(rewritten)).text, "HTML")
    await bot.idle()
    assert "Minsk" in shown and "Tuesday" in shown
    assert fake.replies_to(cnn) == []


async def test_quiet_is_the_default_and_settings_are_shown_to_anyone(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group, _, member = _group_with_admin(fake)
    shown = await _command(fake, group, "/settings", member)
    assert "Quiet mode: on" in shown
    assert "Auto-check:" in shown


async def test_short_unforwarded_chatter_is_ignored(bot: RunningBot, fake: FakeTelegram) -> None:
    group, admin, member = _group_with_admin(fake)
    await _command(fake, group, "/autocheck on", admin)
    await _command(fake, group, "/quiet off", admin)
    chatter = fake.send(group, "Morning all! Did anyone see the match on Tuesday?", sender=member)
    await bot.idle()
    assert fake.replies_to(chatter) == []


async def test_non_admin_cannot_change_settings(bot: RunningBot, fake: FakeTelegram) -> None:
    group, admin, member = _group_with_admin(fake)
    await _command(fake, group, "/autocheck on", admin)
    shown = await _command(fake, group, "/autocheck off", member)
    assert "Only this group's administrators" in shown
    settings = await bot.services.chats.get(group["id"])
    assert settings.autocheck is True


async def test_anonymous_admin_can_change_settings(bot: RunningBot, fake: FakeTelegram) -> None:
    group, _, _ = _group_with_admin(fake)
    anonymous = fake.user("Group", user_id=ANONYMOUS_ADMIN_BOT)
    message = fake.send(group, "/quiet off", sender=anonymous, sender_chat=group)
    assert "now off" in telegram_text((await fake.wait_for_reply(message)).text, "HTML")
    assert (await bot.services.chats.get(group["id"])).quiet is False


async def test_admin_list_is_cached_until_an_admin_reloads_it(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group, admin, member = _group_with_admin(fake)
    await _command(fake, group, "/autocheck on", admin)
    fake.make_admin(group, member)  # promoted while the bot was not told (no chat_member)
    assert "Only this group's" in await _command(fake, group, "/autocheck off", member)
    assert "Only this group's" in await _command(fake, group, "/reload_admins", member)
    assert "2 administrator" in await _command(fake, group, "/reload_admins", admin)
    assert "now off" in await _command(fake, group, "/autocheck off", member)
    fetches = [name for name, _ in fake.calls if name == "getchatadministrators"]
    assert len(fetches) == 2


async def test_promotions_and_demotions_reach_the_admin_list_at_once(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group, admin, member = _group_with_admin(fake)
    await _command(fake, group, "/autocheck on", admin)  # the list is cached now
    fake.change_member(group, member, admin=True)
    assert "now off" in await _command(fake, group, "/autocheck off", member)
    fake.change_member(group, admin, admin=False)
    assert "Only this group's" in await _command(fake, group, "/autocheck on", admin)
    fetches = [name for name, _ in fake.calls if name == "getchatadministrators"]
    assert len(fetches) == 1


async def test_the_bot_asks_for_member_changes(bot: RunningBot, fake: FakeTelegram) -> None:
    await fake.wait_for(lambda: any(name == "getupdates" for name, _ in fake.calls))
    polls = [params for name, params in fake.calls if name == "getupdates"]
    assert {"message", "edited_message", "callback_query", "chat_member"} <= set(
        polls[0]["allowed_updates"]
    )


async def test_check_as_reply_in_a_group_with_privacy_mode(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    group, admin, member = _group_with_admin(fake)
    await _command(fake, group, "/autocheck off", admin)
    article = fake.send(group, articles["rewritten"], sender=member, forward_date=FORWARDED_ON)
    await bot.idle()
    assert fake.replies_to(article) == []
    fake.send(group, "/check", sender=fake.user("Reader"), reply_to=article)
    shown = telegram_text((await fake.wait_for_reply(article)).text, "HTML")
    assert "Minsk" in shown


async def test_check_without_a_target_explains_usage(bot: RunningBot, fake: FakeTelegram) -> None:
    group, _, member = _group_with_admin(fake)
    assert "Reply with /check" in await _command(fake, group, "/check", member)


async def test_settings_commands_in_private_point_to_groups(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    user = fake.user("Solo")
    chat = fake.private_chat(user)
    fake.send(chat, "/autocheck on", sender=user)
    assert "groups" in (await fake.wait_for_message(chat)).text


async def test_a_cut_burst_in_a_quiet_group_gets_one_line(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    async with run_bot(fake, make_settings(user_queue_limit=3)) as bot:
        group, admin, member = _group_with_admin(fake)
        await _command(fake, group, "/autocheck on", admin)
        burst = [
            fake.send(group, articles["rewritten"], sender=member, forward_date=FORWARDED_ON)
            for _ in range(8)
        ]
        await bot.idle()
    notices = [s for s in fake.sent_to(group) if "I dropped" in s.text]
    assert len(notices) == 1 and "I dropped 5 of yours" in notices[0].text
    assert notices[0].reply_to == burst[3]["message_id"]
    assert sum(1 for message in burst if fake.replies_to(message)) == 4  # 3 cards, 1 notice
