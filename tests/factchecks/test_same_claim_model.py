"""Rated claims through the pair model: a sentence that makes a fact-checked claim in its own
words gets the fact-check; one whose same-claim score stays below the threshold does not.

A scripted scorer stands in for the learned model (tests/knowledge/test_pair_model_stage.py)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import knowledge
from knowledge.checking.pair_reading import PairReader, PairThresholds
from knowledge.factchecks.same_claim_reading import SameClaimReading
from knowledge.pair_model import PairScores
from tests.knowledge.test_pair_model_stage import THRESHOLDS, ScriptedScorer, scores_of

DAY = date(2021, 6, 1)
# the scripted scores as the reading's probabilities (the shipped reading also weighs wording)
ALONE = SameClaimReading.model_alone()
OWN_WORDS = "Those 5G masts are what is really spreading the coronavirus around."


async def test_the_claim_in_other_words_gets_the_fact_check(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    rated_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.93)}),
        thresholds=THRESHOLDS,
        reading=ALONE,
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    [finding] = [f for f in claim.findings if f.kind == knowledge.FindingKind.FACT_CHECK]
    assert finding.fact_check is not None
    assert finding.fact_check.review.url == "https://check.example/5g-covid"


async def test_a_neighbouring_claim_gets_no_card(rated_kb: knowledge.KnowledgeBase) -> None:
    rated_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.3)}),
        thresholds=THRESHOLDS,
        reading=ALONE,
    )
    [claim] = (await rated_kb.check(OWN_WORDS, reference_date=DAY)).claims
    assert not any(f.kind == knowledge.FindingKind.FACT_CHECK for f in claim.findings)
    assert claim.model is not None and claim.model.same_claim == 0.3


CLOSE_REWORDING = "5G masts are spreading COVID-19."
RESTATED = "Residents were told that 5G towers spread COVID-19."


async def test_where_the_model_read_the_rated_claims_it_decides(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    # the feature model takes a close rewording ("masts", not "towers") as the rated claim; a
    # pair model that reads the two as different claims decides (held out, it finds more with
    # fewer false alarms)
    rated_kb.pairs = PairReader("off")
    [alone] = (await rated_kb.check(CLOSE_REWORDING, reference_date=DAY)).claims
    assert any(f.kind == knowledge.FindingKind.FACT_CHECK for f in alone.findings)
    rated_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.2)}),
        thresholds=THRESHOLDS,
        reading=ALONE,
    )
    [claim] = (await rated_kb.check(CLOSE_REWORDING, reference_date=DAY)).claims
    assert not any(f.kind == knowledge.FindingKind.FACT_CHECK for f in claim.findings)
    assert claim.verdict == knowledge.Verdict.UNVERIFIED


async def test_without_a_same_claim_threshold_the_feature_model_decides(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    no_same_claim = PairThresholds(
        THRESHOLDS.refute, THRESHOLDS.refute_unnamed, THRESHOLDS.support, math.inf
    )
    rated_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"5G towers": scores_of(same_claim=0.2)}),
        thresholds=no_same_claim,
        reading=ALONE,
    )
    [claim] = (await rated_kb.check(CLOSE_REWORDING, reference_date=DAY)).claims
    [finding] = [f for f in claim.findings if f.kind == knowledge.FindingKind.FACT_CHECK]
    assert finding.fact_check is not None
    assert finding.fact_check.review.url == "https://check.example/5g-covid"


class WordsOnlyScorer:
    """Reads a sentence as the rated claim only when it is exactly the rated words."""

    def __init__(self, words: str) -> None:
        self.words = words
        self.read: list[str] = []

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]:
        self.read += [first for first, _ in pairs]
        return [scores_of(same_claim=0.95 if a == self.words else 0.3) for a, _ in pairs]


async def test_what_a_report_says_is_compared_with_the_rated_claims(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    # fact-checkers rate the words, not that a report or a post said them
    scorer = WordsOnlyScorer("5G towers spread COVID-19")
    rated_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS, reading=ALONE)
    text = "5G towers spread COVID-19, a new report claims."
    [claim] = (await rated_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert text in scorer.read  # the whole sentence is read too ("Cruz said X" is rated so)


POST = "Those new phone masts went up all over town. They are what spreads the coronavirus."


async def test_a_short_message_is_read_whole_against_the_rated_claims(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    # the claim is made across the post's two sentences: only the whole post makes it
    scorer = WordsOnlyScorer(POST)
    rated_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS, reading=ALONE)
    report = await rated_kb.check(POST, reference_date=DAY)
    carded = [
        c
        for c in report.claims
        if any(f.kind == knowledge.FindingKind.FACT_CHECK for f in c.findings)
    ]
    assert [c.text for c in carded] == ["They are what spreads the coronavirus."]
    [finding] = [f for f in carded[0].findings if f.kind == knowledge.FindingKind.FACT_CHECK]
    assert finding.fact_check is not None
    assert finding.fact_check.review.url == "https://check.example/5g-covid"
    assert carded[0].verdict == knowledge.Verdict.CONTRADICTED


async def test_a_long_text_is_not_read_whole(rated_kb: knowledge.KnowledgeBase) -> None:
    article = " ".join([POST] + ["The town council met on Tuesday to discuss the budget."] * 8)
    scorer = WordsOnlyScorer(article)
    rated_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS, reading=ALONE)
    report = await rated_kb.check(article, reference_date=DAY)
    assert article not in scorer.read
    assert not any(
        f.kind == knowledge.FindingKind.FACT_CHECK for c in report.claims for f in c.findings
    )


async def test_a_claim_giving_all_the_rated_claims_words_keeps_the_feature_models_pick(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    # it says what the rated claim says, and more: below the model's threshold the feature
    # model's pick stands, unless the model reads the two as different claims
    for score, carded in ((0.6, True), (0.2, False)):
        rated_kb.pairs = PairReader(
            "on",
            scorer=ScriptedScorer({"5G towers": scores_of(same_claim=score)}),
            thresholds=THRESHOLDS,
            reading=ALONE,
        )
        [claim] = (await rated_kb.check(RESTATED, reference_date=DAY)).claims
        cards = [f for f in claim.findings if f.kind == knowledge.FindingKind.FACT_CHECK]
        assert [f.fact_check.review.url for f in cards if f.fact_check] == (
            ["https://check.example/5g-covid"] if carded else []
        )
