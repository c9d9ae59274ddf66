"""End to end: readers ask the curators and dispute verdicts; curators list, answer, dismiss;
askers are told when the knowledge base covers their claim (the real bot, the fake API)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, Sent, telegram_text

from bot.settings import Settings

CURATOR_ID = 5001
OSLO = "The city of Oslo banned cars from its centre in 2019."
OSLO_AGAIN = "In 2019 Oslo banned cars from the city centre."
BLEACH = "Drinking bleach cures the flu."
POLAND = "Poland now spends 10 percent of its GDP on defence."
Person = tuple[JSON, JSON]  # the user and their private chat


@pytest_asyncio.fixture
async def curated(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    settings = make_settings(
        admin_ids=str(CURATOR_ID), request_recheck_seconds="0.1", request_expiry_days="14"
    )
    async with run_bot(fake, settings) as running_bot:
        yield running_bot


@pytest.fixture
def curator(fake: FakeTelegram) -> Person:
    user = fake.user("Cora", user_id=CURATOR_ID)
    return user, fake.private_chat(user)


def _person(fake: FakeTelegram, name: str) -> Person:
    user = fake.user(name)
    return user, fake.private_chat(user)


async def _say(fake: FakeTelegram, who: Person, text: str, **kw: object) -> Sent:
    message = fake.send(who[1], text, sender=who[0], **kw)  # type: ignore[arg-type]
    return await fake.wait_for_reply(message)


def _shown(sent: Sent) -> str:
    return telegram_text(sent.text, "HTML")


def _buttons(sent: Sent) -> dict[str, str]:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def _press(fake: FakeTelegram, sent: Sent, label: str, who: Person) -> str:
    """Press a button and return the toast or alert the bot answered with."""
    before = len(fake.answers)
    fake.press(sent, _buttons(sent)[label], sender=who[0])
    await fake.wait_for(lambda: len(fake.answers) > before)
    return str(fake.answers[before].get("text", ""))


async def _details(fake: FakeTelegram, who: Person, text: str) -> Sent:
    """The card for `text`, turned to its first Details page."""
    card = await _say(fake, who, text)
    fake.press(card, _buttons(card)["Details"], sender=who[0])
    await fake.wait_for(lambda: "◀ Summary" in _buttons(card))
    return card


async def _told(fake: FakeTelegram, who: Person, words: str) -> Sent:
    await fake.wait_for(lambda: any(words in _shown(s) for s in fake.sent_to(who[1])))
    return next(s for s in fake.sent_to(who[1]) if words in _shown(s))


async def test_two_askers_in_other_words_are_counted_once_and_both_told(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice, bob = _person(fake, "Alice"), _person(fake, "Bob")
    for who, claim in ((alice, OSLO), (bob, OSLO_AGAIN)):
        report = await _say(fake, who, claim)
        assert "❔ 1 unverified" in _shown(report)
        toast = await _press(fake, report, "❔ Ask the curators", who)
        assert "Asked the curators" in toast
    assert "2 people have asked" in toast
    listing = _shown(await _say(fake, curator, "/kb_queue"))
    assert "#1 · 2 asked · “The city of Oslo banned cars" in listing
    assert "Drinking" not in listing
    await _say(fake, curator, "/kb_add Oslo banned private cars from its city centre in 2019.")
    for who in (alice, bob):
        told = _shown(await _told(fake, who, "Update on a claim you asked"))
        assert OSLO in told and "Supported" in told and "Oslo banned private cars" in told
    assert "No open asks" in _shown(await _say(fake, curator, "/kb_queue"))


async def test_readers_cannot_see_or_answer_the_queue(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "❔ Ask the curators", alice)
    for command in ("/kb_queue", "/kb_queue disputes", "/kb_queue 1", "/kb_answer 1 Bleach is."):
        assert "Only the bot's curators" in _shown(await _say(fake, alice, command)), command
    opened = await _say(fake, curator, "/kb_queue 1")
    assert "Only the bot's curators" in await _press(fake, opened, "Dismiss", alice)
    assert "1 asked" in _shown(await _say(fake, curator, "/kb_queue"))


async def test_a_curator_answers_with_a_rated_claim_and_the_asker_is_told(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "❔ Ask the curators", alice)
    assert "Usage: /kb_answer" in _shown(await _say(fake, curator, "/kb_answer 1"))
    answer = "/kb_answer 1\nrating: False\nchecker: Health Desk\nsource: https://desk.example/b"
    done = _shown(await _say(fake, curator, answer))
    assert "Answered request 1 with rated claim #" in done and "(False)" in done
    assert "told 1 chat" in done and "🚩 contradicted" in done
    change = re.search(r"Change (\d+); undo with /kb_undo (\d+)\.", done)
    assert change is not None and change.group(1) == change.group(2)
    sent = await _told(fake, alice, "Update on a claim")
    told = _shown(sent)
    assert "🚩 Contradicted: rated False by Health Desk" in told and "✅" not in told
    assert '<a href="https://desk.example/b">Health Desk fact-check</a>' in sent.text
    assert "rated as" not in told
    again = _shown(await _say(fake, curator, "/kb_answer 1 Bleach is poison."))
    assert "Request 1 is already closed" in again
    later = _shown(await _say(fake, _person(fake, "Bob"), BLEACH))
    assert "🚩 1 contradicted" in later
    assert "Rated False by Health Desk" in later and "✅ 0 supported" in later


@pytest.mark.parametrize("rating", ["Unproven", "Mixture"])
async def test_a_rating_that_is_not_false_or_true_never_supports_the_claim(
    curated: RunningBot, fake: FakeTelegram, curator: Person, rating: str
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, POLAND)
    await _press(fake, report, "❔ Ask the curators", alice)
    done = _shown(await _say(fake, curator, f"/kb_answer 1\nrating: {rating}\nsource: NATO desk"))
    assert "with rated claim #" in done and f"({rating})" in done and "❔ unverified" in done
    told = _shown(await _told(fake, alice, "Update on a claim"))
    assert f"❔ Unverified: rated {rating} by NATO desk" in told and "✅" not in told
    later = _shown(await _say(fake, _person(fake, "Bob"), POLAND))
    assert "✅ 0 supported" in later and "❔ 1 unverified" in later
    assert f"{rating} — NATO desk" in _shown(await _details(fake, _person(fake, "Carol"), POLAND))


async def test_a_rated_answer_with_an_unknown_rating_is_refused_and_nothing_is_stored(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "❔ Ask the curators", alice)
    refused = _shown(await _say(fake, curator, "/kb_answer 1\nrating: Flase\nsource: Desk"))
    assert "I don't know the rating “Flase”" in refused and "Nothing was stored" in refused
    assert "No matching statements" in _shown(await _say(fake, curator, "/kb_find bleach flu"))
    assert "1 asked" in _shown(await _say(fake, curator, "/kb_queue"))


async def test_a_statement_worded_as_a_rating_is_refused_on_every_curator_path(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "❔ Ask the curators", alice)
    rated = "Health Desk rated as “False” the claim that “Drinking bleach cures the flu”."
    for command in (f"/kb_add {rated}", f"/kb_answer 1 {rated}", "/kb_add The claim that "
                    "drinking bleach cures the flu is false."):  # fmt: skip
        refused = _shown(await _say(fake, curator, command))
        assert "reads as a fact-checker's rating of a claim" in refused, command
    assert "No matching statements" in _shown(await _say(fake, curator, "/kb_find bleach flu"))
    later = _shown(await _say(fake, _person(fake, "Bob"), BLEACH))
    assert "❔ 1 unverified" in later


async def test_wrong_verdict_files_a_dispute_with_the_readers_reason(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice, bob = _person(fake, "Alice"), _person(fake, "Bob")
    for who, reason in ((alice, "It is poison."), (bob, "Doctors say it kills.")):
        report = await _say(fake, who, BLEACH)
        await _press(fake, report, "Wrong verdict?", who)
        prompt = await _told(fake, who, "what is wrong with this verdict")
        assert "Cancel" in _buttons(prompt)  # in private: the next message is the reason
        refused = await _say(fake, who, "x" * 400, reply_to=prompt.message)
        assert "under 300 characters" in _shown(refused)
        thanks = await _say(fake, who, reason)  # no reply gesture needed
        assert "the curators will look at this verdict" in _shown(thanks)
    assert "No open asks" in _shown(await _say(fake, curator, "/kb_queue"))
    disputes = _shown(await _say(fake, curator, "/kb_queue disputes"))
    assert "#1 · 2 disputed · ❔ unverified · “Drinking bleach cures the flu.”" in disputes
    opened = await _say(fake, curator, "/kb_queue 1")
    assert "It is poison." in _shown(opened) and "Doctors say it kills." in _shown(opened)
    toast = await _press(fake, opened, "Dismiss", curator)
    assert "Dismissed request 1" in toast and "Told 2 chat(s)" in toast
    for who in (alice, bob):
        told = _shown(await _told(fake, who, "The curators looked at the verdict"))
        assert "“Drinking bleach cures the flu.”" in told and "left it as it was" in told
        assert told.count("\n") == 0  # one line
    assert "No open disputes" in _shown(await _say(fake, curator, "/kb_queue disputes"))


async def test_readers_told_an_answer_get_a_correction_when_it_is_undone(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "❔ Ask the curators", alice)
    done = _shown(await _say(fake, curator, "/kb_answer 1\nrating: False\nsource: Health Desk"))
    change = re.search(r"/kb_undo (\d+)", done)
    assert change is not None
    await _told(fake, alice, "🚩 Contradicted: rated False by Health Desk")
    undone = _shown(await _say(fake, curator, f"/kb_undo {change.group(1)}"))
    assert f"Undid change {change.group(1)}" in undone
    told = _shown(await _told(fake, alice, "Correction"))
    assert "the curators changed their answer on “Drinking bleach cures the flu.”" in told
    assert "It now checks as ❔ unverified (I told you 🚩 contradicted)" in told
    assert "❔ 1 unverified" in _shown(await _say(fake, _person(fake, "Bob"), BLEACH))


async def test_readers_told_an_answer_get_a_correction_when_it_is_edited(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, OSLO)
    await _press(fake, report, "❔ Ask the curators", alice)
    done = _shown(
        await _say(
            fake, curator, "/kb_answer 1 Oslo banned private cars from its city centre in 2019."
        )
    )
    statement = re.search(r"statement #(\d+)", done)
    assert statement is not None and "✅ supported" in done
    await _told(fake, alice, "Update on a claim")
    edit = f"/kb_edit {statement.group(1)} Oslo banned private cars from its city centre in 2017."
    assert "Edited" in _shown(await _say(fake, curator, edit))
    told = _shown(await _told(fake, alice, "Correction"))
    assert "(I told you ✅ supported)" in told and "✅ supported (" not in told
    await curated.idle()
    assert sum("Correction" in s.text for s in fake.sent_to(alice[1])) == 1
    assert "Says in 2019 where the record has in 2017" in told


async def test_after_cancel_the_next_message_is_checked_as_usual(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, BLEACH)
    await _press(fake, report, "Wrong verdict?", alice)
    await _told(fake, alice, "what is wrong with this verdict")
    assert "Cancelled" in _shown(await _say(fake, alice, "/cancel"))
    reply = await _say(fake, alice, OSLO, reply_to=report.message)
    assert "❔ 1 unverified" in _shown(reply)
    assert "Nothing to cancel" in _shown(await _say(fake, alice, "/cancel"))


async def test_privacy_says_what_is_kept_and_for_how_long(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    shown = _shown(await _say(fake, _person(fake, "Alice"), "/privacy"))
    assert "your Telegram user id, the id of the chat and the time" in shown
    assert "after 14 days" in shown


async def test_in_a_group_a_dispute_continues_in_private_and_the_answer_goes_to_the_group(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    group = fake.group("Readers")
    alice, bob = fake.user("Alice"), fake.user("Bob")
    message = fake.send(group, f"/check {BLEACH}", sender=alice)
    card = await fake.wait_for_reply(message)
    await _press(fake, card, "❔ Ask the curators", (alice, group))
    await _told(fake, (alice, group), "Sent to the curators")
    public = len(fake.sent_to(group))
    before = len(fake.answers)
    fake.press(card, _buttons(card)["Wrong verdict?"], sender=alice)
    await fake.wait_for(lambda: len(fake.answers) > before)
    link = str(fake.answers[before].get("url", ""))
    assert link.startswith("https://t.me/fact_test_bot?start=w")
    start = "/start " + link.split("start=", 1)[1]
    await curated.idle()
    assert len(fake.sent_to(group)) == public, [s.text for s in fake.sent_to(group)]
    refused = _shown(await _say(fake, (bob, fake.private_chat(bob)), start))
    assert "expired or is someone else's" in refused
    prompt = _shown(await _say(fake, (alice, fake.private_chat(alice)), start))
    assert "what is wrong with this verdict" in prompt and BLEACH[:-1] in prompt
    thanks = await _say(fake, (alice, fake.private_chat(alice)), "It is a poison, not a cure.")
    assert "the curators will look at this verdict" in _shown(thanks)
    assert len(fake.sent_to(group)) == public
    disputes = _shown(await _say(fake, curator, "/kb_queue disputes"))
    assert "1 disputed" in disputes and "Drinking bleach" in disputes
    await _say(fake, curator, "/kb_answer 1 Drinking bleach does not cure the flu; it is a poison.")
    told = _shown(await _told(fake, (alice, group), "Update on a claim"))
    assert "The curators' answer: Drinking bleach does not cure the flu" in told


CITIES = ("Oslo", "Bergen", "Tromsø", "Lyon", "Porto", "Ghent", "Turku", "Graz", "Brno", "Malmö",
          "Aarhus")  # fmt: skip
TRAMS = " ".join(
    f"The city of {c} opened a new tram line in {2001 + i}." for i, c in enumerate(CITIES)
)


async def test_the_picker_pages_through_every_claim(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    alice = _person(fake, "Alice")
    report = await _say(fake, alice, TRAMS)
    assert "❔ 11 unverified" in _shown(report)
    await _press(fake, report, "Wrong verdict?", alice)
    picker = await _told(fake, alice, "Which verdict is wrong?")
    assert "(1–8 / 11)" in _shown(picker) and "Aarhus" not in _shown(picker)
    assert list(_buttons(picker)) == [*map(str, range(1, 9)), "›"]
    await _press(fake, picker, "›", alice)
    await fake.wait_for(lambda: "(9–11 / 11)" in _shown(picker))
    assert "11. ❔ The city of Aarhus opened a new tram line in 2011." in _shown(picker)
    assert list(_buttons(picker)) == ["9", "10", "11", "‹"]
    await _press(fake, picker, "11", alice)
    prompt = _shown(await _told(fake, alice, "what is wrong with this verdict"))
    assert "Aarhus opened a new tram line in 2011" in prompt


async def test_in_a_group_only_the_reader_who_asked_can_use_their_picker(
    curated: RunningBot, fake: FakeTelegram, curator: Person
) -> None:
    group = fake.group("Readers")
    alice, bob = fake.user("Alice"), fake.user("Bob")
    card = await fake.wait_for_reply(fake.send(group, f"/check {TRAMS}", sender=alice))
    await _press(fake, card, "❔ Ask the curators", (alice, group))
    picker = await _told(fake, (alice, group), "Which claim should the curators check?")
    refused = await _press(fake, picker, "2", (bob, group))
    assert "This list is for the person who asked for it" in refused
    assert "Asked the curators" in await _press(fake, picker, "2", (alice, group))
    listing = _shown(await _say(fake, curator, "/kb_queue"))
    assert "1 asked" in listing and "Bergen" in listing


@pytest.mark.parametrize(
    ("language", "update", "verdict", "correction"),
    [
        pytest.param(
            "ru",
            "Новости об утверждении",
            "🚩 Опровергнуто: оценка «False» от Health Desk",
            "Теперь проверка даёт ❔ не проверено (я сообщал вам: 🚩 опровергнуто)",
            id="ru",
        ),
        pytest.param(
            "uk",
            "Новини про твердження",
            "🚩 Спростовано: оцінка «False» від Health Desk",
            "Тепер перевірка дає ❔ не перевірено (я повідомляв вам: 🚩 спростовано)",
            id="uk",
        ),
    ],
)
async def test_the_answer_and_its_correction_reach_the_asker_in_their_language(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: Person,
    language: str,
    update: str,
    verdict: str,
    correction: str,
) -> None:
    user = fake.user("Olena", language=language)
    olena = (user, fake.private_chat(user))
    report = await _say(fake, olena, BLEACH)
    [ask] = [label for label in _buttons(report) if label.startswith("❔")]
    await _press(fake, report, ask, olena)
    done = _shown(await _say(fake, curator, "/kb_answer 1\nrating: False\nsource: Health Desk"))
    assert "told 1 chat" in done  # the curator's side stays in the curator's language
    told = _shown(await _told(fake, olena, update))
    assert verdict in told and BLEACH in told
    change = re.search(r"/kb_undo (\d+)", done)
    assert change is not None
    await _say(fake, curator, f"/kb_undo {change.group(1)}")
    assert correction in _shown(await _told(fake, olena, correction))
