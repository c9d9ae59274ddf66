"""Handlers for readers: /start, /help, checking private messages, /check and group auto-check."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import date
from html import escape
from typing import Any

from telegram import Bot, Message, MessageEntity, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.context import Services, services
from bot.formatting import MESSAGE_LIMIT, format_report, shorten, utf16_length
from knowledge import (
    Article,
    FetchFailed,
    FetchLimits,
    Report,
    UnusableInput,
    is_mostly_link,
    link_check_input,
    urls_from_entities,
)

log = logging.getLogger(__name__)

HELP_TEXT = """\
<b>I check news articles against a curated knowledge base.</b>

<b>In a private chat</b>: forward me an article, or paste its text. I reply with what \
contradicts verified reporting (🚩), what is out of date (⏳), what is supported (✅) and \
what I could not verify (❔), with the evidence and its source.

<b>In a group</b>: add me, then reply to any message with /check.
To check forwarded and long messages automatically, an admin turns on /autocheck on \
(I then need to read all messages: make me an admin, or turn off my privacy mode in @BotFather).
In quiet mode (the default in groups) I reply only when something is flagged: /quiet off \
makes me reply to every checked message. /settings shows the group's settings; \
/reload_admins refreshes the admin list after changes.

Dates matter: "on Tuesday" is read against the date of the original post when you forward a \
message, else against a dateline in the text, else against the day you sent it.
I check up to {limit} of your messages at a time; please wait for my answers before sending more.

<b>Links</b>: send or forward a message that is mostly a link and I fetch the page and check its article (the first of up to {links} links that has one). I give up after {connect} s connecting or {total} s in all, follow at most {redirects} redirects, read at most {size}, accept only text/html and text/plain pages, and {private}.

<b>The knowledge base</b>: anyone can /kb_find words, /kb_show an entry by id and see /kb_stats \
or a /kb_export. Curators add with /kb_add: the statement on the first line, then optional lines \
<code>source: URL</code>, <code>date: 2023-01-30</code>, <code>from: …</code>, <code>until: …</code>, \
<code>id: …</code>. They also /kb_learn (reply to a trusted article), /kb_edit, /kb_retire, \
/kb_rule, /kb_import (reply to a file), /kb_log and /kb_undo. See docs/CURATING.md.\
"""

_WAIT_TEXT = (
    "⏳ I'm still checking your earlier messages, so I skipped this one. "
    "Please send it again once I've answered them."
)
_NO_TEXT = "That message has no text I can check. Reply with /check to a message with text."
_CHECK_USAGE = (
    "Reply with /check to the message you want checked, or write /check followed by the text."
)
_PRIVATE_HINT = "Send me the text of an article, or forward one, and I'll check it."

MAX_LINKS = 3  # links tried per message, in order, until one yields an article
_URL_CHARS = 400
_LABEL_CHARS = 200


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    """The readers' handlers, in the order they are tried."""
    text = filters.TEXT | filters.CAPTION
    new = filters.UpdateType.MESSAGE
    return [
        CommandHandler("start", help_command, filters=new),
        CommandHandler("help", help_command, filters=new),
        CommandHandler("check", check_command, filters=new),
        MessageHandler(new & filters.ChatType.PRIVATE & text & ~filters.COMMAND, check_private),
        MessageHandler(new & filters.ChatType.PRIVATE & ~filters.COMMAND, private_hint),
        MessageHandler(new & filters.ChatType.GROUPS & text & ~filters.COMMAND, autocheck),
    ]


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is None:
        return
    shared = services(context)
    await update.effective_message.reply_text(
        HELP_TEXT.format(limit=shared.settings.user_queue_limit, **_fetch_help(shared.fetch_limits))
    )


def _fetch_help(limits: FetchLimits) -> dict[str, object]:
    size = limits.max_bytes
    shown = f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1000:g} kB"
    private = (
        "refuse links to private, local and reserved network addresses"
        if not limits.allow_private
        else "(on this bot) also fetch private network addresses"
    )
    return {
        "links": MAX_LINKS,
        "connect": f"{limits.connect_timeout:g}",
        "total": f"{limits.total_timeout:g}",
        "redirects": limits.max_redirects,
        "size": shown,
        "private": private,
    }


