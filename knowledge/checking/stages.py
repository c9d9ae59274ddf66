"""The stages of a check, in order, each a named object from one typed value to the next.

A check starts from a `CheckRequest`; each stage returns its input grown by what it found
(`Read`, `Retrieved`, `Weighing`, `InContext`, `PairsRead`, `Judged`), and the last turns
that into the `Report`. `knowledge.checking.runner.run_stages` runs them in order and tells
a hook when each starts and ends.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar

from rapidfuzz import fuzz
from spacy.language import Language

from knowledge.checking.align import DetailKind
from knowledge.checking.calibration import verdict_model
from knowledge.checking.judge import ALIGNED, Alignments, judge
from knowledge.checking.pair_reading import ClaimPairs, ClaimToRead, PairReader
from knowledge.checking.parts import judged_by_parts
from knowledge.checking.view import KnowledgeView
from knowledge.factchecks import (
    RatedMatch,
    RatingTable,
    SameClaimModel,
    SameClaimScores,
    judge_fact_checks,
    split_rated,
)
from knowledge.inputs import vet_text
from knowledge.learned import is_learned
from knowledge.matching import CheckContext, Match, SourceRecord, anaphor_entities, concepts
from knowledge.model import ClaimResult, Report, Source, Statement, Status, Verdict
from knowledge.nlp.ages import Birth, births, told_ages
from knowledge.nlp.claims import Claim, extract_claims
from knowledge.nlp.dates import find_dateline
from knowledge.nlp.features import Features
from knowledge.nlp.lives import BIRTH, LifeEvent, life_events
from knowledge.nlp.parts import Parts, part_claims
from knowledge.resources import lexicon
from knowledge.retrieval import find_candidates
from knowledge.store import Store

CANDIDATES = 12  # candidates retrieved for each claim
# A message this short (a post, a tweet) is also looked up and read as a whole against the
# rated claims: fact-checked claims are often made across a post's sentences.
MESSAGE_CHARS = 400
# A claim that gives this share of a rated claim's words and details, none otherwise, says
# what it says (and maybe more): the feature model's pick of it stands below the pair
# model's threshold (as a restatement needs no model for support).
COVERED = 0.95
_ARTICLE = 3  # statements from one source that make it an article
_AGED_PEOPLE = 8  # people per check whose birth date is looked up
_BIRTH_CANDIDATES = 5  # statements read for each
# Where a reference date is the article's own day, not the day it reached us.
_ARTICLE_DATES = frozenset({"explicit", "dateline"})

In = TypeVar("In", contravariant=True)
Out = TypeVar("Out", covariant=True)
Grown = TypeVar("Grown")


class Stage(Protocol[In, Out]):
    """One stage of a check: its name (what the stage hook is told) and the step itself."""

    name: ClassVar[str]

    async def __call__(self, data: In, /) -> Out: ...


class Weighed(NamedTuple):
    """One claim as a check weighs it: its candidate evidence and the rated claims apart."""

    claim: Claim
    matches: list[Match]
    rated: list[RatedMatch]
    # the rated claim found for the whole (short) message, given to the claim closest to it
    message_rated: RatedMatch | None = None


# -- the values passed from stage to stage (each one its input grown) ----------------------


@dataclass(frozen=True, kw_only=True)
class CheckRequest:
    """What a check is asked: the text and the dates it may be read against."""

    text: str
    reference_date: date | None = None
    fallback_date: date | None = None
    with_parts: bool = True  # also read each sentence's parts as claims (not for `candidates`)


@dataclass(frozen=True, kw_only=True)
class Read(CheckRequest):
    """The text read: its reference date (and where that came from), claims and their parts,
    and the whole text as read when it is a short message (`message`; None otherwise). A short
    message none of whose sentences is check-worthy keeps them `aside`: they are read only
    against the rated claim found for the whole message (a claim fact-checkers rated is worth
    naming however it is put: "In Ancient Rome, women would drink turpentine ...")."""

    nlp: Language
    reference: date
    origin: str
    claims: list[Claim]
    worthy: list[Claim]
    parts: list[Parts]
    message: str | None
    aside: list[Claim]

    def every_claim(self) -> list[Claim]:
        """The check-worthy claims, then every part's clauses, then every part's titles."""
        return (
            self.worthy
            + [c for p in self.parts for c in p.clauses]
            + [c for p in self.parts for c in p.titles]
        )


@dataclass(frozen=True, kw_only=True)
class Retrieved(Read):
    """The candidates found for each claim's query (a sentence repeated is looked up once),
    and for the whole message when it is short."""

    found: dict[str, list[tuple[int, float]]]


@dataclass(frozen=True, kw_only=True)
class Weighing(Retrieved):
    """Each claim weighed against its candidates' statements: the worthy claims (`weighed`),
    then each one's clauses and titles."""

    weighed: list[Weighed]
    clauses: list[list[Weighed]]
    titles: list[list[Weighed]]
    aside_weighed: list[Weighed]  # the sentences kept aside, with no candidates of their own

    def every(self) -> list[Weighed]:
        return (
            self.weighed + [w for ws in self.clauses + self.titles for w in ws] + self.aside_weighed
        )


