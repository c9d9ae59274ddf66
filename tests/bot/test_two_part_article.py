"""End to end: an article Telegram cut into two messages is checked once, as one article."""

from __future__ import annotations

from collections.abc import Callable

from bot_harness import RunningBot, run_bot
from fake_telegram import FakeTelegram, telegram_text

from bot.formatting import counts_line
from bot.settings import Settings

CUT_AT = 1200  # the dateline is in the first part, the sanctions and the ceasefire in the second


def _cut(article: str, at: int) -> tuple[str, str]:
    """Cut as a client does near its limit: at the last space before `at`."""
    space = article.rindex(" ", 0, at)
    return article[:space], article[space + 1 :]


async def _counts_of(bot: RunningBot, text: str) -> str:
    return counts_line(await bot.services.pool.check(text, reference_date=None))


async def test_two_parts_from_one_sender_are_checked_as_one(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    first, second = _cut(articles["rewritten"], CUT_AT)
    settings = make_settings(article_join_min_chars=1000, article_join_seconds=3)
    async with run_bot(fake, settings) as bot:
        whole, alone = await _counts_of(bot, articles["rewritten"]), await _counts_of(bot, first)
        reader = fake.user("Paula")
        chat = fake.private_chat(reader)
        part_one = fake.send(chat, first, sender=reader)
        part_two = fake.send(chat, second, sender=reader)
        card = await fake.wait_for_reply(part_one)
        await bot.idle()
    shown = telegram_text(card.text, "HTML")
    assert whole != alone
    assert shown.splitlines()[0] == whole  # every claim of both parts, checked together
    assert "dateline" in shown and "30 January 2023" in shown  # against the first's dateline
    assert fake.replies_to(part_two) == [] and len(fake.sent_to(chat)) == 1


async def test_messages_from_two_people_are_not_joined(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    first, second = _cut(articles["rewritten"], CUT_AT)
    settings = make_settings(article_join_min_chars=1000, article_join_seconds=1)
    async with run_bot(fake, settings) as bot:
        alone = await _counts_of(bot, first)
        group, admin = fake.group("Two"), fake.user("Ada")
        fake.make_admin(group, admin)
        await fake.wait_for_reply(fake.send(group, "/autocheck on", sender=admin))
        await fake.wait_for_reply(fake.send(group, "/quiet off", sender=admin))
        one = fake.send(group, first, sender=fake.user("P"))
        two = fake.send(
            group, second + " " + "More words follow here. " * 20, sender=fake.user("Q")
        )
        await fake.wait_for(lambda: bool(fake.replies_to(one) and fake.replies_to(two)))
        await bot.idle()
    assert telegram_text(fake.replies_to(one)[0].text, "HTML").splitlines()[0] == alone


async def test_a_short_message_does_not_wait(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(article_join_min_chars=3000, article_join_seconds=30)
    async with run_bot(fake, settings):
        reader = fake.user("Sam")
        message = fake.send(
            fake.private_chat(reader), "NATO imposed sanctions on Russia.", sender=reader
        )
        await fake.wait_for_reply(message, timeout=10)  # well before the 30 s window
