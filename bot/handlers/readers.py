"""Handlers for readers: /start, /help, checking private messages, /check, group auto-check,
edited messages and the card's Details pages."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from functools import partial
from html import escape
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InvalidCallbackData,
    MessageHandler,
    filters,
)

from bot.answer import asked_claim, format_answer
from bot.auth import is_bot_admin
from bot.card import CardView, PageTurn, build_view, card_keyboard, page_text
from bot.context import Services, services
from bot.formatting import shorten
from bot.handlers.asks import ask_button, privacy_text, report_buttons
from bot.i18n import (
    LANGUAGES,
    N_,
    SOURCE,
    Translations,
    for_user,
    translations,
    user_language,
)
from bot.tasks import running
from bot.throttle import Cut
from knowledge import (
    Article,
    CheckTimedOut,
    ClaimResult,
    FetchFailed,
    Related,
    Report,
    UnusableInput,
    UnusableLink,
    Verdict,
    closest_related,
    is_mostly_link,
    summarize,
    text_language,
    urls_from_entities,
)

log = logging.getLogger(__name__)

START_TEXT = N_("""\
<b>I check news against a curated knowledge base.</b>
Forward me a post, paste an article, or ask "Is it true that …?": I answer with what is \
wrong or out of date, and the evidence.
In a group, reply /check to a message. /help tells more; /privacy says what I keep about you.""")

START_CURATOR_TEXT = N_(
    "You are a curator: /help curators and /kb_help list the commands that change the "
    "knowledge base."
)

HELP_TEXT = N_("""\
<b>How to use me</b>
• Forward a post, paste an article or send a link: my card shows what contradicts the \
record 🚩, is out of date ⏳, is supported ✅ or unknown ❔. <b>Details</b> shows the evidence.
• Ask "Is it true that …?" and I answer yes, no or not known yet.
• <b>Ask the curators</b> sends an unknown claim to the people who check them; <b>Wrong \
verdict?</b> tells them why. I tell you when they answer.
• In a group, reply /check to a message; admins see /settings.
• I check English texts for now. /privacy says what I keep; curators, see /help curators.""")

CURATOR_HELP_TEXT = N_("""\
<b>For curators</b>
/kb_queue lists what readers asked and disputed; /kb_answer N answers one (a statement, or \
<code>rating:</code> and <code>source:</code> for a rated claim) and tells the readers.
/kb_help lists the commands that change the knowledge base: add, import, learn, rules, undo.
Everyone can /kb_find, /kb_show and see /kb_stats. The guide is docs/CURATING.md.""")

CHATTER_TEXT = N_(
    "👋 I found nothing to check in that. Send me a news text, forward a post, or ask "
    '"Is it true that …?"'
)
NOT_ENGLISH_TEXT = N_(
    "🌐 I can only check English texts for now. I can send this one to the curators, who "
    "check claims by hand."
)
_NO_TEXT = N_("That message has no text I can check. Reply with /check to a message with text.")
_CHECK_USAGE = N_(
    "Reply with /check to the message you want checked, or write /check followed by the text."
)
_PRIVATE_HINT = N_("Send me the text of an article, or forward one, and I'll check it.")
_EXPIRED = N_(
    "This button has expired; run the command again (or send the message again to check it)."
)
_CANT_CHECK = N_("I can't check this: {reason}")
_MENU = "menu:"  # callback data of the menu under a friendly line: menu:help, menu:privacy
_ASKED_CHARS = 1000  # of a text sent to the curators as it is (one we cannot check)
_LETTER = re.compile(r"[^\W\d_]")

MAX_LINKS = 3  # links tried per message, in order, until one yields an article
_URL_CHARS = 400
_LABEL_CHARS = 200

# a caption that starts with "/" is a command (such as /kb_import on a file), not an article
_COMMANDISH = filters.COMMAND | filters.CaptionRegex(r"^/")


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The readers' handlers, in the order they are tried."""
    text = filters.TEXT | filters.CAPTION
    new, edited = filters.UpdateType.MESSAGE, filters.UpdateType.EDITED_MESSAGE
    return [
        CommandHandler("start", start_command, filters=new),
        CommandHandler("help", help_command, filters=new),
        CommandHandler("check", check_command, filters=new),
        MessageHandler(new & filters.ChatType.PRIVATE & text & ~_COMMANDISH, check_private),
        MessageHandler(new & filters.ChatType.PRIVATE & ~_COMMANDISH, private_hint),
        MessageHandler(new & filters.ChatType.GROUPS & text & ~_COMMANDISH, autocheck),
        MessageHandler(edited & text & ~_COMMANDISH, recheck_edited),
        CallbackQueryHandler(turn_page, pattern=PageTurn),
        CallbackQueryHandler(menu_button, pattern=f"^{_MENU}"),
        CallbackQueryHandler(expired_button, pattern=InvalidCallbackData),
    ]


