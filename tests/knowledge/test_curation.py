"""Curating the knowledge base: rules, all-or-nothing imports, export round trip, undo, retire."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
import pytest_asyncio

import knowledge
from knowledge import InvalidImport, InvalidPattern, KnowledgeBase, StatementNotFound
from tests.rows import raw_rows

ALICE = knowledge.Actor(id="42", name="alice")
MINSK = "The United States wants Russia to respect the Minsk Agreement in eastern Ukraine."


@pytest_asyncio.fixture
async def kb(tmp_path: Path) -> AsyncIterator[KnowledgeBase]:
    async with knowledge.open_kb(tmp_path / "kb.sqlite") as opened:
        yield opened


async def _snapshot(kb: KnowledgeBase) -> tuple[object, ...]:
    statements = [s.to_dict() for s in await kb.store.statements.all(status=None)]
    return statements, await kb.store.rules.all(status=None), await kb.store.entities.all()


async def test_a_rule_added_by_a_curator_flags_the_next_check(kb: KnowledgeBase) -> None:
    text = "Sweden, a NATO applicant, is expected to join soon."
    before = await kb.check(text, reference_date=date(2024, 6, 1))
    assert not before.flagged
    evidence = await kb.curator.add("Sweden joined NATO on 7 March 2024.", event_date="2024-03-07")
    await kb.curator.add_rule(
        "nato applicant",
        explanation="Sweden joined NATO on 7 March 2024.",
        applies_from="2024-03-07",
        evidence_id=evidence,
        actor=ALICE,
    )
    after = await kb.check(text, reference_date=date(2024, 6, 1))
    assert after.flagged and "7 March 2024" in after.flagged[0].reason
    assert (await kb.store.log.changes(1))[0].actor_name == "alice"


@pytest.mark.parametrize("pattern", ["(?i)minsk.*", "[minsk", "", "[optional] *", "a|"], ids=str)
async def test_invalid_rule_patterns_are_refused(kb: KnowledgeBase, pattern: str) -> None:
    rules = (await kb.curator.rule_list()).rules
    with pytest.raises(InvalidPattern):
        await kb.curator.add_rule(pattern, explanation="x")
    assert (await kb.curator.rule_list()).rules == rules


async def test_a_rule_must_cite_an_existing_statement(kb: KnowledgeBase) -> None:
    with pytest.raises(StatementNotFound):
        await kb.curator.add_rule("minsk accord", explanation="x", evidence_id=9999)


async def test_removed_rule_stops_flagging(kb: KnowledgeBase) -> None:
    assert (await kb.check(MINSK, reference_date=date(2023, 1, 31))).flagged
    minsk = next(r for r in (await kb.curator.rule_list()).rules if r.key == "minsk-outdated")
    await kb.curator.remove_rule(minsk.id)
    assert not (await kb.check(MINSK, reference_date=date(2023, 1, 31))).flagged


async def test_retired_evidence_no_longer_contradicts(kb: KnowledgeBase) -> None:
    minsk = next(r for r in (await kb.curator.rule_list()).rules if r.key == "minsk-outdated")
    assert minsk.evidence_id is not None
    await kb.curator.retire(minsk.evidence_id, "source withdrawn")
    assert not (await kb.check(MINSK, reference_date=date(2023, 1, 31))).flagged


async def test_retired_statement_no_longer_supports(kb: KnowledgeBase) -> None:
    text = "Sweden and Finland applied to join NATO in May 2022."
    report = await kb.check(text, reference_date=date(2023, 1, 30))
    [supporting] = {e.id for c in report.claims for e in c.support}
    await kb.curator.retire(supporting)
    again = await kb.check(text, reference_date=date(2023, 1, 30))
    assert supporting not in {e.id for c in again.claims for e in c.support}


async def test_edit_takes_effect_in_the_next_check(kb: KnowledgeBase) -> None:
    new_id = await kb.curator.add("The Zorblat treaty was signed in Oslo in 2019.")
    text = "The Zorblat treaty was signed in Oslo in 2019."
    assert (await kb.check(text, reference_date=date(2023, 1, 1))).claims[0].support
    await kb.curator.edit(new_id, "The Quenya pact was agreed in Bergen in 2011.")
    assert not (await kb.check(text, reference_date=date(2023, 1, 1))).claims[0].support


async def test_a_partly_bad_import_changes_nothing(kb: KnowledgeBase) -> None:
    before = await _snapshot(kb)
    version = await kb.store.kb_version()
    data = b"statements:\n  - text: A good one.\n  - text: ''\nrules:\n  - pattern: x\n"
    with pytest.raises(InvalidImport) as caught:
        await kb.curator.import_records(data, filename="k.yaml")
    assert len(caught.value.problems) == 2
    assert await _snapshot(kb) == before and await kb.store.kb_version() == version


async def test_import_with_missing_evidence_changes_nothing(kb: KnowledgeBase) -> None:
    before = await _snapshot(kb)
    data = (
        b"statements: [{text: New fact here.}]\n"
        b"rules: [{pattern: minsk deal, explanation: x, evidence: no-such-key}]\n"
    )
    with pytest.raises(InvalidImport, match="evidence"):
        await kb.curator.import_records(data, filename="k.yaml")
    assert await _snapshot(kb) == before


async def test_duplicates_are_skipped_and_counted(kb: KnowledgeBase) -> None:
    existing = (await kb.store.statements.all())[0]
    data = (
        f"- text: {existing.text!r}\n- text: Brand new.\n  external_id: e1\n"
        "- text: Also new, same id.\n  external_id: e1\n"
    ).encode()
    result = await kb.curator.import_records(data, filename="k.yaml", actor=ALICE)
    assert (len(result.statement_ids), result.duplicates) == (1, 2)


async def test_export_imports_back_unchanged(kb: KnowledgeBase, tmp_path: Path) -> None:
    await kb.curator.add("<b>Bold</b> & *stars* stay verbatim.", source="https://e.example/a")
    exported = await kb.curator.export_yaml()
    async with knowledge.open_kb(tmp_path / "copy.sqlite", seed=False) as copy:
        result = await copy.curator.import_records(exported.encode(), filename="kb.yaml")
        assert result.duplicates == 0
        assert await copy.curator.export_yaml() == exported
    again = await kb.curator.import_records(exported.encode(), filename="kb.yaml")
    assert again.added == 0


async def test_undo_restores_the_previous_state_exactly(kb: KnowledgeBase) -> None:
    before = await _snapshot(kb)
    statement = (await kb.store.statements.all())[0]
    await kb.curator.edit(statement.id, "Edited text.")
    await kb.curator.retire(statement.id)
    await kb.curator.import_records(b"- text: Imported one.\n", filename="k.yaml")
    rule_id = await kb.curator.add_rule("zorblat treaty", explanation="x")
    for change in await kb.store.log.changes(4):
        await kb.curator.revert(change.id)
    assert await _snapshot(kb) == before
    assert rule_id not in {r.id for r in await kb.store.rules.all(status=None)}


async def test_stats_count_by_kind_and_status(kb: KnowledgeBase) -> None:
    seeded = await kb.store.statements.all()
    await kb.curator.retire(seeded[0].id)
    stats = await kb.curator.stats()
    assert sum(stats.statements.values()) == len(seeded)
    assert any(name.endswith("/retired") for name in stats.statements)
    assert stats.rules == {"outdated/active": 2, "contradiction/active": 2}
    assert stats.last_change is not None and stats.last_change.action == "retire"
    assert stats.file_bytes and stats.file_bytes > 0


async def test_undoing_a_rule_removal_restores_the_row_byte_for_byte(kb: KnowledgeBase) -> None:
    rule = ((await kb.curator.rule_list()).rules)[0]
    sql = "SELECT * FROM rules WHERE id = ?"

    async def row() -> tuple[object, ...]:
        return tuple(await raw_rows(kb.store, sql, (rule.id,)))

    before = await row()
    await kb.curator.remove_rule(rule.id)
    (change,) = await kb.store.log.changes(1)
    await kb.curator.revert(change.id)
    assert await row() == before  # raw stored values, including who added it and when


async def test_duplicates_sharing_a_long_opening_are_told_apart(kb: KnowledgeBase) -> None:
    opening = "The regional transport authority announced on Monday that the "
    first = await kb.curator.add(opening + "northern tram line will close for repairs.")
    second = await kb.curator.add(opening + "southern tram line will close for repairs.")
    assert first != second
    result = await kb.curator.import_records(
        (
            "- text: " + opening + "northern tram line will close for repairs.\n"
            "- text: " + opening + "eastern tram line will close for repairs.\n"
        ).encode(),
        filename="more.yaml",
    )
    assert (len(result.statement_ids), result.duplicates) == (1, 1)


async def test_an_imported_statement_is_dated_by_its_words_unless_told(kb: KnowledgeBase) -> None:
    data = (
        b"statements:\n"
        b"  - text: Finland joined NATO on 4 April 2023.\n"
        b"  - text: The harbour bridge reopened on 2 June 2021.\n"
        b"    kind: fact\n"
        b"  - text: Anna Berg has chaired the port authority since 3 May 2021.\n"
    )
    await kb.curator.import_records(data, filename="k.yaml")
    stored = {s.text: s for s in await kb.store.statements.all()}
    finland = stored["Finland joined NATO on 4 April 2023."]
    assert (finland.kind, finland.event_date) == ("event", "2023-04-04")
    bridge = stored["The harbour bridge reopened on 2 June 2021."]
    assert (bridge.kind, bridge.event_date) == ("fact", None)
    chair = stored["Anna Berg has chaired the port authority since 3 May 2021."]
    assert (chair.kind, chair.valid_from, chair.event_date) == ("fact", "2021-05-03", None)
