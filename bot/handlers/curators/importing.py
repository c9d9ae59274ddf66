"""/kb_import, curators only: a YAML, JSON or CSV file (or ClaimReview), all or nothing."""

from __future__ import annotations

from html import escape
from typing import Any

from telegram import Message
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import services
from bot.curation_html import undo_hints
from bot.handlers.curators.plumbing import Command, Context, Usage, actor, reply
from knowledge import MAX_IMPORT_BYTES, KnowledgeError

USAGE = (
    "Send a YAML, JSON or CSV file (or ClaimReview JSON-LD) with /kb_import as its caption, or "
    f"reply with /kb_import to one; at most {MAX_IMPORT_BYTES // 1000:,} kB."
)


async def import_file(message: Message, context: Context, body: str) -> None:
    """The file sent with /kb_import as its caption, or the file the command replies to."""
    target = message.reply_to_message
    document = message.document or (target.document if target is not None else None)
    if document is None:
        raise Usage
    if (document.file_size or 0) > MAX_IMPORT_BYTES:
        raise KnowledgeError(
            f"The file is {document.file_size:,} bytes; the limit is "
            f"{MAX_IMPORT_BYTES:,} bytes. Nothing was imported."
        )
    data = bytes(await (await context.bot.get_file(document.file_id)).download_as_bytearray())
    result = await services(context).kb.curator.import_records(
        data,
        filename=document.file_name or "",
        actor=actor(message.from_user, message.chat_id),
    )
    await reply(message, [escape(result.summary) + undo_hints(result.change_ids)])


COMMAND = Command("kb_import", import_file, USAGE, curators_only=True)
COMMANDS = (COMMAND,)


def captioned() -> BaseHandler[Any, Any, Any]:
    """A file sent with /kb_import as its caption (a command handler sees only texts)."""
    caption = filters.CaptionRegex(r"^/kb_import(@\w+)?(\s|$)")
    wanted = filters.UpdateType.MESSAGE & filters.Document.ALL & caption
    return MessageHandler(wanted, COMMAND.callback())
