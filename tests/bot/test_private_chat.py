"""End to end: articles sent to the bot in a private chat, over HTTP against the fake server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from bot_harness import RunningBot, run_bot
from fake_telegram import FakeTelegram, telegram_text

from bot.settings import Settings

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())


def _shown(text: str) -> str:
    return telegram_text(text, "HTML")


async def test_forwarded_rewritten_article_flags_tuesday_and_minsk(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    alice = fake.user("Alice")
    message = fake.send(
        fake.private_chat(alice), articles["rewritten"], sender=alice, forward_date=FORWARDED_ON
    )
    reply = await fake.wait_for_reply(message)
    shown = _shown(reply.text)
    assert shown.splitlines()[0].startswith("🚩 ")
    assert "Says “Tuesday”, but this happened on a Monday" in shown
    assert "Minsk" in shown
    assert "30 January 2023" in shown
    assert reply.params["link_preview_options"] == {"is_disabled": True}
    assert reply.params["parse_mode"] == "HTML"
    assert any(a["action"] == "typing" and a["chat_id"] == alice["id"] for a in fake.actions)


async def test_pasted_article_uses_its_dateline(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    bob = fake.user("Bob")
    message = fake.send(fake.private_chat(bob), articles["rewritten"], sender=bob)
    shown = _shown((await fake.wait_for_reply(message)).text)
    assert "30 January 2023" in shown and "dateline" in shown


async def test_caption_is_checked(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    carol = fake.user("Carol")
    text = articles["rewritten"][:1000]
    message = fake.send(fake.private_chat(carol), text, sender=carol, caption=True)
    assert (await fake.wait_for_reply(message)).text.startswith("🚩 ")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("😀🎉🔥" * 30, id="emoji-only"),
        pytest.param("<b>Breaking</b> & <script>alert('x')</script> <i>", id="html-like"),
        pytest.param("&lt;b&gt; &amp;amp; <a href='javascript:x'>click</a>", id="entities"),
        pytest.param(("The minister said on Tuesday that prices rose. " * 90)[:4096], id="4096"),
    ],
)
async def test_awkward_text_gets_a_well_formed_answer(
    bot: RunningBot, fake: FakeTelegram, text: str
) -> None:
    dave = fake.user("Dave")
    message = fake.send(fake.private_chat(dave), text, sender=dave)
    reply = await fake.wait_for_reply(message)  # the fake rejects malformed or too-long HTML
    assert _shown(reply.text).strip()
    assert "went wrong" not in reply.text


async def test_check_command_as_reply_in_private(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    erin = fake.user("Erin")
    chat = fake.private_chat(erin)
    article = {"message_id": 500, "date": FORWARDED_ON, "chat": chat, "text": articles["rewritten"]}
    command = fake.send(chat, "/check", sender=erin, reply_to=article)
    reply = await fake.wait_for_reply(article)
    assert "Minsk" in _shown(reply.text)
    await bot.idle()
    assert not fake.replies_to(command)


async def test_start_help_and_non_text(bot: RunningBot, fake: FakeTelegram) -> None:
    frank = fake.user("Frank")
    chat = fake.private_chat(frank)
    fake.send(chat, "/start", sender=frank)
    assert "/check" in _shown((await fake.wait_for_message(chat)).text)
    fake.send(chat, "/help", sender=frank)
    assert "group" in _shown((await fake.wait_for_message(chat, number=2)).text)
    sticker = {"file_id": "s1", "file_unique_id": "s1", "type": "regular", "width": 1,
               "height": 1, "is_animated": False, "is_video": False}  # fmt: skip
    update_id = fake.push({"message": {"message_id": 90, "date": FORWARDED_ON, "chat": chat,
                                       "from": frank, "sticker": sticker}})  # fmt: skip
    assert update_id
    assert "Send me the text" in (await fake.wait_for_message(chat, number=3)).text


async def test_commands_are_registered(bot: RunningBot, fake: FakeTelegram) -> None:
    names = {command["command"] for command in fake.commands}
    assert {"check", "help", "settings", "autocheck", "quiet", "reload_admins"} <= names


async def test_start_is_a_short_intro_for_readers_and_points_curators_to_kb_help(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    curator_id = 4242
    async with run_bot(fake, make_settings(admin_ids=str(curator_id))) as bot:
        reader, curator = fake.user("Rex"), fake.user("Cora", user_id=curator_id)
        for who in (reader, curator):
            fake.send(fake.private_chat(who), "/start", sender=who)
        await bot.idle()
    for_reader = _shown(fake.sent_to(fake.private_chat(reader))[0].text)
    for_curator = _shown(fake.sent_to(fake.private_chat(curator))[0].text)
    assert 2 <= len(for_reader.splitlines()) <= 4 and len(for_reader) < 400
    assert "/kb_" not in for_reader and "/check" in for_reader
    assert for_curator.startswith(for_reader) and "/kb_help" in for_curator
