"""The knowledge base facade: check articles, search, and curate statements and rules."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from cachetools import LRUCache
from spacy.language import Language

from knowledge import storing
from knowledge.checking.calibration import verdict_model
from knowledge.checking.judge import ALIGNED, Alignments, judge
from knowledge.checking.pair_reading import ClaimPairs, ClaimToRead, PairReader
from knowledge.checking.parts import judged_by_parts
from knowledge.curation import CurationMixin
from knowledge.errors import InvalidStatement, StatementNotFound
from knowledge.factchecks import (
    RatedMatch,
    RatingTable,
    SameClaimModel,
    SameClaimScores,
    default_ratings,
    judge_fact_checks,
    load_model,
    load_ratings,
    split_rated,
)
from knowledge.fetch import (
    Article,
    FetchLimits,
    PageCache,
    PageCacheLimits,
    Resolver,
    fetch_article,
)
from knowledge.formats import Batch
from knowledge.formats.wording import RATING_WORDING, reads_as_rating
from knowledge.inputs import MAX_CHARS, vet_text
from knowledge.learned import is_learned, learned_key
from knowledge.matching import CheckContext, Match, SourceRecord, anaphor_entities, concepts
from knowledge.model import (
    Actor,
    Change,
    ChangeAction,
    Report,
    Review,
    Rule,
    Source,
    Statement,
    StatementDraft,
    StatementKind,
    Status,
)
from knowledge.nlp.claims import Claim, extract_claims
from knowledge.nlp.dates import PartialDate, find_dateline, iso_date
from knowledge.nlp.features import Features, sentence_features
from knowledge.nlp.parts import part_claims
from knowledge.nlp.patterns import PhrasePattern, compile_pattern
from knowledge.nlp.pipeline import build_nlp
from knowledge.resources import lexicon
from knowledge.retrieval import TEXT_INDEX, find_candidates
from knowledge.seeding import default_seed_dir
from knowledge.seeding import seed as seed_store
from knowledge.stages import StageHook, Unobserved
from knowledge.store import WRITE_WAIT, ChatTable, Store, open_store

_CANDIDATES = 12
_PARSED_KEPT = 20_000  # parsed statements kept between checks (about 3 KB each)
_ARTICLES_KEPT = 2_000  # learned articles kept as context
_ARTICLE = 3  # statements from one source that make it an article
UNOBSERVED = Unobserved()


class Weighed(NamedTuple):
    """One claim as a check weighs it: its candidate evidence and the rated claims apart."""

    claim: Claim
    matches: list[Match]
    rated: list[RatedMatch]


@asynccontextmanager
async def open_kb(
    path: str | Path = "factcheck.sqlite",
    *,
    seed: bool = True,
    seed_dir: Path | None = None,
    model: str | None = None,
    pages: PageCacheLimits | None = None,
    pair_model: str | PairReader | None = None,
    write_wait: float = WRITE_WAIT,
) -> AsyncIterator[KnowledgeBase]:
    """Open the knowledge base at `path` (":memory:" works), seeding it on first use.

    With `pages`, the page cache keeps within those limits and is pruned now (the bot's
    start); without, fetches keep to the defaults. `pair_model` ("on", "off", "auto"; default
    $FACTCHECK_PAIR_MODEL or "auto") says whether checks read claims with the learned pair
    model; it is loaded on the first check that needs it, in the process that checks.
    A write waits up to `write_wait` seconds for its turn (another writer, here or in
    another process), then KnowledgeBaseBusy.
    """
    store = await open_store(path, text_index=TEXT_INDEX, write_wait=write_wait)
    try:
        if seed:
            await seed_store(store, seed_dir)
        if model is None:
            model = os.environ.get("FACTCHECK_SPACY_MODEL", "en_core_web_sm")
        ratings = load_ratings(seed_dir or default_seed_dir())
        if not isinstance(pair_model, PairReader):
            pair_model = PairReader(pair_model or os.environ.get("FACTCHECK_PAIR_MODEL", "auto"))
        kb = KnowledgeBase(store, model=model, ratings=ratings, pages=pages, pairs=pair_model)
        if pages is not None:
            await kb.pages.prune()
        yield kb
    finally:
        await store.close()


class KnowledgeBase(CurationMixin):
    """Checks articles against the stored statements and keeps the statements current."""

    def __init__(
        self,
        store: Store,
        *,
        model: str | None = None,
        ratings: RatingTable | None = None,
        same_claim: SameClaimModel | None = None,
        pages: PageCacheLimits | None = None,
        pairs: PairReader | None = None,
    ) -> None:
        self.store = store
        self.pairs = pairs or PairReader("off")
        self.pages = PageCache(store.pages, limits=pages)
        self._model = model
        self._ratings = ratings or default_ratings()
        self._same_claim = same_claim or load_model()
        self._version = -1
        self._nlp: Language | None = None
        self._entity_key: tuple[Any, ...] = ()
        self._rules: tuple[tuple[Rule, PhrasePattern], ...] = ()
        self._labels: dict[str, str] = {}
        self._names: dict[str, str] = {}
        # Bounded: a long-running bot over a million statements must not keep them all.
        self._parsed: LRUCache[int, tuple[Features, frozenset[str]]] = LRUCache(_PARSED_KEPT)
        self._records: LRUCache[Source, SourceRecord | None] = LRUCache(_ARTICLES_KEPT)

    @property
    def chats(self) -> ChatTable:
        """Each front-door chat's switches, in the same file (the bot's; checks ignore them)."""
        return self.store.chats

    # -- caches refreshed whenever the store's kb_version moves --------------------------

    async def _refresh(self) -> Language:
        version = await self.store.kb_version()
        if version != self._version or self._nlp is None:
            entities = await self.store.entities()
            key = tuple(entities)
            if self._nlp is None or key != self._entity_key:
                self._nlp = build_nlp(entities, model=self._model)
                self._entity_key = key
            self._labels = {e.id: e.label for e in entities}
            self._names = {e.id: e.name for e in entities}
            self._rules = await self._usable_rules()
            self._parsed.clear()
            self._records.clear()
            self._version = version
        return self._nlp

    async def _usable_rules(self) -> tuple[tuple[Rule, PhrasePattern], ...]:
        """Active rules, except those whose evidence statement was retired."""
        rules = await self.store.rules()
        cited = await self.store.get_many(r.evidence_id for r in rules if r.evidence_id)
        active = {i for i, s in cited.items() if s.status == Status.ACTIVE}
        return tuple(
            (r, compile_pattern(r.pattern))
            for r in rules
            if r.evidence_id is None or r.evidence_id in active
        )

    def _parse(self, nlp: Language, statement: Statement) -> tuple[Features, frozenset[str]]:
        """A statement's features and concepts, parsed once per knowledge-base version."""
        cached = self._parsed.get(statement.id)
        if cached is None:
            features = sentence_features(nlp(statement.text)[:], _told_on(statement))
            ids = frozenset(e for e in statement.entities if e in self._labels)
            cached = self._parsed[statement.id] = (features, concepts(features, ids))
        return cached

    # -- checking -----------------------------------------------------------------------

    async def check(
        self,
        text: str,
        *,
        reference_date: date | None = None,
        fallback_date: date | None = None,
        stages: StageHook = UNOBSERVED,
    ) -> Report:
        """Check an article: a verdict with findings and evidence for each claim. The check
        reads as its stages (`knowledge.stages.STAGES`); `stages` observes each of them."""
        with stages.stage("reading"):
            nlp, reference, origin, claims = await self._read(text, reference_date, fallback_date)
        worthy = [c for c in claims if c.check_worthy]
        retrieved: dict[str, list[tuple[int, float]]] = {}  # a sentence repeated is looked up once
        weighed = [await self._weigh(nlp, c, stages, retrieved) for c in worthy]
        # a sentence that asserts several things is also judged by its parts (nlp/parts.py)
        dated = origin in _ARTICLE_DATES
        parts = [part_claims(c, nlp, reference, lexicon(), dated=dated) for c in worthy]
        clauses = [[await self._weigh(nlp, c, stages, retrieved) for c in p.clauses] for p in parts]
        titles = [[await self._weigh(nlp, c, stages, retrieved) for c in p.titles] for p in parts]
        every = weighed + [w for ws in clauses + titles for w in ws]
        with stages.stage("context"):
            context = await self._context(reference, worthy)
            context = replace(context, records=await self._articles(nlp, every))
        with stages.stage("pair model"):
            alignments = [Alignments(w.claim, context) for w in every]
            read = self._read_pairs(every, alignments)
        with stages.stage("judging"):
            verdicts = {
                id(w): judge(w.claim, w.matches, context, verdict_model(), alignments=a, pairs=p)
                for w, a, p in zip(every, alignments, read, strict=True)
            }
            judged = [
                judged_by_parts(
                    verdicts[id(w)],
                    [(c.claim.text, verdicts[id(c)]) for c in cs],
                    [(t.claim.text, verdicts[id(t)]) for t in ts],
                )
                for w, cs, ts in zip(weighed, clauses, titles, strict=True)
            ]
            read = read[: len(weighed)]
        with stages.stage("fact checks"):
            results = tuple(
                judge_fact_checks(
                    w.claim,
                    result,
                    w.rated,
                    ratings=self._ratings,
                    model=self._same_claim,
                    read=None
                    if p is None or not p.thresholds.decides_same_claim
                    else SameClaimScores(p.same_claim, p.thresholds.same_claim),
                )
                for w, result, p in zip(weighed, judged, read, strict=True)
            )
        return Report(reference, origin, results, skipped=len(claims) - len(worthy))

    async def candidates(self, text: str, *, reference_date: date | None = None) -> list[Weighed]:
        """What a check weighs for each check-worthy claim of `text`: its candidate evidence
        and, apart, the rated claims among its candidates (for training and inspection)."""
        nlp, _, _, claims = await self._read(text, reference_date, None)
        return [await self._weigh(nlp, c, UNOBSERVED) for c in claims if c.check_worthy]

    async def check_url(
        self,
        url: str,
        *,
        limits: FetchLimits | None = None,
        forwarded_on: date | None = None,
        resolver: Resolver | None = None,
        cache_ttl: timedelta = timedelta(hours=6),
    ) -> tuple[Article, Report]:
        """Fetch the article behind a link (safely, cached by URL) and check it.

        The publication date is the reference date unless the forward's own date is older.
        Raises FetchFailed with a one-line reason when no article can be had.
        """
        article = await self.fetch_url(url, limits=limits, resolver=resolver, cache_ttl=cache_ttl)
        text, dates = link_check_input(article, forwarded_on)
        return article, await self.check(
            text, reference_date=dates["reference_date"], fallback_date=dates["fallback_date"]
        )

    async def fetch_url(
        self,
        url: str,
        *,
        limits: FetchLimits | None = None,
        resolver: Resolver | None = None,
        cache_ttl: timedelta = timedelta(hours=6),
    ) -> Article:
        """The article behind a link, fetched safely and cached by URL, without checking it
        (the bot checks it in its worker pool). Raises FetchFailed with a one-line reason."""
        return await fetch_article(
            url,
            limits=limits or FetchLimits(),
            resolver=resolver,
            cache=self.pages,
            cache_ttl=cache_ttl,
        )

    async def _read(
        self, text: str, reference_date: date | None, fallback_date: date | None
    ) -> tuple[Language, date, str, list[Claim]]:
        """The pipeline, the reference date (and where it came from) and the claims of `text`."""
        text = vet_text(text)
        nlp = await self._refresh()
        reference, origin = _reference_date(text, reference_date, fallback_date)
        return nlp, reference, origin, extract_claims(nlp(text), reference, lexicon(), nlp=nlp)

    async def _weigh(
        self,
        nlp: Language,
        claim: Claim,
        stages: StageHook,
        retrieved: dict[str, list[tuple[int, float]]] | None = None,
    ) -> Weighed:
        """A claim's candidates: retrieved by what it states (for a question, the statement it
        asks about), then read as statements, rated claims set apart. `retrieved` keeps what
        each query found during one check."""
        query = claim.statement or claim.text
        with stages.stage("retrieval"):
            found = (retrieved or {}).get(query)
            if found is None:
                found = await find_candidates(self.store, query, limit=_CANDIDATES)
                if retrieved is not None:
                    retrieved[query] = found
        with stages.stage("statements"):
            matches, rated = await self._split_rated(await self._matches(nlp, claim, found))
        return Weighed(claim, matches, rated)

    async def _matches(
        self, nlp: Language, claim: Claim, found: list[tuple[int, float]]
    ) -> list[Match]:
        statements = await self.store.get_many(i for i, _ in found)
        extra = anaphor_entities(claim, lexicon())
        mine = concepts(claim.features, extra)
        matches = []
        for statement_id, score in found:
            statement = statements.get(statement_id)
            if statement is None or statement.status != Status.ACTIVE:
                continue
            features, theirs = self._parse(nlp, statement)
            matches.append(Match(statement, features, score, mine, theirs))
        return sorted(matches, key=lambda m: m.score, reverse=True)

    async def _split_rated(self, matches: list[Match]) -> tuple[list[Match], list[RatedMatch]]:
        """Rated claims apart: fact-checks are judged on their own, never used as evidence."""
        return split_rated(matches, await self.store.reviews(m.statement.id for m in matches))

    async def _context(self, reference: date, claims: list[Claim]) -> CheckContext:
        wanted = [r.evidence_id for r, _ in self._rules if r.evidence_id]
        evidence = await self.store.get_many(wanted)
        article = frozenset(i for c in claims for i in c.features.entity_ids)
        return CheckContext(
            reference, self._rules, article, evidence, lexicon(), self._labels, self._names
        )

    async def _articles(self, nlp: Language, weighed: list[Weighed]) -> dict[Source, SourceRecord]:
        """The whole article behind each claim's best matches, for articles the knowledge base
        learned (`learn`): statements that merely share a source are not one article."""
        found: dict[Source, SourceRecord] = {}
        for source in {
            m.statement.source for w in weighed for m in w.matches[:3] if is_learned(m.statement)
        }:
            if source not in self._records:
                statements = [s for s in await self.store.from_source(source) if is_learned(s)]
                self._records[source] = (
                    SourceRecord.of(statements, [self._parse(nlp, s)[0] for s in statements])
                    if len(statements) >= _ARTICLE and source != Source()
                    else None
                )
            record = self._records[source]
            if record is not None:
                found[source] = record
        return found

    def _read_pairs(
        self, weighed: list[Weighed], alignments: list[Alignments]
    ) -> list[ClaimPairs | None]:
        """What the pair model read for each claim (all in one batch), or None for each when
        the model is off."""
        claims = [
            ClaimToRead(w.claim, [(m, a.of(m)) for m in w.matches[:ALIGNED]], w.rated)
            for w, a in zip(weighed, alignments, strict=True)
        ]
        read = self.pairs.read(claims) if claims else None
        return read if read is not None else [None] * len(weighed)

    # -- reading ------------------------------------------------------------------------

    async def search(self, text: str, limit: int = 10) -> list[tuple[Statement, float]]:
        """Active statements that best match `text`, best first, with scores in [0, 1]."""
        if not text.strip():
            return []
        found = await find_candidates(self.store, text, limit=limit)
        statements = await self.store.get_many(i for i, _ in found)
        return [(statements[i], s) for i, s in found if i in statements][:limit]

    async def get(self, statement_id: int) -> Statement:
        return await self.store.get(statement_id)

    async def history(self, statement_id: int) -> list[Change]:
        await self.store.get(statement_id)
        return await self.store.changes(100, target_id=statement_id)

    async def rules(self) -> list[Rule]:
        return await self.store.rules()

    async def log(self, limit: int = 20) -> list[Change]:
        return await self.store.changes(limit)

    # -- changing (each call is one transaction, recorded in the audit log) -------------

    async def add(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        external_id: str | None = None,
        event_date: date | str | None = None,
        valid_from: date | str | None = None,
        valid_until: date | str | None = None,
        kind: StatementKind | str | None = None,
        speaker: str | None = None,
        quote: str | None = None,
        entities: tuple[str, ...] = (),
        review: Review | None = None,
        actor: Actor | None = None,
    ) -> int:
        """Store one statement and return its id; with a `review`, a rated claim: `text` is
        the claim as rated, never taken as verified."""
        text = " ".join((text or "").split())
        if not text:
            raise InvalidStatement("text", "the statement is empty")
        if review is None and reads_as_rating(text):
            raise InvalidStatement("statement", f"“{text[:80]}” {RATING_WORDING}")
        draft = StatementDraft(
            text=text,
            kind=_statement_kind(kind, dated=bool(event_date)),
            event_date=iso_date(event_date),
            valid_from=iso_date(valid_from),
            valid_until=iso_date(valid_until),
            entities=entities,
            speaker=speaker,
            quote=quote,
            source=_source(source),
            external_id=external_id,
            review=review,
        )
        return await storing.add_statement(self.store, draft, actor or Actor.cli())

    def rating_class(self, rating: str) -> str:
        """The class of a published rating (false, misleading, mixed, unproven, satire, true,
        or "other" when the rating table does not know it)."""
        return self._ratings.classify(rating)

    async def add_many(
        self,
        drafts: list[StatementDraft],
        *,
        actor: Actor | None = None,
        action: ChangeAction | str = ChangeAction.IMPORT,
    ) -> tuple[list[int], int]:
        """Store new statements in one transaction; returns (new ids, duplicates skipped)."""
        batch = Batch(statements=list(drafts))
        who = actor or Actor.cli()
        stored = await storing.store_batch(self.store, batch, who, action=ChangeAction(action))
        return stored.statement_ids, stored.duplicates

    async def propose(
        self, text: str, *, source: Source | str | None = None, published: date | None = None
    ) -> list[StatementDraft]:
        """Candidate statements from a trusted article, relative dates resolved, not stored."""
        text = vet_text(text)
        nlp = await self._refresh()
        reference = published or find_dateline(text) or date.today()
        src = _source(source)
        if src.published is None:
            src = replace(src, published=published)
        claims = extract_claims(nlp(text), reference, lexicon(), nlp=nlp)
        drafts = [_draft_from_claim(c, src, self._labels) for c in claims if c.check_worthy]
        return [d for d in drafts if not reads_as_rating(d.text)]  # reports of ratings aside

    async def learn(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        published: date | None = None,
        actor: Actor | None = None,
    ) -> list[int]:
        """Learn a trusted article: its factual sentences become statements; returns new ids."""
        drafts = await self.propose(text, source=source, published=published)
        ids, _ = await self.add_many(drafts, actor=actor, action=ChangeAction.LEARN)
        return ids

    async def edit(self, statement_id: int, text: str, *, actor: Actor | None = None) -> Statement:
        text = " ".join((text or "").split())
        if not text:
            raise InvalidStatement("text", "the new text is empty")
        rated = await self.store.reviews([statement_id])
        if statement_id not in rated and reads_as_rating(text):
            raise InvalidStatement("statement", f"“{text[:80]}” {RATING_WORDING}")
        await self.store.update(statement_id, actor or Actor.cli(), ChangeAction.EDIT, text=text)
        return await self.store.get(statement_id)

    async def retire(
        self, statement_id: int, reason: str | None = None, *, actor: Actor | None = None
    ) -> Statement:
        statement = await self.store.get(statement_id)
        if statement.status == Status.RETIRED:
            raise StatementNotFound(f"{statement_id} (already retired)")
        await self.store.update(
            statement_id,
            actor or Actor.cli(),
            ChangeAction.RETIRE,
            reason=reason,
            status=Status.RETIRED,
        )
        return await self.store.get(statement_id)

    async def undo(self, change_id: int, *, actor: Actor | None = None) -> int:
        return await self.store.undo(change_id, actor or Actor.cli())


