"""Turning a `knowledge.Report` into Telegram HTML messages within the length limit."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape

from knowledge import ClaimResult, Evidence, FactCheck, Finding, Report, Verdict, silence

MESSAGE_LIMIT = 4096  # Telegram's limit for one message, in UTF-16 code units

ICONS: dict[Verdict, str] = {
    Verdict.CONTRADICTED: "🚩",
    Verdict.OUTDATED: "⏳",
    Verdict.SUPPORTED: "✅",
    Verdict.UNVERIFIED: "❔",
}

_DATE_SOURCES = {
    "explicit": "the date of the original post",
    "dateline": "the dateline in the text",
    "fallback": "the date the message was sent",
    "message": "the date the message was sent",
    "today": "today's date",
}

_CLAIM_CHARS = 220
_MESSAGE_CHARS = 400
_EVIDENCE_CHARS = 200
_LABEL_CHARS = 120
_URL_CHARS = 400
_MAX_FINDINGS = 3
_MAX_EVIDENCE = 2


def utf16_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """Collapse whitespace and cut at a word boundary, with an ellipsis when cut."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def counts_line(report: Report) -> str:
    """The first line: how many claims got each verdict."""
    summary = report.summary
    parts = [f"{ICONS[v]} {summary[v.value]} {v.value}" for v in ICONS]
    return " · ".join(parts)


def format_report(
    report: Report, *, limit: int = MESSAGE_LIMIT, max_messages: int = 4
) -> list[str]:
    """The whole report as HTML pages split on claim boundaries: flagged claims with their
    evidence (and claims a fact-check was found for, with its card), then the supported and the
    unverified claims, each named."""
    blocks = [header(report)]
    carded = [c for c in report.claims if c.flagged or any(f.fact_check for f in c.findings)]
    blocks += [_claim_block(claim, limit=limit) for claim in carded]
    blocks += [_named_claim(claim) for claim in report.claims if claim not in carded]
    footer = _footer(report)
    if footer:
        blocks.append(footer)
    return pack(blocks, limit=limit, max_messages=max_messages)


def pack(
    blocks: Iterable[str],
    *,
    limit: int = MESSAGE_LIMIT,
    max_messages: int = 4,
    separator: str = "\n\n",
    omitted: Callable[[int], str] | None = None,
) -> list[str]:
    """Join blocks (each whole HTML) into messages of at most `limit`: the bot's one chunker.
    Past `max_messages`, the last message ends with `omitted(count of messages left out)`."""
    note = omitted or _omitted
    room = utf16_length(note(9999)) + len(separator)
    pending = list(blocks)
    messages: list[str] = []
    while pending and len(messages) < max_messages:
        last = len(messages) == max_messages - 1
        taken, text = _fill(pending, limit=limit, reserve=room if last else 0, separator=separator)
        pending = pending[taken:]
        if last and pending and utf16_length(text) + room <= limit:
            text += separator + note(len(pending))
        messages.append(text)
    return messages


def _fill(blocks: list[str], *, limit: int, reserve: int, separator: str) -> tuple[int, str]:
    text = blocks[0] if utf16_length(blocks[0]) <= limit else _cut_block(blocks[0], limit)
    taken = 1
    for block in blocks[1:]:
        candidate = text + separator + block
        budget = limit - (reserve if taken + 1 < len(blocks) else 0)
        if utf16_length(candidate) > budget:
            break
        text, taken = candidate, taken + 1
    return taken, text


def _cut_block(block: str, limit: int) -> str:
    """A last resort for a block longer than a whole message: keep its first line."""
    first_line = block.split("\n", 1)[0]
    return first_line if utf16_length(first_line) <= limit else "(too long to show)"


def _omitted(count: int) -> str:
    noun = "part" if count == 1 else "parts"
    return (
        f"<i>… {count} more {noun} of this report not shown; "
        "send a shorter excerpt to see them.</i>"
    )


def header(report: Report) -> str:
    lines = [counts_line(report)]
    source = _DATE_SOURCES.get(report.reference_date_source)
    when = f"{report.reference_date.day} {report.reference_date:%B %Y}"
    lines.append(f"Checked as of {when}" + (f" ({source})." if source else "."))
    quiet = silence(report)
    if quiet is not None:
        lines.append(quiet.sentence)
    return "\n".join(lines)