async def start_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short welcome; curators also get a pointer to their commands."""
    message = update.effective_message
    if message is None:
        return
    tr = for_user(message.from_user)
    text = tr.gettext(START_TEXT)
    if is_bot_admin(services(context).settings.admin_ids, message.from_user):
        text += "\n" + tr.gettext(START_CURATOR_TEXT)
    await message.reply_text(text)


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: the readers' help on one screen; /help curators: the curators' commands."""
    message = update.effective_message
    if message is None:
        return
    tr = for_user(message.from_user)
    wanted = " ".join(context.args or ()).lower()
    text = CURATOR_HELP_TEXT if wanted.startswith("curator") else HELP_TEXT
    await message.reply_text(tr.gettext(text))


async def menu_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The menu under a friendly line: How to use me (the help) or Privacy."""
    query = update.callback_query
    if query is None or not isinstance(query.data, str):
        return
    await query.answer()
    tr = for_user(query.from_user)
    text = privacy_text(context, tr) if query.data == f"{_MENU}privacy" else tr.gettext(HELP_TEXT)
    if isinstance(query.message, Message):
        await query.message.reply_text(text)


def menu_keyboard(tr: Translations) -> InlineKeyboardMarkup:
    """How to use me and Privacy, under a line that is not a card."""
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(tr.gettext("How to use me"), callback_data=f"{_MENU}help"),
        InlineKeyboardButton(tr.gettext("Privacy"), callback_data=f"{_MENU}privacy"),
    ]])  # fmt: skip


async def private_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(for_user(message.from_user).gettext(_PRIVATE_HINT))


async def check_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message is checked; a long one waits briefly for its second part."""
    message = update.effective_message
    if message is None:
        return
    text = await _joined(context, message)
    if text is not None:
        await check_and_reply(
            context, message, requester=message, quiet=False, text=text, asked=_asks(text)
        )


async def check_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/check as a reply checks the replied-to message; /check TEXT checks TEXT."""
    message = update.effective_message
    if message is None:
        return
    target = message.reply_to_message
    if target is not None:
        asked = _asks(target.text or target.caption or "")
        await check_and_reply(context, target, requester=message, quiet=False, asked=asked)
    elif context.args:
        inline = (message.text or "").split(maxsplit=1)[1]
        await check_and_reply(
            context, message, requester=message, quiet=False, text=inline, asked=True
        )
    else:
        await message.reply_text(for_user(message.from_user).gettext(_CHECK_USAGE))


def _asks(text: str) -> bool:
    """Whether `text` is put as a question (a yes/no question is answered as one)."""
    return text.rstrip(" \"'”’)").endswith("?")


async def autocheck(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups with auto-check on, check forwarded and long messages."""
    message = update.effective_message
    if message is None or not _worth_autochecking(message, context):
        return
    text = await _joined(context, message)
    if text is not None:
        await _autocheck(context, message, text)


async def _autocheck(context: ContextTypes.DEFAULT_TYPE, message: Message, text: str) -> None:
    """Speak only for confident flags (quiet groups), within the group's cards a minute."""
    shared = services(context)
    chat_settings = await shared.chats.get(message.chat_id)
    if not chat_settings.autocheck:
        return
    if not shared.cards.has_room(message.chat_id):
        log.info("group %s had its cards for this minute; not checking", message.chat_id)
        return
    await check_and_reply(
        context, message, requester=message, quiet=chat_settings.quiet, text=text,
        min_confidence=shared.settings.group_min_confidence, budget=True,
    )  # fmt: skip


