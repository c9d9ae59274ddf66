"""Handlers for the loop back to the curators: the report's Ask the curators and Wrong verdict?
buttons, the reader's one-line reason, the curators' /kb_queue and /kb_answer, and /privacy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from cachetools import LRUCache
from telegram import (
    CallbackQuery,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.auth import is_bot_admin
from bot.context import services
from bot.fields import parse_fields
from bot.followup import deliver
from bot.formatting import ICONS, shorten
from knowledge import (
    Actor,
    KnowledgeError,
    Report,
    Request,
    Requester,
    RequestKind,
    Verdict,
)

Context = ContextTypes.DEFAULT_TYPE

_PROMPTS = "queue_prompts"  # (chat id, prompt message id) -> the dispute waiting for a reason
_PROMPTS_KEPT = 1000
_PICK = 8  # claims offered when a report has several
_CLAIM_CHARS = 160
_LISTED = 10
_FLAGGED = (Verdict.CONTRADICTED, Verdict.OUTDATED)  # offered first when asking which is wrong
_NUMBERED = re.compile(r"#?(\d+)\s*(.*)", re.DOTALL)
ANSWER_FIELDS = ("source", "date", "from", "until", "id", "rating")

CURATORS_ONLY = "Only the bot's curators can see and answer the queue."
USAGE = {
    "kb_queue": "Usage: /kb_queue (the most asked) · /kb_queue disputes · /kb_queue 12 (one "
                "request)",
    "kb_answer": "Usage: /kb_answer 12 the statement that answers it, then optional lines "
                 "source:, date:, from:, until:, id:\nor /kb_answer 12 then the line rating: "
                 "False (and source: who rated it) to record a rated claim.",
}  # fmt: skip
PRIVACY_TEXT = """\
<b>What I keep, and for how long</b>
Articles and messages you send me to check are checked and not stored. The text of pages behind \
links is cached (without who sent them) so a repeated link is quick.
When you press <b>Ask the curators</b> or <b>Wrong verdict?</b>, I keep the claim, its verdict, \
your one-line reason (for a wrong verdict), your Telegram user id, the id of the chat and the \
time, only to tell you in that chat when the answer comes. I forget them once you have been \
told, when the curators dismiss the request, or after {days} days, whichever comes first. \
Curators see the claim, how many people asked and the reasons, not who asked.
In groups I keep the admins' settings (auto-check, quiet). Changes curators make to the \
knowledge base are logged with their name.\
"""


@dataclass(frozen=True)
class Remembered:
    """What the buttons under one report need: its claims, verdicts and reference date."""

    claims: tuple[tuple[str, Verdict], ...]
    reference_date: date


@dataclass(frozen=True)
class ClaimPress:
    """The data of a button under a report (python-telegram-bot's arbitrary callback data, in
    its bounded cache): ask ("a") or dispute ("w") one of its claims (None: not chosen yet)."""

    remembered: Remembered
    action: str
    claim: int | None = None


@dataclass(frozen=True)
class PendingDispute:
    """A Wrong verdict? prompt waiting for its reader's one-line reason."""

    owner: int
    claim: str
    verdict: Verdict
    reference_date: date


def register(application: Any) -> None:
    """Add this module's handlers: the reason catcher runs before every other handler."""
    new = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("privacy", privacy_command, filters=new))
    application.add_handler(CommandHandler("kb_queue", queue_command, filters=new))
    application.add_handler(CommandHandler("kb_answer", answer_command, filters=new))
    application.add_handler(CallbackQueryHandler(claim_button, pattern=ClaimPress))
    application.add_handler(CallbackQueryHandler(button, pattern=r"^rq:"))
    replies = new & filters.REPLY & filters.TEXT & ~filters.COMMAND
    application.add_handler(MessageHandler(replies, reason_reply), group=-1)


# -- under a report -------------------------------------------------------------------------


def report_buttons(report: Report) -> list[list[InlineKeyboardButton]]:
    """The button row for under a report: Ask the curators (when a claim is unverified) and
    Wrong verdict?; none for a report without claims."""
    if not report.claims:
        return []
    claims = tuple((c.text, c.verdict) for c in report.claims)
    remembered = Remembered(claims, report.reference_date)
    row = [InlineKeyboardButton("Wrong verdict?", callback_data=ClaimPress(remembered, "w"))]
    if any(v == Verdict.UNVERIFIED for _, v in claims):
        asked = ClaimPress(remembered, "a")
        row.insert(0, InlineKeyboardButton("❔ Ask the curators", callback_data=asked))
    return [row]


def _kept(context: Context, key: str, size: int) -> LRUCache[Any, Any]:
    found = context.bot_data.get(key)
    if found is None:
        found = context.bot_data[key] = LRUCache(maxsize=size)
    return found


async def button(update: Update, context: Context) -> None:
    """A press on a curator's button in /kb_queue (rq:<o open | x dismiss>:<request id>)."""
    query = update.callback_query
    if query is None or not isinstance(query.data, str):
        return
    _, action, key, *_ = query.data.split(":") + [""]
    if action in ("o", "x"):
        await _curator_button(query, context, action, key)


