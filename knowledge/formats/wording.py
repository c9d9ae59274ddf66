"""How a rated claim is worded when it is reported rather than stored as one: the old answer
and import wording ("X rated as “False” the claim that “…”"), and sentences that report a
rating ("the claim that … is false")."""

from __future__ import annotations

import re

from knowledge.store.legacy import legacy_review

# A sentence that reports a fact-checker's rating of a claim quotes that claim word for word:
# stored as a statement, its words would be read as verified. "rated" near "claim", or "the
# claim that …" with a word that rates it, is such a report (the old answer wording included).
_RATED_NEAR_CLAIM = re.compile(
    r"\brat(?:ed|ing|es)\b[^.!?]{0,80}\bclaims?\b|\bclaims?\b[^!?]{0,400}\b(?:was|were|is|are|been)"
    r" rated\b",
    re.I,
)
_CLAIM_THAT = re.compile(r"\bclaims?\b(?: by [^.!?]{1,80}?| made [^.!?]{1,40}?)? that\b", re.I)
_RATING_WORDS = re.compile(
    r"\b(?:false|untrue|misleading|unproven|unsupported|debunked|baseless|pants on fire|"
    r"fact[- ]?check(?:ed|ers?)?|hoax|fabricated)\b",
    re.I,
)
RATING_WORDING = (
    "reads as a fact-checker's rating of a claim; stored as a statement, the claim's own "
    "words would be taken as verified. Record it as a rated claim instead: /kb_answer N with "
    "a rating: line, or import the ClaimReview"
)


def reads_as_rating(text: str) -> bool:
    """Whether `text` reports how a claim was rated ("X rated as “False” the claim that …",
    "the claim that … is false") rather than stating a fact."""
    if legacy_review(text, "claim") is not None or _RATED_NEAR_CLAIM.search(text):
        return True
    return bool(_CLAIM_THAT.search(text) and _RATING_WORDS.search(text))
