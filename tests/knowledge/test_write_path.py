"""One write path: seeds, imports and single adds share the reader, the dates and the
duplicate rules, and a bad seed file changes nothing."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import yaml

import knowledge
from cli.main import main
from knowledge import InvalidImport, InvalidSeed, InvalidStatement, KnowledgeBase
from knowledge.formats import read_import
from knowledge.retrieval import TEXT_INDEX
from knowledge.seeding import seed
from knowledge.store import Store, open_store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STATEMENT = """\
statements:
  - key: zorblat-founded
    text: The Zorblat Council was founded in Oslo.
    event_date: {when}
"""
RULE = """\
rules:
  - key: zorblat-renamed
    pattern: zorblat committee
    explanation: The Zorblat committee has been the Zorblat Council since it was renamed.
    applies_from: {when}
"""


@pytest_asyncio.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await open_store(tmp_path / "kb.sqlite", text_index=TEXT_INDEX)
    try:
        yield opened
    finally:
        await opened.close()


async def _contents(store: Store) -> tuple[Any, ...]:
    statements = [s.to_dict() for s in await store.statements.all(status=None)]
    rules = await store.rules.all(status=None)
    return statements, rules, await store.entities.all(), await store.log.changes(10_000)


def _seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("articles"))
    return folder


# -- seeding is an import ------------------------------------------------------------------

BAD_RECORDS = [
    pytest.param(
        "statements.yaml",
        "  - {key: fine-1, text: The Zorblat Council met in Oslo.}\n"
        "  - {key: bad-1, text: The Zorblat Council met in Bergen., event_date: 2023-02-30}\n",
        id="impossible-date",
    ),
    pytest.param(
        "statements.yaml",
        "  - {key: bad-2, text: The Zorblat Council met., kind: rumour}\n",
        id="unknown-kind",
    ),
    pytest.param(
        "rules.yaml",
        "  - {key: bad-3, pattern: '(?i)zorblat.*', explanation: x}\n",
        id="regex-pattern",
    ),
    pytest.param(
        "entities.yaml",
        "  - {id: zorblat, label: ORG}\n",
        id="entity-without-name",
    ),
    pytest.param(
        "statements.yaml",
        "  - {text: 'Desk rated as “False” the claim that “The Zorblat Council met in Oslo”.'}\n",
        id="rating-worded-as-a-statement",
    ),
]


@pytest.mark.parametrize(("name", "appended"), BAD_RECORDS)
async def test_a_malformed_seed_record_is_refused_as_the_importer_refuses_it(
    store: Store, tmp_path: Path, name: str, appended: str
) -> None:
    folder = _seed_copy(tmp_path)
    await seed(store, folder)
    before = await _contents(store)
    bad_file = folder / name
    bad_file.write_text(bad_file.read_text(encoding="utf-8") + appended, encoding="utf-8")
    with pytest.raises(InvalidImport) as imported:
        read_import(bad_file.read_bytes(), filename=name)
    with pytest.raises(InvalidSeed) as seeded:
        await seed(store, folder)
    assert str(seeded.value) == f"{bad_file}: {imported.value.problems[0]}"
    assert "\n" not in str(seeded.value)
    assert await _contents(store) == before


async def test_reseeding_adds_nothing(store: Store, tmp_path: Path) -> None:
    folder = _seed_copy(tmp_path)
    assert await seed(store, folder) > 0
    before = await _contents(store)
    assert await seed(store, folder) == 0
    assert await _contents(store) == before


async def test_a_seed_folder_may_hold_no_rules(store: Store, tmp_path: Path) -> None:
    folder = _seed_copy(tmp_path)
    (folder / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    assert await seed(store, folder) > 0
    assert await store.rules.all() == []


def _seed_records() -> dict[str, Any]:
    """One statement and the rule citing it, as seeds/ holds them."""
    statements = yaml.safe_load((SEEDS / "statements.yaml").read_text(encoding="utf-8"))
    rules = yaml.safe_load((SEEDS / "rules.yaml").read_text(encoding="utf-8"))["rules"]
    rule = next(r for r in rules if r["key"] == "minsk-outdated")
    statement = next(s for s in statements["statements"] if s["key"] == rule["evidence"])
    return {"statements": [statement], "rules": [rule]}


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({}, id="as-seeded"),
        pytest.param({"key": "another-key"}, id="same-text"),
        pytest.param({"text": "Other words, same key."}, id="same-key"),
    ],
)
async def test_an_import_of_a_seed_record_is_a_duplicate(
    tmp_path: Path, change: dict[str, str]
) -> None:
    document = _seed_records()
    document["statements"][0].update(change)
    data = yaml.safe_dump(document, allow_unicode=True).encode()
    async with knowledge.open_kb(tmp_path / "kb.sqlite") as kb:
        before = await _contents(kb.store)
        result = await kb.curator.import_records(data, filename="again.yaml")
        assert (result.added, result.duplicates) == (0, 2)
        assert await _contents(kb.store) == before


async def test_seeding_after_an_import_of_a_seed_record_adds_it_once(tmp_path: Path) -> None:
    """The seed rule cites the statement by its seed key; the import stored it under another."""
    statement = _seed_records()["statements"][0]
    data = yaml.safe_dump({"statements": [{**statement, "key": "imported-first"}]}).encode()
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        (imported,) = (await kb.curator.import_records(data, filename="first.yaml")).statement_ids
        await seed(kb.store)
        texts = [s.text for s in await kb.store.statements.all(status=None)]
        (rule,) = [r for r in await kb.store.rules.all() if r.key == "minsk-outdated"]
    assert texts.count(statement["text"]) == 1
    assert rule.evidence_id == imported


async def test_a_statement_added_twice_is_refused(tmp_path: Path) -> None:
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        first = await kb.curator.add("The Zorblat Council was founded in Oslo.")
        with pytest.raises(knowledge.DuplicateStatement, match=f"Statement {first} already"):
            await kb.curator.add("  The Zorblat Council  was founded in Oslo. ")
        assert len(await kb.store.statements.all()) == 1


async def test_adding_a_retired_statement_again_says_how_to_bring_it_back(
    tmp_path: Path,
) -> None:
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        first = await kb.curator.add("The Zorblat Council was founded in Oslo.")
        await kb.curator.retire(first)
        with pytest.raises(knowledge.DuplicateStatement, match=r"\(retired\).*undo"):
            await kb.curator.add("The Zorblat Council was founded in Oslo.")
        assert await kb.store.statements.all() == []  # nothing added, nothing brought back
        assert (await kb.get(first)).status == knowledge.Status.RETIRED


async def test_an_unknown_statement_kind_is_refused_by_add_as_by_import(
    bare_kb: KnowledgeBase,
) -> None:
    with pytest.raises(InvalidImport, match="'event' or 'fact', not 'rumour'"):
        await bare_kb.curator.import_records(b"statements:\n  - {text: A rumour., kind: rumour}\n")
    with pytest.raises(InvalidStatement, match="'event' or 'fact', not 'rumour'"):
        await bare_kb.curator.add("A rumour.", kind="rumour")
    assert await bare_kb.store.statements.all(status=None) == []


ONE_SET_OF_CHECKS = [  # (fields as kb.add takes them, the same record as an import gives it)
    pytest.param(
        {"text": "The council met\x00 in Oslo."},
        '{text: "The council met\\0 in Oslo."}',
        "control character",
        id="control-character",
    ),
    pytest.param(
        {"text": "The council met in Oslo.", "event_date": "2014-13"},
        "{text: The council met in Oslo., event_date: '2014-13'}",
        "not a calendar date",
        id="bad-date",
    ),
    pytest.param(
        {"text": "The council met in Oslo.", "source": knowledge.Source(url="ftp://example.org/a")},
        "{text: The council met in Oslo., source: {url: 'ftp://example.org/a'}}",
        "not an http(s) address",
        id="source-address",
    ),
    pytest.param(
        {"text": "Fact-checkers rated as false the claim that the council met in Oslo."},
        "{text: Fact-checkers rated as false the claim that the council met in Oslo.}",
        "rating of a claim",
        id="reads-as-a-rating",
    ),
]


@pytest.mark.parametrize(("fields", "record", "problem"), ONE_SET_OF_CHECKS)
async def test_add_refuses_what_an_import_refuses_in_the_same_words(
    bare_kb: KnowledgeBase, fields: dict[str, Any], record: str, problem: str
) -> None:
    with pytest.raises(InvalidImport) as imported:
        await bare_kb.curator.import_records(f"statements:\n  - {record}\n".encode())
    with pytest.raises(InvalidStatement) as added:
        await bare_kb.curator.add(**fields)
    assert problem in str(imported.value) and problem in added.value.problem
    assert added.value.problem in str(imported.value)
    assert await bare_kb.store.statements.all(status=None) == []


async def test_an_unknown_rule_kind_is_refused_by_add_rule_as_by_import(
    bare_kb: KnowledgeBase,
) -> None:
    rule = b"rules:\n  - {pattern: zorblat committee, explanation: Renamed., kind: rumour}\n"
    with pytest.raises(InvalidImport, match="'outdated' or 'contradiction', not 'rumour'"):
        await bare_kb.curator.import_records(rule)
    with pytest.raises(InvalidStatement, match="'outdated' or 'contradiction', not 'rumour'"):
        await bare_kb.curator.add_rule("zorblat committee", explanation="Renamed.", kind="rumour")
    assert await bare_kb.store.rules.all(status=None) == []


async def test_a_rule_added_twice_is_refused(tmp_path: Path) -> None:
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        first = await kb.curator.add_rule("zorblat committee", explanation="It was renamed.")
        with pytest.raises(knowledge.DuplicateRule, match=f"Rule {first} already"):
            await kb.curator.add_rule("zorblat  committee", explanation="Renamed, again.")
        await kb.curator.remove_rule(first)
        assert await kb.curator.add_rule("zorblat committee", explanation="Renamed.") != first


# -- one date normaliser -------------------------------------------------------------------

STATEMENT_DATES = [  # (as written in YAML, as passed to kb.curator.add, as stored)
    pytest.param("2014", 2014, "2014", id="year"),
    pytest.param("'2014-03'", "2014-03", "2014-03", id="month"),
    pytest.param("2014-03-07", "2014-03-07", "2014-03-07", id="day"),
    pytest.param("2014-03-07", date(2014, 3, 7), "2014-03-07", id="date-object"),
    pytest.param("' 2014-03-07 '", " 2014-03-07 ", "2014-03-07", id="spaces"),
]
BAD_STATEMENT_DATES = [  # (as written in YAML, as passed to kb.curator.add, the problem)
    pytest.param("'2014-3'", "2014-3", "is not a date like 2023-01-30", id="short-month"),
    pytest.param("20140307", "20140307", "is not a date like 2023-01-30", id="compact"),
    pytest.param("March 2014", "March 2014", "is not a date like 2023-01-30", id="words"),
    pytest.param("'2014-02-30'", "2014-02-30", "is not a calendar date", id="no-such-day"),
]


async def _seeded_statement_date(tmp_path: Path, when: str) -> str | None:
    folder = tmp_path / "dated-seeds"
    folder.mkdir()
    (folder / "entities.yaml").write_text("entities: []\n")
    (folder / "statements.yaml").write_text(STATEMENT.format(when=when))
    (folder / "rules.yaml").write_text("rules: []\n")
    store = await open_store(tmp_path / "seeded.sqlite", text_index=TEXT_INDEX)
    try:
        await seed(store, folder)
        stored = await store.statements.by_key("zorblat-founded")
    finally:
        await store.close()
    assert stored is not None
    return stored.event_date


@pytest_asyncio.fixture
async def bare_kb(tmp_path: Path) -> AsyncIterator[KnowledgeBase]:
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        yield kb


@pytest.mark.parametrize(("written", "given", "stored"), STATEMENT_DATES)
async def test_a_statement_date_is_stored_alike_from_seeds_imports_and_adds(
    bare_kb: KnowledgeBase, tmp_path: Path, written: str, given: object, stored: str
) -> None:
    imported = await bare_kb.curator.import_records(
        STATEMENT.format(when=written).encode(), filename="a.yaml"
    )
    added = await bare_kb.curator.add("The Zorblat Council met in Bergen.", event_date=given)  # type: ignore[arg-type]
    assert (await bare_kb.get(imported.statement_ids[0])).event_date == stored
    assert (await bare_kb.get(added)).event_date == stored
    assert await _seeded_statement_date(tmp_path, written) == stored


@pytest.mark.parametrize(("written", "given", "problem"), BAD_STATEMENT_DATES)
async def test_a_bad_statement_date_is_refused_alike_by_seeds_imports_and_adds(
    bare_kb: KnowledgeBase, tmp_path: Path, written: str, given: str, problem: str
) -> None:
    with pytest.raises(InvalidImport) as imported:
        await bare_kb.curator.import_records(
            STATEMENT.format(when=written).encode(), filename="a.yaml"
        )
    with pytest.raises(InvalidStatement) as added:
        await bare_kb.curator.add("The Zorblat Council met in Bergen.", event_date=given)
    with pytest.raises(InvalidSeed) as seeded:
        await _seeded_statement_date(tmp_path, written)
    said = f"{given.strip()!r} {problem}"
    assert said in str(imported.value) and said in str(added.value) and said in str(seeded.value)
    assert await bare_kb.store.statements.all(status=None) == []


RULE_DATES = [  # (as written in YAML or on the command line, as passed to add_rule, as stored)
    pytest.param("2014-03-07", "2014-03-07", date(2014, 3, 7), id="day"),
    pytest.param("2014-03-07", date(2014, 3, 7), date(2014, 3, 7), id="date-object"),
    pytest.param("' 2014-03-07 '", " 2014-03-07 ", date(2014, 3, 7), id="spaces"),
]
BAD_RULE_DATES = [  # (as written in YAML, as passed to add_rule and the CLI, the problem)
    pytest.param("'2014-03'", "2014-03", "must be a full date like 2022-02-24", id="month"),
    pytest.param("2014", "2014", "must be a full date like 2022-02-24", id="year"),
    pytest.param("20140307", "20140307", "is not a date like 2023-01-30", id="compact"),
    pytest.param("'2014-02-30'", "2014-02-30", "is not a calendar date", id="no-such-day"),
]


def _cli(tmp_path: Path, when: str) -> int:
    return main(
        ["--db", str(tmp_path / "cli.sqlite"), "kb", "rule", "add", "zorblat", "committee"]
        + ["--because", "It was renamed.", "--from", when]
    )


@pytest.mark.parametrize(("written", "given", "stored"), RULE_DATES)
async def test_a_rule_date_is_stored_alike_from_seeds_imports_and_adds(
    bare_kb: KnowledgeBase, tmp_path: Path, written: str, given: object, stored: date
) -> None:
    imported = await bare_kb.curator.import_records(
        RULE.format(when=written).encode(), filename="r.yaml"
    )
    (rule,) = await bare_kb.store.rules.all()
    await bare_kb.curator.remove_rule(imported.rule_ids[0])
    added = await bare_kb.curator.add_rule("zorblat committee", explanation="x", applies_from=given)
    assert rule.applies_from == stored == (await bare_kb.curator.rule(added)).applies_from
    folder = tmp_path / "dated-seeds"
    folder.mkdir()
    (folder / "entities.yaml").write_text("entities: []\n")
    (folder / "statements.yaml").write_text("statements: []\n")
    (folder / "rules.yaml").write_text(RULE.format(when=written))
    store = await open_store(tmp_path / "seeded.sqlite", text_index=TEXT_INDEX)
    try:
        await seed(store, folder)
        assert [r.applies_from for r in await store.rules.all()] == [stored]
    finally:
        await store.close()


@pytest.mark.parametrize(("written", "given", "problem"), BAD_RULE_DATES)
async def test_a_bad_rule_date_is_refused_alike_by_imports_adds_and_the_cli(
    bare_kb: KnowledgeBase,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    written: str,
    given: str,
    problem: str,
) -> None:
    with pytest.raises(InvalidImport) as imported:
        await bare_kb.curator.import_records(RULE.format(when=written).encode(), filename="r.yaml")
    with pytest.raises(InvalidStatement) as added:
        await bare_kb.curator.add_rule("zorblat committee", explanation="x", applies_from=given)
    monkeypatch.setenv("COLUMNS", "300")  # the message on one line
    assert await asyncio.to_thread(_cli, tmp_path, given) == 2
    said = f"{given!r} {problem}"
    assert said in str(imported.value) and said in str(added.value)
    assert said in capsys.readouterr().err
    assert await bare_kb.store.rules.all(status=None) == []


@pytest.mark.parametrize(
    ("command", "said"),
    [
        pytest.param(
            ["kb", "learn", "article.txt", "--yes", "--published", "2023-01"],
            "'2023-01' must be a full date like 2022-02-24",
            id="learn-published",
        ),
        pytest.param(
            ["check", "--date", "20230130", "article.txt"],
            "'20230130' is not a date like 2023-01-30",
            id="check-date",
        ),
    ],
)
def test_command_line_dates_are_read_by_the_same_normaliser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], said: str
) -> None:
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(tmp_path / "kb.sqlite"), *command])
    assert refused.value.code == 2
    assert said in capsys.readouterr().err
    assert not (tmp_path / "kb.sqlite").exists()


# -- a rated claim is never stored as a statement ---------------------------------------------

RATED_WORDING = [
    "Health Desk rated as “False” the claim that “Drinking bleach cures the flu”.",
    "PolitiFact rated the claim that drinking bleach cures the flu Pants on Fire.",
    "The claim that drinking bleach cures the flu is false.",
]


@pytest.mark.parametrize("text", RATED_WORDING)
async def test_a_statement_worded_as_a_rating_is_refused_by_every_write(
    bare_kb: KnowledgeBase, tmp_path: Path, text: str
) -> None:
    with pytest.raises(InvalidStatement, match="reads as a fact-checker's rating"):
        await bare_kb.curator.add(text)
    kept = await bare_kb.curator.add("Bleach is a household disinfectant.")
    with pytest.raises(InvalidStatement, match="reads as a fact-checker's rating"):
        await bare_kb.curator.edit(kept, text)
    quoted = text.replace('"', '\\"')
    for data, name in (
        (f'statements:\n  - text: "{quoted}"\n'.encode(), "kb.yaml"),
        (f'text\n"{quoted}"\n'.encode(), "kb.csv"),
    ):
        with pytest.raises(InvalidImport, match="reads as a fact-checker's rating"):
            await bare_kb.curator.import_records(data, filename=name)
    big = tmp_path / "big.json"
    big.write_text(json.dumps([{"text": text}]), encoding="utf-8")
    with pytest.raises(InvalidImport, match="reads as a fact-checker's rating"):
        await bare_kb.curator.import_file(big, stream_above=0)
    texts = [s.text for s in await bare_kb.store.statements.all(status=None)]
    assert texts == ["Bleach is a household disinfectant."]
    assert (
        "bleach"
        not in " ".join(
            d.text for d in await bare_kb.curator.propose(f"Officials said so on Monday. {text}")
        ).lower()
    )