async def private_hint(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message is not None:
        await update.effective_message.reply_text(_PRIVATE_HINT)


async def check_private(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await check_and_reply(context, message, requester=message, quiet=False)


async def check_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/check as a reply checks the replied-to message; /check TEXT checks TEXT."""
    message = update.effective_message
    if message is None:
        return
    target = message.reply_to_message
    if target is not None:
        await check_and_reply(context, target, requester=message, quiet=False)
    elif context.args:
        inline = (message.text or "").split(maxsplit=1)[1]
        await check_and_reply(context, message, requester=message, quiet=False, text=inline)
    else:
        await message.reply_text(_CHECK_USAGE)


async def autocheck(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups with auto-check on, check forwarded and long messages."""
    message = update.effective_message
    if message is None or not _worth_autochecking(message, context):
        return
    chat_settings = await services(context).kb.chat_settings(message.chat_id)
    if chat_settings.autocheck:
        await check_and_reply(context, message, requester=message, quiet=chat_settings.quiet)


def _worth_autochecking(message: Message, context: ContextTypes.DEFAULT_TYPE) -> bool:
    if message.from_user is not None and message.from_user.is_bot:
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
) -> None:
    """Check `target` (queued per requesting user) and reply to it with the report.

    Quiet: reply only when something is flagged, and say nothing about refusals.
    A message that is mostly a link is checked through the article behind its first
    fetchable link (in the same per-user queue, so link floods count against the limit).
    """
    article = text or target.text or target.caption
    if not article:
        await _say(requester, _NO_TEXT, quiet=quiet)
        return
    shared = services(context)
    who = _requester_id(requester)
    turn = shared.queue.admit(who)
    if turn is None:
        if shared.queue.first_refusal(who):
            await _say(requester, _WAIT_TEXT, quiet=quiet)
        return
    urls = message_links(target)
    heading = ""
    async with _typing(context.bot, target), turn:
        if urls:
            outcome = await _check_links(shared, urls, target)
            if isinstance(outcome, str):
                await _say(target, outcome, quiet=quiet)
                return
            fetched, report = outcome
            heading = _link_heading(fetched)
        else:
            try:
                report = await shared.pool.check(article, **reference_dates(target))
            except UnusableInput as error:
                await _say(target, f"I can't check this: {escape(error.reason)}", quiet=quiet)
                return
    if quiet and not report.flagged:
        return
    room = MESSAGE_LIMIT - (utf16_length(heading) + 1 if heading else 0)
    parts = format_report(report, limit=room)
    if heading:
        parts[0] = f"{heading}\n{parts[0]}"
    for part in parts:
        await target.reply_text(part, do_quote=True, allow_sending_without_reply=True)


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
    shared: Services, urls: list[str], target: Message
) -> tuple[Article, Report] | str:
    """The first link that yields an article, checked; else the last failure as one line.

    Fetching is network waiting and stays here; the article is checked in the worker pool,
    like a pasted one, so a long page never holds up other chats."""
    origin = target.forward_origin
    forwarded_on = origin.date.date() if origin is not None else None
    failure = "I could not check that link."
    for url in urls:
        try:
            article = await shared.kb.fetch_url(url, limits=shared.fetch_limits)
            text, dates = link_check_input(article, forwarded_on)
            return article, await shared.pool.check(text, **dates)
        except FetchFailed as error:
            failure = escape(shorten(str(error), 600), quote=False)
        except UnusableInput as error:
            reason = f"Could not check {shorten(url, _URL_CHARS)}: {error.reason}"
            failure = escape(shorten(reason, 600), quote=False)
    return failure


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
    if message.from_user is not None:
        return message.from_user.id
    if message.sender_chat is not None:
        return message.sender_chat.id
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
    task = asyncio.create_task(_keep_typing(bot, message.chat_id))
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


async def _keep_typing(bot: Bot, chat_id: int) -> None:
    while True:
        try:
            await bot.send_chat_action(chat_id, ChatAction.TYPING)
        except TelegramError as error:
            log.debug("could not show typing in %s: %s", chat_id, error)
            return
        await asyncio.sleep(4.5)
