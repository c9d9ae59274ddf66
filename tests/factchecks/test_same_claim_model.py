"""Rated claims through the pair model: a sentence that makes a fact-checked claim in its own
words gets the fact-check; one whose same-claim score stays below the threshold does not.

A scripted scorer stands in for the learned model (tests/knowledge/test_pair_model_stage.py)."""

from __future__ import annotations

from datetime import date

import knowledge
from knowledge.checking.pair_reading import PairReader
from tests.knowledge.test_pair_model_stage import THRESHOLDS, ScriptedScorer, scores_of

DAY = date(2021, 6, 1)
OWN_WORDS = "Those 5G masts are what is really spreading the coronavirus around."


async def test_the_claim_in_other_words_gets_the_fact_check(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    rated_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.93)}),
        thresholds=THRESHOLDS,
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    [finding] = [f for f in claim.findings if f.kind == knowledge.FindingKind.FACT_CHECK]
    assert finding.fact_check is not None
    assert finding.fact_check.review.url == "https://check.example/5g-covid"


async def test_a_neighbouring_claim_gets_no_card(rated_kb: knowledge.KnowledgeBase) -> None:
    rated_kb.pairs = PairReader(
        "on", scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.3)}), thresholds=THRESHOLDS
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert not any(f.kind == knowledge.FindingKind.FACT_CHECK for f in claim.findings)
    assert claim.model is not None and claim.model.same_claim == 0.3