def _told_on(statement: Statement) -> date | None:
    """The day a statement was written from, so its "last year" or "on Monday" resolve:
    its source's publication date, else its own event day."""
    if statement.source.published is not None:
        return statement.source.published
    day = PartialDate.parse(statement.event_date)
    return day.as_date() if day is not None else None


def link_check_input(
    article: Article, forwarded_on: date | None
) -> tuple[str, dict[str, date | None]]:
    """What to check for a fetched article and against which dates: its text (cut to the input
    limit) and its publication date, unless the forward's own date is older."""
    when = article.reference_date(forwarded_on)
    return article.text[: MAX_CHARS - 1], {"reference_date": when, "fallback_date": forwarded_on}


# Where a reference date is the article's own day, not the day it reached us.
_ARTICLE_DATES = frozenset({"explicit", "dateline"})


def _reference_date(text: str, explicit: date | None, fallback: date | None) -> tuple[date, str]:
    if explicit is not None:
        return explicit, "explicit"
    found = find_dateline(text)
    if found is not None:
        return found, "dateline"
    if fallback is not None:
        return fallback, "message"
    return date.today(), "today"


def _statement_kind(kind: StatementKind | str | None, *, dated: bool) -> StatementKind:
    """The kind given, else an event when it has a date and a fact when not."""
    if not kind:
        return StatementKind.EVENT if dated else StatementKind.FACT
    if kind not in set(StatementKind):
        raise InvalidStatement("kind", f"{kind!r}: use 'event' or 'fact'")
    return StatementKind(kind)


def _source(source: Source | str | None) -> Source:
    if source is None:
        return Source()
    if isinstance(source, Source):
        return source
    return Source.named(source)


def _draft_from_claim(claim: Claim, source: Source, labels: dict[str, str]) -> StatementDraft:
    features = claim.features
    day = next((d.value for d in features.dates if d.value and d.value.day), None)
    quote = max(features.quotes, key=lambda q: len(q.text), default=None)
    speaker = next(
        (
            m.id
            for m in features.entities
            if labels.get(m.id) == "PERSON" and quote and not quote.start <= m.start < quote.end
        ),
        None,
    )
    return StatementDraft(
        text=claim.text,
        kind=StatementKind.EVENT if day else StatementKind.FACT,
        event_date=day.iso() if day else None,
        entities=tuple(sorted(i for i in features.entity_ids if i in labels)),
        speaker=speaker,
        quote=quote.text if quote else None,
        source=source,
        key=learned_key(source, claim.text),
    )
