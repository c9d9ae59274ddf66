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
        pytest.param(
            "The Minsk II agreement of February 2015 set out thirteen points for a ceasefire "
            "in eastern Ukraine.",
            id="before-the-fact-began",
        ),
        pytest.param(
            "Sanctions have been imposed by the EU and the US rather than NATO.",
            id="rather-than",
        ),
        pytest.param(
            "Unlike NATO, the European Union has imposed sanctions on Moscow.", id="unlike"
        ),
        pytest.param(
            "NATO itself has no troops in Ukraine, and sanctions against Moscow have been "
            "imposed by the European Union, the United States, Japan and others, not by the "
            "alliance.",
            id="two-negations",
        ),
        pytest.param("NATO has no troops in Ukraine and imposes no sanctions.", id="negated-twice"),
        pytest.param(
            "Some politicians have called for NATO to send troops to Ukraine.", id="a-call"
        ),
        pytest.param("Russia claims NATO troops are already fighting in Ukraine.", id="claims"),
        pytest.param("Moscow has accused NATO of imposing sanctions.", id="accused"),
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


async def test_the_topic_of_a_rule_is_not_read_as_its_denial(kb: knowledge.KnowledgeBase) -> None:
    # The seeds record "its rule of not exporting weapons"; "its rule on exporting weapons"
    # names the same rule by its topic and asserts no export.
    text = (
        "Stoltenberg asked South Korea to reconsider its rule on exporting weapons to "
        "countries in conflict."
    )
    assert "polarity" not in await finding_kinds(kb, text)
    assert await verdict_of(kb, text) != "contradicted"


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        pytest.param(
            "The airline kept its policy on refunding cancelled tickets.", False, id="topic"
        ),
        pytest.param(
            "The airline kept its policy of refunding cancelled tickets.", True, id="content"
        ),
        pytest.param(
            "The ministry lifted its ban on not importing grain from the region.",
            True,
            id="denied-topic",
        ),
    ],
)
async def test_a_topic_differs_only_when_its_content_is_denied(claim: str, flagged: bool) -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add("The airline kept its policy of not refunding cancelled tickets.")
        await kb.curator.add("The ministry lifted its ban on importing grain from the region.")
        assert ("polarity" in await finding_kinds(kb, claim, date(2024, 1, 1))) is flagged


async def test_keeping_a_policy_is_not_backed_by_asking_to_reconsider_it(
    kb: knowledge.KnowledgeBase,
) -> None:
    text = (
        "Stoltenberg asked South Korea to keep its rule of not exporting weapons to countries "
        "in conflict."
    )
    assert await verdict_of(kb, text) != "supported"
