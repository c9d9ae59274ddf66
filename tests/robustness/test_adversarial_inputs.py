"""Adversarial text shapes of 100,000 characters go through the whole check and come back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio

import knowledge
from knowledge.resources import lexicon
from knowledge.retrieval.terms import split_signatures
from tests.robustness.shapes import SHAPES

LENGTH = 100_000


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as fresh:
        yield fresh


# The timeout is a hang guard (before the fix the worst shape took hours), not a timing test.
@pytest.mark.timeout(120)
@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("shape", [pytest.param(s, id=n) for n, s in SHAPES.items()])
async def test_adversarial_text_is_checked(kb: knowledge.KnowledgeBase, shape) -> None:
    text = shape(LENGTH)
    assert len(text) == LENGTH
    report = await kb.check(text, reference_date=date(2023, 1, 30))
    assert all(0 <= c.start < c.end <= LENGTH for c in report.claims)


@pytest.mark.timeout(60)
def test_boilerplate_pattern_rejects_a_long_run_of_tildes() -> None:
    lines = lexicon().boilerplate_lines
    assert lines.match("Copyright 2023.")
    assert lines.match("copyright " + "~" * LENGTH + " x") is None


@pytest.mark.timeout(60)
def test_signature_pattern_passes_over_a_long_run_of_spaces() -> None:
    body, authors = split_signatures("Troops moved on Monday -" + " " * LENGTH + " x y z")
    assert authors == ""
    tweet = "Troops moved. — Jane Doe (@JaneDoe) May 1, 2019"
    assert split_signatures(tweet) == ("Troops moved. ", "Jane Doe Jane Doe 2019")


@pytest.mark.timeout(120)
@pytest.mark.asyncio(loop_scope="module")
async def test_thousands_of_tiny_sentences_are_all_claims(kb: knowledge.KnowledgeBase) -> None:
    report = await kb.check(SHAPES["tiny_sentences"](LENGTH), reference_date=date(2023, 1, 30))
    assert len(report.claims) == 4_000
