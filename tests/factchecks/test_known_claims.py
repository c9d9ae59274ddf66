"""A claim that repeats a rated claim gets its verdict from the rating, with the review cited."""

from __future__ import annotations

import json

import pytest

import knowledge
from knowledge import FindingKind, Report, Verdict
from tests.factchecks.conftest import review


async def _one(kb: knowledge.KnowledgeBase, text: str) -> knowledge.ClaimResult:
    report = await kb.check(text)
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        pytest.param(
            "Residents were shocked when the Helsinki tram network closed in 2021.",
            "helsinki-trams",
            id="issue-helsinki",
        ),
        pytest.param(
            "Doctors warn that COVID vaccines contain microchips which connect to 5G networks.",
            "chips",
            id="issue-microchips",
        ),
        pytest.param("5G towers spread COVID-19, a new report claims.", "5g-covid", id="issue-5g"),
        pytest.param(
            "Experts now admit that 5G towers spread COVID-19.", "5g-covid", id="5g-reworded"
        ),
        pytest.param(
            "In 2021 the tram network of Helsinki closed for good.",
            "helsinki-trams",
            id="helsinki-reordered",
        ),
        pytest.param(
            "Airport scanners are set off by bananas, which are radioactive enough.",
            "bananas",
            id="misleading",
        ),
        pytest.param(
            "Pope Francis has endorsed Donald Trump for president, the post says.",
            "pope-endorsement",
            id="a-person-named-alike",
        ),
        pytest.param(
            "Cooking instant noodles with their flavor packets makes the MSG toxic.",
            "msg",
            id="as-rated",
        ),
        pytest.param(
            "'You have won a prize!' e-mails carry a dangerous virus.",
            "prize-virus",
            id="as-rated-after-a-quoted-cry",
        ),
    ],
)
async def test_repeating_a_false_rated_claim_is_contradicted_citing_the_review(
    rated_kb: knowledge.KnowledgeBase, text: str, slug: str
) -> None:
    claim = await _one(rated_kb, text)
    assert claim.verdict == Verdict.CONTRADICTED
    finding = claim.findings[0]
    assert finding.kind == FindingKind.FACT_CHECK
    assert (
        finding.message.startswith("Rated ") and "by Example Check, 2021-05-01" in finding.message
    )
    assert finding.evidence[0].url == f"https://check.example/{slug}"
    assert (
        finding.fact_check is not None and finding.fact_check.review.url == finding.evidence[0].url
    )
    assert 0.5 < finding.confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("5G towers do not spread COVID-19.", id="negation"),
        pytest.param("The claim that 5G towers spread COVID-19 is a myth.", id="myth"),
        pytest.param(
            "COVID vaccines don't contain microchips that connect to 5G networks.", id="contraction"
        ),
        pytest.param(
            "It is not true that the Helsinki tram network closed in 2021.", id="not-true"
        ),
    ],
)
async def test_denying_a_false_rated_claim_is_never_flagged(
    rated_kb: knowledge.KnowledgeBase, text: str
) -> None:
    claim = await _one(rated_kb, text)
    assert not claim.flagged
    assert claim.verdict == Verdict.SUPPORTED
    assert "denies" in claim.reason


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "5G towers spread COVID-19, and the government does not want you to know.",
            id="a-negated-aside",
        ),
        pytest.param(
            "COVID vaccines contain microchips that connect to 5G networks, no joke.",
            id="no-joke",
        ),
    ],
)
async def test_a_negation_on_what_the_rated_claim_never_says_is_no_denial(
    rated_kb: knowledge.KnowledgeBase, text: str
) -> None:
    """Such a message repeats the false claim: it used to get a ✅ "denies the rated claim"."""
    claim = await _one(rated_kb, text)
    assert claim.verdict == Verdict.CONTRADICTED
    assert claim.findings[0].kind == FindingKind.FACT_CHECK
    assert "denies" not in claim.reason


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("No one said 5G towers spread COVID-19.", id="no-one-said"),
        pytest.param("Nobody ever proved that 5G towers spread COVID-19.", id="nobody-proved"),
        pytest.param("Do 5G towers not spread COVID-19?", id="a-question-asking-the-opposite"),
        pytest.param("Is it a myth that 5G towers spread COVID-19?", id="a-question-myth"),
    ],
)
async def test_a_negation_that_may_deny_the_whole_claim_shows_the_card_as_context(
    rated_kb: knowledge.KnowledgeBase, text: str
) -> None:
    """Whether these deny the rated claim or report it, the words leave open: neither a ✅ nor
    a 🚩, but the fact-check is shown."""
    claim = await _one(rated_kb, text)
    assert claim.verdict == Verdict.UNVERIFIED
    assert claim.findings[0].kind == FindingKind.FACT_CHECK
    assert claim.findings[0].evidence[0].url == "https://check.example/5g-covid"
    assert "unclear" in claim.reason