async def claim_button(update: Update, context: Context) -> None:
    """A press on Ask the curators or Wrong verdict? (or on the claim picked after it)."""
    query = update.callback_query
    if query is None or not isinstance(query.data, ClaimPress):
        return
    press, remembered = query.data, query.data.remembered
    wanted = Verdict.UNVERIFIED if press.action == "a" else None
    choices = [i for i, (_, v) in enumerate(remembered.claims) if wanted in (None, v)]
    choices = sorted(choices, key=lambda i: remembered.claims[i][1] not in _FLAGGED)[:_PICK]
    chosen = press.claim if press.claim is not None else (choices[0] if len(choices) == 1 else None)
    if chosen is None:
        await _offer_choice(query, press, choices)
    elif chosen not in choices:
        await query.answer("That claim cannot be chosen here.")
    elif press.action == "a":
        await _ask(query, context, remembered, chosen)
    else:
        await _prompt_reason(query, context, remembered, chosen)


async def _offer_choice(query: CallbackQuery, press: ClaimPress, choices: list[int]) -> None:
    action, remembered = press.action, press.remembered
    await query.answer()
    message = _message(query)
    if not choices or message is None:
        return
    what = "Which claim should the curators check?" if action == "a" else "Which verdict is wrong?"
    lines = [f"<b>{what}</b>"] + [
        _claim_line(n, *remembered.claims[i]) for n, i in enumerate(choices, start=1)
    ]
    keys = [
        InlineKeyboardButton(str(n), callback_data=ClaimPress(remembered, action, i))
        for n, i in enumerate(choices, start=1)
    ]
    await message.reply_text(
        "\n".join(lines),
        reply_markup=_rows(keys, 4),
        do_quote=True,
        allow_sending_without_reply=True,
    )


