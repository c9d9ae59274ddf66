"""Handlers for group administrators: /settings, /autocheck, /quiet and /reload_admins."""

from __future__ import annotations

from typing import Any

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import BaseHandler, ChatMemberHandler, CommandHandler, ContextTypes, filters

import knowledge
from bot.auth import is_chat_admin
from bot.context import services

_SWITCHES = {"on": True, "off": False}
_DESCRIPTIONS = {
    "autocheck": ("Auto-check", "I check forwarded and long messages without being asked"),
    "quiet": ("Quiet mode", "I reply to automatic checks only when something is flagged"),
}
_GROUPS_ONLY = "Settings belong to groups: add me to a group and use this command there."
_REFUSAL = "Only this group's administrators can change its settings."
_RELOAD_REFUSAL = "Only this group's administrators can reload its admin list."


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    new = filters.UpdateType.MESSAGE
    return [
        CommandHandler("settings", show_settings, filters=new),
        CommandHandler("autocheck", change_autocheck, filters=new),
        CommandHandler("quiet", change_quiet, filters=new),
        CommandHandler("reload_admins", reload_admins, filters=new),
        ChatMemberHandler(member_changed, ChatMemberHandler.CHAT_MEMBER),
    ]


async def show_settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or await _private(message):
        return
    current = await services(context).chats.get(message.chat_id)
    lines = ["<b>Settings for this group</b>"]
    for name, (label, meaning) in _DESCRIPTIONS.items():
        state = "on" if getattr(current, name) else "off"
        lines.append(f"{label}: <b>{state}</b> ({meaning} when on). Change: /{name} on|off")
    lines.append("Only the group's administrators can change them.")
    await message.reply_text("\n".join(lines))


async def change_autocheck(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _change(update, context, "autocheck")


async def change_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _change(update, context, "quiet")


async def _change(update: Update, context: ContextTypes.DEFAULT_TYPE, name: str) -> None:
    message = update.effective_message
    if message is None or await _private(message):
        return
    shared = services(context)
    value = _switch(context.args)
    label = _DESCRIPTIONS[name][0]
    if value is None:
        current = getattr(await shared.chats.get(message.chat_id), name)
        state = "on" if current else "off"
        await message.reply_text(f"{label} is {state}. Usage: /{name} on or /{name} off")
        return
    if not await is_chat_admin(context.bot, shared.admins, message):
        await message.reply_text(_REFUSAL)
        return
    await shared.chats.set(message.chat_id, name, value, actor=_actor(message))
    await message.reply_text(f"{label} is now <b>{'on' if value else 'off'}</b>.")


async def reload_admins(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Admins only: anyone else could make the bot fetch the list again and again."""
    message = update.effective_message
    if message is None or await _private(message):
        return
    shared = services(context)
    if not await is_chat_admin(context.bot, shared.admins, message):
        await message.reply_text(_RELOAD_REFUSAL)
        return
    ids = await shared.admins.reload(context.bot, message.chat_id)
    await message.reply_text(f"Admin list refreshed: {len(ids)} administrator(s).")


async def member_changed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Promotions and demotions reach the cached admin list as they happen (the bot gets
    these updates where it is an admin; elsewhere the list expires after a while)."""
    change = update.chat_member
    if change is None:
        return
    member = change.new_chat_member
    is_admin = member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
    services(context).admins.update_member(change.chat.id, member.user.id, is_admin=is_admin)


def _switch(args: list[str] | None) -> bool | None:
    if not args or len(args) != 1:
        return None
    return _SWITCHES.get(args[0].lower())


async def _private(message: Message) -> bool:
    """Answer commands sent in a private chat with a pointer to groups."""
    if message.chat.type == ChatType.PRIVATE:
        await message.reply_text(_GROUPS_ONLY)
        return True
    return False


def _actor(message: Message) -> knowledge.Actor:
    if message.sender_chat is not None:
        chat = message.sender_chat
        return knowledge.Actor(id=str(chat.id), name=chat.title or "anonymous admin")
    user = message.from_user
    if user is None:
        return knowledge.Actor(id=str(message.chat_id), name="unknown")
    return knowledge.Actor(id=str(user.id), name=user.full_name)