@dataclass(frozen=True, kw_only=True)
class InContext(Weighing):
    """What the detectors know beyond each claim (rules, evidence, learned articles)."""

    context: CheckContext


@dataclass(frozen=True, kw_only=True)
class PairsRead(InContext):
    """Each weighed claim (in `every()` order) aligned with its candidates, and what the pair
    model read for it (None for each when the model is off)."""

    alignments: list[Alignments]
    read: list[ClaimPairs | None]
    unread: list[bool]  # close pairs there were, and the check's budget read none of them


@dataclass(frozen=True, kw_only=True)
class Judged(PairsRead):
    """The verdict on each worthy claim, its parts taken into account."""

    judged: list[ClaimResult]


def grown(data: Any, kind: type[Grown], **found: Any) -> Grown:
    """`data` as the next stage's value: its fields, and what the stage `found`."""
    return kind(**{f.name: getattr(data, f.name) for f in fields(data)}, **found)


# -- the stages ----------------------------------------------------------------------------


class Reading:
    """Tokenising, sentences, claims and their features, and each sentence's parts."""

    name: ClassVar[str] = "reading"

    def __init__(self, view: KnowledgeView) -> None:
        self._view = view

    async def __call__(self, request: CheckRequest) -> Read:
        text = vet_text(request.text)
        nlp = await self._view.refresh()
        reference, origin = _reference_date(text, request.reference_date, request.fallback_date)
        claims = extract_claims(nlp(text), reference, lexicon(), nlp=nlp)
        worthy = [c for c in claims if c.check_worthy]
        dated = origin in _ARTICLE_DATES
        parts = (
            [part_claims(c, nlp, reference, lexicon(), dated=dated) for c in worthy]
            if request.with_parts
            else []
        )
        return grown(
            request,
            Read,
            nlp=nlp,
            reference=reference,
            origin=origin,
            claims=claims,
            worthy=worthy,
            parts=parts,
            message=_short_message(text, claims),
            aside=[] if worthy or len(text.strip()) > MESSAGE_CHARS else claims,
        )


class Retrieval:
    """Full-text candidates for each claim, re-ranked: found by what it states (for a
    question, the statement it asks about)."""

    name: ClassVar[str] = "retrieval"

    def __init__(self, store: Store) -> None:
        self._store = store

    async def __call__(self, read: Read) -> Retrieved:
        found: dict[str, list[tuple[int, float]]] = {}
        for claim in read.every_claim():
            query = _query(claim)
            if query not in found:
                found[query] = await find_candidates(self._store, query, limit=CANDIDATES)
        message = read.message
        if message is not None and message not in found:
            found[message] = await find_candidates(self._store, message, limit=CANDIDATES)
        return grown(read, Retrieved, found=found)