@pytest.mark.parametrize(
    ("text", "slug", "skipped"),
    [
        pytest.param(
            "Pope Francis would endorse Donald Trump for president, lol.",
            "pope-endorsement",
            0,
            id="a-supposition",
        ),
        pytest.param(
            "So COVID vaccines would contain microchips that connect to 5G networks? Crazy.",
            "chips",
            1,
            id="a-question-and-a-cry",
        ),
    ],
)
async def test_a_short_message_with_no_checkable_sentence_still_gets_its_fact_check(
    rated_kb: knowledge.KnowledgeBase, text: str, slug: str, skipped: int
) -> None:
    """A post that puts a rated claim as a supposition or a question has no sentence the
    detectors judge, yet it is the claim fact-checkers rated."""
    report = await rated_kb.check(text)
    assert len(report.claims) == 1
    claim = report.claims[0]
    assert claim.verdict == Verdict.CONTRADICTED
    assert claim.findings[0].evidence[0].url == f"https://check.example/{slug}"
    assert report.skipped == skipped  # the message's other sentence ("Crazy.") stays skipped


async def test_a_short_message_with_no_checkable_sentence_and_no_fact_check_stays_skipped(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    report = await rated_kb.check("Honestly, I think that would be wonderful, lol.")
    assert report.claims == ()
    assert report.skipped == 1


async def test_true_rating_supports_and_mixed_rating_is_context(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    true = await _one(rated_kb, "The Eiffel Tower is repainted every seven years to protect it.")
    assert true.verdict == Verdict.SUPPORTED and true.support[0].url.endswith("/eiffel-paint")
    mixed = await _one(rated_kb, "Drinking hot water cures the flu, my aunt says.")
    assert mixed.verdict == Verdict.UNVERIFIED
    assert mixed.findings[0].fact_check is not None
    assert mixed.findings[0].fact_check.rating_class == "mixed"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Helsinki tram network carried 60 million passengers in 2019.",
            id="same-topic-other-figures",
        ),
        pytest.param(
            "Mobile networks expanded their 5G coverage across Europe in 2021.", id="shares-words"
        ),
        pytest.param("The Louvre welcomed more visitors than ever last summer.", id="unrelated"),
        # one detail given otherwise makes another claim, however close the wording
        pytest.param("The Helsinki tram network closed in 1953.", id="another-year"),
        pytest.param("The Helsinki tram network closed after 60 years.", id="a-figure-added"),
        # the same words about someone or somewhere else: a neighbouring claim, never rated
        pytest.param("The Tampere tram network closed in 2021.", id="another-city"),
        pytest.param("Pope Benedict endorsed Donald Trump for president.", id="another-pope"),
        pytest.param("Pope Francis endorsed Joe Biden for president.", id="another-candidate"),
        # ... or with a word turned into its opposite, which may well be true
        pytest.param("The Helsinki tram network opened in 2021.", id="the-opposite-verb"),
        pytest.param("Drinking cold water cures the flu.", id="the-opposite-adjective"),
        pytest.param("The Eiffel Tower is repainted every five years.", id="another-figure"),
        pytest.param(  # an opposite written with a hyphen
            "Cooking instant noodles with their flavor packets makes the MSG non-toxic.",
            id="the-opposite-hyphenated",
        ),
        pytest.param(  # the quoted title alone is no claim: the sentence goes on after it
            "'You have won a prize!' e-mails carry a harmless virus.",
            id="the-opposite-after-a-quoted-cry",
        ),
    ],
)
async def test_other_claims_cite_no_fact_check(
    rated_kb: knowledge.KnowledgeBase, text: str
) -> None:
    claim = await _one(rated_kb, text)
    assert not claim.flagged
    assert all(f.kind != FindingKind.FACT_CHECK for f in claim.findings)


