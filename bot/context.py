"""The objects handlers share, kept in `application.bot_data` behind typed accessors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext

from bot.auth import AdminCache
from bot.chats import ChatSettingsTable
from bot.joiner import ArticleJoiner
from bot.replies import ReplyIndex
from bot.settings import Settings
from bot.throttle import CardBudget, UserThrottle

if TYPE_CHECKING:
    from knowledge import CheckPool, CuratorDesk, FetchLimits, KnowledgeBase

_SERVICES = "services"


@dataclass(frozen=True)
class Services:
    """What a handler needs besides the update: settings, the KB, the check pool, limits,
    the cards sent (to edit them) and long messages waiting for their second part."""

    settings: Settings
    kb: KnowledgeBase
    pool: CheckPool
    admins: AdminCache
    throttle: UserThrottle  # each user's checks one at a time, bounded per user and overall
    fetch_limits: FetchLimits
    cards: CardBudget
    replies: ReplyIndex
    joiner: ArticleJoiner
    requests: CuratorDesk  # readers' asks and disputes waiting for the curators
    chats: ChatSettingsTable  # each chat's auto-check and quiet mode


def attach(application: Application[Any, Any, Any, Any, Any, Any], services: Services) -> None:
    application.bot_data[_SERVICES] = services


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    """The shared services of the running application."""
    found = context.bot_data.get(_SERVICES)
    if not isinstance(found, Services):
        raise RuntimeError("the bot's services are not attached to the application")
    return found
