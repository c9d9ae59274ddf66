"""The knowledge base facade: check articles, search, and curate statements and rules."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path

from knowledge.checking.checker import Checker
from knowledge.checking.pair_reading import PairReader, pair_budget
from knowledge.checking.runner import UNOBSERVED, StageHook
from knowledge.checking.stages import Weighed
from knowledge.curation import Curator
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
from knowledge.link_check import CheckText, LinkCheck, check_links
from knowledge.model import (
    Report,
    Review,
    Statement,
)
from knowledge.retrieval import TEXT_INDEX, search_statements
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
    model; it is loaded on the first check that needs it, in the process that checks, and
    reads at most $FACTCHECK_PAIR_BUDGET pairs per check (default 12).
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
            pair_model = PairReader(
                pair_model or os.environ.get("FACTCHECK_PAIR_MODEL", "auto"),
                budget=pair_budget(os.environ.get("FACTCHECK_PAIR_BUDGET")),
            )
        kb = KnowledgeBase(store, model=model, ratings=ratings, pages=pages, pairs=pair_model)
        if pages is not None:
            await kb.pages.prune()
        yield kb
    finally:
        await store.close()


class KnowledgeBase:
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
        self.curator = Curator(store, self.checker.view, ratings=self.checker.ratings)
        self.pages = PageCache(store.pages, limits=pages)

    @property
    def chats(self) -> ChatTable:
        """Each front-door chat's switches, in the same file (the bot's; checks ignore them)."""
        return self.store.chats

    @property
    def requests(self) -> RequestTable:
        """The curators' requests as stored: readers' asks and disputes (knowledge.requests)."""
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
        return await search_statements(self.store, text, limit=limit)

    async def get(self, statement_id: int) -> Statement:
        return await self.store.statements.get(statement_id)

    async def review_of(self, statement_id: int) -> Review | None:
        """The fact-checker's review when the statement is a rated claim, else None."""
        return (await self.store.reviews.of([statement_id])).get(statement_id)
