"""The SQLite store: migrations, WAL, idempotent seeding, transactions, retiring."""

from __future__ import annotations

from pathlib import Path

import pytest

import knowledge
from knowledge.model import Actor, StatementDraft
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import open_store
from tests.rows import raw_rows


async def test_file_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with knowledge.open_kb(path) as kb:
        ((mode,),) = await raw_rows(kb.store, "PRAGMA journal_mode")
        ((version,),) = await raw_rows(kb.store, "PRAGMA user_version")
    assert path.exists() and mode == "wal" and version >= 1


async def test_reopening_never_duplicates_or_revives(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with knowledge.open_kb(path) as kb:
        first = await kb.store.statements.all(status=None)
        victim = first[0].id
        await kb.curator.retire(victim, "superseded")
    async with knowledge.open_kb(path) as kb:
        again = await kb.store.statements.all(status=None)
        assert len(again) == len(first)
        assert (await kb.get(victim)).status == "retired"


async def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "kb.sqlite", text_index=TEXT_INDEX)
    try:
        with pytest.raises(RuntimeError):
            async with store.transaction():
                await store.insert(StatementDraft(text="Half written."), Actor.cli())
                raise RuntimeError("crash in the middle")
        assert await store.statements.all(status=None) == []
    finally:
        await store.close()


async def test_retired_statement_stops_supporting(kb: knowledge.KnowledgeBase) -> None:
    text = "The museum in the old harbour district reopened its doors to visitors after repairs."
    new_id = await kb.curator.add(text)
    assert (await kb.check(text)).claims[0].verdict == knowledge.Verdict.SUPPORTED
    await kb.curator.retire(new_id)
    assert (await kb.check(text)).claims[0].verdict == knowledge.Verdict.UNVERIFIED


async def test_unknown_id_is_a_clear_error(kb: knowledge.KnowledgeBase) -> None:
    with pytest.raises(knowledge.StatementNotFound, match="No statement with id 999999"):
        await kb.get(999999)


async def test_search_returns_external_ids(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add(
        "Montenegro formally joined NATO as its 29th member in June 2017.", external_id="ext-1"
    )
    hits = await kb.search("montenegro joined nato 29th member", limit=3)
    assert hits[0][0].external_id == "ext-1"
    assert 0 < hits[0][1] <= 1


async def test_parsed_statements_kept_between_checks_are_bounded(tmp_path) -> None:
    """A long-running checker over a large knowledge base keeps a bounded cache, not all."""
    import knowledge.checking.view as view_module

    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        kb.checker.view.parsed = type(kb.checker.view.parsed)(maxsize=3)
        for text in (
            "The harbour bridge opened to traffic in 1964.",
            "The city library lends telescopes to its members.",
            "The mountain railway climbs 900 metres in twelve minutes.",
            "The river ferry carries bicycles free of charge.",
            "The old mill grinds flour for the village bakery.",
            "The coastal lighthouse was automated in 1991.",
        ):
            await kb.curator.add(text)
        for text in (
            "The river ferry carries bicycles free of charge.",
            "The old mill grinds flour for the village bakery.",
            "The harbour bridge opened to traffic in 1964.",
        ):
            report = await kb.check(text)
        assert report.claims[0].verdict.value == "supported"
        assert len(kb.checker.view.parsed) <= 3
    assert view_module.PARSED_KEPT >= 1_000


async def test_a_broken_constraint_is_a_domain_error_and_stores_nothing(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "kb.sqlite", text_index=TEXT_INDEX)
    try:
        twins = [StatementDraft(text=f"Twin {n}.", key="twin") for n in (1, 2)]
        with pytest.raises(knowledge.ConstraintBroken) as broken:
            await store.insert_many(twins, Actor.cli())
        assert "UNIQUE constraint failed: statements.key" in str(broken.value)
        assert "Cannot store these 2 statements" in str(broken.value)
        assert await store.statements.all(status=None) == []
    finally:
        await store.close()


async def test_undoing_a_statement_a_rule_cites_says_what_to_undo_first(tmp_path: Path) -> None:
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        cited = await kb.curator.add("The Zorblat Council was founded in Oslo.")
        await kb.curator.add_rule("zorblat committee", explanation="Renamed.", evidence_id=cited)
        added = await kb.curator.last_change_of(cited)
        assert added is not None
        with pytest.raises(knowledge.KnowledgeError, match="a rule cites a statement"):
            await kb.curator.revert(added)
        assert (await kb.get(cited)).status == knowledge.Status.ACTIVE
