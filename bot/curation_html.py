"""The curators' results as Telegram HTML lines: each result rendered once, user text escaped."""

from __future__ import annotations

from html import escape

from bot.formatting import shorten
from knowledge import (
    ChangeEntry,
    KnowledgeStats,
    LearnProposal,
    LogPage,
    Rule,
    RuleList,
    Statement,
    StatementDetails,
    StatementHistory,
)

_TEXT_CHARS = 1000  # a statement's text in full, within reason
_VALUE_CHARS = 300
_LINE_CHARS = 200  # a statement in a list
_CANDIDATE_CHARS = 180


def _text(value: str, chars: int = _VALUE_CHARS) -> str:
    return escape(shorten(value, chars), quote=False)


def undo_hint(change_id: int | None) -> str:
    """The tail of a change reply: its change id and the exact command that reverts it."""
    return f" Change {change_id}; undo with /kb_undo {change_id}." if change_id else ""


def statement_lines(statement: StatementDetails) -> list[str]:
    """A statement in full: its id and text, then one line per detail."""
    lines = [f"<b>#{statement.id}</b> {_text(statement.text, _TEXT_CHARS)}"]
    lines += [f"<i>{label}</i> {_text(value)}" for label, value in statement.details]
    return lines


def history_lines(history: StatementHistory) -> list[str]:
    lines = statement_lines(history.statement) + ["", "<b>History</b>"]
    for change in history.changes:
        reason = f": {_text(change.reason)}" if change.reason else ""
        undone = f" ({change.undone})" if change.undone else ""
        lines.append(
            f"change {change.id} · {change.when} · {change.action} by {_text(change.who)}"
            f"{reason}{undone}"
        )
    return lines


def log_lines(page: LogPage) -> list[str]:
    return [f"<b>{escape(page.heading)}</b>"] + [_change_line(c) for c in page.changes]


def _change_line(change: ChangeEntry) -> str:
    undone = f" · {change.undone}" if change.undone else ""
    return (
        f"<b>{change.id}</b> · {change.when} · {_text(change.who)} ({_text(change.actor_id)}) · "
        f"{change.action} {_text(change.target)}{undone}"
    )


def stats_lines(stats: KnowledgeStats) -> list[str]:
    return ["<b>Knowledge base</b>"] + [f"{label}: {_text(value)}" for label, value in stats.rows]


def rule_lines(rules: RuleList) -> list[str]:
    return [f"<b>{escape(rules.heading)}</b>"] + [_rule_line(r, rules) for r in rules.rules]


def _rule_line(rule: Rule, rules: RuleList) -> str:
    terms = "".join(f" · {name} {_text(value)}" for name, value in rules.terms(rule))
    return (
        f"<b>{rule.id}</b> {rule.kind}: <code>{_text(rule.pattern)}</code>{terms} — "
        f"{_text(rule.explanation)}"
    )


def proposal_lines(proposal: LearnProposal) -> list[str]:
    """The numbered candidates of /kb_learn, each with the date it was read as."""
    lines = [f"<b>{escape(proposal.heading)}</b>"]
    for number, draft in enumerate(proposal.drafts, start=1):
        when = f" <i>({draft.event_date})</i>" if draft.event_date else ""
        lines.append(f"{number}. {_text(draft.text, _CANDIDATE_CHARS)}{when}")
    return lines


def found_lines(hits: list[tuple[Statement, float]]) -> list[str]:
    if not hits:
        return ["No matching statements."]
    lines = [f"<b>#{s.id}</b> ({score:.2f}) {_text(s.text, _LINE_CHARS)}" for s, score in hits]
    return lines + ["", "Full entry: /kb_show ID"]
