"""Handlers for readers: /start, /help, checking private messages, /check and group auto-check."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from datetime import date
from html import escape
from typing import Any

from telegram import Bot, Message, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler, ContextTypes, MessageHandler, filters

from bot.context import services
from bot.formatting import format_report
from knowledge import UnusableInput

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
    limit = services(context).settings.user_queue_limit
    await update.effective_message.reply_text(HELP_TEXT.format(limit=limit))


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
    async with _typing(context.bot, target), turn:
        try:
            report = await shared.pool.check(article, **reference_dates(target))
        except UnusableInput as error:
            await _say(target, f"I can't check this: {escape(error.reason)}", quiet=quiet)
            return
    if quiet and not report.flagged:
        return
    for part in format_report(report):
        await target.reply_text(part, do_quote=True, allow_sending_without_reply=True)


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
