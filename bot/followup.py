"""Telling readers when their request is answered: a background loop that re-checks open
requests after the knowledge base changed, delivers the notices, and forgets expired asks."""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import AbstractAsyncContextManager
from html import escape

from telegram import Bot
from telegram.error import TelegramError

from bot.context import Services
from bot.formatting import ICONS, shorten
from bot.tasks import running
from knowledge import Dismissed, Notice, Request, Requester, RequestKind, Verdict

log = logging.getLogger(__name__)

_PRUNE_EVERY = 3600.0  # seconds between forgetting expired asks
_CLAIM_CHARS = 300
_REASON_CHARS = 400
_ANSWER_CHARS = 600


def notice_text(notice: Notice) -> str:
    """The message for everyone who filed a request, as Telegram HTML."""
    if notice.correction:
        return correction_text(notice)
    if notice.kind == RequestKind.DISPUTE:
        head = "🔔 <b>Update on a verdict you said was wrong</b>"
    else:
        head = "🔔 <b>Update on a claim you asked the curators to check</b>"
    claim = escape(shorten(notice.claim, _CLAIM_CHARS), quote=False)
    lines = [head, f"<i>“{claim}”</i>"]
    lines += _fact_check_lines(notice) if notice.fact_check else [_verdict_line(notice)]
    if notice.answer:
        answer = escape(shorten(notice.answer, _ANSWER_CHARS), quote=False)
        lines.append(f"The curators' answer: {answer}")
    return "\n".join(lines)


def correction_text(notice: Notice) -> str:
    """A short correction for those told an answer that has since been undone or changed."""
    claim = escape(shorten(notice.claim, _CLAIM_CHARS), quote=False)
    was = f"{ICONS[notice.before]} {notice.before.value}"
    now = f"{ICONS[notice.verdict]} {notice.verdict.value}"
    lines = [
        f"✏️ <b>Correction</b>: the curators changed their answer on <i>“{claim}”</i>. "
        f"It now checks as {now} (I told you {was})."
    ]
    if notice.fact_check is not None:
        lines += _fact_check_lines(notice)[1:]
    elif notice.verdict != Verdict.UNVERIFIED:
        lines.append(escape(shorten(notice.reason, _REASON_CHARS), quote=False))
    return "\n".join(lines)


def dismissed_text(request: Request) -> str:
    """One line for those who disputed a verdict the curators looked at and let stand."""
    claim = escape(shorten(request.claim, _CLAIM_CHARS), quote=False)
    return (
        f"🔔 The curators looked at the verdict you said was wrong on <i>“{claim}”</i> and "
        f"left it as it was ({ICONS[request.verdict]} {request.verdict.value})."
    )


async def tell_dismissed(bot: Bot, dismissed: Dismissed) -> int:
    """Tell those who disputed a dismissed request, once per chat; returns how many chats."""
    return await _send(
        bot, dismissed.recipients, dismissed_text(dismissed.request), dismissed.request.id
    )


def _verdict_line(notice: Notice) -> str:
    now = f"{ICONS[notice.verdict]} {notice.verdict.value.capitalize()}"
    was = f"was {notice.before.value}, now " if notice.kind == RequestKind.DISPUTE else "Now: "
    if notice.verdict == Verdict.UNVERIFIED:
        return f"{was}{now}: the checks still find nothing on it."
    reason = escape(shorten(notice.reason, _REASON_CHARS), quote=False)
    return f"{was}{now}. {reason}"


def _fact_check_lines(notice: Notice) -> list[str]:
    """The verdict a fact-check gives, then the rating, who rated it and when, and its link:
    "🚩 Contradicted: rated False by Health Desk, 2026-12-03"."""
    assert notice.fact_check is not None
    review = notice.fact_check.review
    was = f"was {notice.before.value}, now " if notice.kind == RequestKind.DISPUTE else ""
    when = f", {review.review_date}" if review.review_date else ""
    rated = f"rated {escape(shorten(review.rating, 60), quote=False)} by " + escape(
        shorten(review.checker, 80), quote=False
    )
    verdict = f"{ICONS[notice.verdict]} {was}{notice.verdict.value.capitalize()}"
    lines = [f"{verdict}: {rated}{when}."]
    if notice.fact_check.claim != notice.claim:
        said = escape(shorten(notice.fact_check.claim, _CLAIM_CHARS), quote=False)
        lines.append(f"Rated claim: “{said}”")
    link = _link(review.url, review.label)
    if link:
        lines.append(link)
    return lines


def _link(url: str | None, label: str) -> str:
    if not url or not url.startswith(("http://", "https://")) or len(url) > 2000:
        return ""
    return f'<a href="{escape(url, quote=True)}">{escape(shorten(label, 80), quote=False)}</a>'


async def deliver(bot: Bot, notice: Notice) -> int:
    """Send the notice once to each chat its filers asked from; returns how many got it.
    A chat that is gone or blocked the bot is skipped: the request is closed either way."""
    return await _send(bot, notice.recipients, notice_text(notice), notice.request_id)


async def _send(bot: Bot, recipients: tuple[Requester, ...], text: str, request_id: int) -> int:
    told = 0
    for chat_id in dict.fromkeys(r.chat_id for r in recipients):
        try:
            await bot.send_message(chat_id, text)
            told += 1
        except TelegramError as error:
            log.info("could not tell chat %s about request %s: %s", chat_id, request_id, error)
    return told


async def sweep(bot: Bot, shared: Services) -> int:
    """Re-check one batch of open requests against the current knowledge base and tell the
    people whose request the knowledge base now answers; returns how many notices went out."""
    notices = await shared.requests.follow_up(shared.pool.check)
    for notice in notices:
        await deliver(bot, notice)
    return len(notices)


def follow_ups(bot: Bot, shared: Services) -> AbstractAsyncContextManager[None]:
    """Run the follow-up loop for as long as the bot runs."""
    return running(_loop(bot, shared), name="request-follow-ups")


async def _loop(bot: Bot, shared: Services) -> None:
    pruned = 0.0
    while True:
        await asyncio.sleep(shared.settings.request_recheck_seconds)
        try:
            if time.monotonic() - pruned >= _PRUNE_EVERY:
                forgotten = await shared.requests.prune()
                pruned = time.monotonic()
                if forgotten:
                    log.info("forgot %d expired request(s) to the curators", forgotten)
            await sweep(bot, shared)
        except Exception:  # keep following up; the next round retries
            log.exception("following up open requests failed")
