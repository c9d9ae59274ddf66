"""The curators' results on the terminal (rich): each result rendered once, user text escaped."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from knowledge import (
    FoundList,
    KnowledgeStats,
    LearnProposal,
    LogPage,
    RuleList,
    StatementDetails,
    StatementHistory,
)


def undo_hint(change_ids: tuple[int, ...] | int | None) -> str:
    """The changes a command made and the exact commands that revert them, newest first."""
    ids = (change_ids,) if isinstance(change_ids, int) else tuple(change_ids or ())
    if not ids:
        return ""
    undos = ", then ".join(f"factcheck kb undo {c}" for c in reversed(ids))
    name = "Change" if len(ids) == 1 else "Changes"
    return f"{name} {', '.join(str(c) for c in ids)}; undo with {undos}."


def show_statement(console: Console, statement: StatementDetails) -> None:
    """A statement in full: id, text, then one row per detail."""
    table = Table(show_header=False, box=None)
    for label, value in (("id", str(statement.id)), ("text", statement.text), *statement.details):
        table.add_row(f"[bold]{label}[/]", escape(value))
    console.print(table)


def show_history(console: Console, history: StatementHistory) -> None:
    show_statement(console, history.statement)
    table = Table("change", "when", "action", "who", "reason", "undone", title="History")
    for change in history.changes:
        table.add_row(
            str(change.id), change.when, change.action, escape(change.who),
            escape(change.reason or ""), change.undone,
        )  # fmt: skip
    console.print(table)


def show_log(console: Console, page: LogPage) -> None:
    table = Table("change", "when", "who", "action", "target", "undone", title=page.heading)
    for change in page.changes:
        table.add_row(
            str(change.id), change.when, escape(f"{change.who} ({change.actor_id})"),
            change.action, escape(change.target), change.undone,
        )  # fmt: skip
    console.print(table if page.changes else page.heading)


def show_stats(console: Console, stats: KnowledgeStats) -> None:
    table = Table(show_header=False, box=None, title="Knowledge base")
    for label, value in stats.rows:
        table.add_row(label, escape(value))
    console.print(table)


def show_rules(console: Console, rules: RuleList) -> None:
    table = Table("id", "kind", "pattern", "terms", "explanation", title=rules.heading)
    for rule in rules.rules:
        terms = " · ".join(f"{name} {value}" for name, value in rules.terms(rule))
        table.add_row(
            str(rule.id), rule.kind, escape(rule.pattern), escape(terms), escape(rule.explanation)
        )
    console.print(table if rules.rules else rules.heading)


def show_proposal(console: Console, proposal: LearnProposal) -> None:
    """The numbered candidates of `kb learn`, each with the date it was read as."""
    console.print(escape(proposal.heading))
    for number, draft in enumerate(proposal.drafts, start=1):
        console.print(f"{number}. {escape(draft.text)} [dim]{draft.event_date or ''}[/]")


def show_found(console: Console, found: FoundList) -> None:
    """Each hit with its id and score; a rated claim with its rating and checker."""
    table = Table("id", "score", "statement", "rating", "external id")
    for hit in found.hits:
        table.add_row(
            str(hit.statement.id), f"{hit.score:.2f}", escape(hit.statement.text),
            escape(hit.rating), escape(hit.statement.external_id or ""),
        )  # fmt: skip
    console.print(table if found.hits else "No matching statements.")
