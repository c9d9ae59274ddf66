"""No lost writes through the bot's real concurrency: adds, imports, a refused import and
thirty "Ask the curators" presses at once, each answered, each acknowledged write stored and
each refused one absent; and a writer holding the file elsewhere makes a write say the
knowledge base is busy, never "Sorry"."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable

import pytest_asyncio
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, Sent, telegram_text

from bot.app import APOLOGY
from bot.settings import Settings
from knowledge import RequestKind

CURATOR_ID = 5003
READERS = 30
Person = tuple[JSON, JSON]  # the user and their private chat


@pytest_asyncio.fixture
async def curated(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    settings = make_settings(admin_ids=str(CURATOR_ID), telegram_base_file_url=fake.base_file_url)
    async with run_bot(fake, settings) as running_bot:
        yield running_bot


def _shown(sent: Sent) -> str:
    return telegram_text(sent.text, "HTML")


def _ask_button(sent: Sent) -> str:
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return next(b["callback_data"] for row in rows for b in row if "Ask the curators" in b["text"])


def _person(fake: FakeTelegram, name: str, user_id: int | None = None) -> Person:
    user = fake.user(name, user_id=user_id)
    return user, fake.private_chat(user)


def _import_yaml(tag: str, count: int) -> bytes:
    return "".join(
        f"- text: Import {tag} ferry pier {i} was rebuilt.\n" for i in range(count)
    ).encode()


async def test_concurrent_writes_are_all_kept_or_all_refused(
    curated: RunningBot, fake: FakeTelegram
) -> None:
    curator = _person(fake, "Cora", CURATOR_ID)
    readers = [_person(fake, f"Reader{n}") for n in range(READERS)]
    sent = [
        fake.send(
            chat, f"The lighthouse on Zorblat island number {n} is the tallest one.", sender=user
        )
        for n, (user, chat) in enumerate(readers)
    ]
    reports = [await fake.wait_for_reply(message) for message in sent]

    # everything at once: the bot handles them concurrently (concurrent_updates as configured)
    adds = [
        fake.send(
            curator[1], f"/kb_add Harbour crane number {n} was painted blue.", sender=curator[0]
        )
        for n in range(8)
    ]
    imports = []
    for tag in "ABCD":
        document = fake.send_document(
            curator[1], _import_yaml(tag, 30), f"{tag}.yaml", sender=curator[0]
        )
        imports.append(fake.send(curator[1], "/kb_import", sender=curator[0], reply_to=document))
    refused_file = (
        b"statements: [{text: Refused import tram depot was closed.}]\n"
        b"rules: [{pattern: minsk deal, explanation: x, evidence: no-such-key}]\n"
    )
    document = fake.send_document(curator[1], refused_file, "R.yaml", sender=curator[0])
    refused = fake.send(curator[1], "/kb_import", sender=curator[0], reply_to=document)
    answers_before = len(fake.answers)
    for report, (user, _) in zip(reports, readers, strict=True):
        fake.press(report, _ask_button(report), sender=user)

    await curated.idle(timeout=120)
    kb = curated.services.kb
    stored = {s.text for s in await kb.store.statements.all(status=None)}
    for n, message in enumerate(adds):
        assert _shown(await fake.wait_for_reply(message)).startswith("Added")
        assert f"Harbour crane number {n} was painted blue." in stored
    for tag, message in zip("ABCD", imports, strict=True):
        assert "Imported 30 statements" in _shown(await fake.wait_for_reply(message))
        assert all(f"Import {tag} ferry pier {i} was rebuilt." in stored for i in range(30))
    assert "nothing was imported" in _shown(await fake.wait_for_reply(refused))
    assert "Refused import tram depot was closed." not in stored

    toasts = [str(a.get("text", "")) for a in fake.answers[answers_before:]]
    assert len(toasts) == READERS and all("Asked the curators" in t for t in toasts), toasts
    queue = curated.services.requests
    assert sum(r.count for r in await queue.most_asked(RequestKind.ASK, limit=100)) == READERS
    everything = [s for chat in [curator[1], *(c for _, c in readers)] for s in fake.sent_to(chat)]
    assert not any(APOLOGY in s.text for s in everything)


async def test_a_writer_elsewhere_makes_the_bot_say_busy(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(admin_ids=str(CURATOR_ID), kb_write_wait_seconds="0.5")
    async with run_bot(fake, settings) as running_bot:
        curator = _person(fake, "Cora", CURATOR_ID)
        reader = _person(fake, "Alice")
        report = await fake.wait_for_reply(
            fake.send(
                reader[1], "The lighthouse on Zorblat island is the tallest one.", sender=reader[0]
            )
        )
        other = sqlite3.connect(settings.factcheck_db, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # a long CLI import in another process
            added = fake.send(
                curator[1], "/kb_add The tram depot was closed in May.", sender=curator[0]
            )
            busy = _shown(await fake.wait_for_reply(added))
            before = len(fake.answers)
            fake.press(report, _ask_button(report), sender=reader[0])
            await fake.wait_for(lambda: len(fake.answers) > before)
            found = _shown(
                await fake.wait_for_reply(
                    fake.send(curator[1], "/kb_find tram depot", sender=curator[0])
                )
            )
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert "busy importing, try again in a minute" in busy and APOLOGY not in busy
        assert "busy importing" in str(fake.answers[before].get("text", ""))
        assert "busy" not in found  # reads go on while the file is held
        stored = {s.text for s in await running_bot.services.kb.store.statements.all(status=None)}
        assert "The tram depot was closed in May." not in stored
