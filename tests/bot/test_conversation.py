"""End to end: a tipline that converses. Chatter gets one friendly line and the menu (not an
empty card), a reason for Wrong verdict? is the reader's next message, Ask the curators says
so in the chat, and /start and /help are short."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, Sent, telegram_text

from bot.settings import Settings

CURATOR_ID = 5001
BLEACH = "Drinking bleach cures the flu."
Person = tuple[JSON, JSON]


@pytest_asyncio.fixture
async def curated(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    async with run_bot(fake, make_settings(admin_ids=str(CURATOR_ID))) as running_bot:
        yield running_bot


def _person(fake: FakeTelegram, name: str, *, user_id: int | None = None) -> Person:
    user = fake.user(name, user_id=user_id)
    return user, fake.private_chat(user)


def _shown(sent: Sent) -> str:
    return telegram_text(sent.text, "HTML")


def _buttons(sent: Sent) -> dict[str, str]:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def _say(fake: FakeTelegram, who: Person, text: str, **kw: object) -> Sent:
    return await fake.wait_for_reply(fake.send(who[1], text, sender=who[0], **kw))  # type: ignore[arg-type]


async def _press(fake: FakeTelegram, sent: Sent, label: str, who: Person) -> None:
    before = len(fake.answers)
    fake.press(sent, _buttons(sent)[label], sender=who[0])
    await fake.wait_for(lambda: len(fake.answers) > before)


async def _told(fake: FakeTelegram, who: Person, words: str) -> Sent:
    await fake.wait_for(lambda: any(words in _shown(s) for s in fake.sent_to(who[1])))
    return next(s for s in fake.sent_to(who[1]) if words in _shown(s))


@pytest.mark.parametrize(
    "chatter",
    [
        "hello",
        "Thanks!",
        "What can you do?",
        "👍🙂",
        "thank you so much",
        "Please share this with your friends",
        "Sorry, I sent the wrong link",
    ],
)
async def test_chatter_gets_one_friendly_line_and_the_menu(
    bot: RunningBot, fake: FakeTelegram, chatter: str
) -> None:
    reader = _person(fake, "Hana")
    reply = await _say(fake, reader, chatter)
    shown = _shown(reply)
    assert shown.startswith("👋 I found nothing to check in that.") and "\n" not in shown
    assert set(_buttons(reply)) == {"How to use me", "Privacy"}  # no Details, no counts
    await _press(fake, reply, "How to use me", reader)
    assert (await _told(fake, reader, "How to use me")).text.startswith("<b>How to use me</b>")


async def test_the_reason_is_the_readers_next_message_without_the_reply_gesture(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    alice, curator = _person(fake, "Alice"), _person(fake, "Cora", user_id=CURATOR_ID)
    card = await _say(fake, alice, BLEACH)
    await _press(fake, card, "Wrong verdict?", alice)
    await _told(fake, alice, "what is wrong with this verdict")
    reason = fake.send(alice[1], "Bleach is a poison, doctors say so.", sender=alice[0])
    thanks = await fake.wait_for_reply(reason)
    assert "the curators will look at this verdict" in _shown(thanks)
    await curated.idle()
    assert len(fake.replies_to(reason)) == 1  # the reason was not checked as an article
    opened = _shown(await _say(fake, curator, "/kb_queue 1"))
    assert "Bleach is a poison, doctors say so." in opened


async def test_the_cancel_button_stops_waiting_for_a_reason(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    alice = _person(fake, "Alice")
    card = await _say(fake, alice, BLEACH)
    await _press(fake, card, "Wrong verdict?", alice)
    prompt = await _told(fake, alice, "what is wrong with this verdict")
    await _press(fake, prompt, "Cancel", alice)
    await fake.wait_for(lambda: any("Cancelled" in _shown(s) for s in fake.sent))
    again = await _say(fake, alice, "The city of Oslo banned cars from its centre in 2019.")
    assert "❔ 1 unverified" in _shown(again)


async def test_asking_the_curators_leaves_a_message_in_the_chat(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    alice = _person(fake, "Alice")
    card = await _say(fake, alice, "The city of Oslo banned cars from its centre in 2019.")
    await _press(fake, card, "❔ Ask the curators", alice)
    sent = await _told(fake, alice, "Sent to the curators")
    assert _shown(sent).startswith("📨 Sent to the curators — I'll tell you here when they answer.")
    assert "The city of Oslo banned cars" in _shown(sent) and sent.reply_to == card.message_id


async def test_start_mentions_privacy_and_help_fits_one_screen(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    reader = _person(fake, "Rosa")
    fake.send(reader[1], "/start", sender=reader[0])
    assert "/privacy" in _shown(await fake.wait_for_message(reader[1]))
    fake.send(reader[1], "/help", sender=reader[0])
    help_text = _shown(await fake.wait_for_message(reader[1], number=2))
    assert len(help_text) <= 700 and "Is it true that" in help_text
    for operator_detail in ("BotFather", "timeout", "redirect", "docs/", "/kb_help"):
        assert operator_detail not in help_text
    fake.send(reader[1], "/help curators", sender=reader[0])
    curators = _shown(await fake.wait_for_message(reader[1], number=3))
    assert "/kb_queue" in curators and "/kb_answer" in curators


async def test_a_forwarded_post_while_a_reason_is_awaited_is_checked_not_filed(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    alice = _person(fake, "Alice")
    card = await _say(fake, alice, BLEACH)
    await _press(fake, card, "Wrong verdict?", alice)
    await _told(fake, alice, "what is wrong with this verdict")
    forwarded = await _say(
        fake, alice, "NATO imposed sanctions on Russia.", forward_date=1674993600
    )
    assert _shown(forwarded).startswith("🚩 1 contradicted")
    thanks = await _say(fake, alice, "It is a poison.")
    assert "the curators will look at this verdict" in _shown(thanks)
