"""Readers' side of the loop back to the curators: the report's Ask the curators and Wrong
verdict? buttons, the reader's one-line reason, /cancel and /privacy (the curators answer at
their desk, handlers/curators/desk.py)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from cachetools import LRUCache
from telegram import (
    CallbackQuery,
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

from bot.context import services
from bot.formatting import ICONS, shorten
from bot.i18n import N_, SOURCE, Translations, for_user, translations, user_language
from knowledge import (
    KnowledgeError,
    Report,
    Requester,
    Verdict,
)

Context = ContextTypes.DEFAULT_TYPE

_PROMPTS = "queue_prompts"  # (chat id, prompt message id) -> the dispute waiting for a reason
_AWAITING = "queue_awaiting"  # (chat id, user id) -> that prompt, in a private chat
_PROMPTS_KEPT = 1000
_CANCEL = "rs:cancel"  # the Cancel button under a private prompt for a reason
_REASON_WAIT = 15 * 60.0  # seconds a private prompt takes the reader's next message as its reason
_PICK = 8  # claims offered per page of a picker, when a report has several
_LINKS = "queue_links"  # deep-link token -> (reader id, the report's claims): group disputes
_LINK = "w"  # /start payloads that continue a group's Wrong verdict? in private
_CLAIM_CHARS = 160
_FLAGGED = (Verdict.CONTRADICTED, Verdict.OUTDATED)  # offered first when asking which is wrong

PRIVACY_TEXT = N_("""\
<b>What I keep, and for how long</b>
Articles and messages you send me to check are checked and not stored. The text of pages behind \
links is cached (without who sent them) so a repeated link is quick.
When you press <b>Ask the curators</b> or <b>Wrong verdict?</b>, I keep the claim, its verdict, \
your one-line reason (for a wrong verdict), your Telegram user id, the id of the chat and the \
time, only to tell you in that chat when the answer comes, and to correct it if the curators \
withdraw or change their answer. I forget them when the curators dismiss the request or after \
{days} days, whichever comes first. \
Curators see the claim, how many people asked and the reasons, not who asked.
In groups I keep the admins' settings (auto-check, quiet). Changes curators make to the \
knowledge base are logged with their name.\
""")


@dataclass(frozen=True)
class Remembered:
    """What the buttons under one report need: its claims, verdicts and reference date."""

    claims: tuple[tuple[str, Verdict], ...]
    reference_date: date
    language: str = SOURCE  # the language the report's reader is answered in


@dataclass(frozen=True)
class ClaimPress:
    """The data of a button under a report (python-telegram-bot's arbitrary callback data, in
    its bounded cache): ask ("a") or dispute ("w") one of its claims (None: not chosen yet).
    A picker's buttons name their `owner` (only they may press them) and turn to `page`."""

    remembered: Remembered
    action: str
    claim: int | None = None
    owner: int | None = None
    page: int | None = None  # a picker's page to show (None: a new picker)


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
    application.add_handler(CallbackQueryHandler(claim_button, pattern=ClaimPress))
    application.add_handler(CallbackQueryHandler(cancel_button, pattern=f"^{_CANCEL}$"))
    application.add_handler(CommandHandler("cancel", cancel_command, filters=new), group=-1)
    linked = new & filters.ChatType.PRIVATE & filters.Regex(rf"^/start(@\w+)? {_LINK}[\w-]+$")
    application.add_handler(CommandHandler("start", start_link, filters=linked), group=-1)
    texts = new & filters.TEXT & ~filters.COMMAND
    application.add_handler(MessageHandler(texts, reason_reply), group=-1)


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


def ask_button(claim: str, reference_date: date, language: str) -> InlineKeyboardButton:
    """Ask the curators about `claim` (a text the bot cannot check itself), in `language`."""
    remembered = Remembered(((claim, Verdict.UNVERIFIED),), reference_date, language)
    label = translations(language).gettext("❔ Ask the curators")
    return InlineKeyboardButton(label, callback_data=ClaimPress(remembered, "a"))


def _kept(context: Context, key: str, size: int) -> LRUCache[Any, Any]:
    found = context.bot_data.get(key)
    if found is None:
        found = context.bot_data[key] = LRUCache(maxsize=size)
    return found


