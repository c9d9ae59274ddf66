"""The precision suite: true text is never flagged; single-detail errors are caught."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

import knowledge
from tests.precision.corpus import (
    FAITHFUL,
    LEARNED_ARTICLE,
    LEARNED_DAY,
    LEARNED_SOURCE,
    NEWS_ARTICLE,
    NEWS_DAY,
    NEWS_FAITHFUL,
    NEWS_SOURCE,
    ONE_ERROR,
    SEED_TOPIC_DAY,
    TRUE_NEAR_SEEDS,
)


@pytest_asyncio.fixture
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as fresh:
        yield fresh


@pytest_asyncio.fixture
async def learned() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:
        await kb.learn(LEARNED_ARTICLE, source=LEARNED_SOURCE, published=LEARNED_DAY)
        yield kb


@pytest.mark.parametrize("text", TRUE_NEAR_SEEDS)
async def test_true_sentences_near_the_seed_topics_are_never_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await kb.check(text, reference_date=SEED_TOPIC_DAY)
    assert [c.text for c in report.flagged] == []


@pytest.mark.parametrize("text", FAITHFUL)
async def test_faithful_retellings_of_a_learned_article_are_never_flagged(
    learned: knowledge.KnowledgeBase, text: str
) -> None:
    report = await learned.check(text, reference_date=LEARNED_DAY)
    assert [c.text for c in report.flagged] == []


@pytest.mark.parametrize("text", NEWS_FAITHFUL)
async def test_retellings_in_their_own_words_are_never_flagged(text: str) -> None:
    async with knowledge.open_kb(":memory:") as kb:
        await kb.learn(NEWS_ARTICLE, source=NEWS_SOURCE, published=NEWS_DAY)
        report = await kb.check(text, reference_date=NEWS_DAY)
    assert [c.text for c in report.flagged] == []


@pytest.mark.parametrize(("text", "detail"), ONE_ERROR, ids=[d for _, d in ONE_ERROR])
async def test_a_retelling_with_one_wrong_detail_is_never_supported(
    learned: knowledge.KnowledgeBase, text: str, detail: str
) -> None:
    report = await learned.check(text, reference_date=LEARNED_DAY)
    assert all(c.verdict != knowledge.Verdict.SUPPORTED for c in report.claims)


async def test_most_single_detail_errors_are_caught(learned: knowledge.KnowledgeBase) -> None:
    caught = [
        text
        for text, _ in ONE_ERROR
        if (await learned.check(text, reference_date=LEARNED_DAY)).flagged
    ]
    assert len(caught) >= 0.85 * len(ONE_ERROR)


async def test_every_finding_carries_a_confidence_and_supported_claims_their_evidence(
    learned: knowledge.KnowledgeBase,
) -> None:
    flagged = await learned.check(ONE_ERROR[0][0], reference_date=LEARNED_DAY)
    data = flagged.to_dict()
    findings = [f for c in data["claims"] for f in c["findings"]]
    assert findings and all(0.5 <= f["confidence"] <= 1 for f in findings)
    backed = await learned.check(FAITHFUL[0], reference_date=LEARNED_DAY)
    (claim,) = backed.to_dict()["claims"]
    assert claim["verdict"] == "supported" and claim["support"] and claim["confidence"] > 0.5


async def test_sharing_a_source_does_not_make_statements_one_article() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        for text in (
            "The harbour ferry was cancelled because of the storm.",
            "A new library opened in the old post office.",
            "The city council approved a budget for cycle lanes.",
        ):
            await kb.add(text, source="https://fact-checker.example/")
        report = await kb.check("The harbour ferry was cancelled because of the storm in Oslo.")
        assert report.flagged == []