def _rows(keys: list[InlineKeyboardButton], width: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([keys[i : i + width] for i in range(0, len(keys), width)])


def _claim_line(number: int, text: str, verdict: Verdict) -> str:
    return f"{number}. {ICONS[verdict]} {escape(shorten(text, _CLAIM_CHARS), quote=False)}"


async def _ask(query: CallbackQuery, context: Context, remembered: Remembered, chosen: int) -> None:
    claim, _ = remembered.claims[chosen]
    try:
        filed = await services(context).requests.ask(
            claim, requester=_requester(query), reference_date=remembered.reference_date
        )
    except KnowledgeError as error:
        await query.answer(shorten(str(error), 190), show_alert=True)
        return
    people = filed.request.count
    asked = "1 person has asked" if people == 1 else f"{people} people have asked"
    already = "You had already asked. " if filed.repeated else "Asked the curators. "
    await query.answer(
        f"{already}{asked}. I'll tell you here when the knowledge base covers it.", show_alert=True
    )


def _message(query: CallbackQuery) -> Message | None:
    """The message under the pressed button, unless Telegram no longer gives it (too old)."""
    return query.message if isinstance(query.message, Message) else None


def _requester(query: CallbackQuery) -> Requester:
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    return Requester(user_id=query.from_user.id, chat_id=chat_id)


async def _prompt_reason(
    query: CallbackQuery, context: Context, remembered: Remembered, chosen: int
) -> None:
    await query.answer()
    message = _message(query)
    if message is None:
        return
    claim, verdict = remembered.claims[chosen]
    reader = query.from_user
    mention = f'<a href="tg://user?id={reader.id}">{escape(reader.first_name)}</a>, '
    limit = services(context).requests.reason_chars
    prompt = await message.reply_text(
        f"{mention if message.chat.type != 'private' else ''}what is wrong with this "
        f"verdict? Reply with one line (up to {limit} characters).\n"
        + _claim_line(1, claim, verdict)[3:],
        reply_markup=ForceReply(selective=True, input_field_placeholder="What is wrong?"),
        do_quote=True,
        allow_sending_without_reply=True,
    )
    pending = PendingDispute(reader.id, claim, verdict, remembered.reference_date)
    _kept(context, _PROMPTS, _PROMPTS_KEPT)[(prompt.chat_id, prompt.message_id)] = pending


async def reason_reply(update: Update, context: Context) -> None:
    """A reply to a Wrong verdict? prompt by the reader who pressed it files the dispute;
    any other message goes on to the other handlers."""
    message = update.effective_message
    prompt = message.reply_to_message if message is not None else None
    if message is None or prompt is None or message.from_user is None:
        return
    prompts = _kept(context, _PROMPTS, _PROMPTS_KEPT)
    pending: PendingDispute | None = prompts.get((prompt.chat_id, prompt.message_id))
    if pending is None or pending.owner != message.from_user.id:
        return
    try:
        filed = await services(context).requests.dispute(
            pending.claim,
            pending.verdict,
            message.text or "",
            requester=Requester(message.from_user.id, message.chat_id),
            reference_date=pending.reference_date,
        )
    except KnowledgeError as error:
        await message.reply_text("⚠️ " + escape(str(error)), do_quote=True)
        raise ApplicationHandlerStop from None
    prompts.pop((prompt.chat_id, prompt.message_id), None)
    people = filed.request.count
    others = f" ({people} people disputed it)" if people > 1 else ""
    await message.reply_text(
        f"Thank you: the curators will look at this verdict{others}. "
        "I'll tell you here if it changes.",
        do_quote=True,
    )
    raise ApplicationHandlerStop


# -- anyone ---------------------------------------------------------------------------------


async def privacy_command(update: Update, context: Context) -> None:
    if update.effective_message is not None:
        days = services(context).settings.request_expiry_days
        await update.effective_message.reply_text(PRIVACY_TEXT.format(days=days), do_quote=True)


# -- curators -------------------------------------------------------------------------------


def _curator(context: Context, user: User | None) -> bool:
    return is_bot_admin(services(context).settings.admin_ids, user)


def _body(message: Message) -> str:
    text = (message.text or "").strip()
    return text[len(text.split(maxsplit=1)[0]) :].strip() if text else ""


async def queue_command(update: Update, context: Context) -> None:
    """/kb_queue: the most asked open requests; /kb_queue disputes; /kb_queue N: one of them."""
    message = update.effective_message
    if message is None:
        return
    if not _curator(context, message.from_user):
        await message.reply_text(CURATORS_ONLY, do_quote=True)
        return
    body = _body(message).lower()
    try:
        if body.lstrip("#").isdigit():
            text, markup = await _request_view(context, int(body.lstrip("#")))
        elif body in ("", "asks", "disputes"):
            text, markup = await _listing(context, body == "disputes")
        else:
            text, markup = escape(USAGE["kb_queue"]), None
    except KnowledgeError as error:
        text, markup = "⚠️ " + escape(str(error)), None
    await message.reply_text(text, reply_markup=markup, do_quote=True)


async def _listing(context: Context, disputes: bool) -> tuple[str, InlineKeyboardMarkup | None]:
    kind = RequestKind.DISPUTE if disputes else RequestKind.ASK
    found = await services(context).requests.most_asked(kind, limit=_LISTED)
    if not found:
        return ("No open disputes." if disputes else "No open asks.") + " Nothing is waiting.", None
    title = "Disputed verdicts" if disputes else "Most asked"
    lines = [f"<b>{title}</b> (open one with /kb_queue N)"] + [_summary(r) for r in found]
    keys = [InlineKeyboardButton(f"#{r.id}", callback_data=f"rq:o:{r.id}") for r in found]
    return "\n".join(lines), _rows(keys, 5)


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


async def _curator_button(query: CallbackQuery, context: Context, action: str, key: str) -> None:
    if not _curator(context, query.from_user) or not key.isdigit():
        await query.answer(CURATORS_ONLY, show_alert=True)
        return
    try:
        if action == "x":
            actor = Actor(id=str(query.from_user.id), name=query.from_user.full_name)
            await services(context).requests.dismiss(int(key), actor=actor)
            await query.answer(f"Dismissed request {key}.")
            return
        text, markup = await _request_view(context, int(key))
    except KnowledgeError as error:
        await query.answer(shorten(str(error), 190), show_alert=True)
        return
    await query.answer()
    message = _message(query)
    if message is not None:
        await message.reply_text(text, reply_markup=markup)


async def answer_command(update: Update, context: Context) -> None:
    """/kb_answer N statement (or rating: …): add it, re-check the claim, tell who asked."""
    message = update.effective_message
    if message is None:
        return
    if not _curator(context, message.from_user):
        await message.reply_text(CURATORS_ONLY, do_quote=True)
        return
    numbered = _NUMBERED.match(_body(message))
    try:
        text, fields = parse_fields(numbered.group(2), ANSWER_FIELDS) if numbered else ("", {})
        if numbered is None or not (text or fields.get("rating")):
            await message.reply_text(escape(USAGE["kb_answer"]), do_quote=True)
            return
        reply = await _answer(context, message, int(numbered.group(1)), text, fields)
    except KnowledgeError as error:
        reply = "⚠️ " + escape(str(error))
    await message.reply_text(reply, do_quote=True)


async def _answer(
    context: Context, message: Message, request_id: int, text: str, fields: dict[str, str]
) -> str:
    shared = services(context)
    user = message.from_user
    actor = Actor(id=str(user.id), name=user.full_name) if user else Actor.cli()
    answered = await shared.requests.answer(
        request_id,
        check=shared.pool.check,
        text=text or None,
        rating=fields.get("rating"),
        source=fields.get("source"),
        event_date=fields.get("date"),
        valid_from=fields.get("from"),
        valid_until=fields.get("until"),
        external_id=fields.get("id"),
        actor=actor,
    )
    notice = answered.notice
    told = await deliver(context.bot, notice)
    return (
        f"Answered request {request_id} with statement #{answered.statement_id}; "
        f"told {told} chat(s). The claim now checks as {ICONS[notice.verdict]} "
        f"{notice.verdict.value}."
    )
