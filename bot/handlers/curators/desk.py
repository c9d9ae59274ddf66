"""The curators' desk: /kb_queue lists readers' open asks and disputes (most asked first) and
shows one with its Dismiss button; /kb_answer answers one, re-checks its claim and tells who
asked."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler

from bot.context import services
from bot.curation_html import undo_hint
from bot.fields import parse_fields
from bot.followup import deliver, tell_dismissed
from bot.formatting import ICONS, shorten
from bot.handlers.curators.plumbing import Command, Context, Usage, actor, is_curator
from knowledge import KnowledgeError, Request, RequestKind

CURATORS_ONLY = "Only the bot's curators can see and answer the queue."
_CLAIM_CHARS = 160
_LISTED = 10
_NUMBERED = re.compile(r"#?(\d+)\s*(.*)", re.DOTALL)
ANSWER_FIELDS = ("source", "date", "from", "until", "id", "rating", "checker")
QUEUE_USAGE = "Usage: /kb_queue (the most asked) · /kb_queue disputes · /kb_queue 12 (one request)"
ANSWER_USAGE = (
    "Usage: /kb_answer 12 the statement that answers it, then optional lines source:, date:, "
    "from:, until:, id:\nor /kb_answer 12 then the line rating: False (and source: the "
    "fact-check's link or who rated it; checker: who rated it, with a link) to record the "
    "reader's claim as a rated claim."
)


async def queue(message: Message, context: Context, body: str) -> None:
    """/kb_queue: the most asked open requests; /kb_queue disputes; /kb_queue N: one of them."""
    body = body.lower()
    if body.lstrip("#").isdigit():
        text, markup = await _request_view(context, int(body.lstrip("#")))
    elif body in ("", "asks", "disputes"):
        text, markup = await _listing(context, body == "disputes")
    else:
        raise Usage
    await message.reply_text(text, reply_markup=markup, do_quote=True)


async def answer(message: Message, context: Context, body: str) -> None:
    """/kb_answer N statement (or rating: …): add it, re-check the claim, tell who asked."""
    numbered = _NUMBERED.match(body)
    text, fields = parse_fields(numbered.group(2), ANSWER_FIELDS) if numbered else ("", {})
    if numbered is None or not (text or fields.get("rating")):
        raise Usage
    request_id = int(numbered.group(1))
    shared = services(context)
    answered = await shared.requests.answer(
        request_id,
        check=shared.pool.check,
        text=text or None,
        rating=fields.get("rating"),
        source=fields.get("source"),
        checker=fields.get("checker"),
        event_date=fields.get("date"),
        valid_from=fields.get("from"),
        valid_until=fields.get("until"),
        external_id=fields.get("id"),
        actor=actor(message.from_user, message.chat_id),
    )
    notice = answered.notice
    told = await deliver(context.bot, notice)
    what = (
        f"rated claim #{answered.statement_id} ({escape(answered.rating)})"
        if answered.rating
        else f"statement #{answered.statement_id}"
    )
    told_line = (
        "it was closed meanwhile (by another curator, or a follow-up check told its readers)"
        if answered.closed_meanwhile
        else f"told {told} chat(s)"
    )
    await message.reply_text(
        f"Answered request {request_id} with {what}; {told_line}. The claim now "
        f"checks as {ICONS[notice.verdict]} {notice.verdict.value}.{undo_hint(answered.change_id)}",
        do_quote=True,
    )


async def button(update: Update, context: Context) -> None:
    """A press on a curator's button in /kb_queue (rq:<o open | x dismiss>:<request id>)."""
    query = update.callback_query
    if query is None or not isinstance(query.data, str):
        return
    _, action, key, *_ = query.data.split(":") + [""]
    if action not in ("o", "x"):
        return
    if not is_curator(context, query.from_user) or not key.isdigit():
        await query.answer(CURATORS_ONLY, show_alert=True)
        return
    try:
        if action == "x":
            await _dismiss(query, context, int(key))
            return
        text, markup = await _request_view(context, int(key))
    except KnowledgeError as error:  # a button has no usage: the error is its alert
        await query.answer(shorten(str(error), 190), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.reply_text(text, reply_markup=markup)


def buttons() -> list[CallbackQueryHandler[Any, Any]]:
    return [CallbackQueryHandler(button, pattern=r"^rq:")]


async def _dismiss(query: CallbackQuery, context: Context, request_id: int) -> None:
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    dismissed = await services(context).requests.dismiss(
        request_id, actor=actor(query.from_user, chat_id)
    )
    told = await tell_dismissed(context.bot, dismissed)
    await query.answer(
        f"Dismissed request {request_id}." + (f" Told {told} chat(s)." if told else "")
    )


async def _listing(context: Context, disputes: bool) -> tuple[str, InlineKeyboardMarkup | None]:
    kind = RequestKind.DISPUTE if disputes else RequestKind.ASK
    found = await services(context).requests.most_asked(kind, limit=_LISTED)
    if not found:
        return ("No open disputes." if disputes else "No open asks.") + " Nothing is waiting.", None
    title = "Disputed verdicts" if disputes else "Most asked"
    lines = [f"<b>{title}</b> (open one with /kb_queue N)"] + [_summary(r) for r in found]
    keys = [InlineKeyboardButton(f"#{r.id}", callback_data=f"rq:o:{r.id}") for r in found]
    return "\n".join(lines), InlineKeyboardMarkup([keys[i : i + 5] for i in range(0, len(keys), 5)])


def _summary(request: Request) -> str:
    verb = "disputed" if request.kind == RequestKind.DISPUTE else "asked"
    verdict = (
        f" · {ICONS[request.verdict]} {request.verdict.value}"
        if request.kind == RequestKind.DISPUTE
        else ""
    )
    claim = escape(shorten(request.claim, _CLAIM_CHARS), quote=False)
    return f"<b>#{request.id}</b> · {request.count} {verb}{verdict} · “{claim}”"


async def _request_view(
    context: Context, request_id: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    request = await services(context).requests.get(request_id)
    lines = [
        _summary(request),
        f"Opened {request.opened_at[:16]} · {request.status}"
        + (f" ({request.outcome})" if request.outcome and request.status != "open" else ""),
    ]
    if request.reference_date:
        lines.append(f"Checked as of {request.reference_date.isoformat()}")
    lines += [f"• {escape(shorten(r, 300), quote=False)}" for r in request.reasons]
    if request.status != "open":
        return "\n".join(lines), None
    lines.append(
        f"Answer with /kb_answer {request.id} and a statement (or rating: …), or dismiss it."
    )
    dismiss = InlineKeyboardButton("Dismiss", callback_data=f"rq:x:{request.id}")
    return "\n".join(lines), InlineKeyboardMarkup([[dismiss]])


COMMANDS = (
    Command("kb_queue", queue, QUEUE_USAGE, curators_only=True, refusal=CURATORS_ONLY),
    Command("kb_answer", answer, ANSWER_USAGE, curators_only=True, refusal=CURATORS_ONLY),
)
