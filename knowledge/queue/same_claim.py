"""Whether two claims are the same claim in other words, from the retrieval's index terms.

Conservative on purpose: grouping two different claims would tell one asker about a claim
they never asked about. Every number and every name must be shared, and at most one other
word may differ (on a side of at least `min_terms` words); a word matches another when it is
the same lemma, shares its first letters, or is a near spelling (rapidfuzz).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rapidfuzz import fuzz

from knowledge.retrieval import index_terms
from knowledge.retrieval.terms import split_index_terms

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]*")


def claim_terms(text: str) -> list[str]:
    """The content lemmas the retrieval indexes for a claim (aliases left out)."""
    return split_index_terms(index_terms(text))[0]


def name_terms(text: str) -> frozenset[str]:
    """The index terms of the words written with a capital inside a sentence (names)."""
    names = " ".join(match.group(0) for match in _CAPITALISED.finditer(text.strip()))
    return frozenset(claim_terms(names)) if names else frozenset()


def same_claim(
    ours: str,
    theirs: str,
    *,
    stem: int = 5,
    spelling: float = 85.0,
    min_terms: int = 4,
    differing: int = 1,
) -> bool:
    """Whether the claim texts `ours` and `theirs` say the same thing."""
    a, b = claim_terms(ours), claim_terms(theirs)
    if not a or not b or _numbers(a) != _numbers(b):
        return False
    only_a = [t for t in a if not _matched(t, b, stem=stem, spelling=spelling)]
    only_b = [t for t in b if not _matched(t, a, stem=stem, spelling=spelling)]
    if len(only_a) + len(only_b) > differing:
        return False
    names = name_terms(ours) | name_terms(theirs)
    for side, unmatched in ((a, only_a), (b, only_b)):
        if unmatched and (len(set(side)) < min_terms or names.intersection(unmatched)):
            return False
    return True


def _matched(term: str, others: Collection[str], *, stem: int, spelling: float) -> bool:
    if term in others:
        return True
    if term.isdigit():
        return False
    if len(term) >= stem and any(o[:stem] == term[:stem] for o in others if len(o) >= stem):
        return True
    return len(term) >= 6 and any(
        len(o) >= 6 and fuzz.ratio(term, o) >= spelling for o in others
    )


def _numbers(terms: Sequence[str]) -> frozenset[str]:
    return frozenset(t for t in terms if t.isdigit())