class Statements:
    """The candidates' statements, parsed (cached between checks), rated claims set apart:
    fact-checks are judged on their own, never used as evidence."""

    name: ClassVar[str] = "statements"

    def __init__(self, store: Store, view: KnowledgeView) -> None:
        self._store = store
        self._view = view

    async def __call__(self, retrieved: Retrieved) -> Weighing:
        async def weigh(claims: tuple[Claim, ...] | list[Claim]) -> list[Weighed]:
            return [await self._weigh(retrieved, c) for c in claims]

        weighed = await weigh(retrieved.worthy)
        aside = [Weighed(c, [], []) for c in retrieved.aside]
        if retrieved.message is not None:
            if weighed:
                weighed = await self._with_message(retrieved, retrieved.message, weighed)
            else:
                aside = await self._with_message(retrieved, retrieved.message, aside)
        return grown(
            retrieved,
            Weighing,
            weighed=weighed,
            clauses=[await weigh(p.clauses) for p in retrieved.parts],
            titles=[await weigh(p.titles) for p in retrieved.parts],
            aside_weighed=aside,
        )

    async def _weigh(self, retrieved: Retrieved, claim: Claim) -> Weighed:
        matches = await self._matches(retrieved.nlp, claim, retrieved.found[_query(claim)])
        reviews = await self._store.reviews.of(m.statement.id for m in matches)
        matches, rated = split_rated(matches, reviews)
        return Weighed(claim, matches, rated)

    async def _with_message(
        self, retrieved: Retrieved, message: str, weighed: list[Weighed]
    ) -> list[Weighed]:
        """The best rated claim found for the whole message, given to the claim whose words
        are closest to it (the one a card would point at)."""
        found = retrieved.found[message]
        reviews = await self._store.reviews.of(i for i, _ in found)
        top = next(((i, score) for i, score in found if i in reviews), None)
        if top is None or not weighed:
            return weighed
        statement = (await self._store.statements.get_many([top[0]])).get(top[0])
        if statement is None or statement.status != Status.ACTIVE:
            return weighed
        closest = max(
            range(len(weighed)),
            key=lambda i: fuzz.token_set_ratio(weighed[i].claim.text, statement.text),
        )
        match = self._match(retrieved.nlp, statement, top[1], _concepts(weighed[closest].claim))
        rated = RatedMatch(match, reviews[statement.id])
        return [
            w._replace(message_rated=rated) if i == closest else w for i, w in enumerate(weighed)
        ]

    async def _matches(
        self, nlp: Language, claim: Claim, found: list[tuple[int, float]]
    ) -> list[Match]:
        statements = await self._store.statements.get_many(i for i, _ in found)
        mine = _concepts(claim)
        matches = []
        for statement_id, score in found:
            statement = statements.get(statement_id)
            if statement is None or statement.status != Status.ACTIVE:
                continue
            matches.append(self._match(nlp, statement, score, mine))
        return sorted(matches, key=lambda m: m.score, reverse=True)

    def _match(
        self, nlp: Language, statement: Statement, score: float, mine: frozenset[str]
    ) -> Match:
        """A candidate statement, parsed (cached between checks), for a claim whose concepts
        are `mine`."""
        features, theirs = self._view.parse(nlp, statement)
        return Match(statement, features, score, mine, theirs)


