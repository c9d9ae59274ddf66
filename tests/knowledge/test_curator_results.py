"""What curators read: stats, the log, a statement's history, rules, imports and learning."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from knowledge import CandidateNotFound, KnowledgeBase, StatementNotFound, plural

CORA = knowledge.Actor(id="5001", name="Cora")
ARTICLE = (
    "Norway opened a new consulate in Bergen on Monday. "
    "Denmark signed a fishing treaty with Iceland on Monday."
)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        pytest.param(0, "0 entities", id="none"),
        pytest.param(1, "1 entity", id="one"),
        pytest.param(1234, "1,234 entities", id="thousands"),
    ],
)
def test_numbers_are_worded_with_the_noun_in_the_right_number(count: int, expected: str) -> None:
    assert plural(count, "entity", "entities") == expected


async def test_a_statements_history_names_who_did_what_and_why(kb: KnowledgeBase) -> None:
    new_id = await kb.curator.add(
        "Norway opened a consulate in Bergen.", source="https://e.example/a"
    )
    await kb.curator.retire(new_id, "wrong city", actor=CORA)
    history = await kb.curator.statement_history(new_id)
    assert history.statement.text == "Norway opened a consulate in Bergen."
    details = dict(history.statement.details)
    assert details["status"] == "retired" and details["source"] == "https://e.example/a"
    retired, added = history.changes
    assert (retired.action, retired.who, retired.reason) == ("retire", "Cora", "wrong city")
    assert added.action == "add" and added.target == f"statement {new_id}"
    with pytest.raises(StatementNotFound):
        await kb.curator.statement_history(99_999)


async def test_the_log_is_newest_first_bounded_and_says_what_was_undone(
    kb: KnowledgeBase,
) -> None:
    first = await kb.curator.add("Iceland joined the fishing council.", actor=CORA)
    await kb.curator.edit(first, "Iceland left the fishing council.", actor=CORA)
    edit = (await kb.curator.log_page(1)).changes[0]
    undo_id = await kb.curator.revert(edit.id, actor=CORA)
    page = await kb.curator.log_page(3)
    assert [c.action for c in page.changes] == ["undo", "edit", "add"]
    assert page.changes[1].undone == f"undone by change {undo_id}"
    assert page.heading == "The last 3 changes"
    huge = await kb.curator.log_page(10_000)
    assert len(huge.changes) <= knowledge.curator_results.LOG_MAX
    assert "at most 50 at a time" in huge.heading


async def test_stats_rows_hold_every_count_the_last_change_and_the_size(
    kb: KnowledgeBase,
) -> None:
    await kb.curator.add("Denmark signed a treaty with Iceland.", actor=CORA)
    stats = await kb.curator.stats()
    rows = dict(stats.rows)
    assert rows["statements fact/active"] == f"{stats.statements['fact/active']:,}"
    assert rows["entities"] == str(stats.entities)
    last = stats.last_change
    assert last is not None
    assert rows["last change"].startswith(f"{last.id}: add statement {last.target_id} by Cora")
    assert rows["file size"] == "in memory"


async def test_the_rule_list_gives_each_rules_terms(kb: KnowledgeBase) -> None:
    evidence = await kb.curator.add("Sweden joined NATO on 7 March 2024.", event_date="2024-03-07")
    rule_id = await kb.curator.add_rule(
        "nato applicant sweden",
        explanation="Sweden joined NATO.",
        applies_from="2024-03-07",
        evidence_id=evidence,
    )
    listed = await kb.curator.rule_list()
    rule = next(r for r in listed.rules if r.id == rule_id)
    assert dict(listed.terms(rule)) == {"from": "2024-03-07", "evidence": f"#{evidence}"}
    assert listed.heading == plural(len(listed.rules), "active rule")


async def test_an_import_summary_counts_what_was_added_and_skipped(kb: KnowledgeBase) -> None:
    doc = b"- text: Sweden joined NATO on 7 March 2024.\n  event_date: 2024-03-07\n"
    first = await kb.curator.import_records(doc, filename="kb.yaml")
    again = await kb.curator.import_records(doc, filename="kb.yaml")
    assert first.summary == "Imported 1 statement, 0 rules and 0 entities; skipped 0 duplicates."
    assert again.summary == "Imported 0 statements, 0 rules and 0 entities; skipped 1 duplicate."


async def test_learning_offers_numbered_candidates_and_stores_only_the_chosen(
    kb: KnowledgeBase,
) -> None:
    proposal = await kb.curator.learn_proposal(
        ARTICLE, published=date(2023, 1, 30), source="https://e.example/n"
    )
    assert proposal.heading.startswith("2 candidate statements, dates read as of 2023-01-30")
    assert proposal.source.url == "https://e.example/n"
    learned = await kb.curator.learn_chosen(proposal, [2], actor=CORA)
    assert [(await kb.get(i)).text for i in learned.ids] == [proposal.drafts[1].text]
    again = await kb.curator.learn_chosen(proposal, [1, 2], actor=CORA)
    assert again.summary == f"Learned 1 statement: #{again.ids[0]}; 1 already known."
    with pytest.raises(CandidateNotFound, match="no candidate 3: choose numbers from 1 to 2"):
        await kb.curator.learn_chosen(proposal, [3])


async def test_a_long_article_offers_at_most_the_limit_and_says_how_many_are_left_out(
    kb: KnowledgeBase,
) -> None:
    proposal = await kb.curator.learn_proposal(ARTICLE, published=date(2023, 1, 30), limit=1)
    assert len(proposal.drafts) == 1 and proposal.left_out == 1
    assert "1 more left out" in proposal.heading
