"""The same-claim reading: the pair model's same-claim score weighed with the wording a text
shares with a rated claim (knowledge/data/same_claim_reading.yaml), and which pairs a short
message has read."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from knowledge.checking.pair_reading import PairReader, shipped_thresholds
from knowledge.errors import InvalidSeed
from knowledge.factchecks.same_claim_reading import parse_reading, shipped_reading
from knowledge.pair_model import PairModel, packaged_same_claim_path
from tests.knowledge.test_pair_model_stage import THRESHOLDS, ScriptedScorer, scores_of

RATED = "5G towers spread COVID-19."
DAY = date(2021, 6, 1)


def test_more_of_the_rated_wording_reads_as_more_likely_the_same_claim() -> None:
    reading = shipped_reading()
    told = reading.probability("Everyone knows 5G towers spread COVID-19.", RATED, 0.9)
    topic = reading.probability("Our town got new phone masts and the virus came.", RATED, 0.9)
    assert told > topic


def test_a_higher_model_score_never_reads_lower() -> None:
    reading = shipped_reading()
    text = "The new masts are what spreads the coronavirus."
    found = [reading.probability(text, RATED, p) for p in (0.1, 0.5, 0.9, 0.99)]
    assert found == sorted(found)
    assert all(0.0 < p < 1.0 for p in found)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"features": ["pair_logit"], "weights": [1.0]}, id="other-features"),
        pytest.param(
            {"features": ["pair_logit", "token_set", "partial"], "weights": "heavy"},
            id="unreadable-weights",
        ),
        pytest.param(["not", "a", "mapping"], id="not-a-mapping"),
    ],
)
def test_a_malformed_reading_file_is_refused_naming_the_file(data: object) -> None:
    with pytest.raises(InvalidSeed, match="same_claim_reading.yaml"):
        parse_reading(data)


async def test_a_short_message_reads_only_its_own_rated_claim(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    """Each sentence of a post is not read against rated claims of its own (which merely share
    its topic): the post is read whole against the rated claim found for it."""
    scorer = ScriptedScorer({"5G towers": scores_of(same_claim=0.95)})
    rated_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS)
    post = "Bananas were on sale at the market today. 5G towers spread COVID-19, trust me."
    report = await rated_kb.check(post, reference_date=DAY)
    read = {pair for call in scorer.calls for pair in call}
    assert not any("radioactive" in rated for _, rated in read)  # the bananas' rated claim
    assert (post, RATED) in read
    carded = [
        c
        for c in report.claims
        if any(f.kind == knowledge.FindingKind.FACT_CHECK for f in c.findings)
    ]
    assert [c.text for c in carded] == ["5G towers spread COVID-19, trust me."]


async def test_each_claim_of_a_post_repeating_two_rated_claims_gets_its_card(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    report = await rated_kb.check(
        "The Helsinki tram network closed in 2021. 5G towers spread COVID-19, trust me."
    )
    cards = [
        f.fact_check.review.url
        for c in report.claims
        for f in c.findings
        if f.kind == knowledge.FindingKind.FACT_CHECK and f.fact_check is not None
    ]
    assert sorted(cards) == [
        "https://check.example/5g-covid",
        "https://check.example/helsinki-trams",
    ]


async def test_a_post_s_other_sentence_sharing_only_a_topic_gets_no_card(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    """Bananas are radioactive (a little): the rated claim is that they set off airport
    scanners. Beside the post's own rated claim, the feature model alone used to card it."""
    report = await rated_kb.check(
        "5G towers spread COVID-19, trust me. Bananas are radioactive, my neighbour says."
    )
    [bananas] = [c for c in report.claims if c.text.startswith("Bananas")]
    assert not bananas.flagged
    assert all(f.kind != knowledge.FindingKind.FACT_CHECK for f in bananas.findings)


def test_a_fragment_of_the_rated_claim_reads_low_however_close_the_strings() -> None:
    """ "Vaccines." is, as a string, all inside the rated claim; it gives only a word of it.
    Read as a check reads it: the shipped same-claim model's score, weighed by the reading."""
    reading, threshold = shipped_reading(), shipped_thresholds().same_claim
    model = PairModel.load(packaged_same_claim_path())
    rated = "COVID vaccines contain microchips that connect to 5G networks."
    repeated = "Remember: COVID vaccines contain microchips that connect to 5G networks!"
    [fragment, repeat] = model.score([("Vaccines.", rated), (repeated, rated)])
    assert reading.probability("Vaccines.", rated, fragment.same_claim) < threshold
    assert reading.probability(repeated, rated, repeat.same_claim) >= threshold
    # at one model score, the reading never puts the fragment above the repeat
    assert reading.probability("Vaccines.", rated, 0.9) <= reading.probability(repeated, rated, 0.9)


@pytest.mark.parametrize(
    "text", ["Vaccines.", "5G towers.", "5G towers, lol.", "COVID vaccines and microchips, wow."]
)
async def test_a_message_naming_only_a_rated_claims_topic_gets_no_card(
    rated_kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await rated_kb.check(text)
    assert not report.flagged
    assert all(
        f.kind != knowledge.FindingKind.FACT_CHECK for c in report.claims for f in c.findings
    )
