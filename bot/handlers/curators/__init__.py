"""Handlers for the knowledge base's curators (ADMIN_IDS); searching and reading is for anyone.

Changing commands take the statement or pattern on the first line and optional fields on the
following lines, one `name: value` per line, which is easy to type on a phone:

    /kb_add NATO has not deployed troops to Ukraine.
    source: https://www.nato.int/…
    from: 2022-02-24

One module per flow: reading, editing, rules, importing, learning and the desk (readers'
asks and disputes: /kb_queue, /kb_answer); plumbing.py is what they share.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.handlers.curators import desk, editing, importing, learning, reading, rules
from bot.handlers.curators.plumbing import Context, reply

KB_HELP = """\
<b>Curating the knowledge base</b> (curators only change it; anyone can read it)
/kb_find words · /kb_show 12 · /kb_stats · /kb_export
/kb_add a statement, with optional lines source:, date:, from:, until:, id:
/kb_learn as a reply to a trusted article · /kb_edit 12 new text · /kb_retire 12 reason
/kb_rule list | add | remove · /kb_import as the caption of a file, or a reply to one
/kb_log · /kb_undo 42
/kb_queue (readers' asks, most asked first) · /kb_queue disputes · /kb_queue 12
/kb_answer 12 a statement (or the line rating: False) answers a request and tells who asked
Send a command alone for its usage; docs/CURATING.md has the rest."""

COMMANDS = (
    reading.COMMANDS
    + editing.COMMANDS
    + rules.COMMANDS
    + importing.COMMANDS
    + learning.COMMANDS
    + desk.COMMANDS
)


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    new = filters.UpdateType.MESSAGE
    found: list[BaseHandler[Any, Any, Any]] = [
        CommandHandler(command.name, command.callback(), filters=new) for command in COMMANDS
    ]
    found.append(CommandHandler("kb_help", kb_help, filters=new))
    return [*found, importing.captioned(), *learning.buttons(), *desk.buttons()]


async def kb_help(update: Update, context: Context) -> None:
    """The curators' commands in one short list."""
    if update.effective_message is not None:
        await reply(update.effective_message, KB_HELP.split("\n"))
