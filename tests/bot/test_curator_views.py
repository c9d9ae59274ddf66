"""Stats, the log, a statement's history and an import summary say the same facts over Telegram
and in `factcheck kb` (the real bot against the fake API, the real CLI on the same file)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, telegram_text

from bot.settings import Settings
from cli.main import main

CURATOR_ID = 5002
IMPORTED = b"- text: The Nordic Rail Council approved the night train to Narvik.\n"


@pytest_asyncio.fixture
async def curated(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    settings = make_settings(admin_ids=str(CURATOR_ID), telegram_base_file_url=fake.base_file_url)
    async with run_bot(fake, settings) as running_bot:
        yield running_bot


@pytest.fixture
def curator(fake: FakeTelegram) -> tuple[JSON, JSON]:
    user = fake.user("Cora", user_id=CURATOR_ID)
    return user, fake.private_chat(user)


@pytest.fixture
def cli(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Awaitable[str]]:
    """`factcheck --db <the bot's file> kb ARGS…` in a thread; returns what it printed."""
    monkeypatch.setenv("COLUMNS", "300")  # wide tables: one row per line

    async def run(*args: str) -> str:
        capsys.readouterr()
        assert await asyncio.to_thread(main, ["--db", str(db_path), "kb", *args]) == 0
        return " ".join(capsys.readouterr().out.replace("│", " ").split())

    return run


async def _say(fake: FakeTelegram, who: tuple[JSON, JSON], text: str, **kw: object) -> str:
    message = fake.send(who[1], text, sender=who[0], **kw)  # type: ignore[arg-type]
    return telegram_text((await fake.wait_for_reply(message)).text, "HTML")


async def _import(fake: FakeTelegram, who: tuple[JSON, JSON], content: bytes) -> str:
    document = fake.send_document(who[1], content, "rail.yaml", sender=who[0])
    return await _say(fake, who, "/kb_import", reply_to=document)


def _flat(text: str) -> str:
    return " ".join(text.split())


async def test_stats_log_and_history_say_the_same_in_the_bot_and_the_cli(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    cli: Callable[..., Awaitable[str]],
) -> None:
    added = await _say(fake, curator, "/kb_add Norway opened a consulate in Bergen.")
    new_id = int(re.search(r"#(\d+)", added).group(1))  # type: ignore[union-attr]
    await _say(fake, curator, f"/kb_retire {new_id} wrong city")
    stats = await curated.services.kb.curator.stats()
    in_bot, in_cli = await _say(fake, curator, "/kb_stats"), await cli("stats")
    for label, value in stats.rows:
        assert f"{label}: {value}" in in_bot
        assert _flat(f"{label} {value}") in in_cli
    assert "last change" in dict(stats.rows) and "by Cora" in dict(stats.rows)["last change"]
    page = await curated.services.kb.curator.log_page(2)
    in_bot, in_cli = _flat(await _say(fake, curator, "/kb_log 2")), await cli("log", "2")
    for change in page.changes:
        said = [str(change.id), change.when, f"Cora ({CURATOR_ID})", change.action, change.target]
        assert all(part in in_bot and part in in_cli for part in said), said
    in_bot, in_cli = (
        _flat(await _say(fake, curator, f"/kb_show {new_id}")),
        await cli("show", str(new_id)),
    )
    for shown in (in_bot, in_cli):
        assert "Norway opened a consulate in Bergen." in shown and "status retired" in shown
        assert "retire" in shown and "wrong city" in shown and "Cora" in shown


async def test_an_import_summary_reads_the_same_in_the_bot_and_the_cli(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    cli: Callable[..., Awaitable[str]],
    tmp_path: Path,
) -> None:
    first = await _import(fake, curator, IMPORTED)
    summary = "Imported 1 statement, 0 rules and 0 entities; skipped 0 duplicates."
    change = await curated.services.kb.curator.log_page(1)
    assert (
        first
        == f"{summary} Change {change.changes[0].id}; undo with /kb_undo {change.changes[0].id}."
    )
    again_in_bot = await _import(fake, curator, IMPORTED)
    file = tmp_path / "rail.yaml"
    file.write_bytes(IMPORTED)
    again_in_cli = await cli("import", str(file))
    expected = "Imported 0 statements, 0 rules and 0 entities; skipped 1 duplicate."
    assert again_in_bot == expected and again_in_cli == expected


async def test_a_long_log_is_cut_to_the_page_size_and_says_so(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    for n in range(60):
        await curated.services.kb.curator.add(f"Statement {n} about the Narvik night train.")
    shown = await _say(fake, curator, "/kb_log 500")
    assert shown.startswith("The last 50 changes (at most 50 at a time)")
    assert len(re.findall(r"^\d+ · ", shown, re.MULTILINE)) == 50


REVIEW = b"""{"@context": "https://schema.org", "@type": "ClaimReview",
 "url": "https://factcheck.example/yachts", "datePublished": "2024-05-02",
 "author": {"@type": "Organization", "name": "Example Fact Check"},
 "claimReviewed": "Zelensky bought two yachts with US aid money.",
 "itemReviewed": {"@type": "Claim", "author": {"name": "a viral post"}},
 "reviewRating": {"@type": "Rating", "alternateName": "False"}}"""


async def test_a_rated_claim_shows_its_rating_wherever_it_appears(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    cli: Callable[..., Awaitable[str]],
) -> None:
    document = fake.send_document(curator[1], REVIEW, "review.json", sender=curator[0])
    imported = await _say(fake, curator, "/kb_import", reply_to=document)
    assert imported.startswith(
        "Imported 1 rated claim (False), 0 statements, 0 rules and 0 entities;"
    )
    change = re.search(r"undo with /kb_undo (\d+)", imported)
    assert change is not None
    reader = fake.user("Rex")
    found = await _say(fake, (reader, fake.private_chat(reader)), "/kb_find zelensky yachts")
    assert re.search(r"#(\d+) \(\d\.\d\d\) 🔎 rated False by Example Fact Check: Zelensky", found)
    found_id = re.search(r"#(\d+)", found).group(1)  # type: ignore[union-attr]
    in_cli = await cli("find", "zelensky", "yachts")
    assert "rated False by Example Fact Check" in in_cli
    in_bot = _flat(await _say(fake, curator, f"/kb_show {found_id}"))
    in_cli = await cli("show", found_id)
    for shown in (in_bot, in_cli):
        assert "kind rated claim" in shown and "rating False" in shown
        assert "checker Example Fact Check" in shown and "reviewed 2024-05-02" in shown
        assert "link https://factcheck.example/yachts" in shown
        assert "claimed by a viral post" in shown and "kind event" not in shown
        assert f"{change.group(1)} " in shown and "import" in shown  # its history
    card = await fake.wait_for_reply(
        fake.send(
            fake.private_chat(reader),
            "Zelensky bought two yachts with US aid money.",
            sender=reader,
        )
    )
    assert '<a href="https://factcheck.example/yachts">' in card.text
    assert "Example fact-check</a>" in card.text and "Fact Check fact check" not in card.text


async def test_undo_given_a_statement_id_names_its_last_change(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    cli: Callable[..., Awaitable[str]],
) -> None:
    for n in range(3):
        await curated.services.kb.curator.add(f"The Narvik night train ran {n + 1} times a week.")
    added = await _say(fake, curator, "/kb_add Norway opened a consulate in Bergen.")
    new_id = int(re.search(r"#(\d+)", added).group(1))  # type: ignore[union-attr]
    change = int(re.search(r"Change (\d+); undo with /kb_undo (\d+)\.", added).group(1))  # type: ignore[union-attr]
    assert new_id > change  # seeds hold the low statement ids; this id is no change
    refused = await _say(fake, curator, f"/kb_undo {new_id}")
    assert refused == (
        f"⚠️ {new_id} is a statement id; its last change is {change}. "
        f"Undo it with /kb_undo {change}."
    )
    edited = await _say(fake, curator, f"/kb_edit {new_id} Norway opened a consulate in Tromsø.")
    assert f"Change {change + 1}; undo with /kb_undo {change + 1}." in edited
    undone = await _say(fake, curator, f"/kb_undo {change + 1}")
    assert f"Undid change {change + 1}" in undone
    retired = await _say(fake, curator, f"/kb_retire {new_id}")
    assert "undo with /kb_undo" in retired
