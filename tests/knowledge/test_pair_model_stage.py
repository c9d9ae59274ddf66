"""The pair-model stage of a check: the closest pairs read in one batch, the model deciding
contradiction, support and the same rated claim above its thresholds, unverified below.

A scripted scorer stands in for the learned model here, so that each test says what the
model read and asserts what the check makes of it."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Sequence
from datetime import date
from pathlib import Path

import pytest
import pytest_asyncio

import knowledge
from knowledge.checking.pair_reading import PairReader, PairThresholds
from knowledge.errors import InvalidSetting
from knowledge.pair_model import PairModelUnavailable, PairScores

THRESHOLDS = PairThresholds(refute=0.9, refute_unnamed=0.97, support=0.9, same_claim=0.8)
DAY = date(2025, 3, 12)
FINLAND = "Finland joined NATO on 4 April 2023."
RUTTE = "Mark Rutte has been NATO Secretary General since 1 October 2024."


class ScriptedScorer:
    """Scores each pair by the first scripted word found in its second text; counts calls."""

    def __init__(self, script: dict[str, PairScores]) -> None:
        self.script = script
        self.calls: list[list[tuple[str, str]]] = []

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]:
        self.calls.append(list(pairs))
        return [self._one(evidence) for _, evidence in pairs]

    def _one(self, evidence: str) -> PairScores:
        for word, scores in self.script.items():
            if word in evidence:
                return scores
        return scores_of(neutral=1.0)


def scores_of(
    refutes: float = 0.0, supports: float = 0.0, neutral: float = 0.0, same_claim: float = 0.0
) -> PairScores:
    return PairScores(refutes, supports, neutral, same_claim)


@pytest_asyncio.fixture
async def empty_kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:", seed=False, pair_model="off") as kb:
        yield kb


def reading_with(kb: knowledge.KnowledgeBase, scorer: ScriptedScorer) -> None:
    kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS)


async def test_contradiction_the_model_reads_names_the_differing_detail(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    reading_with(empty_kb, ScriptedScorer({"Finland": scores_of(refutes=0.96)}))
    text = (
        "Finland joined NATO in April 2021, becoming the alliance's 31st member and more than "
        "doubling the length of NATO's land border with Russia."
    )
    report = await empty_kb.check(text, reference_date=DAY)
    [claim] = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    [finding] = claim.findings
    assert "2021" in finding.message and "2023" in finding.message
    assert finding.evidence[0].text == FINLAND
    assert finding.confidence == pytest.approx(0.96)


async def test_below_the_threshold_the_claim_is_unverified_and_says_why(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    reading_with(empty_kb, ScriptedScorer({"Finland": scores_of(refutes=0.6, neutral=0.4)}))
    report = await empty_kb.check("Finland joined NATO in April 2021.", reference_date=DAY)
    [claim] = report.claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED
    shown = claim.to_dict()
    assert shown["model"]["refutes"] == pytest.approx(0.6)
    assert shown["model"]["thresholds"]["refute"] == pytest.approx(0.9)
    assert "0.60" in shown["reason"]
    # the report travels from a worker process as JSON and keeps the reading
    again = knowledge.Report.from_dict(report.to_dict())
    assert again.claims[0].model == claim.model


async def test_a_paraphrase_the_model_reads_as_supported_is_supported(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(RUTTE)
    reading_with(empty_kb, ScriptedScorer({"Rutte": scores_of(supports=0.95)}))
    text = (
        "Former Dutch prime minister Mark Rutte took office as NATO Secretary General "
        "on 1 October 2024."
    )
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.SUPPORTED
    assert claim.support[0].text == RUTTE


async def test_the_statement_giving_the_claims_details_is_read_before_one_sharing_a_word(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    invasion = "Russia began its full-scale invasion of Ukraine on 24 February 2022."
    await empty_kb.curator.add("NATO has not deployed troops to Ukraine.", kind="fact")
    await empty_kb.curator.add(invasion, kind="fact")
    scorer = ScriptedScorer({"invasion": scores_of(supports=0.95)})
    empty_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS, per_claim=1)
    text = "Russian troops invaded Ukraine on 24 February 2022."
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert [evidence for _, evidence in scorer.calls[0]] == [invasion]
    assert claim.verdict == knowledge.Verdict.SUPPORTED
    assert claim.support[0].text == invasion


@pytest.mark.parametrize(
    ("text", "read"),
    [
        pytest.param(
            "Stoltenberg said South Korea should reconsider its rule on arms exports.",
            True,
            id="should-for-to",
        ),
        pytest.param(
            "Stoltenberg said South Korea could reconsider its rule on arms exports.",
            True,
            id="could-for-to",
        ),
        pytest.param(
            "South Korea reconsidered its rule on arms exports.", False, id="done-for-aimed"
        ),
    ],
)
async def test_a_call_retold_with_a_modal_is_read_with_the_call(
    empty_kb: knowledge.KnowledgeBase, text: str, read: bool
) -> None:
    """ "asked Seoul to reconsider" and "said Seoul should reconsider" both aim at the same
    act; a sentence that tells the act as done speaks of another thing (the model never reads
    that pair, and the claim is not supported)."""
    call = "Jens Stoltenberg asked South Korea to reconsider its rule on arms exports."
    await empty_kb.curator.add(call)
    scorer = ScriptedScorer({"reconsider": scores_of(supports=0.95)})
    reading_with(empty_kb, scorer)
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert any(evidence == call for c in scorer.calls for _, evidence in c) is read
    assert (claim.verdict == knowledge.Verdict.SUPPORTED) is read


async def test_support_needs_the_details_to_agree(empty_kb: knowledge.KnowledgeBase) -> None:
    # the alignment finds the date given otherwise: whatever the model says, no support
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    reading_with(empty_kb, ScriptedScorer({"Finland": scores_of(supports=0.99)}))
    [claim] = (await empty_kb.check("Finland joined NATO in 2021.", reference_date=DAY)).claims
    assert claim.verdict != knowledge.Verdict.SUPPORTED


async def test_one_batch_per_check(empty_kb: knowledge.KnowledgeBase) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    await empty_kb.curator.add(RUTTE)
    scorer = ScriptedScorer({})
    reading_with(empty_kb, scorer)
    text = (
        "Finland joined NATO in April 2021. Mark Rutte became NATO Secretary General in 2024. "
        "Finland has a long border with Russia."
    )
    await empty_kb.check(text, reference_date=DAY)
    assert len(scorer.calls) == 1
    texts = {evidence for _, evidence in scorer.calls[0]}
    assert {FINLAND, RUTTE} <= texts


async def test_nothing_to_read_nothing_scored(empty_kb: knowledge.KnowledgeBase) -> None:
    scorer = ScriptedScorer({})
    reading_with(empty_kb, scorer)
    [claim] = (await empty_kb.check("Finland joined NATO in 2021.", reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED
    assert scorer.calls == [[]] or scorer.calls == []
    assert claim.model is None


async def test_model_off_keeps_the_alignment_model(empty_kb: knowledge.KnowledgeBase) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    [claim] = (
        await empty_kb.check("Finland joined NATO in April 2021.", reference_date=DAY)
    ).claims
    assert claim.model is None


def test_unknown_mode_is_a_clear_error() -> None:
    with pytest.raises(InvalidSetting, match="on, off or auto"):
        PairReader("sometimes")


async def test_missing_model_when_required_is_reported(
    empty_kb: knowledge.KnowledgeBase, tmp_path: Path
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    empty_kb.pairs = PairReader("on", path=tmp_path / "nowhere")
    with pytest.raises(PairModelUnavailable):
        await empty_kb.check("Finland joined NATO in April 2021.", reference_date=DAY)


async def test_missing_model_in_auto_mode_keeps_checking(
    empty_kb: knowledge.KnowledgeBase, tmp_path: Path
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    empty_kb.pairs = PairReader("auto", path=tmp_path / "nowhere")
    [claim] = (
        await empty_kb.check("Finland joined NATO in April 2021.", reference_date=DAY)
    ).claims
    assert claim.model is None


async def test_a_held_reader_reads_nothing(empty_kb: knowledge.KnowledgeBase) -> None:
    # a worker's warm-up check: its start must not wait for the model
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    scorer = ScriptedScorer({"Finland": scores_of(refutes=0.99)})
    reading_with(empty_kb, scorer)
    with empty_kb.pairs.held():
        [claim] = (
            await empty_kb.check("Finland joined NATO in April 2021.", reference_date=DAY)
        ).claims
    assert scorer.calls == [] and claim.model is None


async def test_past_the_budget_a_claim_keeps_to_the_alignment_model(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    await empty_kb.curator.add(RUTTE)
    scorer = ScriptedScorer({})
    empty_kb.pairs = PairReader("on", scorer=scorer, thresholds=THRESHOLDS, budget=1)
    text = (
        "Finland joined NATO in April 2021. "
        "Mark Rutte was chosen as NATO Secretary General by the allies."
    )
    report = await empty_kb.check(text, reference_date=DAY)
    assert [len(call) for call in scorer.calls] == [1]
    first, second = report.claims
    assert first.model is not None and not first.model.unread
    # the second claim's close statement was left unread, and it says so rather than that
    # the knowledge base has nothing on it; so does the card
    assert second.model is not None and second.model.unread and second.model.supports is None
    assert second.verdict == knowledge.Verdict.UNVERIFIED
    assert "did not read" in second.reason and "on its own" in second.reason
    assert second.to_dict()["model"]["unread"] is True
    assert knowledge.silence(report) == knowledge.Silence.UNREAD
    alone = await empty_kb.check(text.split(". ")[1], reference_date=DAY)
    assert not alone.claims[0].model or not alone.claims[0].model.unread


async def test_a_report_with_unread_claims_round_trips_through_json(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")
    await empty_kb.curator.add(RUTTE)
    empty_kb.pairs = PairReader("on", scorer=ScriptedScorer({}), thresholds=THRESHOLDS, budget=1)
    text = "Finland joined NATO in April 2021. Mark Rutte became NATO Secretary General in 2024."
    report = await empty_kb.check(text, reference_date=DAY)
    assert knowledge.Report.from_dict(report.to_dict()) == report


@pytest.mark.parametrize("value", ["0", "-3", "twelve", "2001", "1.5"])
async def test_a_pair_budget_setting_it_cannot_use_is_a_clear_error(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_PAIR_BUDGET", value)
    with pytest.raises(InvalidSetting, match="FACTCHECK_PAIR_BUDGET"):
        async with knowledge.open_kb(":memory:", seed=False):
            pass


async def test_the_pair_budget_setting_sets_how_many_pairs_a_check_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FACTCHECK_PAIR_BUDGET", "40")
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        assert kb.pairs.budget == 40


async def test_past_the_budget_the_pairs_that_can_decide_are_read_first(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    """With no threshold for a refutation that names a detail, reading a claim that differs
    from its record in a date decides nothing: the budget goes to the paraphrase after it."""
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    await empty_kb.curator.add(RUTTE)
    scorer = ScriptedScorer({"Rutte": scores_of(supports=0.95)})
    no_named_refutation = PairThresholds(math.inf, 0.97, 0.9, 0.8)
    empty_kb.pairs = PairReader("on", scorer=scorer, thresholds=no_named_refutation, budget=1)
    text = (
        "Finland joined NATO in April 2021. Former Dutch prime minister Mark Rutte took office "
        "as NATO Secretary General in October 2024."
    )
    report = await empty_kb.check(text, reference_date=DAY)
    assert [len(call) for call in scorer.calls] == [1]
    assert [c.verdict for c in report.claims] == [
        knowledge.Verdict.UNVERIFIED,
        knowledge.Verdict.SUPPORTED,
    ]


async def test_a_decision_without_a_threshold_is_left_to_the_alignment_model(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    text = "Finland joined NATO in April 2021."
    [without] = (await empty_kb.check(text, reference_date=DAY)).claims
    same_claim_only = PairThresholds(math.inf, math.inf, math.inf, 0.8)
    empty_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"Finland": scores_of(refutes=0.99, supports=0.99)}),
        thresholds=same_claim_only,
    )
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == without.verdict
    assert [f.message for f in claim.findings] == [f.message for f in without.findings]


async def test_the_model_adds_to_the_alignment_models_flags_and_never_undoes_one(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    # the alignment model flags a near-copy that gives the figure otherwise; a model that
    # reads the pair as neutral does not take the flag away (each decision keeps its precision)
    await empty_kb.curator.add("The Eiffel Tower is 330 metres tall.")
    text = "The Eiffel Tower is 500 metres tall."
    [without] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert without.verdict == knowledge.Verdict.CONTRADICTED
    reading_with(empty_kb, ScriptedScorer({"Eiffel": scores_of(refutes=0.05, neutral=0.95)}))
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert "330 metres" in claim.findings[0].message
    assert claim.model is not None and claim.model.refutes == pytest.approx(0.05)


async def test_the_model_does_not_back_a_year_the_statement_never_gives(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    # the model reads the claim as supported by a statement that gives no date at all: the
    # year may be what the claim gets wrong (the record beside says 1889), so no ✅
    await empty_kb.curator.add("The Eiffel Tower was completed in Paris in 1889.")
    await empty_kb.curator.add("The Eiffel Tower stands in Paris on the Champ de Mars.")
    reading_with(
        empty_kb,
        ScriptedScorer({"Champ": scores_of(supports=0.99), "Eiffel": scores_of(neutral=1.0)}),
    )
    text = "The Eiffel Tower was completed in Paris in 1899."
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict != knowledge.Verdict.SUPPORTED, claim


async def test_a_restatement_stays_supported_whatever_the_model_reads(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add(FINLAND, kind="fact")  # undated: the model alone decides
    [without] = (await empty_kb.check(FINLAND, reference_date=DAY)).claims
    assert without.verdict == knowledge.Verdict.SUPPORTED
    reading_with(empty_kb, ScriptedScorer({"Finland": scores_of(supports=0.1, neutral=0.9)}))
    [claim] = (await empty_kb.check(FINLAND, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.SUPPORTED


@pytest.mark.parametrize("model", ["off", "scripted"])
async def test_repeating_an_aim_as_done_is_not_a_restatement(
    empty_kb: knowledge.KnowledgeBase, model: str
) -> None:
    """Every word of the claim is the record's, but the record tells the joining as aimed at
    ("applied to join") and the claim, a second time, as done."""
    await empty_kb.curator.add("Sweden and Finland applied to join NATO in May 2022.")
    if model == "scripted":
        reading_with(empty_kb, ScriptedScorer({"Sweden": scores_of(supports=0.99)}))
    text = "Sweden and Finland applied to join NATO in May 2022, and both joined in 2022."
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict != knowledge.Verdict.SUPPORTED


async def test_the_reason_names_only_scores_a_threshold_could_act_on(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    # no threshold for contradiction: its score decides nothing and is not shown as falling
    # short; the support score that missed its threshold is
    await empty_kb.curator.add(RUTTE)
    support_only = PairThresholds(math.inf, math.inf, 0.9, math.inf)
    empty_kb.pairs = PairReader(
        "on",
        scorer=ScriptedScorer({"Rutte": scores_of(refutes=0.4, supports=0.5, neutral=0.1)}),
        thresholds=support_only,
    )
    text = (
        "Former Dutch prime minister Mark Rutte took office as NATO Secretary General "
        "on 1 October 2024."
    )
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED
    assert claim.model is not None and claim.model.refutes_unnamed == pytest.approx(0.4)
    assert "support 0.50 (needs 0.90)" in claim.reason
    assert "contradiction" not in claim.reason


PLEA = (
    "On 12 March 2024 in Boston, Acme Corp founder John Smith pleaded guilty to manslaughter "
    "in the 1988 death of a hiker who fell from Eagle Cliff."
)
CONFIRMING = PairThresholds(
    refute=0.9, refute_unnamed=0.97, support=0.95, same_claim=0.8, confirm=0.8
)


@pytest.mark.parametrize(
    ("text", "score", "backed"),
    [
        pytest.param(PLEA.replace("manslaughter", "murder"), 0.5, False, id="swap-unconfirmed"),
        pytest.param(PLEA.replace("fell", "jumped"), 0.5, False, id="verb-unconfirmed"),
        pytest.param(PLEA.replace("manslaughter", "murder"), 0.85, True, id="swap-confirmed"),
        pytest.param(PLEA, 0.0, True, id="the-record-itself"),
        pytest.param(PLEA.split(" who fell")[0] + ".", 0.0, True, id="part-in-its-words"),
    ],
)
async def test_a_claim_in_other_words_is_backed_by_alignment_only_if_the_model_confirms(
    empty_kb: knowledge.KnowledgeBase, text: str, score: float, backed: bool
) -> None:
    """A synonym and a changed fact look alike to an alignment ("murder" beside
    "manslaughter"): its support for a claim with words the record lacks stands only from the
    model's `confirm` score on; a claim in the record's own words needs no confirming."""
    await empty_kb.curator.add(PLEA, source="https://example.org/acme-plea")
    empty_kb.pairs = PairReader(
        "on", scorer=ScriptedScorer({"Eagle": scores_of(supports=score)}), thresholds=CONFIRMING
    )
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert (claim.verdict == knowledge.Verdict.SUPPORTED) is backed
    if "murder" in text or "jumped" in text:  # the JSON shows the score held to `confirm`
        assert claim.to_dict()["model"]["confirms"] == pytest.approx(score)


@pytest.mark.parametrize(("kind", "flagged"), [("number", True), ("date", False)])
async def test_a_figure_given_otherwise_is_flagged_from_its_kinds_threshold(
    empty_kb: knowledge.KnowledgeBase, kind: str, flagged: bool
) -> None:
    """No threshold for flags naming any detail, one for a kind: a figure the record gives
    otherwise is flagged from the figures' threshold, and not from the dates'."""
    await empty_kb.curator.add("The council hired 42 teachers for the new school.", kind="fact")
    one_kind = PairThresholds(math.inf, math.inf, math.inf, math.inf, by_kind={kind: 0.6})
    scorer = ScriptedScorer({"teachers": scores_of(refutes=0.7)})
    empty_kb.pairs = PairReader("on", scorer=scorer, thresholds=one_kind)
    text = "Officials said the council had hired 24 teachers for the school."
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.model is not None and claim.model.refutes_by_kind == {"number": 0.7}
    assert (claim.verdict == knowledge.Verdict.CONTRADICTED) is flagged
    if flagged:
        assert "“24 teachers”" in claim.findings[0].message
    else:
        assert "contradiction in a number 0.70" not in claim.reason  # no threshold to show


async def test_a_claim_not_put_as_fact_says_why_it_is_not_judged(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    # The card must not say the knowledge base has nothing on it: a close statement exists.
    record = "The hall can seat up to 500 people."
    await empty_kb.curator.add(record, kind="fact")
    [claim] = (await empty_kb.check("The hall can seat more than 500 people.")).claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED
    assert "possibility" in claim.reason and record in claim.reason
    assert "Nothing in the knowledge base" not in claim.reason
    [other] = (await empty_kb.check("The museum can host 300 guests.")).claims
    assert other.reason == "Nothing in the knowledge base supports or contradicts this."


async def test_a_claim_not_put_as_fact_is_never_told_of_a_statement_on_another_subject(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    # They share a verb; the statement never names the tower, so it is not "the closest".
    await empty_kb.curator.add(
        "Russia began its full-scale invasion of Ukraine on 24 February 2022.",
        kind="event",
        event_date=date(2022, 2, 24),
    )
    [claim] = (await empty_kb.check("Eiffel Tower repainting begins next month.")).claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED
    assert "Russia" not in claim.reason
    # One that gives another person in the same role is about the same thing.
    record = (
        "Activision chief executive Bobby Kotick will remain in his role until the deal closes."
    )
    await empty_kb.curator.add(record, kind="fact")
    text = "Activision chief executive Phil Spencer will remain in his role until the deal closes."
    [other] = (await empty_kb.check(text)).claims
    assert record in other.reason


async def test_the_model_never_backs_a_name_the_statement_never_gives(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    record = "ECB President Christine Lagarde told reporters in Frankfurt that rates would fall."
    await empty_kb.curator.add(record, kind="fact")
    reading_with(empty_kb, ScriptedScorer({"Lagarde": scores_of(supports=0.99)}))
    text = (
        "ECB President Christine Lagarde, flanked by Vice-President Luis de Guindos, told "
        "reporters in Frankfurt that rates would fall."
    )
    [claim] = (await empty_kb.check(text, reference_date=DAY)).claims
    assert claim.verdict == knowledge.Verdict.UNVERIFIED  # de Guindos is more than it says


async def test_a_statement_opening_with_a_pronoun_may_stand_for_the_claims_name(
    empty_kb: knowledge.KnowledgeBase,
) -> None:
    await empty_kb.curator.add("She started acting in films in 1993.", kind="fact")
    reading_with(empty_kb, ScriptedScorer({"acting": scores_of(supports=0.99)}))
    [claim] = (await empty_kb.check("Jenna Jameson began acting in 1993.")).claims
    assert claim.verdict == knowledge.Verdict.SUPPORTED
