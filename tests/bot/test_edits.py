"""End to end: an edited message is checked again and the bot's card is edited, not repeated."""

from __future__ import annotations

from datetime import UTC, datetime

from bot_harness import RunningBot
from fake_telegram import FakeTelegram, telegram_text

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
WRONG = "NATO imposed sanctions on Russia."
FIXED = "NATO secretary general urges South Korea to allow direct arms exports to Ukraine."


async def test_an_edited_private_message_gets_its_card_edited(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reader = fake.user("Edith")
    chat = fake.private_chat(reader)
    message = fake.send(chat, WRONG, sender=reader)
    card = await fake.wait_for_reply(message)
    assert telegram_text(card.text, "HTML").startswith("🚩 1 contradicted")
    fake.edit(message, FIXED)
    await fake.wait_for(lambda: "1 supported" in card.message["text"])
    await bot.idle()
    assert len(fake.sent_to(chat)) == 1  # the same card, edited
    assert "Details" in str(card.params["reply_markup"])


async def test_an_edited_group_post_that_was_answered_gets_its_card_edited(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    group, admin, member = fake.group("Edits"), fake.user("Ada"), fake.user("Max")
    fake.make_admin(group, admin)
    await fake.wait_for_reply(fake.send(group, "/autocheck on", sender=admin))
    post = fake.send(group, articles["rewritten"], sender=member, forward_date=FORWARDED_ON)
    card = await fake.wait_for_reply(post)
    assert "Minsk" in telegram_text(card.text, "HTML")
    without_minsk = articles["rewritten"].replace("Minsk Agreement", "peace talks")
    fake.edit(post, without_minsk)
    await fake.wait_for(lambda: "Minsk" not in card.message["text"])
    await bot.idle()
    assert len(fake.replies_to(post)) == 1


async def test_an_edit_in_a_group_that_was_not_answered_stays_quiet(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group = fake.group("Chatter")
    post = fake.send(group, "Lunch at noon?", sender=fake.user("Max"))
    fake.edit(post, WRONG)
    await bot.idle()
    assert fake.sent_to(group) == []


async def test_an_edit_after_the_card_was_deleted_gets_a_new_card(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reader = fake.user("Dora")
    chat = fake.private_chat(reader)
    message = fake.send(chat, WRONG, sender=reader)
    card = await fake.wait_for_reply(message)
    fake.sent.remove(card)  # the reader deleted the card
    fake.edit(message, FIXED)
    fresh = await fake.wait_for_reply(message)
    assert "1 supported" in telegram_text(fresh.text, "HTML")
