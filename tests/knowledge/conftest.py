"""Fixtures for the engine tests: a fresh seeded in-memory knowledge base per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
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


async def finding_kinds(kb: knowledge.KnowledgeBase, text: str, when: date = SEOUL_DAY) -> set[str]:
    report = await kb.check(text, reference_date=when)
    return {f.kind.value for c in report.claims for f in c.findings}
