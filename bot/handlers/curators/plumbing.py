"""What every curator command shares: its usage text, the curators-only guard, errors answered
in plain words, and replies split into as many messages as needed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from telegram import Message, Update, User
from telegram.ext import ContextTypes

import knowledge
from bot.auth import is_bot_admin
from bot.context import services
from bot.formatting import pack
from knowledge import KnowledgeError

Context = ContextTypes.DEFAULT_TYPE
Action = Callable[[Message, Context, str], Awaitable[None]]
Callback = Callable[[Update, Context], Coroutine[Any, Any, None]]

REFUSAL = (
    "Only the bot's curators can change the knowledge base. You can still /kb_find and /kb_show."
)
_MAX_PARTS = 4  # messages one answer may take


class Usage(Exception):
    """The command was used the wrong way: answer with its usage text."""


@dataclass(frozen=True)
class Command:
    """A curator command: its name, what it does with the text after it, and its usage."""

    name: str
    action: Action
    usage: str
    curators_only: bool = False
    refusal: str = REFUSAL  # the answer to anyone else, when curators_only

    def callback(self) -> Callback:
        """Run the action on the text after the command; answer user mistakes in plain words."""

        async def handle(update: Update, context: Context) -> None:
            message = update.effective_message
            if message is None:
                return
            if self.curators_only and not is_curator(context, message.from_user):
                await reply(message, [self.refusal])
                return
            try:
                await self.action(message, context, command_body(message))
            except Usage:
                await reply(message, escape(self.usage).split("\n"))
            except KnowledgeError as error:
                await reply(message, ("⚠️ " + escape(str(error))).split("\n"))

        return handle


def command_body(message: Message) -> str:
    """What follows the command (`/kb_add@bot …`), line breaks kept."""
    text = (message.text or message.caption or "").strip()
    command = text.split(maxsplit=1)[0] if text else ""
    return text[len(command) :].strip()


def is_curator(context: Context, user: User | None) -> bool:
    return is_bot_admin(services(context).settings.admin_ids, user)


def actor(user: User | None, chat_id: int) -> knowledge.Actor:
    """Who a change is recorded as: the Telegram user (or the chat, for an anonymous admin)."""
    if user is None:
        return knowledge.Actor(id=str(chat_id), name="unknown")
    return knowledge.Actor(id=str(user.id), name=user.full_name)


def number(text: str) -> int:
    """A statement, rule or change id; anything else is a usage mistake."""
    if not text.strip().isdigit():
        raise Usage
    return int(text.strip())


async def reply(message: Message, lines: Sequence[str]) -> None:
    """Answer with HTML lines, in as many messages as needed (split between lines)."""
    for part in pack(lines, max_messages=_MAX_PARTS, separator="\n", omitted=_more_lines):
        await message.reply_text(part, do_quote=True, allow_sending_without_reply=True)


def _more_lines(count: int) -> str:
    return f"<i>… {knowledge.plural(count, 'more line')} not shown.</i>"