async def test_a_rated_claim_is_never_evidence_for_the_ordinary_detectors(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    """A review that rated the claim False used to *support* it as a verified statement."""
    claim = await _one(rated_kb, "The Helsinki tram network closed in 2021.")
    assert claim.verdict == Verdict.CONTRADICTED
    assert [f.kind for f in claim.findings] == [FindingKind.FACT_CHECK]
    assert claim.support == ()


async def test_fact_check_survives_the_report_round_trip(rated_kb: knowledge.KnowledgeBase) -> None:
    report = await rated_kb.check("5G towers spread COVID-19, a new report claims.")
    again = Report.from_dict(report.to_dict())
    assert again.claims[0].findings[0].fact_check == report.claims[0].findings[0].fact_check


async def test_two_checkers_rating_the_same_words_are_both_kept() -> None:
    async with knowledge.open_kb(":memory:") as kb:
        first = review("Onions cure the common cold.", "False", "a")
        second = {
            **review("Onions cure the common cold.", "False", "b"),
            "author": {"name": "Other Check"},
        }
        result = await kb.curator.import_records(
            json.dumps([first, second]).encode(), filename="r.json"
        )
        assert len(result.statement_ids) == 2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The city council cut the library budget by 40 percent in 2016 to pay for a stadium.",
            id="as-rated",
        ),
        pytest.param(
            "The city council cut the library budget by 40 percent in 2013 to pay for a stadium.",
            id="another-year",
        ),
        pytest.param(
            "The city council cut the library budget by 15 percent in 2016 to pay for a stadium.",
            id="another-figure",
        ),
    ],
)
async def test_a_near_copy_with_a_figure_given_otherwise_is_another_claim(text: str) -> None:
    rated = "The city council cut the library budget by 40 percent in 2016 to pay for a stadium."
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.import_records(
            json.dumps([review(rated, "False", "library")]).encode(), filename="r.json"
        )
        claim = await _one(kb, text)
    cited = any(f.kind == FindingKind.FACT_CHECK for f in claim.findings)
    assert cited == (text == rated)


@pytest.mark.parametrize(
    ("rated", "text"),
    [
        pytest.param(
            "Melania Trump copied her 2017 speech at the United Nations from a speech Michelle "
            "Obama gave in 2014.",
            "Melania Trump copied her 2014 speech at the United Nations from a speech Michelle "
            "Obama gave in 2014.",
            id="a-year-the-rated-claim-also-gives",
        ),
        pytest.param(
            "Georgia's House Bill 481 leaves women open to prosecution for having miscarriages.",
            "Georgia's House Bill 1443 leaves women open to prosecution for having miscarriages.",
            id="a-number-in-a-name",
        ),
        pytest.param(
            "Extremists plan to burn down 200 churches and kill 200 missionaries within a day.",
            "Extremists plan to burn down 600 churches and kill 200 missionaries within a day.",
            id="a-figure-the-rated-claim-gives-elsewhere",
        ),
    ],
)
async def test_a_near_copy_writing_another_figure_is_another_claim(rated: str, text: str) -> None:
    """However the alignment pairs their figures, a near copy that writes a figure the rated
    claim does not (and lacks one it writes) is a neighbouring claim, never rated."""
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.import_records(
            json.dumps([review(rated, "False", "rated")]).encode(), filename="r.json"
        )
        as_rated = await _one(kb, rated)
        changed = await _one(kb, text)
    assert any(f.kind == FindingKind.FACT_CHECK for f in as_rated.findings)
    assert all(f.kind != FindingKind.FACT_CHECK for f in changed.findings)
