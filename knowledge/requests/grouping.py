"""Whether two claims are the same claim in other words, from the retrieval's index terms.

Conservative on purpose: grouping two different claims would tell one asker about a claim
they never asked about. Every number and every name must be shared, both must use the same
qualifiers (negations and comparisons the index leaves out: "not", "more than", "before",
listed in knowledge/data/qualifiers.yaml), and every other word must match (`differing`
lets one differ, on a side of at least `min_terms` words); a word matches another when it is
the same lemma, shares its first six letters, or is a near spelling (rapidfuzz). A missed
grouping costs little: the re-check after a curator's answer closes every request it covers.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from knowledge.resources import word_lists
from knowledge.retrieval import index_terms
from knowledge.retrieval.terms import split_index_terms

_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]*")
_WORD = re.compile(r"[a-z]+n't|[a-z]+")


@lru_cache(maxsize=4096)
def _terms(text: str) -> tuple[str, ...]:
    return tuple(split_index_terms(index_terms(text))[0])


def claim_terms(text: str) -> list[str]:
    """The content lemmas the retrieval indexes for a claim (aliases left out)."""
    return list(_terms(text))


def name_terms(text: str) -> frozenset[str]:
    """The index terms of the words written with a capital inside a sentence (names)."""
    names = " ".join(match.group(0) for match in _CAPITALISED.finditer(text.strip()))
    return frozenset(claim_terms(names)) if names else frozenset()


def same_claim(
    ours: str,
    theirs: str,
    *,
    stem: int = 6,
    spelling: float = 85.0,
    min_terms: int = 4,
    differing: int = 0,
) -> bool:
    """Whether the claim texts `ours` and `theirs` say the same thing."""
    a, b = claim_terms(ours), claim_terms(theirs)
    if not a or not b or sorted(_numbers(a)) != sorted(_numbers(b)):
        return False
    if qualifiers(ours) != qualifiers(theirs):
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


@lru_cache(maxsize=4096)
def qualifiers(text: str) -> tuple[str, ...]:
    """The negations, quantities and comparisons a claim uses, in order (the words and
    phrases of knowledge/data/qualifiers.yaml)."""
    words = [
        "not" if w.endswith("n't") or w == "cannot" else w
        for w in _WORD.findall(text.lower().replace("’", "'"))
    ]
    table = _qualifiers()
    found: list[str] = []
    for i, word in enumerate(words):
        for phrase in table.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append(" ".join(phrase))
    return tuple(found)


@cache
def _qualifiers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The qualifier phrases by their first word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in word_lists("qualifiers.yaml")["qualifiers"]:
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in table.items()}


def _matched(term: str, others: Collection[str], *, stem: int, spelling: float) -> bool:
    if term in others:
        return True
    if term.isdigit():
        return False
    if len(term) >= stem and any(o[:stem] == term[:stem] for o in others if len(o) >= stem):
        return True
    return (
        len(term) >= 6
        and any(  # a misspelling, not a prefix ("inexpensive")
            len(o) >= 6 and o[:2] == term[:2] and fuzz.ratio(term, o) >= spelling for o in others
        )
    )


def _numbers(terms: Sequence[str]) -> list[str]:
    return [t for t in terms if t.isdigit()]