async def claim_button(update: Update, context: Context) -> None:
    """A press on Ask the curators or Wrong verdict? (or on the claim picked after it). In a
    group, Wrong verdict? continues in private, through a link to the bot."""
    query = update.callback_query
    if query is None or not isinstance(query.data, ClaimPress):
        return
    press, remembered = query.data, query.data.remembered
    tr = translations(remembered.language)
    if press.owner is not None and press.owner != query.from_user.id:
        await query.answer(
            tr.gettext("This list is for the person who asked for it."), show_alert=True
        )
        return
    message = _message(query)
    if press.action == "w" and message is not None and message.chat.type != "private":
        await _continue_in_private(query, context, remembered)
        return
    choices = _choices(remembered, press.action)
    chosen = press.claim if press.claim is not None else (choices[0] if len(choices) == 1 else None)
    if chosen is None:
        await query.answer()
        if message is not None:
            await _offer_choice(message, query.from_user.id, press, choices)
    elif chosen not in choices:
        tr = translations(remembered.language)
        await query.answer(tr.gettext("That claim cannot be chosen here."))
    elif press.action == "a":
        await _ask(query, context, remembered, chosen)
    else:
        await _prompt_reason(query, context, remembered, chosen)


def _choices(remembered: Remembered, action: str) -> list[int]:
    """The claims a picker offers, in order: every unverified one for an ask; for a dispute,
    every claim, the flagged ones first."""
    wanted = Verdict.UNVERIFIED if action == "a" else None
    choices = [i for i, (_, v) in enumerate(remembered.claims) if wanted in (None, v)]
    return sorted(choices, key=lambda i: remembered.claims[i][1] not in _FLAGGED)


async def _offer_choice(
    message: Message, owner: int, press: ClaimPress, choices: list[int]
) -> None:
    """The picker for `owner`: a page of _PICK claims, numbered, with buttons to turn pages
    (a new message, or this one turned when `press` is a page turn)."""
    if not choices:
        return
    text, markup = _picker(owner, press, choices)
    if press.page is not None:
        await message.edit_text(text, reply_markup=markup)
        return
    await message.reply_text(
        text, reply_markup=markup, do_quote=True, allow_sending_without_reply=True
    )


def _picker(owner: int, press: ClaimPress, choices: list[int]) -> tuple[str, InlineKeyboardMarkup]:
    action, remembered = press.action, press.remembered
    tr = translations(remembered.language)
    pages = (len(choices) + _PICK - 1) // _PICK
    page = min(max(press.page or 0, 0), pages - 1)
    first = page * _PICK
    shown = list(enumerate(choices, start=1))[first : first + _PICK]
    if action == "a":
        what = tr.gettext("Which claim should the curators check?")
    else:
        what = tr.gettext("Which verdict is wrong?")
    where = f" ({first + 1}–{first + len(shown)} / {len(choices)})" if pages > 1 else ""
    lines = [f"<b>{what}</b>{where}"] + [_claim_line(n, *remembered.claims[i]) for n, i in shown]
    keys = [
        InlineKeyboardButton(str(n), callback_data=ClaimPress(remembered, action, i, owner))
        for n, i in shown
    ]
    rows = [keys[i : i + 4] for i in range(0, len(keys), 4)]
    turns = [
        InlineKeyboardButton(label, callback_data=ClaimPress(remembered, action, None, owner, p))
        for label, p in (("‹", page - 1), ("›", page + 1))
        if 0 <= p < pages
    ]
    return "\n".join(lines), InlineKeyboardMarkup([*rows, turns] if turns else rows)


async def _continue_in_private(
    query: CallbackQuery, context: Context, remembered: Remembered
) -> None:
    """Wrong verdict? in a group: nothing is posted there; the reader's button opens a private
    chat with the bot, which goes on with their own picker."""
    token = secrets.token_urlsafe(9)
    links = _kept(context, _LINKS, _PROMPTS_KEPT)
    links[token] = (query.from_user.id, remembered)
    await query.answer(url=f"https://t.me/{context.bot.username}?start={_LINK}{token}")


