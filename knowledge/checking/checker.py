"""The checker: a check as its stages (checking/stages.py) run in order by one runner."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from knowledge.checking.pair_reading import PairReader
from knowledge.checking.runner import UNOBSERVED, StageHook, run_stages
from knowledge.checking.stages import (
    STAGE_ORDER,
    CheckRequest,
    Context,
    FactChecks,
    Judging,
    PairReading,
    Reading,
    Retrieval,
    Stage,
    Statements,
    Weighed,
    Weighing,
)
from knowledge.checking.view import KnowledgeView
from knowledge.factchecks import RatingTable, SameClaimModel, default_ratings, load_model
from knowledge.model import Report
from knowledge.store import Store


class Checker:
    """Checks articles against the stored statements."""

    def __init__(
        self,
        store: Store,
        *,
        model: str | None = None,
        ratings: RatingTable | None = None,
        same_claim: SameClaimModel | None = None,
        pairs: PairReader | None = None,
    ) -> None:
        self.store = store
        self.view = KnowledgeView(store, model=model)
        self.pairs = pairs or PairReader("off")
        self.ratings = ratings or default_ratings()
        self.same_claim = same_claim or load_model()

    def stages(self) -> list[Stage[Any, Any]]:
        """The stages of a check, in `STAGE_ORDER`."""
        return [
            Reading(self.view),
            Retrieval(self.store),
            Statements(self.store, self.view),
            Context(self.store, self.view),
            PairReading(self.pairs),
            Judging(),
            FactChecks(self.ratings, self.same_claim),
        ]

    async def check(
        self,
        text: str,
        *,
        reference_date: date | None = None,
        fallback_date: date | None = None,
        stages: StageHook = UNOBSERVED,
    ) -> Report:
        """Check an article: a verdict with findings and evidence for each claim; `stages`
        is told when each stage starts and ends."""
        request = CheckRequest(
            text=text, reference_date=reference_date, fallback_date=fallback_date
        )
        return cast(Report, await run_stages(self.stages(), request, stages))

    async def candidates(self, text: str, *, reference_date: date | None = None) -> list[Weighed]:
        """What a check weighs for each check-worthy claim of `text`: its candidate evidence
        and, apart, the rated claims among its candidates (for training and inspection)."""
        request = CheckRequest(text=text, reference_date=reference_date, with_parts=False)
        weighing = await run_stages(self.stages()[: STAGE_ORDER.index(Statements) + 1], request)
        return cast(Weighing, weighing).weighed
