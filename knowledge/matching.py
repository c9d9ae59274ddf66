"""Aligning a claim with candidate statements: shared concepts, entities and coverage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from knowledge.model import Rule, Source, Statement
from knowledge.nlp.ages import Birth
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import PartialDate
from knowledge.nlp.features import Features, Mention
from knowledge.nlp.furniture import dateline_length
from knowledge.nlp.lives import LifeEvent
from knowledge.nlp.patterns import PhrasePattern
from knowledge.resources import Lexicon, has_phrase

_WORDS = re.compile(r"[a-z][a-z'-]*")
_GPE_LIKE = frozenset({"GPE", "LOC"})
_TOKENS = re.compile(r"[a-z0-9][a-z0-9.'’-]*[a-z0-9]|[a-z0-9]")


def concepts(features: Features, extra_ids: frozenset[str] = frozenset()) -> frozenset[str]:
    """Content lemmas outside entity names, plus one '@id' concept per entity."""
    entity_words = {w for m in features.entities for w in _WORDS.findall(m.text.lower())}
    words = {c for c in features.content if c not in entity_words}
    return frozenset(words) | {f"@{i}" for i in features.entity_ids | extra_ids}


def anaphor_entities(claim: Claim, lexicon: Lexicon) -> frozenset[str]:
    """The place an anaphor ("the country") in the claim most likely refers to."""
    if not has_phrase(claim.text, lexicon.anaphors):
        return frozenset()
    for mention in claim.features.context_entities:
        if mention.label in _GPE_LIKE:
            return frozenset({mention.id})
    return frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate statement for a claim, with how well the two line up."""

    statement: Statement
    features: Features
    retrieval: float
    claim_concepts: frozenset[str]
    statement_concepts: frozenset[str]

    @property
    def shared(self) -> frozenset[str]:
        return self.claim_concepts & self.statement_concepts

    @property
    def coverage(self) -> float:
        """Share of the statement's concepts that the claim mentions."""
        return len(self.shared) / max(1, len(self.statement_concepts))

    @property
    def precision(self) -> float:
        """Share of the claim's concepts that the statement mentions."""
        return len(self.shared) / max(1, len(self.claim_concepts))

    @property
    def score(self) -> float:
        return 0.5 * self.coverage + 0.3 * self.precision + 0.2 * self.retrieval

    @property
    def statement_entities(self) -> frozenset[str]:
        return self.features.entity_ids | frozenset(self.statement.entities)

    def words_only(self, concepts_: frozenset[str]) -> frozenset[str]:
        return frozenset(c for c in concepts_ if not c.startswith("@"))


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What detectors know beyond the claim: the date, the rules, the whole article."""

    reference_date: date
    rules: tuple[tuple[Rule, PhrasePattern], ...]
    article_entities: frozenset[str]
    evidence: dict[int, Statement]
    lexicon: Lexicon
    entity_labels: dict[str, str]
    entity_names: dict[str, str]
    records: dict[Source, SourceRecord] = field(default_factory=dict)
    # the birth date the knowledge base gives each person a claim tells the age of, by
    # mention id, with the statement that gives it
    births: dict[str, tuple[Statement, Birth]] = field(default_factory=dict)
    # every birth or death the knowledge base gives each person whose birth or death a claim
    # dates or places, by (mention id, "birth" or "death"), with the statement giving it
    lives: dict[tuple[str, str], tuple[tuple[Statement, LifeEvent], ...]] = field(
        default_factory=dict
    )
    dated: bool = False  # the reference date is the article's own (a dateline, or given)
    # each (claim, statement, anaphors) aligned once per check: an article that repeats a
    # sentence a thousand times is aligned as if it said it once
    alignments: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def label(self, mention: Mention) -> str:
        return self.entity_labels.get(mention.id, mention.label)

    def record_of(self, statement: Statement) -> SourceRecord | None:
        """Everything the statement's source says, when that source is a whole article."""
        return self.records.get(statement.source)


def _dateline_words(statement: Statement) -> frozenset[str]:
    """The words of the dateline a learned sentence opens with ("KOUROU, French Guiana"): the
    article names the place it was filed from."""
    words = _TOKENS.findall(statement.text[: dateline_length(statement.text)].lower())
    return frozenset(words)


def sentence_words(features: Features) -> frozenset[str]:
    """A sentence's words and lemmas, lower-cased; hyphenated words also split."""
    words: set[str] = set(features.lemmas)
    for word in _TOKENS.findall(features.text.lower().replace("’", "'")):
        words.add(word)
        words.update(word.split("-"))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """All statements learned from one source (an article), pooled for whole-article checks."""

    statements: tuple[Statement, ...]
    features: tuple[Features, ...]
    words: frozenset[str]  # every word and lemma, lower-cased; hyphenated words also split
    numbers: frozenset[float]
    dates: tuple[PartialDate, ...]
    entity_ids: frozenset[str]

    @classmethod
    def of(cls, statements: list[Statement], features: list[Features]) -> SourceRecord:
        return cls(
            tuple(statements),
            tuple(features),
            frozenset().union(*map(sentence_words, features), *map(_dateline_words, statements)),
            frozenset(n.value for f in features for n in f.numbers),
            tuple(d.value for f in features for d in f.dates if d.value is not None),
            frozenset(i for f in features for i in f.entity_ids)
            | frozenset(i for s in statements for i in s.entities),
        )
