"""End to end: a reader's question, or /check with the text, is answered as a question: a first
line that says no, yes or not known yet, the deciding evidence with its link, and no counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bot_harness import RunningBot, run_bot
from fake_telegram import FakeTelegram, Sent, telegram_text

from bot.settings import Settings

ANSWER = "NATO as an alliance does not impose sanctions"
NATO_PAGE = "https://www.nato.int/"
UNKNOWN = "Did Sweden and Finland apply to join the EU in May 2022?"
RELATED = "Sweden and Finland applied to join NATO in May 2022."


def _shown(sent: Sent) -> str:
    return telegram_text(sent.text, "HTML")


def _buttons(sent: Sent) -> list[str]:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def _ask(fake: FakeTelegram, text: str) -> Sent:
    reader = fake.user("Quentin")
    return await fake.wait_for_reply(fake.send(fake.private_chat(reader), text, sender=reader))


async def test_check_with_the_text_in_a_group_answers_no_with_the_evidence(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    group, reader = fake.group("Readers"), fake.user("Rita")
    command = fake.send(group, "/check NATO imposed sanctions on Russia.", sender=reader)
    reply = await fake.wait_for_reply(command)
    shown = _shown(reply)
    assert shown.startswith(f"No — {ANSWER}")
    assert "contradicted ·" not in shown  # no counts line for a question
    assert NATO_PAGE in reply.text  # the evidence's link is in the answer itself


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("Is it true that NATO imposed sanctions on Russia?", id="is-it-true"),
        pytest.param("Did NATO impose sanctions on Russia?", id="did"),
        pytest.param("NATO imposed sanctions on Russia?", id="statement-question"),
    ],
)
async def test_a_false_claim_asked_about_gets_no_first(
    bot: RunningBot, fake: FakeTelegram, question: str
) -> None:
    reply = await _ask(fake, question)
    first, *rest = _shown(reply).splitlines()
    assert first == f"No — {ANSWER}."
    assert any(line.startswith("Source: ") for line in rest)
    assert "Takes for granted" not in _shown(reply)


async def test_check_with_a_question_checks_what_it_asks(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reply = await _ask(fake, "/check Is it true that NATO imposed sanctions on Russia?")
    assert _shown(reply).startswith(f"No — {ANSWER}")


async def test_a_true_claim_asked_about_gets_yes_and_its_source(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reply = await _ask(
        fake, "Did Russia begin its full-scale invasion of Ukraine on 24 February 2022?"
    )
    first, second, *_ = _shown(reply).splitlines()
    assert first == "Yes — Russia began its full-scale invasion of Ukraine on 24 February 2022."
    assert second.startswith("Source: ")
    assert "❔ Ask the curators" not in _buttons(reply)


async def test_a_claim_no_longer_true_gets_no_not_any_more(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reply = await _ask(fake, "Is Jens Stoltenberg the NATO Secretary General?")
    assert _shown(reply).startswith("No — not any more: Jens Stoltenberg was NATO Secretary")


async def test_an_undecided_question_gets_not_known_yet_the_related_entry_and_the_curators(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    async with run_bot(fake, make_settings(related_min_score=0.5)):
        reply = await _ask(fake, UNKNOWN)
    shown = _shown(reply)
    assert shown.startswith("Not known yet — ")
    assert f"Related (not the same claim): “{RELATED}”" in shown
    assert "❔ Ask the curators" in _buttons(reply)


async def test_no_related_entry_is_offered_below_the_relevance_floor(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    async with run_bot(fake, make_settings(related_min_score=0.95)):
        reply = await _ask(fake, UNKNOWN)
    shown = _shown(reply)
    assert shown.startswith("Not known yet — ") and "Related" not in shown
    assert "❔ Ask the curators" in _buttons(reply)


async def test_an_article_still_gets_the_card_with_counts(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    reply = await _ask(
        fake, "NATO imposed sanctions on Russia. Russia began its invasion of Ukraine in 2022."
    )
    assert _shown(reply).startswith("🚩 1 contradicted")


async def test_a_question_about_a_rated_claim_gets_the_fact_check_and_its_link(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    curator_id = 5001
    async with run_bot(fake, make_settings(admin_ids=str(curator_id))) as running:
        alice = fake.user("Alice")
        chat = fake.private_chat(alice)
        card = await fake.wait_for_reply(
            fake.send(chat, "Drinking bleach cures the flu.", sender=alice)
        )
        rows = card.params["reply_markup"]["inline_keyboard"]
        ask = next(b for row in rows for b in row if b["text"] == "❔ Ask the curators")
        fake.press(card, ask["callback_data"], sender=alice)
        await fake.wait_for(lambda: any("Sent to the curators" in s.text for s in fake.sent))
        cora = fake.user("Cora", user_id=curator_id)
        answer = "/kb_answer 1\nrating: False\nchecker: Health Desk\nsource: https://desk.example/b"
        await fake.wait_for_reply(fake.send(fake.private_chat(cora), answer, sender=cora))
        await running.idle()
        reply = await _ask(fake, "Is it true that drinking bleach cures the flu?")
    shown = _shown(reply)
    assert shown.startswith("No — Health Desk rated this claim False.")
    assert 'href="https://desk.example/b"' in reply.text
