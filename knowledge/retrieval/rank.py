"""Re-ranking signals for candidate statements: term overlap, fuzzy match, numbers, names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.retrieval.terms import index_terms, lemmas
from knowledge.retrieval.vocab import Vocabulary

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z]+")


@dataclass(frozen=True, slots=True)
class Query:
    """A claim prepared for scoring."""

    terms: frozenset[str]
    joined: str
    numbers: frozenset[str]

    @classmethod
    def of(cls, cleaned: str, terms: list[str]) -> Query:
        return cls(frozenset(terms), " ".join(terms), _numbers(terms))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statement row prepared for scoring."""

    id: int
    terms: tuple[str, ...]
    title: tuple[str, ...]
    entities: tuple[str, ...]

    @classmethod
    def of_row(cls, row: tuple[object, ...]) -> Candidate:
        statement_id, _text, _title, terms, title_terms, entities = row
        return cls(
            id=int(str(statement_id)),
            terms=tuple(str(terms).split()),
            title=tuple(str(title_terms).split()),
            entities=tuple(json.loads(str(entities or "[]"))),
        )


def _numbers(terms: list[str] | tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in terms if t.isdigit())


def _coverage(part: set[str] | frozenset[str], whole: set[str] | frozenset[str], vocab: Vocabulary) -> float:
    total = sum(vocab.idf(t) for t in whole)
    return sum(vocab.idf(t) for t in part) / total if total else 0.0


def score(
    query: Query,
    candidate: Candidate,
    vocab: Vocabulary,
    *,
    weights: tuple[float, float, float, float] = (0.3, 0.3, 0.25, 0.15),
    number_penalty: float = 0.8,
) -> float:
    """How likely the candidate states the claim, in [0, 1]; 1 for the same statement."""
    text = set(candidate.terms)
    title = set(candidate.title)
    query_side = _coverage(query.terms & (text | title), query.terms, vocab)
    text_side = _coverage(query.terms & text, text, vocab)
    title_side = max(_coverage(query.terms & title, title, vocab), text_side)
    fuzzy = fuzz.token_set_ratio(query.joined, " ".join(candidate.terms)) / 100.0
    w_query, w_text, w_fuzzy, w_title = weights
    value = w_query * query_side + w_text * text_side + w_fuzzy * fuzzy + w_title * title_side
    numbers = _numbers(candidate.terms)
    if numbers and query.numbers and not numbers & query.numbers:
        value *= number_penalty
    return min(1.0, max(0.0, value))
