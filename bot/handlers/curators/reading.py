"""Reading the knowledge base, open to anyone: find, show, stats and export; the log is for
curators."""

from __future__ import annotations

from datetime import date

from telegram import InputFile, Message

from bot.context import services
from bot.curation_html import found_lines, history_lines, log_lines, stats_lines
from bot.handlers.curators.plumbing import Command, Context, Usage, number, reply

_FOUND = 10
_LOGGED = 10  # changes listed by /kb_log without a number


async def find(message: Message, context: Context, body: str) -> None:
    if not body:
        raise Usage
    await reply(message, found_lines(await services(context).kb.curator.find(body, limit=_FOUND)))


async def show(message: Message, context: Context, body: str) -> None:
    history = await services(context).kb.curator.statement_history(number(body))
    await reply(message, history_lines(history))


async def stats(message: Message, context: Context, body: str) -> None:
    await reply(message, stats_lines(await services(context).kb.curator.stats()))


async def log(message: Message, context: Context, body: str) -> None:
    count = number(body) if body else _LOGGED
    await reply(message, log_lines(await services(context).kb.curator.log_page(count)))


async def export(message: Message, context: Context, body: str) -> None:
    text = await services(context).kb.curator.export_yaml()
    name = f"knowledge-base-{date.today().isoformat()}.yaml"
    await message.reply_document(
        InputFile(text.encode("utf-8"), filename=name),
        caption="The whole knowledge base; /kb_import takes it back.",
    )


COMMANDS = (
    Command("kb_find", find, "Usage: /kb_find words to search for"),
    Command("kb_show", show, "Usage: /kb_show 12 (a statement id; find ids with /kb_find)"),
    Command("kb_stats", stats, ""),
    Command("kb_export", export, ""),
    Command("kb_log", log, "Usage: /kb_log [how many, default 10]", curators_only=True),
)
