"""The entry closest to a claim the knowledge base cannot decide, offered as related reading
(never as evidence: it is not the same claim)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.model import Review, Statement

if TYPE_CHECKING:
    from knowledge.kb import KnowledgeBase

# The lowest search score at which the closest entry is offered: chosen on CLEF CheckThat! 2020
# Task 2 (train + dev) through 5 folds by benchmarks/related_floor.py (results/related_floor.json):
# held out, 98.6% of the offers are the claim the tweet is about, and with that claim set aside
# something is still offered for 10% of the tweets.
RELATED_FLOOR = 0.364


@dataclass(frozen=True, slots=True)
class Related:
    """The closest entry to a claim: a statement, or a rated claim with its review."""

    statement: Statement
    score: float  # the search score of the claim and the entry, in [0, 1]
    review: Review | None = None


async def closest_related(
    kb: KnowledgeBase, text: str, *, floor: float = RELATED_FLOOR
) -> Related | None:
    """The entry `KnowledgeBase.search` ranks first for `text` (a statement or a rated claim,
    with its review), when its score reaches `floor`; else None."""
    hits = await kb.search(text, limit=1)
    if not hits or hits[0][1] < floor:
        return None
    statement, score = hits[0]
    return Related(statement, score, await kb.review_of(statement.id))
