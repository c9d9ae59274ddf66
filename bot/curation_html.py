"""The curators' results as Telegram HTML lines: each result rendered once, user text escaped."""

from __future__ import annotations

from html import escape

from bot.formatting import shorten
from knowledge import (
    ChangeEntry,
    Found,
    FoundList,
    KnowledgeStats,
    LearnProposal,
    LogPage,
    Rule,
    RuleList,
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


def undo_hints(change_ids: tuple[int, ...]) -> str:
    """The changes of an import, and the undos that revert it, newest first (rules before
    the statements they cite)."""
    if len(change_ids) < 2:
        return undo_hint(change_ids[0] if change_ids else None)
    undos = ", then ".join(f"/kb_undo {c}" for c in reversed(change_ids))
    return f" Changes {', '.join(str(c) for c in change_ids)}; undo with {undos}."


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


def found_lines(found: FoundList) -> list[str]:
    """Each hit with its id and score; a rated claim with its rating and checker first."""
    if not found.hits:
        return ["No matching statements."]
    lines = [_found_line(hit) for hit in found.hits]
    return lines + ["", "Full entry: /kb_show ID"]


def _found_line(hit: Found) -> str:
    rated = f"🔎 <i>{_text(hit.rating)}:</i> " if hit.review is not None else ""
    return (
        f"<b>#{hit.statement.id}</b> ({hit.score:.2f}) {rated}"
        f"{_text(hit.statement.text, _LINE_CHARS)}"
    )
