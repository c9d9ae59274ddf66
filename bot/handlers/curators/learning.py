"""/kb_learn, curators only: the candidate statements of a trusted article, and the buttons
that add all of them, the ones picked, or none.

The buttons carry the offer itself (python-telegram-bot's arbitrary callback data, in its bounded
cache), so no other state is kept; a button that has left the cache answers that it expired."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from html import escape
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import services
from bot.curation_html import proposal_lines, undo_hint
from bot.fields import parse_fields
from bot.formatting import pack
from bot.handlers.curators.plumbing import Command, Context, Usage, actor, is_curator, reply
from knowledge import KnowledgeError, LearnProposal, full_date

LEARN_FIELDS = ("source", "published")
USAGE = (
    "Reply with /kb_learn to the trusted article (optional lines: source: URL, "
    "published: 2023-01-30)."
)
NOT_YOURS = "Only the curator who sent /kb_learn can choose."
_PER_ROW = 5


class Choice(StrEnum):
    """What a button under the candidates does."""

    ALL = "all"
    PICK = "pick"
    TOGGLE = "toggle"
    SAVE = "save"
    CANCEL = "cancel"


@dataclass(frozen=True)
class LearnOffer:
    """Candidates waiting for their curator's choice: who may choose, and what is ticked."""

    owner: int
    proposal: LearnProposal
    ticked: frozenset[int] = frozenset()  # candidate numbers, from 1


@dataclass(frozen=True)
class LearnPress:
    """The data of one button: `choice` on `offer` (for TOGGLE, candidate `number`)."""

    offer: LearnOffer
    choice: Choice
    number: int = 0


async def learn(message: Message, context: Context, body: str) -> None:
    article = message.reply_to_message
    text = (article.text or article.caption) if article is not None else None
    if article is None or not text:
        raise Usage
    _, fields = parse_fields(body, LEARN_FIELDS)
    proposal = await services(context).kb.curator.learn_proposal(
        text, published=_published(fields.get("published"), article), source=fields.get("source")
    )
    if not proposal.drafts:
        await reply(message, [escape(proposal.heading)])
        return
    offer = LearnOffer(message.from_user.id if message.from_user else 0, proposal)
    await message.reply_text(
        _offer_text(proposal),
        reply_markup=_first_choice(offer),
        do_quote=True,
        allow_sending_without_reply=True,
    )


def _published(value: str | None, article: Message) -> date:
    """The date relative dates are read against: given, else when the article was posted."""
    if value:
        return full_date(value, field="published")
    if article.forward_origin is not None:
        return article.forward_origin.date.date()
    return article.date.date()


def _offer_text(proposal: LearnProposal) -> str:
    return pack(proposal_lines(proposal), separator="\n", max_messages=1)[0]


def _first_choice(offer: LearnOffer) -> InlineKeyboardMarkup:
    count = len(offer.proposal.drafts)
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"Add all ({count})", callback_data=LearnPress(offer, Choice.ALL)),
        InlineKeyboardButton("Pick", callback_data=LearnPress(offer, Choice.PICK)),
        InlineKeyboardButton("Cancel", callback_data=LearnPress(offer, Choice.CANCEL)),
    ]])  # fmt: skip


def _picker(offer: LearnOffer) -> InlineKeyboardMarkup:
    toggles = [
        InlineKeyboardButton(
            ("☑ " if n in offer.ticked else "☐ ") + str(n),
            callback_data=LearnPress(offer, Choice.TOGGLE, n),
        )
        for n in range(1, len(offer.proposal.drafts) + 1)
    ]
    rows = [toggles[i : i + _PER_ROW] for i in range(0, len(toggles), _PER_ROW)]
    rows.append([
        InlineKeyboardButton(
            f"Add selected ({len(offer.ticked)})", callback_data=LearnPress(offer, Choice.SAVE)
        ),
        InlineKeyboardButton("Cancel", callback_data=LearnPress(offer, Choice.CANCEL)),
    ])  # fmt: skip
    return InlineKeyboardMarkup(rows)


async def press(update: Update, context: Context) -> None:
    """A press on the /kb_learn buttons: add all, pick (tick, add selected) or cancel."""
    query = update.callback_query
    if query is None or not isinstance(query.data, LearnPress):
        return
    offer, choice = query.data.offer, query.data.choice
    if query.from_user.id != offer.owner or not is_curator(context, query.from_user):
        await query.answer(NOT_YOURS)
        return
    if choice == Choice.SAVE and not offer.ticked:
        await query.answer("Tick the candidates to add first.")
        return
    await query.answer()
    if choice in (Choice.PICK, Choice.TOGGLE):
        ticked = offer.ticked ^ {query.data.number} if choice == Choice.TOGGLE else offer.ticked
        picker = _picker(replace(offer, ticked=ticked))
        await query.edit_message_text(_offer_text(offer.proposal), reply_markup=picker)
        context.drop_callback_data(query)  # the new buttons were stored anew
        return
    context.drop_callback_data(query)  # spent: a second press finds the buttons expired
    await query.edit_message_text(escape(await _finish(context, query.from_user, query.data)))


async def _finish(context: Context, user: Any, pressed: LearnPress) -> str:
    offer = pressed.offer
    if pressed.choice == Choice.CANCEL:
        return "Cancelled; nothing was added."
    everything = range(1, len(offer.proposal.drafts) + 1)
    numbers = everything if pressed.choice == Choice.ALL else sorted(offer.ticked)
    who = actor(user, user.id)
    try:
        learned = await services(context).kb.curator.learn_chosen(
            offer.proposal, numbers, actor=who
        )
    except KnowledgeError as error:
        return f"⚠️ {error}"
    return learned.summary + undo_hint(learned.change_id)


COMMANDS = (Command("kb_learn", learn, USAGE, curators_only=True),)


def buttons() -> list[BaseHandler[Any, Any, Any]]:
    return [CallbackQueryHandler(press, pattern=LearnPress)]