class Context:
    """Rule evidence, and the learned articles behind each claim's best candidates."""

    name: ClassVar[str] = "context"

    def __init__(self, store: Store, view: KnowledgeView) -> None:
        self._store = store
        self._view = view

    async def __call__(self, weighing: Weighing) -> InContext:
        view = self._view
        evidence = await self._store.statements.get_many(
            r.evidence_id for r, _ in view.rules if r.evidence_id
        )
        context = CheckContext(
            weighing.reference,
            view.rules,
            frozenset(i for c in weighing.worthy for i in c.features.entity_ids),
            evidence,
            lexicon(),
            view.labels,
            view.names,
            records=await self._articles(weighing.nlp, weighing.every()),
            births=await self._births(weighing.nlp, weighing.worthy),
            lives=await self._lives(weighing.nlp, weighing.worthy),
            dated=weighing.origin in _ARTICLE_DATES,
        )
        return grown(weighing, InContext, context=context)

    async def _births(
        self, nlp: Language, claims: list[Claim]
    ) -> dict[str, tuple[Statement, Birth]]:
        """The birth date the knowledge base gives each person whose age a claim tells: looked
        up by the name and "born" (a few people per article, one query each)."""
        people = {t.person.id: t.person.text for c in claims for t in told_ages(c.features)}
        found: dict[str, tuple[Statement, Birth]] = {}
        for person, name in list(people.items())[:_AGED_PEOPLE]:
            async for statement, features in self._looked_up(nlp, f"{name} born"):
                birth = next((b for b in births(features) if b.person.id == person), None)
                if birth is not None:
                    found[person] = (statement, birth)
                    break
        return found

    async def _lives(
        self, nlp: Language, claims: list[Claim]
    ) -> dict[tuple[str, str], tuple[tuple[Statement, LifeEvent], ...]]:
        """The births and deaths the knowledge base gives each person whose birth or death a
        claim dates or places: looked up by the name and "born" or "died" (a few people per
        article, one query each), every record of that event of theirs kept."""
        told = {(e.person.id, e.event): e for c in claims for e in life_events(c.features)}
        found: dict[tuple[str, str], tuple[tuple[Statement, LifeEvent], ...]] = {}
        for key, event in list(told.items())[:_AGED_PEOPLE]:
            word = "born" if event.event == BIRTH else "died"
            records = []
            async for statement, features in self._looked_up(nlp, f"{event.person.text} {word}"):
                records += [
                    (statement, e)
                    for e in life_events(features)
                    if e.event == event.event and e.told_of(event.person)
                ]
            if records:
                found[key] = tuple(records)
        return found

    async def _looked_up(
        self, nlp: Language, query: str
    ) -> AsyncIterator[tuple[Statement, Features]]:
        """The active statements retrieved for `query` (the best few), best first, each with
        its features."""
        hits = await find_candidates(self._store, query, limit=_BIRTH_CANDIDATES)
        statements = await self._store.statements.get_many(i for i, _ in hits)
        for statement_id, _ in hits:
            statement = statements.get(statement_id)
            if statement is not None and statement.status == Status.ACTIVE:
                yield statement, self._view.parse(nlp, statement)[0]

    async def _articles(self, nlp: Language, weighed: list[Weighed]) -> dict[Source, SourceRecord]:
        """The whole article behind each claim's best matches, for articles the knowledge base
        learned (`learn`): statements that merely share a source are not one article."""
        found: dict[Source, SourceRecord] = {}
        records = self._view.records
        for source in {
            m.statement.source for w in weighed for m in w.matches[:3] if is_learned(m.statement)
        }:
            if source not in records:
                statements = [
                    s for s in await self._store.statements.from_source(source) if is_learned(s)
                ]
                records[source] = (
                    SourceRecord.of(statements, [self._view.parse(nlp, s)[0] for s in statements])
                    if len(statements) >= _ARTICLE and source != Source()
                    else None
                )
            record = records[source]
            if record is not None:
                found[source] = record
        return found


