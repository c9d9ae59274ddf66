"""The closest entry offered under a claim nothing decides: a statement or a rated claim with
its review, and only at or above the relevance floor."""

from __future__ import annotations

import knowledge
from knowledge import Review, Source, StatementDraft, closest_related

RATED = "Zelensky bought two yachts with money from US aid."
REVIEW = Review(checker="Lead Stories", rating="False", url="https://example.org/yachts")


async def test_a_statement_above_the_floor_is_offered(kb: knowledge.KnowledgeBase) -> None:
    found = await closest_related(kb, "Did Sweden and Finland apply to join the EU in May 2022?")
    assert found is not None and found.review is None
    assert found.statement.text == "Sweden and Finland applied to join NATO in May 2022."


async def test_a_rated_claim_comes_with_its_review(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add_many(
        [StatementDraft(RATED, source=Source(title="Lead Stories"), review=REVIEW)]
    )
    found = await closest_related(kb, "Did Zelensky buy a villa in Egypt with US aid?")
    assert found is not None and found.statement.text == RATED
    assert found.review is not None and found.review.rating == "False"


async def test_nothing_is_offered_below_the_floor(kb: knowledge.KnowledgeBase) -> None:
    question = "Did Sweden and Finland apply to join the EU in May 2022?"
    found = await closest_related(kb, question)
    assert found is not None
    assert await closest_related(kb, question, floor=found.score + 0.01) is None
    assert await closest_related(kb, "Is the moon made of green cheese?") is None