async def recheck_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message is checked again; the card that answered it is edited in place."""
    message = update.effective_message
    if message is None:
        return
    answered = services(context).replies.get(message.chat_id, message.message_id) is not None
    if message.chat.type == ChatType.PRIVATE or answered:
        confidence = 0.0 if message.chat.type == ChatType.PRIVATE else None
        await check_and_reply(
            context, message, requester=message, quiet=False, min_confidence=confidence,
            asked=_asks(message.text or message.caption or ""),
        )  # fmt: skip
    elif _worth_autochecking(message, context):
        await _autocheck(context, message, message.text or message.caption or "")


async def _joined(context: ContextTypes.DEFAULT_TYPE, message: Message) -> str | None:
    """The article `message` starts (waiting briefly for its next parts); None when
    `message` continues an article already waiting, which is then checked as one."""
    joiner = services(context).joiner
    text = message.text or message.caption or ""
    key = (message.chat_id, _requester_id(message))
    forwarded = message.forward_origin is not None
    if joiner.take(key, text, forwarded=forwarded):
        return None
    if not joiner.may_continue(text):
        return text
    return await joiner.collect(key, text, forwarded=forwarded)


def _worth_autochecking(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Forwarded and long messages by people: anonymous admins and people posting as a
    channel count (their `from` is one of Telegram's helper bots), other bots do not."""
    bot_sender = message.from_user is not None and message.from_user.is_bot
    if bot_sender and message.sender_chat is None:
        return False
    if message.forward_origin is not None:
        return True
    text = message.text or message.caption or ""
    return len(text) >= services(context).settings.autocheck_min_chars


async def check_and_reply(
    context: ContextTypes.DEFAULT_TYPE,
    target: Message,
    *,
    requester: Message,
    quiet: bool,
    text: str | None = None,
    min_confidence: float | None = 0.0,
    budget: bool = False,
    asked: bool = False,
) -> None:
    """Check `target` (queued per requesting user) and answer it with one card.

    Quiet: answer only when a finding reaches `min_confidence` (None: the group setting), and
    say nothing about refusals. `budget`: the card counts against the group's cards a minute.
    `asked`: the text was put as a question, answered as one when it makes one claim.
    A message that is mostly a link is checked through the article behind its first
    fetchable link (in the same per-user queue, so link floods count against the limit).
    A text in another language we ship is answered in it, with Ask the curators.
    """
    article = text or target.text or target.caption or ""
    written = text_language(article)  # the language it is written in, when we can tell
    language = written if written in LANGUAGES else user_language(requester.from_user)
    tr = translations(language)
    if not article:
        await _say(requester, tr.gettext(_NO_TEXT), quiet=quiet)
        return
    if written not in (None, SOURCE) and not message_links(target):
        await _not_english(context, target, article, written, quiet=quiet)
        return
    if not _LETTER.search(article):  # emoji, stickers' text, numbers: nothing to read
        if not quiet:
            await send_card(
                context, target, CardView(tr.gettext(CHATTER_TEXT), ()), menu_keyboard(tr)
            )
        return
    shared = services(context)
    floor = shared.settings.group_min_confidence if min_confidence is None else min_confidence
    who = _requester_id(requester)
    turn = shared.throttle.admit(who, requester)
    if turn is None:
        return
    async with _typing(context.bot, target), turn:
        outcome = await _run_check(shared, target, article, tr, who)
    if turn.cut is not None:
        await _tell_cut(turn.cut, for_user(requester.from_user))
    if isinstance(outcome, str):
        await _say(target, outcome, quiet=quiet)
        return
    heading, report = outcome
    if quiet and not speaks(report, floor):
        return
    if not report.claims:  # greetings, thanks, chatter: nothing the claim reader could check
        await send_card(context, target, CardView(tr.gettext(CHATTER_TEXT), ()), menu_keyboard(tr))
        return
    if budget and not shared.cards.spend(target.chat_id):
        return
    view = build_view(
        report, heading=heading, min_confidence=floor, extra_rows=card_extras(context, report)
    )
    claim = asked_claim(report) if asked else None
    if claim is not None:
        answer = format_answer(report, claim, await _related(shared, claim))
        view = replace(view, card=f"{heading}\n{answer}" if heading else answer)
    await send_card(context, target, view)


