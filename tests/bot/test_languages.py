"""End to end: the interface speaks the reader's language. A Russian or Ukrainian message is
answered in it (only English is checked for now) with Ask the curators; commands follow the
language of the reader's Telegram app; English text is still checked in English."""

from __future__ import annotations

import pytest
from bot_harness import RunningBot
from fake_telegram import FakeTelegram, Sent, telegram_text


def _shown(sent: Sent) -> str:
    return telegram_text(sent.text, "HTML")


def _buttons(sent: Sent) -> dict[str, str]:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


@pytest.mark.parametrize(
    ("text", "said", "button", "sent"),
    [
        pytest.param(
            "Правда ли, что Швеция вступила в НАТО в 2024 году?",
            "Пока я умею проверять только тексты на английском",
            "❔ Спросить кураторов",
            "📨 Отправлено кураторам",
            id="russian",
        ),
        pytest.param(
            "Чи правда, що Швеція вступила до НАТО у 2024 році?",
            "Поки я вмію перевіряти лише тексти англійською",
            "❔ Запитати кураторів",
            "📨 Надіслано кураторам",
            id="ukrainian",
        ),
    ],
)
async def test_a_message_in_russian_or_ukrainian_is_answered_in_it_with_the_curators(
    bot: RunningBot, fake: FakeTelegram, text: str, said: str, button: str, sent: str
) -> None:
    reader = fake.user("Oksana")  # her Telegram app is in English: the message decides
    chat = fake.private_chat(reader)
    message = fake.send(chat, text, sender=reader)
    reply = await fake.wait_for_reply(message)
    assert said in _shown(reply)
    assert "English" not in _shown(reply) and list(_buttons(reply)) == [button]
    fake.press(reply, _buttons(reply)[button], sender=reader)
    await fake.wait_for(lambda: any(sent in s.text for s in fake.sent_to(chat)))
    asked = await bot.services.requests.most_asked(limit=5)
    assert [request.claim for request in asked] == [text]


@pytest.mark.parametrize(
    ("language", "start", "help_words"),
    [
        pytest.param("ru", "Я проверяю новости", "Как мной пользоваться", id="ru"),
        pytest.param("uk", "Я перевіряю новини", "Як мною користуватися", id="uk"),
        pytest.param("en-GB", "I check news", "How to use me", id="en"),
        pytest.param("de", "I check news", "How to use me", id="not-shipped-is-english"),
    ],
)
async def test_commands_follow_the_language_of_the_readers_app(
    bot: RunningBot, fake: FakeTelegram, language: str, start: str, help_words: str
) -> None:
    reader = fake.user("Ivan", language=language)
    chat = fake.private_chat(reader)
    fake.send(chat, "/start", sender=reader)
    started = _shown(await fake.wait_for_message(chat))
    assert started.startswith(start) and "/privacy" in started
    fake.send(chat, "/help", sender=reader)
    helped = _shown(await fake.wait_for_message(chat, number=2))
    assert helped.startswith(help_words) and len(helped) <= 700


async def test_english_text_from_a_russian_app_is_checked_in_english(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reader = fake.user("Olga", language="ru")
    message = fake.send(
        fake.private_chat(reader), "Did NATO impose sanctions on Russia?", sender=reader
    )
    shown = _shown(await fake.wait_for_reply(message))
    assert shown.startswith("No — NATO as an alliance does not impose sanctions")


async def test_chatter_in_english_from_a_ukrainian_app_gets_the_line_in_english(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reader = fake.user("Taras", language="uk")
    reply = await fake.wait_for_reply(fake.send(fake.private_chat(reader), "hello", sender=reader))
    assert _shown(reply).startswith("👋 I found nothing to check")