async def start_link(update: Update, context: Context) -> None:
    """/start w<token> in a private chat: the dispute the reader began in a group."""
    message = update.effective_message
    if message is None or message.from_user is None or message.chat.type != "private":
        return
    token = (context.args or [""])[0].removeprefix(_LINK)
    found = _kept(context, _LINKS, _PROMPTS_KEPT).get(token)
    tr = for_user(message.from_user)
    if found is None or found[0] != message.from_user.id:
        await message.reply_text(
            tr.gettext(
                "That link has expired or is someone else's. Press Wrong verdict? under the "
                "report in the group again."
            ),
            do_quote=True,
        )
        raise ApplicationHandlerStop
    owner, remembered = found
    choices = _choices(remembered, "w")
    press = ClaimPress(remembered, "w", None, owner)
    if len(choices) == 1:
        await _prompt_in(message, context, message.from_user, remembered, choices[0])
    else:
        await _offer_choice(message, owner, press, choices)
    raise ApplicationHandlerStop


def _claim_line(number: int, text: str, verdict: Verdict) -> str:
    return f"{number}. {ICONS[verdict]} {escape(shorten(text, _CLAIM_CHARS), quote=False)}"


async def _ask(query: CallbackQuery, context: Context, remembered: Remembered, chosen: int) -> None:
    claim, _ = remembered.claims[chosen]
    try:
        filed = await services(context).requests.ask(
            claim,
            requester=_requester(query, remembered.language),
            reference_date=remembered.reference_date,
        )
    except KnowledgeError as error:
        await query.answer(shorten(str(error), 190), show_alert=True)
        return
    tr = translations(remembered.language)
    people = filed.request.count
    asked = tr.ngettext("{count} person has asked", "{count} people have asked", people).format(
        count=people
    )
    already = tr.gettext("You had already asked.") if filed.repeated else ""
    await query.answer(f"{tr.gettext('Asked the curators.')} {asked}.")
    message = _message(query)
    if message is None:
        return
    quoted = escape(shorten(claim, _CLAIM_CHARS), quote=False)
    lines = [
        tr.gettext("📨 Sent to the curators — I'll tell you here when they answer."),
        f"<i>“{quoted}”</i>",
        f"{already} {asked}.".strip(),
    ]
    await message.reply_text("\n".join(lines), do_quote=True, allow_sending_without_reply=True)


def _message(query: CallbackQuery) -> Message | None:
    """The message under the pressed button, unless Telegram no longer gives it (too old)."""
    return query.message if isinstance(query.message, Message) else None


def _requester(query: CallbackQuery, language: str) -> Requester:
    """Who pressed, where to tell them, and the language to tell them in later: the one their
    message was answered in when it was not English, else their Telegram app's."""
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    if language == SOURCE:
        language = user_language(query.from_user)
    return Requester(user_id=query.from_user.id, chat_id=chat_id, language=_stored(language))


def _stored(language: str) -> str | None:
    return None if language == SOURCE else language


async def _prompt_reason(
    query: CallbackQuery, context: Context, remembered: Remembered, chosen: int
) -> None:
    """Ask the reader for one line: their next message in this private chat is that line (a
    dispute begun in a group goes on in private, so the prompt is always private)."""
    await query.answer()
    message = _message(query)
    if message is not None:
        await _prompt_in(message, context, query.from_user, remembered, chosen)


async def _prompt_in(
    message: Message, context: Context, reader: User, remembered: Remembered, chosen: int
) -> None:
    claim, verdict = remembered.claims[chosen]
    tr = translations(remembered.language)
    limit = services(context).requests.reason_chars
    claim_line = _claim_line(1, claim, verdict)[3:]
    text = tr.gettext(
        "Tell me what is wrong with this verdict: send one line (up to {limit} "
        "characters), or /cancel."
    ).format(limit=limit)
    cancel = InlineKeyboardButton(tr.gettext("Cancel"), callback_data=_CANCEL)
    prompt = await message.reply_text(
        f"{text}\n{claim_line}",
        reply_markup=InlineKeyboardMarkup([[cancel]]),
        do_quote=True,
        allow_sending_without_reply=True,
    )
    pending = PendingDispute(reader.id, claim, verdict, remembered.reference_date)
    _kept(context, _PROMPTS, _PROMPTS_KEPT)[(prompt.chat_id, prompt.message_id)] = pending
    awaiting = _kept(context, _AWAITING, _PROMPTS_KEPT)
    waiting = (prompt.message_id, remembered.language, time.monotonic())
    awaiting[(prompt.chat_id, reader.id)] = waiting