async def _related(shared: Services, claim: ClaimResult) -> Related | None:
    """For a claim nothing decides: the closest entry above the relevance floor, if any."""
    if claim.verdict != Verdict.UNVERIFIED:
        return None
    return await closest_related(shared.kb, claim.text, floor=shared.settings.related_min_score)


async def _not_english(
    context: ContextTypes.DEFAULT_TYPE,
    target: Message,
    article: str,
    language: str,
    *,
    quiet: bool,
) -> None:
    """A text in a language we answer in but do not check yet: say so, offer the curators."""
    if quiet:
        return
    button = ask_button(shorten(article, _ASKED_CHARS), target.date.date(), language)
    await target.reply_text(
        translations(language).gettext(NOT_ENGLISH_TEXT),
        reply_markup=InlineKeyboardMarkup([[button]]),
        do_quote=True,
        allow_sending_without_reply=True,
    )  # fmt: skip


def speaks(report: Report, min_confidence: float) -> bool:
    """Whether a quiet chat hears about `report`: a flag at or above `min_confidence`."""
    return bool(summarize(report, max_lines=1, min_confidence=min_confidence).lines)


def card_extras(context: ContextTypes.DEFAULT_TYPE, report: Report) -> list[list[Any]]:
    """Button rows under a card besides Details: Ask the curators and Wrong verdict?"""
    return report_buttons(report)


