"""What a check knows of the knowledge base at one version: the pipeline, the usable rules, the
entities' labels and names, and the statements parsed so far (refreshed when the version moves)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cachetools import LRUCache
from spacy.language import Language

from knowledge.matching import SourceRecord, concepts
from knowledge.model import Rule, Source, Statement, Status
from knowledge.nlp.dates import PartialDate
from knowledge.nlp.features import Features, sentence_features
from knowledge.nlp.furniture import dateline_length
from knowledge.nlp.patterns import PhrasePattern, compile_pattern
from knowledge.nlp.pipeline import build_nlp
from knowledge.store import Store

PARSED_KEPT = 20_000  # parsed statements kept between checks (about 3 KB each)
ARTICLES_KEPT = 2_000  # learned articles kept as context


class KnowledgeView:
    """The knowledge base as checks read it, cached for one `kb_version` of the store."""

    def __init__(self, store: Store, *, model: str | None = None) -> None:
        self.store = store
        self.labels: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.rules: tuple[tuple[Rule, PhrasePattern], ...] = ()
        # Bounded: a long-running bot over a million statements must not keep them all.
        self.parsed: LRUCache[int, tuple[Features, frozenset[str]]] = LRUCache(PARSED_KEPT)
        self.records: LRUCache[Source, SourceRecord | None] = LRUCache(ARTICLES_KEPT)
        self._model = model
        self._version = -1
        self._nlp: Language | None = None
        self._entity_key: tuple[Any, ...] = ()

    async def refresh(self) -> Language:
        """The pipeline, with every cache brought up to the store's current version."""
        version = await self.store.kb_version()
        if version != self._version or self._nlp is None:
            entities = await self.store.entities.all()
            key = tuple(entities)
            if self._nlp is None or key != self._entity_key:
                self._nlp = build_nlp(entities, model=self._model)
                self._entity_key = key
            self.labels = {e.id: e.label for e in entities}
            self.names = {e.id: e.name for e in entities}
            self.rules = await self._usable_rules()
            self.parsed.clear()
            self.records.clear()
            self._version = version
        return self._nlp

    def parse(self, nlp: Language, statement: Statement) -> tuple[Features, frozenset[str]]:
        """A statement's features and concepts, parsed once per knowledge-base version."""
        cached = self.parsed.get(statement.id)
        if cached is None:
            # a learned sentence keeps the dateline it opened with ("KOUROU, 13 March 2025 –
            # ..."): the article's record reads its place, the sentence's features do not
            body = statement.text[dateline_length(statement.text) :]
            features = sentence_features(nlp(body)[:], _told_on(statement))
            ids = frozenset(e for e in statement.entities if e in self.labels)
            cached = self.parsed[statement.id] = (features, concepts(features, ids))
        return cached

    async def _usable_rules(self) -> tuple[tuple[Rule, PhrasePattern], ...]:
        """Active rules, except those whose evidence statement was retired."""
        rules = await self.store.rules.all()
        cited = await self.store.statements.get_many(r.evidence_id for r in rules if r.evidence_id)
        active = {i for i, s in cited.items() if s.status == Status.ACTIVE}
        return tuple(
            (r, compile_pattern(r.pattern))
            for r in rules
            if r.evidence_id is None or r.evidence_id in active
        )


def _told_on(statement: Statement) -> date | None:
    """The day a statement was written from, so its "last year" or "on Monday" resolve:
    its source's publication date, else its own event day."""
    if statement.source.published is not None:
        return statement.source.published
    day = PartialDate.parse(statement.event_date)
    return day.as_date() if day is not None else None
