"""End to end: curating the knowledge base over Telegram (the real bot against the fake API)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import pytest
import pytest_asyncio
import yaml
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, Sent, telegram_text

from bot.settings import Settings

CURATOR_ID = 5001
FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
MARKUP = "<b>Bold</b> & <script>x</script> *stars* _under_ [link](http://e.example)"


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
def reader(fake: FakeTelegram) -> tuple[JSON, JSON]:
    user = fake.user("Rex")
    return user, fake.private_chat(user)


async def _say(fake: FakeTelegram, who: tuple[JSON, JSON], text: str, **kw: object) -> str:
    message = fake.send(who[1], text, sender=who[0], **kw)  # type: ignore[arg-type]
    return telegram_text((await fake.wait_for_reply(message)).text, "HTML")


async def _state(bot: RunningBot) -> tuple[str, int]:
    kb = bot.services.kb
    return await kb.curator.export_yaml(), len(await kb.store.log.changes(1000))


async def test_non_admins_are_refused_every_change_and_nothing_changes(
    curated: RunningBot, fake: FakeTelegram, reader: tuple[JSON, JSON]
) -> None:
    before = await _state(curated)
    for command in (
        "/kb_add Something new.",
        "/kb_edit 1 New text",
        "/kb_retire 1",
        "/kb_rule add minsk deal\nbecause: x",
        "/kb_rule remove 1",
        "/kb_undo 1",
        "/kb_log",
        "/kb_import",
    ):
        assert "Only the bot's curators" in await _say(fake, reader, command), command
    document = fake.send_document(reader[1], b"- text: Sneaky.\n", "kb.yaml", sender=reader[0])
    assert "Only the bot's curators" in await _say(fake, reader, "/kb_import", reply_to=document)
    article = fake.send(reader[1], "NATO said on Monday it will meet.", sender=reader[0])
    assert "Only the bot's curators" in await _say(fake, reader, "/kb_learn", reply_to=article)
    assert await _state(curated) == before


async def test_anyone_can_find_show_and_see_stats(
    curated: RunningBot, fake: FakeTelegram, reader: tuple[JSON, JSON]
) -> None:
    found = await _say(fake, reader, "/kb_find sweden finland nato")
    assert "Sweden and Finland applied to join NATO" in found
    assert "History" in await _say(fake, reader, "/kb_show 1")
    assert "statements event/active" in await _say(fake, reader, "/kb_stats")
    assert "No statement with id 999" in await _say(fake, reader, "/kb_show 999")
    assert "Usage" in await _say(fake, reader, "/kb_show")


async def test_add_with_fields_then_edit_retire_and_undo(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    added = await _say(
        fake, curator, f"/kb_add {MARKUP}\nsource: https://e.example/a\ndate: 2023-02-01"
    )
    assert MARKUP in added and "date 2023-02-01" in added  # escaped, so shown as typed
    new_id = int(added.split("#")[1].split()[0])
    kb = curated.services.kb
    stored = await kb.get(new_id)
    assert stored.text == MARKUP and stored.source.url == "https://e.example/a"
    before_edit = (await kb.get(new_id)).to_dict()
    assert "Bergen" in await _say(fake, curator, f"/kb_edit {new_id} Signed in Bergen.")
    assert "no longer used" in await _say(fake, curator, f"/kb_retire {new_id} wrong city")
    assert "retire by Cora: wrong city" in await _say(fake, curator, f"/kb_show {new_id}")
    log = await _say(fake, curator, "/kb_log 3")
    assert "Cora" in log and "retire" in log and str(CURATOR_ID) in log
    for change in await kb.store.log.changes(2):
        assert "Undid change" in await _say(fake, curator, f"/kb_undo {change.id}")
    assert (await kb.get(new_id)).to_dict() == before_edit
    assert "Invalid date" in await _say(fake, curator, "/kb_add Text.\ndate: yesterday")
    assert "No statement with id 9999" in await _say(fake, curator, "/kb_edit 9999 x")


async def test_rules_are_added_listed_removed_and_bad_patterns_refused(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    added = await _say(
        fake,
        curator,
        "/kb_rule add nato applicant sweden\nfrom: 2024-03-07\n"
        "because: Sweden joined NATO on 7 March 2024.",
    )
    rule_id = int(added.split("Added rule ")[1].split(":")[0])
    assert "nato applicant sweden" in await _say(fake, curator, "/kb_rule list")
    rules = (await curated.services.kb.curator.rule_list()).rules
    refused = await _say(fake, curator, "/kb_rule add (?i)minsk.*\nbecause: regex")
    assert "Invalid pattern" in refused
    assert "No statement with id 999" in await _say(
        fake, curator, "/kb_rule add minsk deal\nbecause: x\nevidence: 999"
    )
    assert (await curated.services.kb.curator.rule_list()).rules == rules
    assert "Removed rule" in await _say(fake, curator, f"/kb_rule remove {rule_id}")


async def _import(fake: FakeTelegram, who: tuple[JSON, JSON], content: bytes, name: str) -> str:
    document = fake.send_document(who[1], content, name, sender=who[0])
    return await _say(fake, who, "/kb_import", reply_to=document)


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        pytest.param(
            b"text,event_date\nFine.,2022-01-01\nBad.,someday\n",
            "a.csv",
            "record 2, field 'event_date'",
            id="bad-csv-record",
        ),
        pytest.param(b"statements:\n  - text: [unclosed\n", "a.yaml", "not valid YAML", id="yaml"),
        pytest.param(b'{"statements": [{"txt": "typo"}]}', "a.json", "'txt'", id="mistyped-field"),
        pytest.param(b"", "empty.yaml", "empty", id="empty"),
        pytest.param(b"x" * 10_000_000, "big.yaml", "limit is 1,000,000 bytes", id="10-MB"),
    ],
)
async def test_bad_imports_are_explained_and_change_nothing(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    content: bytes,
    name: str,
    expected: str,
) -> None:
    before = await _state(curated)
    assert expected in await _import(fake, curator, content, name)
    assert await _state(curated) == before


async def test_import_then_export_round_trip(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    doc = b"- text: Sweden joined NATO on 7 March 2024.\n  event_date: 2024-03-07\n"
    assert "Imported 1 statement," in await _import(fake, curator, doc, "kb.yaml")
    assert "skipped 1 duplicate" in await _import(fake, curator, doc, "kb.yaml")
    fake.send(curator[1], "/kb_export", sender=curator[0])
    await fake.wait_for(lambda: bool(fake.documents))
    exported = fake.documents[0].params["document"]
    assert exported["filename"].endswith(".yaml")
    texts = [s["text"] for s in yaml.safe_load(exported["content"])["statements"]]
    assert "Sweden joined NATO on 7 March 2024." in texts
    before = await _state(curated)
    back = await _import(fake, curator, exported["content"], exported["filename"])
    assert "Imported 0 statements, 0 rules and 0 entities" in back
    assert (await _state(curated))[0] == before[0]


def _buttons(sent: Sent) -> dict[str, str]:
    rows = sent.params["reply_markup"]["inline_keyboard"]
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def _learn_offer(fake: FakeTelegram, curator: tuple[JSON, JSON], article: str) -> Sent:
    post = fake.send(curator[1], article, sender=curator[0], forward_date=FORWARDED_ON)
    command = fake.send(
        curator[1], "/kb_learn\nsource: https://edition.cnn.com/x", sender=curator[0], reply_to=post
    )
    return await fake.wait_for_reply(command)


async def test_learn_offers_candidates_and_adds_all(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON], articles: dict[str, str]
) -> None:
    offer = await _learn_offer(fake, curator, "Sweden opened a new embassy in Oslo on Monday.")
    assert "2023-01-30" in telegram_text(offer.text, "HTML")
    fake.press(offer, _buttons(offer)["Add all (1)"], sender=curator[0])
    await fake.wait_for(lambda: "Learned 1" in offer.message["text"])
    [(statement, _)] = await curated.services.kb.search("sweden embassy oslo", limit=1)
    assert statement.event_date == "2023-01-30"
    assert statement.source.url == "https://edition.cnn.com/x"


async def test_learn_pick_adds_only_the_chosen_and_cancel_adds_nothing(
    curated: RunningBot,
    fake: FakeTelegram,
    curator: tuple[JSON, JSON],
    reader: tuple[JSON, JSON],
) -> None:
    article = (
        "Norway opened a new consulate in Bergen on Monday. "
        "Denmark signed a fishing treaty with Iceland on Monday."
    )
    before = await _state(curated)
    offer = await _learn_offer(fake, curator, article)
    fake.press(offer, _buttons(offer)["Cancel"], sender=curator[0])
    await fake.wait_for(lambda: "Cancelled" in offer.message["text"])
    assert await _state(curated) == before
    offer = await _learn_offer(fake, curator, article)
    fake.press(offer, _buttons(offer)["Add all (2)"], sender=reader[0])  # not theirs to choose
    fake.press(offer, _buttons(offer)["Pick"], sender=curator[0])
    await fake.wait_for(lambda: "☐ 2" in _buttons(offer))
    fake.press(offer, _buttons(offer)["☐ 2"], sender=curator[0])
    await fake.wait_for(lambda: "☑ 2" in _buttons(offer))
    fake.press(offer, _buttons(offer)["Add selected (1)"], sender=curator[0])
    await fake.wait_for(lambda: "Learned 1" in offer.message["text"])
    added = (await curated.services.kb.store.statements.all())[-1]
    assert "Denmark" in added.text


async def test_help_points_to_help_curators_then_kb_help_and_its_kb_add_syntax(
    curated: RunningBot, fake: FakeTelegram, reader: tuple[JSON, JSON]
) -> None:
    fake.send(reader[1], "/help", sender=reader[0])
    await curated.idle()
    assert "/help curators" in telegram_text(fake.sent_to(reader[1])[-1].text, "HTML")
    fake.send(reader[1], "/help curators", sender=reader[0])
    await curated.idle()
    assert "/kb_help" in telegram_text(fake.sent_to(reader[1])[-1].text, "HTML")
    fake.send(reader[1], "/kb_help", sender=reader[0])
    await curated.idle()
    shown = telegram_text(fake.sent_to(reader[1])[-1].text, "HTML")
    assert "/kb_add" in shown and "source:" in shown and "/kb_find" in shown


async def test_a_long_list_of_bad_records_is_shown_in_full(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    rows = "".join(f"Statement number {n} with a bad date.,not-a-date-{n}\n" for n in range(60))
    await _import(fake, curator, b"text,event_date\n" + rows.encode(), "many.csv")

    def shown() -> str:
        return "\n".join(telegram_text(s.text, "HTML") for s in fake.sent_to(curator[1]))

    await fake.wait_for(lambda: "and 10 more" in shown())
    assert "record 1, field 'event_date'" in shown() and "record 50," in shown()


CAPTIONED = b"statements:\n  - text: The Nordic Rail Council approved the night train.\n"


async def test_a_file_sent_with_the_caption_kb_import_is_imported_not_checked(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    document = fake.send_document(
        curator[1], CAPTIONED, "rail.yaml", sender=curator[0], caption="/kb_import"
    )
    shown = telegram_text((await fake.wait_for_reply(document)).text, "HTML")
    await curated.idle()
    assert shown.startswith("Imported 1 statement,")
    assert len(fake.sent_to(curator[1])) == 1  # no report on the file as an article
    texts = [s.text for s in await curated.services.kb.store.statements.all()]
    assert "The Nordic Rail Council approved the night train." in texts


async def test_a_reader_sending_a_file_with_the_caption_kb_import_is_refused(
    curated: RunningBot, fake: FakeTelegram, reader: tuple[JSON, JSON]
) -> None:
    before = len(await curated.services.kb.store.statements.all())
    document = fake.send_document(
        reader[1], CAPTIONED, "rail.yaml", sender=reader[0], caption="/kb_import"
    )
    shown = telegram_text((await fake.wait_for_reply(document)).text, "HTML")
    assert "Only the bot's curators" in shown
    assert len(await curated.services.kb.store.statements.all()) == before


def _answers(fake: FakeTelegram) -> list[str]:
    return [p.get("text", "") for name, p in fake.calls if name == "answercallbackquery"]


async def test_used_learn_buttons_are_spent_and_evicted_ones_say_they_expired(
    fake: FakeTelegram, make_settings: Callable[..., Settings], curator: tuple[JSON, JSON]
) -> None:
    settings = make_settings(admin_ids=str(CURATOR_ID), callback_cache_size=16)
    async with run_bot(fake, settings) as bot:
        offer = await _learn_offer(fake, curator, "Sweden opened a new embassy in Oslo on Monday.")
        add_all = _buttons(offer)["Add all (1)"]
        fake.press(offer, add_all, sender=curator[0])
        await fake.wait_for(lambda: "Learned 1" in offer.message["text"])
        before = await _state(bot)
        fake.press(offer, add_all, sender=curator[0])  # pressed again: spent, adds nothing
        await bot.idle()
        assert "run the command again" in _answers(fake)[-1]
        forgotten = await _learn_offer(fake, curator, "Finland opened a ferry port in Turku.")
        for n in range(16):  # as many newer keyboards as the cache holds
            await _learn_offer(fake, curator, f"Estonia opened bridge number {n} in Tartu.")
        fake.press(forgotten, _buttons(forgotten)["Add all (1)"], sender=curator[0])
        await bot.idle()
        assert "expired" in _answers(fake)[-1] and "run the command again" in _answers(fake)[-1]
        assert await _state(bot) == before
