"""Re-ranking signals for candidate statements: term overlap, BM25F, fuzzy match, numbers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from knowledge.retrieval.terms import split_index_terms
from knowledge.store.vocab import Vocabulary


class Signals(NamedTuple):
    """Agreement of a claim and a statement, each in [0, 1] (numbers in [-1, 1])."""

    text_covered: float  # share of the statement text's terms found in the claim
    title_covered: float  # share of the title's terms found in the claim (>= text_covered)
    bm25: float  # BM25F of the claim over text and title, per unit of claim term weight
    fuzzy: float  # rapidfuzz token_set_ratio of the lemma strings
    numbers: float  # 1 a shared number, -1 only different numbers, 0 no numbers on one side
    rare_claim: float  # share of the claim's squared term weight found: rare words dominate
    stems: float  # share of the claim's term weight found comparing only first letters
    rarest: float  # the weight of the rarest shared term, relative to the claim's rarest


# Tuned on the CLEF 2020 Task 2 train split (benchmarks/eval_retrieval.py reports dev).
DEFAULT_WEIGHTS = Signals(
    text_covered=0.02,
    title_covered=0.07,
    bm25=1.0,
    fuzzy=0.14,
    numbers=0.02,
    rare_claim=0.2,
    stems=0.3,
    rarest=0.07,
)


@dataclass(frozen=True, slots=True)
class Query:
    """A claim prepared for scoring: each term's weight (context terms may count less) times
    its idf, and the totals the signals are shares of."""

    body: tuple[str, ...]
    joined: str
    numbers: frozenset[str]
    mass: dict[str, float]
    total: float
    total_squared: float

    @classmethod
    def of(
        cls,
        body: list[str],
        context: Iterable[str],
        vocab: Vocabulary,
        *,
        context_weight: float = 1.0,
    ) -> Query:
        weights = dict.fromkeys(context, context_weight) | dict.fromkeys(body, 1.0)
        mass = {t: w * vocab.idf(t) for t, w in weights.items()}
        return cls(
            body=tuple(body),
            joined=" ".join(body),
            numbers=_numbers(body),
            mass=mass,
            total=sum(mass.values()),
            total_squared=sum(m * m for m in mass.values()),
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statement row prepared for scoring: its text's words, its title's, and its aliases
    (acronyms of names, closed compounds), which count as found words but not as text."""

    id: int
    terms: tuple[str, ...]
    title: tuple[str, ...]
    aliases: tuple[str, ...] = ()

    @classmethod
    def of_row(cls, row: Iterable[object]) -> Candidate:
        statement_id, terms, title_terms = row
        words, aliases = split_index_terms(str(terms))
        title = tuple(str(title_terms).split())
        return cls(int(str(statement_id)), tuple(words), title, tuple(aliases))


@dataclass(frozen=True, slots=True)
class BM25F:
    """BM25 over text and title as one field, title term counts scaled by `title_boost`; each
    term's contribution is capped at its idf so an exact statement scores about 1."""

    title_boost: float = 0.5
    k1: float = 1.2
    b: float = 0.75

    def __call__(
        self, query: Query, candidate: Candidate, mean_lengths: tuple[float, float]
    ) -> float:
        length = len(candidate.terms) + self.title_boost * len(candidate.title)
        mean = mean_lengths[0] + self.title_boost * mean_lengths[1]
        norm = self.k1 * (1 - self.b + self.b * length / mean)
        counts: dict[str, float] = dict(Counter(candidate.terms))
        for term in candidate.title:
            counts[term] = counts.get(term, 0.0) + self.title_boost
        for term in candidate.aliases:
            counts.setdefault(term, 1.0)
        gained = 0.0
        for term, mass in query.mass.items():
            tf = counts.get(term)
            if tf:
                gained += mass * min(1.0, tf * (self.k1 + 1) / (tf + norm))
        return gained / query.total if query.total else 0.0


def signals(
    query: Query,
    candidate: Candidate,
    mean_lengths: tuple[float, float],
    *,
    bm25: BM25F = BM25F(),
    stem_size: int = 5,
) -> Signals:
    """Measure how the candidate statement agrees with the claim."""
    text, title = set(candidate.terms), set(candidate.title)
    both = text | title | set(candidate.aliases)
    mass = query.mass
    found = [mass[t] for t in mass if t in both]
    stems = {t[:stem_size] for t in both}
    text_covered = _share(text, mass)
    total = query.total or 1.0
    return Signals(
        text_covered=text_covered,
        title_covered=max(_share(title, mass), text_covered),
        bm25=bm25(query, candidate, mean_lengths),
        fuzzy=fuzz.token_set_ratio(query.joined, " ".join(candidate.terms)) / 100.0,
        numbers=_number_agreement(_numbers(text), query.numbers),
        rare_claim=sum(m * m for m in found) / (query.total_squared or 1.0),
        stems=sum(m for t, m in mass.items() if t[:stem_size] in stems) / total,
        rarest=max(found, default=0.0) / (max(mass.values(), default=0.0) or 1.0),
    )


def _share(terms: set[str], claim: dict[str, float]) -> float:
    return len(terms.intersection(claim)) / len(terms) if terms else 0.0


def _numbers(terms: Iterable[str]) -> frozenset[str]:
    return frozenset(t for t in terms if t.isdigit())


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
