"""Undo that checks before it acts: ids are never reused, and a change whose rows were changed
since is refused, naming the later change, with nothing touched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import knowledge
from knowledge import KnowledgeBase, UndoRefused
from knowledge.retrieval import index_terms
from knowledge.store.legacy import legacy_review
from knowledge.store.schema import MIGRATIONS
from tests.rows import raw_rows

A = b"- text: Alpha statement one about the harbour.\n- text: Alpha statement two about the pier.\n"
B = b"- text: Beta statement one about the canal.\n- text: Beta statement two about the lock.\n"


async def _last_change(kb: KnowledgeBase) -> int:
    return (await kb.store.log.changes(1))[0].id


async def _texts(kb: KnowledgeBase) -> dict[int, str]:
    return {s.id: s.text for s in await kb.store.statements.all(status=None)}


async def test_undo_of_an_import_edited_since_is_refused_and_ids_stay_unique(
    kb: KnowledgeBase,
) -> None:
    imported_a = await kb.curator.import_records(A, filename="a.yaml")
    first, second = imported_a.statement_ids
    import_a = await _last_change(kb)
    await kb.curator.edit(second, "Alpha statement two about the pier, corrected.")
    edit = await _last_change(kb)

    with pytest.raises(UndoRefused) as refused:
        await kb.curator.revert(import_a)
    assert str(refused.value) == (
        f"Change {import_a} can't be undone: statement {second} was changed since by change "
        f"{edit}; undo {edit} first."
    )
    assert {first, second} <= set(await _texts(kb))

    imported_b = await kb.curator.import_records(B, filename="b.yaml")
    assert not set(imported_b.statement_ids) & {first, second}
    await kb.curator.revert(edit)  # the edited row is its own: the edit undoes cleanly
    texts = await _texts(kb)
    assert texts[second] == "Alpha statement two about the pier."
    assert all(texts[i].startswith("Beta") for i in imported_b.statement_ids)

    await kb.curator.revert(import_a)  # with the edit undone, the import undoes too
    texts = await _texts(kb)
    assert first not in texts and second not in texts
    assert all(texts[i].startswith("Beta") for i in imported_b.statement_ids)
    again = await kb.curator.import_records(A, filename="a.yaml")
    assert min(again.statement_ids) > max(imported_b.statement_ids)  # never reused


async def test_undo_of_an_edit_is_refused_while_a_later_change_stands(kb: KnowledgeBase) -> None:
    new_id = await kb.curator.add("The ferry to the island runs twice a day.")
    await kb.curator.edit(new_id, "The ferry to the island runs three times a day.")
    edit = await _last_change(kb)
    await kb.curator.retire(new_id, "timetable changed")
    retire = await _last_change(kb)
    with pytest.raises(UndoRefused, match=f"statement {new_id} was changed since by change "
                       f"{retire}; undo {retire} first"):  # fmt: skip
        await kb.curator.revert(edit)
    assert (await kb.get(new_id)).status == "retired"
    await kb.curator.revert(retire)
    await kb.curator.revert(edit)
    assert (await kb.get(new_id)).text == "The ferry to the island runs twice a day."


async def test_undo_of_a_rule_is_refused_after_it_was_removed(kb: KnowledgeBase) -> None:
    rule_id = await kb.curator.add_rule("zorblat treaty", explanation="It was renamed.")
    added = await _last_change(kb)
    await kb.curator.remove_rule(rule_id)
    removed = await _last_change(kb)
    with pytest.raises(UndoRefused, match=f"undo {removed} first"):
        await kb.curator.revert(added)
    await kb.curator.revert(removed)
    await kb.curator.revert(added)
    assert rule_id not in {r.id for r in await kb.store.rules.all(status=None)}


def _v9_file(path: Path) -> None:
    """A schema-v9 file where an import (statements 2 and 3) was undone after statement 3
    was edited: an older version deleted them and would have given their ids again."""
    conn = sqlite3.connect(path)
    conn.create_function("index_terms", 1, index_terms)
    conn.create_function("legacy_review", 2, legacy_review)
    try:
        for script in MIGRATIONS[:9]:
            conn.executescript(script)
        row = "INSERT INTO statements (id, text, kind, added_at, updated_at, terms) VALUES (?, ?, 'fact', '2024-01-01', '2024-01-01', ?)"  # noqa: E501
        text = "The lighthouse keeper retired in the spring."
        conn.execute(row, (1, text, index_terms(text)))
        log = "INSERT INTO changes (id, at, actor_id, actor_name, action, target, target_id, before, after, undone_by) VALUES (?, '2024-01-01', 'cli', 'cli', ?, ?, ?, ?, ?, ?)"  # noqa: E501
        conn.execute(log, (1, "import", "statements", None, None, json.dumps({"ids": [2, 3]}), 3))
        edited = json.dumps({"id": 3, "text": "Alpha two, edited."})
        conn.execute(log, (2, "edit", "statement", 3, json.dumps({"id": 3}), edited, None))
        conn.execute(log, (3, "undo", "statements", None, json.dumps({"ids": [2, 3]}), None, None))
        conn.execute("PRAGMA user_version = 9")
        conn.commit()
    finally:
        conn.close()


def _schema_names(path: Path | str) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL")
        return {(kind, name) for kind, name in rows}
    finally:
        conn.close()


async def test_a_v9_file_upgrades_with_rows_index_and_no_reused_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _v9_file(path)
    fresh = tmp_path / "fresh.sqlite"
    async with knowledge.open_kb(fresh, seed=False):
        pass
    async with knowledge.open_kb(path, seed=False) as kb:
        ((version,),) = await raw_rows(kb.store, "PRAGMA user_version")
        assert version == len(MIGRATIONS)
        hits = await kb.search("When did the lighthouse keeper retire?")
        assert [s.id for s, _ in hits][:1] == [1]  # the full-text index kept its rows
        imported = await kb.curator.import_records(B, filename="b.yaml")
        assert min(imported.statement_ids) > 3  # 2 and 3 were given once already
        with pytest.raises(UndoRefused, match="statement 3 was changed since by change 3"):
            await kb.curator.revert(2)
        assert all(t.startswith("Beta") for i, t in (await _texts(kb)).items() if i > 1)
        await kb.curator.edit(1, "The lighthouse keeper retired in the autumn.")
        hits = await kb.search("lighthouse keeper autumn")
        assert [s.id for s, _ in hits][:1] == [1]  # the update trigger is back
        assert [s.id for s, _ in await kb.search("canal")][:1] == [imported.statement_ids[0]]
    assert _schema_names(path) == _schema_names(fresh)
