"""Re-ranking signals for candidate statements: term overlap, BM25, fuzzy match, numbers, names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from knowledge.retrieval.terms import lemmas
from knowledge.retrieval.vocab import Vocabulary

_NAME = re.compile(r"(?<=[\w,;:\"'“‘(] )[A-Z][\w'-]*|(?<=^)[A-Z][\w'-]*(?= [A-Z])")


class Signals(NamedTuple):
    """Agreement of a claim and a statement, each in [0, 1] (numbers in [-1, 1])."""

    claim_covered: float  # share of the claim's term weight found in the statement or its title
    text_covered: float  # share of the statement text's term weight found in the claim
    title_covered: float  # share of the title's term weight found in the claim
    bm25: float  # BM25F of the claim over text and title, per unit of claim term weight
    fuzzy: float  # rapidfuzz token_set_ratio of the lemma strings
    phrases: float  # share of the statement's adjacent term pairs found in the claim
    names: float  # share of the statement's capitalised names found in the claim
    numbers: float  # 1 a shared number, -1 only different numbers, 0 no numbers on one side


DEFAULT_WEIGHTS = Signals(0.3, 0.3, 0.05, 0.2, 0.15, 0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Query:
    """A claim prepared for scoring: its terms with weights (context terms count less)."""

    body: tuple[str, ...]
    weights: dict[str, float]
    joined: str
    pairs: frozenset[tuple[str, str]]
    numbers: frozenset[str]

    @classmethod
    def of(cls, body: list[str], context: list[str] = (), *, context_weight: float = 0.3) -> Query:  # type: ignore[assignment]
        weights = dict.fromkeys(context, context_weight) | dict.fromkeys(body, 1.0)
        return cls(tuple(body), weights, " ".join(body), _pairs(body), _numbers(body))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statement row prepared for scoring."""

    id: int
    text: str
    terms: tuple[str, ...]
    title: tuple[str, ...]

    @classmethod
    def of_row(cls, row: tuple[object, ...]) -> Candidate:
        statement_id, text, terms, title_terms = row
        return cls(int(str(statement_id)), str(text), tuple(str(terms).split()), tuple(str(title_terms).split()))


def _numbers(terms: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in terms if t.isdigit())


def _pairs(terms: list[str] | tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset(zip(terms, terms[1:], strict=False))


def _coverage(part: set[str], whole: set[str], vocab: Vocabulary) -> float:
    total = sum(vocab.idf(t) for t in whole)
    return sum(vocab.idf(t) for t in part) / total if total else 0.0


def _names(text: str) -> set[str]:
    return set(lemmas(" ".join(_NAME.findall(text))))


def _bm25f(
    query: Query, candidate: Candidate, vocab: Vocabulary, *, title_boost: float = 0.5, k1: float = 1.2, b: float = 0.75
) -> float:
    text_mean, title_mean = vocab.mean_lengths
    length = len(candidate.terms) + title_boost * len(candidate.title)
    norm = k1 * (1 - b + b * length / (text_mean + title_boost * title_mean))
    counts = Counter(candidate.terms)
    for term in candidate.title:
        counts[term] += title_boost
    gained = total = 0.0
    for term, weight in query.weights.items():
        idf = weight * vocab.idf(term)
        total += idf
        tf = counts.get(term, 0)
        gained += idf * min(1.0, tf * (k1 + 1) / (tf + norm))
    return gained / total if total else 0.0


def signals(query: Query, candidate: Candidate, vocab: Vocabulary) -> Signals:
    """Measure how the candidate statement agrees with the claim."""
    text, title = set(candidate.terms), set(candidate.title)
    body = set(query.body)
    text_covered = _coverage(body & text, text, vocab)
    pairs = _pairs(candidate.terms)
    names = _names(candidate.text)
    found = text | title
    weights = query.weights
    weighted = sum(w * vocab.idf(t) for t, w in weights.items())
    return Signals(
        claim_covered=sum(w * vocab.idf(t) for t, w in weights.items() if t in found) / weighted if weighted else 0.0,
        text_covered=text_covered,
        title_covered=max(_coverage(body & title, title, vocab), text_covered),
        bm25=_bm25f(query, candidate, vocab),
        fuzzy=fuzz.token_set_ratio(query.joined, " ".join(candidate.terms)) / 100.0,
        phrases=len(pairs & query.pairs) / len(pairs) if pairs else text_covered,
        names=_coverage(names & set(weights), names, vocab) if names else 1.0,
        numbers=_number_agreement(_numbers(candidate.terms), query.numbers),
    )


def _number_agreement(ours: frozenset[str], theirs: frozenset[str]) -> float:
    if not ours or not theirs:
        return 0.0
    return 1.0 if ours & theirs else -1.0


def combine(measured: Signals, *, weights: Signals = DEFAULT_WEIGHTS) -> float:
    """One score in [0, 1] from the signals, the weights normalised to sum to one."""
    total = sum(w * s for w, s in zip(weights, measured, strict=True))
    norm = sum(abs(w) for w in weights)
    return min(1.0, max(0.0, total / norm)) if norm else 0.0


def same_statement(query: Query, candidate: Candidate) -> bool:
    """Whether the claim and the statement have the same index terms in the same order."""
    return query.body == candidate.terms
