"""Negations, antonyms, and claims presupposing what a background fact rules out."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import finding_kinds, verdict_of


async def test_negated_statement_is_contradicted(kb: knowledge.KnowledgeBase) -> None:
    text = "NATO chief Jens Stoltenberg did not urge South Korea to allow direct exports of arms to Ukraine."
    # Flagged when the calibrated model is confident enough, and never endorsed.
    assert await verdict_of(kb, text) in ("contradicted", "unverified")


async def test_antonym_is_contradicted(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add("The city council approved the new budget for public libraries.")
    assert "polarity" in await finding_kinds(
        kb, "The city council rejected the new budget for public libraries."
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("NATO has sent thousands of troops to fight in Ukraine.", id="troops"),
        pytest.param(
            "Sanctions imposed by NATO have hit the Russian economy hard.", id="sanctions"
        ),
        pytest.param("A ceasefire has held in Ukraine for months, officials said.", id="ceasefire"),
    ],
)
async def test_background_fact_contradicted(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert await verdict_of(kb, text, date(2023, 5, 2)) == "contradicted"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "NATO has deployed additional troops to Poland and Romania.", id="other-country"
        ),
        pytest.param("NATO has not sent troops to Ukraine, Stoltenberg said.", id="agrees"),
        pytest.param(
            "The European Union imposed new sanctions on Russia on Friday.", id="eu-sanctions"
        ),
        pytest.param("Leaders hope to negotiate a ceasefire in Ukraine next year.", id="sought"),
    ],
)
async def test_background_fact_not_misapplied(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "background" not in await finding_kinds(kb, text, date(2023, 5, 2))


async def test_opposite_stance_is_contradicted_and_quoted_as_written(
    kb: knowledge.KnowledgeBase,
) -> None:
    await kb.curator.add(
        "The fishermen's association welcomed the new quotas for the northern bay."
    )
    report = await kb.check(
        "The fishermen's association criticised the new quotas for the northern bay."
    )
    (claim,) = report.claims
    # Flagged only when the calibrated model is confident; never endorsed; a flag quotes both.
    assert claim.verdict.value in ("contradicted", "unverified")
    for finding in claim.findings:
        assert "“criticised”" in finding.message and "“welcomed”" in finding.message