def _footer(report: Report) -> str:
    unverified = report.summary[Verdict.UNVERIFIED.value]
    if not unverified:
        return ""
    claims = "claim" if unverified == 1 else "claims"
    return (
        f"{ICONS[Verdict.UNVERIFIED]} <i>{unverified} {claims} could not be checked: the "
        "knowledge base has nothing that settles them. Unverified does not mean false.</i>"
    )


def _named_claim(claim: ClaimResult) -> str:
    """A supported or unverified claim in one or two lines: its text, and what backs it."""
    icon = ICONS.get(claim.verdict, "❔")
    label = _text(claim.verdict.value.capitalize())
    line = f"{icon} {label}: <i>“{_text(shorten(claim.text, _CLAIM_CHARS))}”</i>"
    if claim.verdict == Verdict.SUPPORTED and claim.support:
        return line + "\n" + _evidence_line(claim.support[0])
    return line


def _claim_block(claim: ClaimResult, *, limit: int) -> str:
    for detail in (2, 1, 0):
        block = _render_claim(claim, detail=detail)
        if utf16_length(block) <= limit:
            return block
    return block


def _render_claim(claim: ClaimResult, *, detail: int) -> str:
    icon = ICONS.get(claim.verdict, "🚩")
    quoted = _text(shorten(claim.text, _CLAIM_CHARS if detail else 80))
    lines = [f"{icon} <b>{_text(claim.verdict.value.capitalize())}</b>: <i>“{quoted}”</i>"]
    if detail:
        for finding in claim.findings[:_MAX_FINDINGS]:
            lines += _finding_lines(finding, with_evidence=detail > 1)
    if len(lines) == 1 and claim.reason and detail:
        lines.append(f"• {_text(shorten(claim.reason, _MESSAGE_CHARS))}")
    return "\n".join(lines)


def _finding_lines(finding: Finding, *, with_evidence: bool) -> list[str]:
    if finding.fact_check is not None:
        return fact_check_card(finding.fact_check, with_link=with_evidence).split("\n")
    lines = [f"• {_text(shorten(finding.message, _MESSAGE_CHARS))}"]
    if with_evidence:
        lines += [_evidence_line(e) for e in finding.evidence[:_MAX_EVIDENCE]]
    return lines


def fact_check_card(fact_check: FactCheck, *, with_link: bool = True) -> str:
    """A matched fact-check as a few HTML lines: the rating, the checker and the date, the
    claim as the checker worded it (and who made it), and the link to the review."""
    review = fact_check.review
    when = f", {review.review_date}" if review.review_date else ""
    lines = [
        f"🔎 Fact-check: <b>{_text(shorten(review.rating, _LABEL_CHARS))}</b> — "
        f"{_text(shorten(review.checker, _LABEL_CHARS))}{when}"
    ]
    said = f" — {_text(shorten(review.claimant, _LABEL_CHARS))}" if review.claimant else ""
    lines.append(f"  Rated claim: “{_text(shorten(fact_check.claim, _EVIDENCE_CHARS))}”{said}")
    url = review.url or ""
    if with_link and url.startswith(("http://", "https://")) and len(url) <= _URL_CHARS:
        lines.append(f'  <a href="{escape(url, quote=True)}">Read the fact-check</a>')
    return "\n".join(lines)


def _evidence_line(evidence: Evidence) -> str:
    text = _text(shorten(evidence.text, _EVIDENCE_CHARS))
    return f"  Evidence: “{text}” — {source_link(evidence, _LABEL_CHARS)}"


def source_link(evidence: Evidence, chars: int) -> str:
    """The evidence's source as an HTML link when it has a web address, else its label."""
    url = evidence.url or ""
    if url.startswith(("http://", "https://")) and len(url) <= _URL_CHARS:
        label = _text(shorten(evidence.source.replace(f" — {url}", ""), chars))
        return f'<a href="{escape(url, quote=True)}">{label}</a>'
    return _text(shorten(evidence.source, chars))


def _text(value: str) -> str:
    """Escape text for Telegram HTML: &, < and > (quotes need no escaping outside attributes)."""
    return escape(value, quote=False)
