"""Quote detector: quoted words that differ from the recorded quote, or the wrong speaker."""

from __future__ import annotations

from rapidfuzz import fuzz

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Mention, QuoteMention, content_lemmas

_SAME_WORDS = 95.0
_SAME_QUOTE = 70.0


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    quoted = [m for m in matches if m.statement.quote]
    for quote in claim.features.quotes:
        if len(quote.text.split()) < 4:
            continue
        best, score = _closest(quote, quoted)
        if best is None or score < _SAME_QUOTE:
            continue
        if score < _SAME_WORDS and _differs(quote.text, best.statement.quote or ""):
            return [
                Finding(
                    FindingKind.MISQUOTE,
                    f"Misquoted: the recorded words are “{best.statement.quote}”.",
                    (Evidence.of(best.statement),),
                )
            ]
        speaker = _speaker(claim, quote)
        recorded = best.statement.speaker
        if speaker and recorded and speaker.id != recorded:
            who = context.entity_names.get(recorded, recorded)
            return [
                Finding(
                    FindingKind.MISATTRIBUTION,
                    f"Attributes these words to {speaker.text}, but they were said by {who}.",
                    (Evidence.of(best.statement),),
                )
            ]
    return []


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _closest(quote: QuoteMention, quoted: list[Match]) -> tuple[Match | None, float]:
    scored = [
        (m, fuzz.partial_ratio(_normal(quote.text), _normal(m.statement.quote or "")))
        for m in quoted
    ]
    return max(scored, key=lambda pair: pair[1], default=(None, 0.0))


def _differs(said: str, recorded: str) -> bool:
    """Material difference: content words added or dropped, or a negation changed."""
    mine = content_lemmas(said.lower().split())
    theirs = content_lemmas(recorded.lower().split())
    negations = {"not", "never", "no", "n't"}
    flip = bool(negations & set(said.lower().split())) != bool(
        negations & set(recorded.lower().split())
    )
    return flip or bool(mine - theirs)


def _speaker(claim: Claim, quote: QuoteMention) -> Mention | None:
    """The person the claim credits with the quote: a name outside the quotation marks."""
    outside = [
        m
        for m in claim.features.entities
        if m.label in ("PERSON", "PROPN") and not (quote.start <= m.start < quote.end)
    ]
    return min(outside, key=lambda m: abs(m.start - quote.end), default=None)
