"""Superlatives and their rank: "the most populous" tells more than "one of the most
populous" or "the second most populous", so neither of those backs it."""

from __future__ import annotations

import re

# a superlative: "most populous", "least visited", "largest", "best-selling", "worst"
_SUPERLATIVE = r"(?:(?:most|least)\s+[\w-]+|best(?:-[\w]+)?|worst(?:-[\w]+)?|[a-z]{3,}est)"
# what ranks a superlative below the top, or among others: "one of the", "the second",
# "the 3rd", "among the"
_RANKED = re.compile(
    rf"\b(?:(?:one|some|any)\s+of\s+the|among\s+the|the\s+(?:second|third|fourth|fifth|"
    rf"sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th)))\s+(?P<word>{_SUPERLATIVE})\b",
    re.IGNORECASE,
)
_PLAIN = re.compile(rf"\bthe\s+(?P<word>{_SUPERLATIVE})\b", re.IGNORECASE)
# words in "-est" that are no superlatives
_NOT_SUPERLATIVE = frozenset(
    """interest harvest forest request protest contest arrest honest modest west quest test
    guest chest nest rest crest pest vest zest digest suggest invest manifest conquest
    inquest priest behest""".split()
)


def ranked_below(claim: str, statement: str) -> frozenset[str]:
    """The superlatives the claim tells as the top ("the most populous") that the statement
    gives only ranked among others or below the top ("one of the most populous", "the
    second most populous"), lower case."""
    ranked = _words(_RANKED, statement)
    if not ranked:
        return frozenset()
    plain = _words(_PLAIN, claim) - _words(_RANKED, claim)
    return plain & ranked


def _words(pattern: re.Pattern[str], text: str) -> frozenset[str]:
    found = (" ".join(m.group("word").lower().split()) for m in pattern.finditer(text))
    return frozenset(w for w in found if w not in _NOT_SUPERLATIVE)
