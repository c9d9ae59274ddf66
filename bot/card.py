"""The short card a check replies with, its Details pages, and the buttons that flip them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.formatting import (
    ICONS,
    MESSAGE_LIMIT,
    format_report,
    header,
    shorten,
    source_link,
    utf16_length,
)
from knowledge import EvidenceGroup, Report, Summary, summarize

CARD_FINDINGS = 3  # findings named on the card; the rest are behind Details
MAX_PAGES = 20  # Details pages kept for one report (each within Telegram's limit)
_LINE_CHARS = 160
_LABEL_CHARS = 60

ButtonRow = Sequence[InlineKeyboardButton]


@dataclass(frozen=True)
class CardView:
    """One sent card: its summary, its Details pages and any extra button rows under it.

    Buttons carry a `PageTurn` naming this view (python-telegram-bot's arbitrary callback
    data keeps it in a bounded cache), so nothing else needs to remember the report."""

    card: str
    pages: tuple[str, ...]
    extra_rows: tuple[tuple[InlineKeyboardButton, ...], ...] = ()


@dataclass(frozen=True)
class PageTurn:
    """A press on the card's buttons: show `page` of `view` (-1: the card itself)."""

    view: CardView
    page: int


def build_view(
    report: Report,
    *,
    heading: str = "",
    min_confidence: float = 0.0,
    extra_rows: Sequence[ButtonRow] = (),
) -> CardView:
    """The card and Details pages for `report`, with `heading` (a checked link) on top."""
    room = MESSAGE_LIMIT - (utf16_length(heading) + 1 if heading else 0)
    pages = format_report(report, limit=room, max_messages=MAX_PAGES)
    card = format_card(report, min_confidence=min_confidence)
    if heading:
        card, pages = f"{heading}\n{card}", [f"{heading}\n{page}" for page in pages]
    return CardView(card, tuple(pages), tuple(tuple(row) for row in extra_rows))


def format_card(report: Report, *, min_confidence: float = 0.0) -> str:
    """Counts, the date, then at most three findings under the evidence links they share."""
    summary = summarize(report, max_lines=CARD_FINDINGS, min_confidence=min_confidence)
    blocks = [header(report)]
    blocks += [_group_block(group) for group in summary.groups]
    tail = _tail(report, summary)
    if tail:
        blocks.append(tail)
    return "\n\n".join(blocks)


def _group_block(group: EvidenceGroup) -> str:
    lines = []
    for line in group.lines:
        repeated = f" <i>({line.claims} claims)</i>" if line.claims > 1 else ""
        text = shorten(line.message, _LINE_CHARS)
        lines.append(f"{ICONS[line.verdict]} {_escape(text)}{repeated}")
    if group.evidence is not None:
        lines.append(f"   Source: {source_link(group.evidence, _LABEL_CHARS)}")
    return "\n".join(lines)


def _tail(report: Report, summary: Summary) -> str:
    notes = []
    if summary.more_claims:
        noun = "claim" if summary.more_claims == 1 else "claims"
        notes.append(f"+{summary.more_claims} more flagged {noun}.")
    if report.claims:
        notes.append("Tap Details for every claim and its evidence.")
    return f"<i>{' '.join(notes)}</i>" if notes else ""


def card_keyboard(view: CardView, *, page: int = -1) -> InlineKeyboardMarkup:
    """The buttons under the card (or under Details page `page`), then the view's extra rows."""
    if page < 0:
        rows = [[InlineKeyboardButton("Details", callback_data=PageTurn(view, 0))]]
    else:
        rows = [_page_row(view, page)]
    rows += [list(row) for row in view.extra_rows]
    return InlineKeyboardMarkup(rows)


def _page_row(view: CardView, page: int) -> list[InlineKeyboardButton]:
    row = [InlineKeyboardButton("◀ Summary", callback_data=PageTurn(view, -1))]
    if page > 0:
        row.append(InlineKeyboardButton("‹ Previous", callback_data=PageTurn(view, page - 1)))
    if page + 1 < len(view.pages):
        row.append(InlineKeyboardButton(
            f"Next › ({page + 2}/{len(view.pages)})", callback_data=PageTurn(view, page + 1)
        ))  # fmt: skip
    return row


def page_text(view: CardView, page: int) -> str:
    """The text shown for `page` (-1 or out of range: the card)."""
    return view.pages[page] if 0 <= page < len(view.pages) else view.card


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
