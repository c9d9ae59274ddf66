"""The same-claim model reads the (text, rated claim) pairs and the pair model the (claim,
statement) pairs: a fact-check card follows the same-claim model's score, never the pair
model's same-claim head, and a verdict on a statement follows the pair model alone.

Scripted scorers stand in for the two models (tests/knowledge/test_pair_model_stage.py)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

import knowledge
from knowledge.checking.pair_reading import PairReader
from knowledge.errors import InvalidSeed
from knowledge.factchecks.same_claim_reading import SameClaimReading
from knowledge.pair_model import packaged_path
from tests.knowledge.test_pair_model_stage import RUTTE, THRESHOLDS, ScriptedScorer, scores_of

DAY = date(2021, 6, 1)
ALONE = SameClaimReading.model_alone()
OWN_WORDS = "Those 5G masts are what is really spreading the coronavirus around."


def cards(claim: knowledge.ClaimResult) -> list[str]:
    return [
        f.fact_check.review.url
        for f in claim.findings
        if f.kind == knowledge.FindingKind.FACT_CHECK and f.fact_check is not None
    ]


async def test_the_card_follows_the_same_claim_model(rated_kb: knowledge.KnowledgeBase) -> None:
    pair = ScriptedScorer({"5G towers": scores_of(neutral=1.0, same_claim=0.05)})
    same = ScriptedScorer({"5G towers": scores_of(neutral=1.0, same_claim=0.95)})
    rated_kb.pairs = PairReader(
        "on", scorer=pair, same_scorer=same, thresholds=THRESHOLDS, reading=ALONE
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert cards(claim) == ["https://check.example/5g-covid"]
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    read_by_same = {rated for call in same.calls for _, rated in call}
    assert "5G towers spread COVID-19." in read_by_same
    assert not any("5G towers" in rated for call in pair.calls for _, rated in call)


async def test_no_card_where_only_the_pair_models_head_reads_the_same_claim(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    pair = ScriptedScorer({"5G towers": scores_of(neutral=1.0, same_claim=0.95)})
    same = ScriptedScorer({"5G towers": scores_of(neutral=1.0, same_claim=0.05)})
    rated_kb.pairs = PairReader(
        "on", scorer=pair, same_scorer=same, thresholds=THRESHOLDS, reading=ALONE
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert cards(claim) == []
    assert claim.model is not None and claim.model.same_claim == 0.05


async def test_a_statement_is_judged_by_the_pair_model_only() -> None:
    async with knowledge.open_kb(":memory:", seed=False, pair_model="off") as kb:
        await kb.curator.add(RUTTE)
        pair = ScriptedScorer({"Rutte": scores_of(supports=0.95)})
        same = ScriptedScorer({"Rutte": scores_of(refutes=0.99)})  # never asked
        kb.pairs = PairReader("on", scorer=pair, same_scorer=same, thresholds=THRESHOLDS)
        text = (
            "Former Dutch prime minister Mark Rutte took office as NATO Secretary General "
            "on 1 October 2024."
        )
        [claim] = (await kb.check(text, reference_date=date(2025, 3, 12))).claims
    assert claim.verdict == knowledge.Verdict.SUPPORTED
    assert pair.calls and not any(same.calls)


async def test_a_same_claim_model_the_thresholds_were_not_chosen_for_is_not_used(
    tmp_path: Path,
) -> None:
    """Another same-claim model file (here the pair model's, copied) would be read at a
    threshold chosen for the shipped one: `on` refuses it naming the file to re-choose,
    `auto` keeps to the alignment model (no model reading in the result)."""
    other = tmp_path / "other"
    shutil.copytree(packaged_path(), other)
    with pytest.raises(InvalidSeed, match="pair_thresholds.json"):
        PairReader("on", same_path=other).load()
    async with knowledge.open_kb(":memory:", seed=False, pair_model="off") as kb:
        await kb.curator.add(RUTTE)
        text = "Mark Rutte took office as NATO Secretary General on 1 October 2024."
        kb.pairs = PairReader("auto", same_path=other)
        [unread] = (await kb.check(text, reference_date=date(2025, 3, 12))).claims
        kb.pairs = PairReader("auto")
        [read] = (await kb.check(text, reference_date=date(2025, 3, 12))).claims
    assert unread.model is None
    assert read.model is not None
