"""End to end: a reader's question, or /check with the text, is checked as the statement asked."""

from __future__ import annotations

import pytest
from bot_harness import RunningBot
from fake_telegram import FakeTelegram, telegram_text

ANSWER = "NATO as an alliance does not impose sanctions"


async def test_check_with_the_text_checks_it_in_a_group(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group, reader = fake.group("Readers"), fake.user("Rita")
    command = fake.send(group, "/check NATO imposed sanctions on Russia.", sender=reader)
    shown = telegram_text((await fake.wait_for_reply(command)).text, "HTML")
    assert shown.startswith("🚩 1 contradicted") and ANSWER in shown


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Is it true that NATO imposed sanctions on Russia?", id="is-it-true"),
        pytest.param("Did NATO impose sanctions on Russia?", id="did"),
        pytest.param("NATO imposed sanctions on Russia?", id="statement-question"),
    ],
)
async def test_a_question_in_a_private_chat_gets_a_check(
    bot: RunningBot, fake: FakeTelegram, question: str
) -> None:
    reader = fake.user("Quentin")
    message = fake.send(fake.private_chat(reader), question, sender=reader)
    shown = telegram_text((await fake.wait_for_reply(message)).text, "HTML")
    assert ANSWER in shown


async def test_check_with_a_question_checks_what_it_asks(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reader = fake.user("Quinn")
    chat = fake.private_chat(reader)
    command = fake.send(
        chat, "/check Is it true that NATO imposed sanctions on Russia?", sender=reader
    )
    shown = telegram_text((await fake.wait_for_reply(command)).text, "HTML")
    assert ANSWER in shown
