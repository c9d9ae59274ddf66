"""Outdated-reference and contradiction rules: anyone may list them, curators add and remove."""

from __future__ import annotations

from html import escape

from telegram import Message

from bot.context import services
from bot.curation_html import rule_lines, undo_hint
from bot.fields import parse_fields
from bot.handlers.curators.plumbing import (
    REFUSAL,
    Command,
    Context,
    Usage,
    actor,
    is_curator,
    number,
    reply,
)
from knowledge import KnowledgeError

RULE_FIELDS = ("because", "from", "until", "kind", "evidence", "context")
USAGE = """\
Usage: /kb_rule list · /kb_rule remove 3 · /kb_rule add phrase pattern, then lines:
because: why it is outdated or wrong (required)
from: 2022-02-24
evidence: 12
kind: outdated or contradiction
context: ukraine, russia
Patterns are words; a|b either word; [a] optional; * any one word."""


async def rule(message: Message, context: Context, body: str) -> None:
    """/kb_rule list | add … | remove N."""
    first, _, more = body.partition("\n")
    verb, _, rest = first.partition(" ")
    verb, rest = verb.strip().lower(), rest + ("\n" + more if more else "")
    if verb in ("", "list"):
        await reply(message, rule_lines(await services(context).kb.curator.rule_list()))
        return
    if verb not in ("add", "remove"):
        raise Usage
    if not is_curator(context, message.from_user):
        await reply(message, [REFUSAL])
        return
    await (_add if verb == "add" else _remove)(message, context, rest.strip())


async def _add(message: Message, context: Context, body: str) -> None:
    pattern, fields = parse_fields(body, RULE_FIELDS)
    if not pattern or "because" not in fields:
        raise Usage
    evidence = fields.get("evidence", "").lstrip("#")
    if evidence and not evidence.isdigit():
        raise KnowledgeError(f"evidence must be a statement id like 12, not {evidence!r}.")
    context_ids = tuple(p.strip() for p in fields.get("context", "").split(",") if p.strip())
    rule_id = await services(context).kb.curator.add_rule(
        pattern,
        explanation=fields["because"],
        kind=fields.get("kind", "outdated"),
        applies_from=fields.get("from"),
        applies_until=fields.get("until"),
        context=context_ids,
        evidence_id=int(evidence) if evidence else None,
        actor=actor(message.from_user, message.chat_id),
    )
    hint = undo_hint(await services(context).kb.curator.last_change_of(rule_id, "rule"))
    await reply(message, [f"Added rule {rule_id}: <code>{escape(pattern)}</code>.{hint}"])


async def _remove(message: Message, context: Context, body: str) -> None:
    who = actor(message.from_user, message.chat_id)
    kb = services(context).kb
    removed = await kb.curator.remove_rule(number(body), actor=who)
    hint = undo_hint(await kb.curator.last_change_of(removed.id, "rule"))
    await reply(
        message, [f"Removed rule {removed.id}: <code>{escape(removed.pattern)}</code>.{hint}"]
    )


COMMANDS = (Command("kb_rule", rule, USAGE),)