class PairReading:
    """Alignment, and the closest pairs read by the learned pair model (one batch). A short
    message is read against rated claims as a whole only, not sentence by sentence: a post
    makes its claim across its sentences, and each sentence read alone against its own rated
    claims finds more that merely share its topic (on CLEF dev tweets, reading the message
    alone found more fact-checks at half the false alarms)."""

    name: ClassVar[str] = "pair model"

    def __init__(self, pairs: PairReader) -> None:
        self._pairs = pairs

    async def __call__(self, data: InContext) -> PairsRead:
        every = data.every()
        alignments = [Alignments(w.claim, data.context) for w in every]
        message = data.message
        claims = [
            ClaimToRead(
                w.claim,
                [(m, a.of(m)) for m in w.matches[:ALIGNED]],
                _rated_to_read(w, message),
                message=(message, w.message_rated)
                if message is not None and w.message_rated is not None
                else None,
            )
            for w, a in zip(every, alignments, strict=True)
        ]
        read = self._pairs.read(claims) if claims else None
        return grown(
            data,
            PairsRead,
            alignments=alignments,
            read=read if read is not None else [None] * len(every),
            unread=self._pairs.left_unread(claims, read),
        )


class Judging:
    """The verdicts from the model's reading (or the alignment model) and the detectors; a
    sentence is also judged by its parts (nlp/parts.py)."""

    name: ClassVar[str] = "judging"

    async def __call__(self, data: PairsRead) -> Judged:
        every = data.every()
        verdicts = {
            id(w): judge(
                w.claim,
                w.matches,
                data.context,
                verdict_model(),
                alignments=a,
                pairs=p,
                unread=u,
            )
            for w, a, p, u in zip(every, data.alignments, data.read, data.unread, strict=True)
        }
        judged = [
            judged_by_parts(
                verdicts[id(w)],
                [(c.claim.text, verdicts[id(c)]) for c in cs],
                [(t.claim.text, verdicts[id(t)]) for t in ts],
            )
            for w, cs, ts in zip(data.weighed, data.clauses, data.titles, strict=True)
        ]
        return grown(data, Judged, judged=judged)


class FactChecks:
    """Rated claims among the candidates: the best one the same-claim decision accepts
    decides the claim's verdict."""

    name: ClassVar[str] = "fact checks"

    def __init__(self, ratings: RatingTable, same_claim: SameClaimModel) -> None:
        self._ratings = ratings
        self._same_claim = same_claim

    async def __call__(self, data: Judged) -> Report:
        mine = len(data.weighed)
        results = tuple(
            self._checked(w, result, p, a, data.message)
            for w, result, p, a in zip(
                data.weighed, data.judged, data.read[:mine], data.alignments[:mine], strict=True
            )
        )
        start = len(data.every()) - len(data.aside_weighed)
        named = tuple(
            result
            for w, p, a in zip(
                data.aside_weighed, data.read[start:], data.alignments[start:], strict=True
            )
            if (result := self._named(w, p, a, data.message)) is not None
        )
        skipped = len(data.claims) - len(data.worthy) - len(named)
        return Report(data.reference, data.origin, results + named, skipped=skipped)

    def _checked(
        self,
        weighed: Weighed,
        result: ClaimResult,
        read: ClaimPairs | None,
        alignments: Alignments,
        message: str | None,
    ) -> ClaimResult:
        """The claim's result with the fact-check the same-claim decision accepts."""
        same = _same_claim_read(read, alignments)
        return judge_fact_checks(
            weighed.claim,
            result,
            _not_neighbours(_rated(weighed, same, message), alignments),
            ratings=self._ratings,
            model=self._same_claim,
            read=same,
            polarity=_polarity_differs(alignments),
        )

    def _named(
        self,
        weighed: Weighed,
        read: ClaimPairs | None,
        alignments: Alignments,
        message: str | None,
    ) -> ClaimResult | None:
        """A sentence kept aside, with the fact-check card of the rated claim the pair model
        reads it as (None when it reads none: the sentence stays skipped)."""
        if read is None or _same_claim_read(read, alignments) is None:
            return None
        claim = weighed.claim
        unjudged = ClaimResult(
            claim.text,
            claim.start,
            claim.end,
            Verdict.UNVERIFIED,
            model=read.reading([], asserted=False),
        )
        result = self._checked(weighed, unjudged, read, alignments, message)
        return result if result.findings else None


