"""Telling readers when their request is answered: a background loop that re-checks open
requests after the knowledge base changed, delivers the notices, and forgets expired asks."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from html import escape

from telegram import Bot
from telegram.error import TelegramError

from bot.context import Services
from bot.formatting import ICONS, shorten
from bot.i18n import N_, SOURCE, Translations, translations
from bot.tasks import running
from knowledge import Dismissed, Notice, Request, Requester, RequestKind, Verdict

log = logging.getLogger(__name__)

_PRUNE_EVERY = 3600.0  # seconds between forgetting expired asks
_CLAIM_CHARS = 300
_REASON_CHARS = 400
_ANSWER_CHARS = 600
SOURCE_TEXT = translations(SOURCE)


# The verdict's name in a notice, translated where shown (the card's own words stay English).
VERDICT_NAMES = {
    Verdict.SUPPORTED: N_("supported"),
    Verdict.CONTRADICTED: N_("contradicted"),
    Verdict.OUTDATED: N_("outdated"),
    Verdict.UNVERIFIED: N_("unverified"),
}


def _verdict(verdict: Verdict, tr: Translations, *, capital: bool = False) -> str:
    name = tr.gettext(VERDICT_NAMES[verdict])
    return f"{ICONS[verdict]} {_capital(name) if capital else name}"


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def notice_text(notice: Notice, tr: Translations = SOURCE_TEXT) -> str:
    """The message for everyone who filed a request, as Telegram HTML, in `tr`'s language."""
    if notice.correction:
        return correction_text(notice, tr)
    if notice.kind == RequestKind.DISPUTE:
        head = tr.gettext("🔔 <b>Update on a verdict you said was wrong</b>")
    else:
        head = tr.gettext("🔔 <b>Update on a claim you asked the curators to check</b>")
    claim = escape(shorten(notice.claim, _CLAIM_CHARS), quote=False)
    lines = [head, f"<i>“{claim}”</i>"]
    lines += _fact_check_lines(notice, tr) if notice.fact_check else [_verdict_line(notice, tr)]
    if notice.answer:
        answer = escape(shorten(notice.answer, _ANSWER_CHARS), quote=False)
        lines.append(tr.gettext("The curators' answer: {answer}").format(answer=answer))
    return "\n".join(lines)


def correction_text(notice: Notice, tr: Translations = SOURCE_TEXT) -> str:
    """A short correction for those told an answer that has since been undone or changed."""
    claim = escape(shorten(notice.claim, _CLAIM_CHARS), quote=False)
    lines = [
        tr.gettext(
            "✏️ <b>Correction</b>: the curators changed their answer on <i>“{claim}”</i>. "
            "It now checks as {now} (I told you {was})."
        ).format(claim=claim, now=_verdict(notice.verdict, tr), was=_verdict(notice.before, tr))
    ]
    if notice.fact_check is not None:
        lines += _fact_check_lines(notice, tr)[1:]
    elif notice.verdict != Verdict.UNVERIFIED:
        lines.append(escape(shorten(notice.reason, _REASON_CHARS), quote=False))
    return "\n".join(lines)


def dismissed_text(request: Request, tr: Translations = SOURCE_TEXT) -> str:
    """One line for those who disputed a verdict the curators looked at and let stand."""
    claim = escape(shorten(request.claim, _CLAIM_CHARS), quote=False)
    return tr.gettext(
        "🔔 The curators looked at the verdict you said was wrong on <i>“{claim}”</i> and "
        "left it as it was ({verdict})."
    ).format(claim=claim, verdict=_verdict(request.verdict, tr))


async def tell_dismissed(bot: Bot, dismissed: Dismissed) -> int:
    """Tell those who disputed a dismissed request, once per chat, each in their language;
    returns how many chats."""
    request = dismissed.request
    return await _send(
        bot, dismissed.recipients, lambda tr: dismissed_text(request, tr), request.id
    )


def _verdict_line(notice: Notice, tr: Translations) -> str:
    now = _verdict(notice.verdict, tr, capital=True)
    if notice.kind == RequestKind.DISPUTE:
        now = _was_now(notice, now, tr)
    else:
        now = tr.gettext("Now: {now}").format(now=now)
    if notice.verdict == Verdict.UNVERIFIED:
        return tr.gettext("{now}: the checks still find nothing on it.").format(now=now)
    reason = escape(shorten(notice.reason, _REASON_CHARS), quote=False)
    return f"{now}. {reason}"


def _was_now(notice: Notice, now: str, tr: Translations) -> str:
    """ "was contradicted, now …": a disputed verdict beside what it is now."""
    before = tr.gettext(VERDICT_NAMES[notice.before])
    return tr.gettext("was {before}, now {now}").format(before=before, now=now)


def _fact_check_lines(notice: Notice, tr: Translations) -> list[str]:
    """The verdict a fact-check gives, then the rating, who rated it and when, and its link:
    "🚩 Contradicted: rated False by Health Desk, 2026-12-03"."""
    assert notice.fact_check is not None
    review = notice.fact_check.review
    verdict = _verdict(notice.verdict, tr, capital=True)
    if notice.kind == RequestKind.DISPUTE:
        now = _capital(tr.gettext(VERDICT_NAMES[notice.verdict]))
        verdict = f"{ICONS[notice.verdict]} {_was_now(notice, now, tr)}"
    rating = escape(shorten(review.rating, 60), quote=False)
    checker = escape(shorten(review.checker, 80), quote=False)
    if review.review_date:
        rated = tr.gettext("rated {rating} by {checker}, {date}").format(
            rating=rating, checker=checker, date=review.review_date
        )
    else:
        rated = tr.gettext("rated {rating} by {checker}").format(rating=rating, checker=checker)
    lines = [f"{verdict}: {rated}."]
    if notice.fact_check.claim != notice.claim:
        said = escape(shorten(notice.fact_check.claim, _CLAIM_CHARS), quote=False)
        lines.append(tr.gettext("Rated claim: “{claim}”").format(claim=said))
    link = _link(review.url, review.label)
    if link:
        lines.append(link)
    return lines


def _link(url: str | None, label: str) -> str:
    if not url or not url.startswith(("http://", "https://")) or len(url) > 2000:
        return ""
    return f'<a href="{escape(url, quote=True)}">{escape(shorten(label, 80), quote=False)}</a>'


async def deliver(bot: Bot, notice: Notice) -> int:
    """Send the notice once to each chat its filers asked from, each in the language they were
    answered in; returns how many got it. A chat that is gone or blocked the bot is skipped:
    the request is closed either way."""
    return await _send(
        bot, notice.recipients, lambda tr: notice_text(notice, tr), notice.request_id
    )


async def _send(
    bot: Bot,
    recipients: tuple[Requester, ...],
    text: Callable[[Translations], str],
    request_id: int,
) -> int:
    told = 0
    chats: dict[int, str | None] = {}
    for requester in recipients:  # once per chat, in the language of its first asker
        chats.setdefault(requester.chat_id, requester.language)
    for chat_id, language in chats.items():
        try:
            await bot.send_message(chat_id, text(translations(language or SOURCE)))
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
