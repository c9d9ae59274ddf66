"""The curators' results on the terminal (rich): each result rendered once, user text escaped."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from knowledge import (
    KnowledgeStats,
    LearnProposal,
    LogPage,
    RuleList,
    Statement,
    StatementDetails,
    StatementHistory,
)


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


def show_found(console: Console, hits: list[tuple[Statement, float]]) -> None:
    table = Table("id", "score", "statement", "external id")
    for statement, score in hits:
        table.add_row(
            str(statement.id), f"{score:.2f}", escape(statement.text),
            escape(statement.external_id or ""),
        )  # fmt: skip
    console.print(table if hits else "No matching statements.")