def _rated_to_read(weighed: Weighed, message: str | None) -> list[RatedMatch]:
    """The rated claims the pair model reads with the claim: its own best ones, or in a short
    message only the one found for the whole message, and only with the claim closest to it
    (read with the message, the claim and what a report in it says)."""
    if message is None:
        return weighed.rated
    return [weighed.message_rated] if weighed.message_rated is not None else []


def _rated(
    weighed: Weighed, read: SameClaimScores | None, message: str | None = None
) -> list[RatedMatch]:
    """The claim's rated claims, and the whole message's when the pair model read it (without
    the model the check stays as it was). In a short message the model reads the rated claim
    found for the whole message, with the claim closest to it; another claim of the message
    keeps only the rated claims it gives all the words and details of ("5G towers spread
    COVID-19" again, in a post that makes two claims): the feature model, deciding alone,
    took claims that merely share a topic (on CLEF train tweets, half a point more false
    alarms, and no fact-check more found)."""
    extra = weighed.message_rated
    if read is not None and message is not None and extra is None:
        return [r for r in weighed.rated if read.covers(r)]
    if extra is None or read is None or extra.match.statement.id not in read.scores:
        return weighed.rated
    if any(r.match.statement.id == extra.match.statement.id for r in weighed.rated):
        return weighed.rated
    return [*weighed.rated, extra]


def _not_neighbours(rated: list[RatedMatch], alignments: Alignments) -> list[RatedMatch]:
    """The rated claims the claim may repeat: not one it copies nearly word for word but with
    another person, place or organisation in place of one of its own ("Republicans in Oregon
    cut Medicaid" beside the rated "Republicans in Texas cut Medicaid") or a word turned into
    its opposite ("Floodwaters tested negative" beside the rated "... tested positive"): that
    is a neighbouring claim, which the fact-checkers did not rate, however alike the two read
    to a model (and the opposite of a false claim may well be true)."""
    return [r for r in rated if not alignments.of(r.match).another_claim]


def _polarity_differs(alignments: Alignments) -> Callable[[RatedMatch], bool]:
    """Whether the claim's alignment with a rated claim finds a word both use, negated in one
    of them only (the claim denies it: "5G towers do not spread COVID-19")."""
    return lambda rated: any(
        d.kind == DetailKind.POLARITY for d in alignments.of(rated.match).differences
    )


def _concepts(claim: Claim) -> frozenset[str]:
    """What a claim is about, as its candidates' matches compare it."""
    return concepts(claim.features, anaphor_entities(claim, lexicon()))


def _short_message(text: str, claims: list[Claim]) -> str | None:
    """The whole text (as read), when it is a short message with claims."""
    whole = text.strip()
    return whole if claims and len(whole) <= MESSAGE_CHARS else None


def _same_claim_read(read: ClaimPairs | None, alignments: Alignments) -> SameClaimScores | None:
    """The pair model's same-claim scores, when a same-claim threshold ships for it (without
    one the feature model decides, as without the pair model), and whether the claim gives
    all of a rated claim's words and details, none otherwise (it says that, and maybe more)."""
    if read is None or math.isinf(read.thresholds.same_claim):
        return None

    def covers(rated: RatedMatch) -> bool:
        found = alignments.of(rated.match)
        return not found.differences and found.statement_coverage >= COVERED

    return SameClaimScores(read.same_claim, read.thresholds.same_claim, covers)


#: The stages of a check, in the order they run.
STAGE_ORDER: tuple[type[Stage[Any, Any]], ...] = (
    Reading,
    Retrieval,
    Statements,
    Context,
    PairReading,
    Judging,
    FactChecks,
)
STAGES = tuple(stage.name for stage in STAGE_ORDER)


def _query(claim: Claim) -> str:
    return claim.statement or claim.text


def _reference_date(text: str, explicit: date | None, fallback: date | None) -> tuple[date, str]:
    if explicit is not None:
        return explicit, "explicit"
    found = find_dateline(text)
    if found is not None:
        return found, "dateline"
    if fallback is not None:
        return fallback, "message"
    return date.today(), "today"
