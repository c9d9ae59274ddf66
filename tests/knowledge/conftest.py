"""Fixtures for the engine tests: a fresh seeded in-memory knowledge base per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import pytest_asyncio

import knowledge

ARTICLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"
SEOUL_DAY = date(2023, 1, 30)


@pytest_asyncio.fixture
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as fresh:
        yield fresh


async def verdict_of(kb: knowledge.KnowledgeBase, text: str, when: date = SEOUL_DAY) -> str:
    """The verdict of the single claim in `text`."""
    report = await kb.check(text, reference_date=when)
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0].verdict.value


async def verdict_beside(
    record: str,
    claim: str,
    *,
    source: str | None = None,
    seed: bool = False,
    when: date = date(2024, 6, 1),
) -> str:
    """The verdict on the first claim of `claim`, checked against a knowledge base holding
    `record` (cited to `source`, whose title it is), with the seeds only when asked."""
    async with knowledge.open_kb(":memory:", seed=seed) as kb:
        await kb.curator.add(record, source=source)
        report = await kb.check(claim, reference_date=when)
        return report.claims[0].verdict.value


async def finding_kinds(kb: knowledge.KnowledgeBase, text: str, when: date = SEOUL_DAY) -> set[str]:
    report = await kb.check(text, reference_date=when)
    return {f.kind.value for c in report.claims for f in c.findings}


async def report_after_learning(
    kb: knowledge.KnowledgeBase, article: str, text: str, published: date, *, days_after: int = 1
) -> knowledge.Report:
    """The report on `text`, checked `days_after` the day the knowledge base learned
    `article` (a trusted source published on `published`): the next day unless told."""
    await kb.curator.learn(article, source="https://example.org/article", published=published)
    return await kb.check(text, reference_date=published + timedelta(days=days_after))


async def claim_after_learning(
    kb: knowledge.KnowledgeBase, article: str, text: str, published: date
) -> knowledge.ClaimResult:
    """The one claim of `text`, checked on the day the knowledge base learned `article`."""
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]
