"""The precision suite: true text is never flagged; single-detail errors are caught."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import pytest
import pytest_asyncio

import knowledge
from tests.precision.corpus import (
    CLAUSE_DAY,
    CLAUSE_ERRORS,
    CLAUSE_EVENT,
    CLAUSE_TRUE,
    FAITHFUL,
    FIGURES_ARTICLE,
    FIGURES_DAY,
    FIGURES_SOURCE,
    FIGURES_TRUE,
    FIGURES_WRONG,
    LEARNED_ARTICLE,
    LEARNED_DAY,
    LEARNED_SOURCE,
    NEIGHBOUR_EVENTS,
    NEIGHBOURS_DAY,
    NEIGHBOURS_TRUE,
    NEIGHBOURS_WRONG,
    NEWS_ARTICLE,
    NEWS_DAY,
    NEWS_FAITHFUL,
    NEWS_SOURCE,
    ONE_ERROR,
    SEED_TOPIC_DAY,
    TITLE_OUTDATED,
    TITLE_TRUE,
    TRUE_NEAR_SEEDS,
)


@pytest_asyncio.fixture
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as fresh:
        yield fresh


@asynccontextmanager
async def _having_learned(
    article: str, source: str, day: date
) -> AsyncIterator[knowledge.KnowledgeBase]:
    """A fresh seeded knowledge base that has learned one trusted article."""
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.learn(article, source=source, published=day)
        yield kb


@pytest_asyncio.fixture
async def learned() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with _having_learned(LEARNED_ARTICLE, LEARNED_SOURCE, LEARNED_DAY) as kb:
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
    async with _having_learned(NEWS_ARTICLE, NEWS_SOURCE, NEWS_DAY) as kb:
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
            await kb.curator.add(text, source="https://fact-checker.example/")
        report = await kb.check("The harbour ferry was cancelled because of the storm in Oslo.")
        assert report.flagged == []


@pytest_asyncio.fixture
async def with_event() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:
        text, day = CLAUSE_EVENT
        await kb.curator.add(text, source="https://example.org/finland-joins", event_date=day)
        yield kb


@pytest.mark.parametrize("text", CLAUSE_ERRORS)
async def test_a_wrong_part_in_a_clause_is_flagged_as_its_short_form_would_be(
    with_event: knowledge.KnowledgeBase, text: str
) -> None:
    report = await with_event.check(text, reference_date=CLAUSE_DAY)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert claim.findings[0].evidence  # the finding cites the statement it rests on


@pytest.mark.parametrize("text", CLAUSE_TRUE)
async def test_a_true_sentence_of_several_parts_is_not_flagged(
    with_event: knowledge.KnowledgeBase, text: str
) -> None:
    report = await with_event.check(text, reference_date=CLAUSE_DAY)
    assert report.flagged == []


@pytest.mark.parametrize("text", TITLE_OUTDATED)
async def test_a_title_no_longer_held_on_the_dateline_day_is_outdated(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await kb.check(text)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.OUTDATED
    assert "stopped being true" in claim.findings[0].message


@pytest.mark.parametrize("text", TITLE_TRUE)
async def test_former_current_and_past_titles_are_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await kb.check(text)
    assert report.flagged == []
    assert all(c.verdict != knowledge.Verdict.SUPPORTED for c in report.claims)  # a title
    # backs no more than itself: the meeting is not in the knowledge base


async def test_a_title_in_an_undated_text_is_not_judged_against_today(
    kb: knowledge.KnowledgeBase,
) -> None:
    undated = TITLE_OUTDATED[0].split("– ", 1)[1]
    report = await kb.check(undated, fallback_date=date(2025, 6, 2))
    assert report.flagged == []


@pytest_asyncio.fixture
async def neighbours() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:
        for text, day in NEIGHBOUR_EVENTS:
            await kb.curator.add(
                text, kind="event", event_date=day, source="https://www.nato.int/enlargement"
            )
        yield kb


@pytest.mark.parametrize("text", NEIGHBOURS_TRUE)
async def test_a_true_sentence_beside_neighbouring_events_is_backed(
    neighbours: knowledge.KnowledgeBase, text: str
) -> None:
    report = await neighbours.check(text, reference_date=NEIGHBOURS_DAY)
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.SUPPORTED]


@pytest.mark.parametrize(("text", "recorded"), NEIGHBOURS_WRONG)
async def test_a_wrong_rank_or_day_is_named_against_its_own_event(
    neighbours: knowledge.KnowledgeBase, text: str, recorded: str
) -> None:
    report = await neighbours.check(text, reference_date=NEIGHBOURS_DAY)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert all(recorded in f.message for f in claim.findings), claim.findings


@pytest_asyncio.fixture
async def figures() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with _having_learned(FIGURES_ARTICLE, FIGURES_SOURCE, FIGURES_DAY) as kb:
        yield kb


@pytest.mark.parametrize("text", FIGURES_TRUE)
async def test_a_bound_the_articles_figure_meets_is_never_flagged(
    figures: knowledge.KnowledgeBase, text: str
) -> None:
    report = await figures.check(text, reference_date=FIGURES_DAY)
    assert [c.text for c in report.flagged] == []


@pytest.mark.parametrize(("text", "recorded"), FIGURES_WRONG)
async def test_a_bound_the_articles_figure_breaks_is_flagged_naming_it(
    figures: knowledge.KnowledgeBase, text: str, recorded: str
) -> None:
    report = await figures.check(text, reference_date=FIGURES_DAY)
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.CONTRADICTED]
    assert any(recorded in f.message for f in report.claims[0].findings)