async def send_card(
    context: ContextTypes.DEFAULT_TYPE,
    target: Message,
    view: CardView,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Reply to `target` with the card (under `markup`, by default the card's buttons), or
    edit the card already answering it (an edit)."""
    replies = services(context).replies
    earlier = replies.get(target.chat_id, target.message_id)
    markup = markup if markup is not None else card_keyboard(view)
    if earlier is not None:
        try:
            await context.bot.edit_message_text(
                view.card, chat_id=target.chat_id, message_id=earlier, reply_markup=markup
            )
            return
        except BadRequest as error:
            if "not modified" in error.message:
                return
            # the card was deleted or can no longer be edited: answer with a new one
    sent = await target.reply_text(
        view.card, reply_markup=markup, do_quote=True, allow_sending_without_reply=True
    )
    replies.remember(target.chat_id, target.message_id, sent.message_id)


async def _run_check(
    shared: Services, target: Message, article: str, tr: Translations, who: int
) -> tuple[str, Report] | str:
    """The report (with a heading naming the page for a link), or one line saying why not;
    `who` asked, and the workers' time is shared fairly between askers."""
    urls = message_links(target)
    if urls:
        outcome = await _check_links(shared, urls, target, who)
        if isinstance(outcome, str):
            return outcome
        fetched, report = outcome
        return _link_heading(fetched), report
    try:
        return "", await shared.pool.check(article, user=who, **reference_dates(target))
    except UnusableInput as error:
        return tr.gettext(_CANT_CHECK).format(reason=escape(error.reason))
    except CheckTimedOut as error:
        return f"⏱ {escape(str(error))}"


async def _tell_cut(cut: Cut, tr: Translations) -> None:
    """One line for a burst cut under overload, however many messages it dropped."""
    message: Message = cut.first
    said = tr.ngettext(
        "⏳ Too many messages are waiting to be checked, so I dropped {count} of yours; "
        "send it again in a minute if you still want it checked.",
        "⏳ Too many messages are waiting to be checked, so I dropped {count} of yours; "
        "send them again in a minute if you still want them checked.",
        cut.skipped,
    ).format(count=cut.skipped)
    await message.reply_text(said, do_quote=True, allow_sending_without_reply=True)


async def turn_page(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A press on Details, Previous, Next or Summary: show that page in the same message."""
    query = update.callback_query
    if query is None or not isinstance(query.data, PageTurn):
        return
    turn = query.data
    await query.answer()
    try:
        await query.edit_message_text(
            page_text(turn.view, turn.page), reply_markup=card_keyboard(turn.view, page=turn.page)
        )
    except BadRequest as error:  # pressed twice: "message is not modified"
        log.debug("could not turn the page: %s", error)
        return
    context.drop_callback_data(query)  # the new page's buttons were stored anew


async def expired_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button whose data left the bounded cache (or came from before a restart)."""
    query = update.callback_query
    if query is not None:
        await query.answer(for_user(query.from_user).gettext(_EXPIRED), show_alert=True)


def message_links(message: Message) -> list[str]:
    """The links to check when the message (text or caption) is mostly a link, else none."""
    if message.text is not None:
        text, entities = message.text, message.entities
    else:
        text, entities = message.caption or "", message.caption_entities
    tuples = [_entity_tuple(entity) for entity in entities or ()]
    if not is_mostly_link(text, tuples):
        return []
    return urls_from_entities(text, tuples)[:MAX_LINKS]


def _entity_tuple(entity: MessageEntity) -> tuple[str, int, int, str | None]:
    kind = getattr(entity.type, "value", entity.type)
    return str(kind), entity.offset, entity.length, entity.url


async def _check_links(
    shared: Services, urls: list[str], target: Message, who: int
) -> tuple[Article, Report] | str:
    """The first link that yields an article, checked; else the last failure as one line.

    Fetching is network waiting and stays here; the article is checked in the worker pool,
    like a pasted one, so a long page never holds up other chats."""
    origin = target.forward_origin
    try:
        checked = await shared.kb.check_links(
            urls,
            check=partial(shared.pool.check, user=who),
            limits=shared.fetch_limits,
            forwarded_on=origin.date.date() if origin is not None else None,
        )
    except UnusableLink as error:
        reason = f"Could not check {shorten(error.url, _URL_CHARS)}: {error.reason}"
        return escape(shorten(reason, 600), quote=False)
    except FetchFailed as error:
        return escape(shorten(str(error), 600), quote=False)
    except CheckTimedOut as error:
        return f"⏱ {escape(str(error), quote=False)}"
    return checked.article, checked.report


def _link_heading(article: Article) -> str:
    label = escape(shorten(article.label(), _LABEL_CHARS), quote=False)
    url = article.url
    shown = escape(url if len(url) <= _URL_CHARS else url[: _URL_CHARS - 1] + "…", quote=False)
    return f"🔗 Checked: {label}\n{shown}"


def reference_dates(message: Message) -> dict[str, date | None]:
    """The forward's original date when forwarded; else let the engine find a dateline."""
    if message.forward_origin is not None:
        return {"reference_date": message.forward_origin.date.date()}
    return {"reference_date": None, "fallback_date": message.date.date()}


def _requester_id(message: Message) -> int:
    """Who asked: the chat they speak as (anonymous admins, channels) before the helper bot
    Telegram puts in `from` for them, else the user."""
    if message.sender_chat is not None:
        return message.sender_chat.id
    if message.from_user is not None:
        return message.from_user.id
    return message.chat_id


async def _say(message: Message, text: str, *, quiet: bool) -> None:
    if not quiet:
        await message.reply_text(text, do_quote=True, allow_sending_without_reply=True)


@asynccontextmanager
async def _typing(bot: Bot, message: Message) -> AsyncIterator[None]:
    """Show "typing…" in private chats while the check runs (groups: spare their rate limit)."""
    if message.chat.type != "private":
        yield
        return
    async with running(_keep_typing(bot, message.chat_id), name="typing"):
        yield


async def _keep_typing(bot: Bot, chat_id: int) -> None:
    while True:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as error:
            log.debug("could not show typing in %s: %s", chat_id, error)
            return
        await asyncio.sleep(4.5)
