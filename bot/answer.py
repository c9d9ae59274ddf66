"""A question answered as a question: a first line that says no, yes or not known yet, then
the deciding evidence or fact-check with its link (or, when nothing decides it, the closest
related entry, labelled as not the same claim)."""

from __future__ import annotations

from html import escape

from bot.formatting import fact_check_card, shorten, source_link
from knowledge import ClaimResult, Evidence, Finding, Related, Report, Verdict

_TEXT_CHARS = 300
_LABEL_CHARS = 80


def asked_claim(report: Report) -> ClaimResult | None:
    """The one claim a question asks about, or None when the report is not about one claim."""
    return report.claims[0] if len(report.claims) == 1 else None


def format_answer(report: Report, claim: ClaimResult, related: Related | None = None) -> str:
    """The answer to a question about `claim` (the one claim of `report`) as Telegram HTML."""
    if claim.verdict in (Verdict.CONTRADICTED, Verdict.OUTDATED):
        answer = _decided("No", claim, _deciding(claim))
    elif claim.verdict == Verdict.SUPPORTED:
        answer = _decided("Yes", claim, _deciding(claim))
    else:
        answer = _not_known(claim, related)
    day = report.reference_date
    return f"{answer}\n<i>As of {day.day} {day:%B %Y}.</i>"


def _deciding(claim: ClaimResult) -> Finding | None:
    """The finding that decides the claim's verdict (a fact-check first), if any."""
    deciding = [f for f in claim.findings if f.verdict == claim.verdict]
    rated = [f for f in deciding if f.fact_check is not None]
    chosen = rated or deciding
    return chosen[0] if chosen else None


def _decided(word: str, claim: ClaimResult, finding: Finding | None) -> str:
    if finding is not None and finding.fact_check is not None:
        review = finding.fact_check.review
        head = (
            f"<b>{word}</b> — {_text(shorten(review.checker, _LABEL_CHARS))} rated this claim "
            f"<b>{_text(shorten(review.rating, _LABEL_CHARS))}</b>."
        )
        return f"{head}\n{fact_check_card(finding.fact_check)}"
    evidence = _evidence(claim, finding)
    if evidence is not None:
        said = evidence.text
    else:
        said = finding.message if finding is not None else claim.reason
    if claim.verdict == Verdict.OUTDATED:
        said = f"not any more: {said}"
    lines = [f"<b>{word}</b> — {_text(shorten(said, _TEXT_CHARS))}"]
    if evidence is not None:
        lines.append(f"Source: {source_link(evidence, _LABEL_CHARS)}")
    return "\n".join(lines)


def _evidence(claim: ClaimResult, finding: Finding | None) -> Evidence | None:
    if finding is not None and finding.evidence:
        return finding.evidence[0]
    return claim.support[0] if claim.verdict == Verdict.SUPPORTED and claim.support else None


def _not_known(claim: ClaimResult, related: Related | None) -> str:
    lines = [
        "<b>Not known yet</b> — the knowledge base has nothing that says whether "
        f"<i>“{_text(shorten(claim.text, _TEXT_CHARS))}”</i> is true. Unknown does not mean "
        "false."
    ]
    if related is not None:
        lines.append(_related(related))
    lines.append("Tap <b>Ask the curators</b> and I will tell you when they answer.")
    return "\n\n".join(lines)


def _related(related: Related) -> str:
    statement = related.statement
    text = _text(shorten(statement.text, _TEXT_CHARS))
    if related.review is not None:
        review = related.review
        rated = (
            f"🔎 <b>Related fact-check</b> (not the same claim): "
            f"{_text(shorten(review.checker, _LABEL_CHARS))} rated “{text}” "
            f"<b>{_text(shorten(review.rating, _LABEL_CHARS))}</b>"
        )
        url = review.url or ""
        if url.startswith(("http://", "https://")):
            rated += f' — <a href="{escape(url, quote=True)}">read it</a>'
        return rated
    source = source_link(Evidence.of(statement), _LABEL_CHARS)
    return f"📎 <b>Related</b> (not the same claim): “{text}” — {source}"


def _text(value: str) -> str:
    return escape(value, quote=False)
