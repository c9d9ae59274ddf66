"""The knowledge base facade: check articles, search, and curate statements and rules."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from knowledge import storing
from knowledge.checking.checker import Checker
from knowledge.checking.pair_reading import PairReader
from knowledge.checking.runner import UNOBSERVED, StageHook
from knowledge.checking.stages import Weighed
from knowledge.curation import CurationMixin
from knowledge.errors import InvalidStatement, StatementNotFound
from knowledge.factchecks import (
    RatingTable,
    SameClaimModel,
    load_ratings,
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
from knowledge.inputs import vet_text
from knowledge.learned import learned_key
from knowledge.links import CheckText, LinkCheck, check_links
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
from knowledge.nlp.dates import find_dateline
from knowledge.resources import lexicon
from knowledge.retrieval import TEXT_INDEX, find_candidates
from knowledge.seeding import default_seed_dir
from knowledge.seeding import seed as seed_store
from knowledge.store import WRITE_WAIT, ChatTable, RequestTable, Store, open_store


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
        self.checker = Checker(
            store, model=model, ratings=ratings, same_claim=same_claim, pairs=pairs
        )
        self.pages = PageCache(store.pages, limits=pages)

    @property
    def chats(self) -> ChatTable:
        """Each front-door chat's switches, in the same file (the bot's; checks ignore them)."""
        return self.store.chats

    @property
    def requests(self) -> RequestTable:
        """The curators' queue as stored: readers' asks and disputes (knowledge.queue's desk)."""
        return self.store.requests

    # -- checking -----------------------------------------------------------------------

    @property
    def pairs(self) -> PairReader:
        """The pair-model stage's reader (tests and the worker set it)."""
        return self.checker.pairs

    @pairs.setter
    def pairs(self, reader: PairReader) -> None:
        self.checker.pairs = reader

    async def check(
        self,
        text: str,
        *,
        reference_date: date | None = None,
        fallback_date: date | None = None,
        stages: StageHook = UNOBSERVED,
    ) -> Report:
        """Check an article: a verdict with findings and evidence for each claim. The check
        runs as its stages (`knowledge.checking.stages.STAGES`); `stages` observes each."""
        return await self.checker.check(
            text, reference_date=reference_date, fallback_date=fallback_date, stages=stages
        )

    async def candidates(self, text: str, *, reference_date: date | None = None) -> list[Weighed]:
        """What a check weighs for each check-worthy claim of `text`: its candidate evidence
        and, apart, the rated claims among its candidates (for training and inspection)."""
        return await self.checker.candidates(text, reference_date=reference_date)

    async def check_links(
        self,
        urls: Sequence[str],
        *,
        check: CheckText | None = None,
        limits: FetchLimits | None = None,
        forwarded_on: date | None = None,
        reference_date: date | None = None,
        resolver: Resolver | None = None,
        cache_ttl: timedelta = timedelta(hours=6),
    ) -> LinkCheck:
        """The first of `urls` that yields an article, fetched safely (cached by URL) and
        checked: by `check` when given (the bot's worker pool; fetching is network waiting and
        stays here), else by this knowledge base. The publication date is the reference date
        unless the forward's own date is older; `reference_date` overrides both. Raises the
        last link's failure with a one-line reason (FetchFailed, or UnusableLink)."""

        async def fetch(url: str) -> Article:
            return await fetch_article(
                url,
                limits=limits or FetchLimits(),
                resolver=resolver,
                cache=self.pages,
                cache_ttl=cache_ttl,
            )

        return await check_links(
            urls,
            fetch=fetch,
            check=check or self.check,
            forwarded_on=forwarded_on,
            reference_date=reference_date,
        )

    # -- reading ------------------------------------------------------------------------

    async def search(self, text: str, limit: int = 10) -> list[tuple[Statement, float]]:
        """Active statements that best match `text`, best first, with scores in [0, 1]."""
        if not text.strip():
            return []
        found = await find_candidates(self.store, text, limit=limit)
        statements = await self.store.statements.get_many(i for i, _ in found)
        return [(statements[i], s) for i, s in found if i in statements][:limit]

    async def get(self, statement_id: int) -> Statement:
        return await self.store.statements.get(statement_id)

    async def history(self, statement_id: int) -> list[Change]:
        await self.store.statements.get(statement_id)
        return await self.store.log.changes(100, target_id=statement_id)

    async def rules(self) -> list[Rule]:
        return await self.store.rules.all()

    async def log(self, limit: int = 20) -> list[Change]:
        return await self.store.log.changes(limit)

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
        draft = storing.statement_of(
            text,
            source=source,
            external_id=external_id,
            event_date=event_date,
            valid_from=valid_from,
            valid_until=valid_until,
            kind=kind,
            speaker=speaker,
            quote=quote,
            entities=entities,
            review=review,
        )
        return await storing.add_statement(self.store, draft, actor or Actor.cli())

    def rating_class(self, rating: str) -> str:
        """The class of a published rating (false, misleading, mixed, unproven, satire, true,
        or "other" when the rating table does not know it)."""
        return self.checker.ratings.classify(rating)

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
        nlp = await self.checker.view.refresh()
        reference = published or find_dateline(text) or date.today()
        src = _source(source)
        if src.published is None:
            src = replace(src, published=published)
        claims = extract_claims(nlp(text), reference, lexicon(), nlp=nlp)
        drafts = [
            _draft_from_claim(c, src, self.checker.view.labels) for c in claims if c.check_worthy
        ]
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
        rated = await self.store.reviews.of([statement_id])
        if statement_id not in rated and reads_as_rating(text):
            raise InvalidStatement("statement", f"“{text[:80]}” {RATING_WORDING}")
        await self.store.update(statement_id, actor or Actor.cli(), ChangeAction.EDIT, text=text)
        return await self.store.statements.get(statement_id)

    async def retire(
        self, statement_id: int, reason: str | None = None, *, actor: Actor | None = None
    ) -> Statement:
        statement = await self.store.statements.get(statement_id)
        if statement.status == Status.RETIRED:
            raise StatementNotFound(f"{statement_id} (already retired)")
        await self.store.update(
            statement_id,
            actor or Actor.cli(),
            ChangeAction.RETIRE,
            reason=reason,
            status=Status.RETIRED,
        )
        return await self.store.statements.get(statement_id)

    async def undo(self, change_id: int, *, actor: Actor | None = None) -> int:
        return await self.store.undo(change_id, actor or Actor.cli())


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