def _waiting_reason(context: Context, message: Message) -> tuple[int, PendingDispute] | None:
    """The prompt `message` answers: the one it replies to, else (in a private chat) the
    last prompt its sender has not answered yet."""
    if message.from_user is None:
        return None
    prompts = _kept(context, _PROMPTS, _PROMPTS_KEPT)
    replied = message.reply_to_message
    if replied is not None and (message.chat_id, replied.message_id) in prompts:
        prompt_id = replied.message_id
    else:
        awaiting = _kept(context, _AWAITING, _PROMPTS_KEPT).get(
            (message.chat_id, message.from_user.id)
        )
        if awaiting is None or message.chat.type != "private" or message.forward_origin:
            return None  # a forwarded post is something to check, not a reason
        if time.monotonic() - awaiting[2] > _REASON_WAIT:
            return None
        prompt_id = awaiting[0]
    pending: PendingDispute | None = prompts.get((message.chat_id, prompt_id))
    if pending is None or pending.owner != message.from_user.id:
        return None
    return prompt_id, pending


async def reason_reply(update: Update, context: Context) -> None:
    """The reason for a Wrong verdict? prompt (a reply to it, or the reader's next private
    message) files the dispute; any other message goes on to the other handlers."""
    message = update.effective_message
    found = _waiting_reason(context, message) if message is not None else None
    if message is None or found is None or message.from_user is None:
        return
    prompt_id, pending = found
    tr = for_user(message.from_user)
    try:
        filed = await services(context).requests.dispute(
            pending.claim,
            pending.verdict,
            message.text or "",
            requester=Requester(
                message.from_user.id, message.chat_id, _stored(user_language(message.from_user))
            ),
            reference_date=pending.reference_date,
        )
    except KnowledgeError as error:
        await message.reply_text("⚠️ " + escape(str(error)), do_quote=True)
        raise ApplicationHandlerStop from None
    _forget_prompt(context, message.chat_id, message.from_user.id, prompt_id)
    people = filed.request.count
    thanks = tr.gettext(
        "Thank you: the curators will look at this verdict. I'll tell you here if it changes."
    )
    if people > 1:
        thanks += " " + tr.ngettext(
            "({count} person disputed it)", "({count} people disputed it)", people
        ).format(count=people)
    await message.reply_text(thanks, do_quote=True)
    raise ApplicationHandlerStop


def _forget_prompt(context: Context, chat_id: int, user_id: int, prompt_id: int) -> None:
    _kept(context, _PROMPTS, _PROMPTS_KEPT).pop((chat_id, prompt_id), None)
    awaiting = _kept(context, _AWAITING, _PROMPTS_KEPT)
    if awaiting.get((chat_id, user_id), (None,))[0] == prompt_id:
        awaiting.pop((chat_id, user_id), None)


async def _cancel(context: Context, chat_id: int, user: User) -> str:
    """Drop the reason `user` was asked for in `chat_id`; the line that says so."""
    tr = for_user(user)
    awaiting = _kept(context, _AWAITING, _PROMPTS_KEPT).get((chat_id, user.id))
    if awaiting is None:
        return tr.gettext("Nothing to cancel.")
    _forget_prompt(context, chat_id, user.id, awaiting[0])
    return translations(awaiting[1]).gettext("Cancelled: the verdict was not disputed.")


async def cancel_command(update: Update, context: Context) -> None:
    """/cancel: stop waiting for a reason (in any other case, says there is nothing to stop)."""
    message = update.effective_message
    if message is None or message.from_user is None:
        return
    said = await _cancel(context, message.chat_id, message.from_user)
    await message.reply_text(said, do_quote=True)
    raise ApplicationHandlerStop


async def cancel_button(update: Update, context: Context) -> None:
    """The Cancel button under a private prompt for a reason."""
    query = update.callback_query
    message = _message(query) if query is not None else None
    if query is None or message is None:
        return
    said = await _cancel(context, message.chat_id, query.from_user)
    await query.answer()
    await query.edit_message_text(said)


# -- anyone ---------------------------------------------------------------------------------


async def privacy_command(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(privacy_text(context, for_user(message.from_user)), do_quote=True)


def privacy_text(context: Context, tr: Translations) -> str:
    days = services(context).settings.request_expiry_days
    return tr.gettext(PRIVACY_TEXT).format(days=days)
