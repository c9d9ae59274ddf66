"""Changing statements, curators only: add, edit, retire, and undo any change."""

from __future__ import annotations

from html import escape

from telegram import Message

from bot.context import services
from bot.curation_html import statement_lines, undo_hint
from bot.fields import parse_fields
from bot.handlers.curators.plumbing import Command, Context, Usage, actor, number, reply
from knowledge import ChangeNotFound, InvalidStatement

ADD_FIELDS = ("source", "date", "from", "until", "id")
# The statement's fields as /kb_add names them, for its error messages.
_AS_TYPED = {
    "event_date": "date",
    "valid_from": "from",
    "valid_until": "until",
    "external_id": "id",
}


async def add(message: Message, context: Context, body: str) -> None:
    text, fields = parse_fields(body, ADD_FIELDS)
    if not text:
        raise Usage
    kb = services(context).kb
    try:
        new_id = await kb.curator.add(
            text,
            source=fields.get("source"),
            external_id=fields.get("id"),
            event_date=fields.get("date"),
            valid_from=fields.get("from"),
            valid_until=fields.get("until"),
            actor=actor(message.from_user, message.chat_id),
        )
    except InvalidStatement as error:  # named as the curator typed it: "date:", not event_date
        raise InvalidStatement(_AS_TYPED.get(error.field, error.field), error.problem) from None
    details = await kb.curator.details(new_id)
    hint = undo_hint(await kb.curator.last_change_of(new_id))
    await reply(message, ["Added:", *statement_lines(details), hint.strip()])


async def edit(message: Message, context: Context, body: str) -> None:
    first, _, text = body.partition(" ")
    if not text.strip():
        raise Usage
    who = actor(message.from_user, message.chat_id)
    kb = services(context).kb
    statement = await kb.curator.edit(number(first), text, actor=who)
    hint = undo_hint(await kb.curator.last_change_of(statement.id))
    await reply(
        message, ["Edited:", *statement_lines(await kb.curator.details(statement.id)), hint.strip()]
    )


async def retire(message: Message, context: Context, body: str) -> None:
    first, _, reason = body.partition(" ")
    who = actor(message.from_user, message.chat_id)
    kb = services(context).kb
    statement = await kb.curator.retire(number(first), reason.strip() or None, actor=who)
    hint = undo_hint(await kb.curator.last_change_of(statement.id))
    await reply(message, [f"Retired #{statement.id}; it is no longer used for checks.{hint}"])


async def undo(message: Message, context: Context, body: str) -> None:
    change_id = number(body)
    who = actor(message.from_user, message.chat_id)
    try:
        undo_id = await services(context).kb.curator.revert(change_id, actor=who)
    except ChangeNotFound as error:
        if error.last_change is None:
            raise
        await reply(message, [f"⚠️ {escape(str(error))} Undo it with /kb_undo {error.last_change}."])
        return
    await reply(message, [f"Undid change {change_id} (recorded as change {undo_id})."])


ADD_USAGE = """\
Usage: /kb_add statement text, then optional lines:
source: URL or title
date: 2023-01-30 (when it happened)
from: 2022-02-24
until: 2024-10-01
id: external id"""

COMMANDS = (
    Command("kb_add", add, ADD_USAGE, curators_only=True),
    Command(
        "kb_edit", edit, "Usage: /kb_edit 12 the new text of the statement", curators_only=True
    ),
    Command("kb_retire", retire, "Usage: /kb_retire 12 [reason]", curators_only=True),
    Command("kb_undo", undo, "Usage: /kb_undo 42 (a change id from /kb_log)", curators_only=True),
)
