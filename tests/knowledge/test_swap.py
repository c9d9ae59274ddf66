"""Swapped entities and numbers: the same statement with a different name or figure."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import finding_kinds, verdict_beside


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Stoltenberg cited France, Norway and NATO applicant Sweden as countries that had changed their arms export policies to help Ukraine.",
            id="list-member",
        ),
        pytest.param(
            "NATO chief Jens Stoltenberg urged Japan to allow direct exports of arms to Ukraine.",
            id="country",
        ),
        pytest.param(
            "Mark Rutte urged South Korea to allow direct exports of arms to Ukraine.", id="speaker"
        ),
    ],
)
async def test_swapped_entity_is_never_supported(kb: knowledge.KnowledgeBase, text: str) -> None:
    # Urging Japan does not rule out urging South Korea: a swapped name in an undated
    # retelling is at most flagged, and never endorsed.
    report = await kb.check(text, reference_date=date(2023, 1, 30))
    assert all(c.verdict != knowledge.Verdict.SUPPORTED for c in report.claims)
    for finding in (f for c in report.claims for f in c.findings if f.kind.value == "swap"):
        assert "where the record has" in finding.message or "never" in finding.message


async def test_swapped_number(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add("The ministry said 42 soldiers were wounded in the attack on the base.")
    assert "swap" in await finding_kinds(
        kb, "The ministry said 24 soldiers were wounded in the attack on the base."
    )
    assert "swap" not in await finding_kinds(
        kb, "The ministry said 42 soldiers were wounded in the attack on the base."
    )


async def _beside_bounds(kb: knowledge.KnowledgeBase, text: str) -> knowledge.ClaimResult:
    """The one claim of `text`, checked beside a record that estimates a figure and one that
    bounds a figure."""
    await kb.curator.add("The city has about 2.1 million inhabitants.")
    await kb.curator.add("The port has more than 1,000 employees.")
    (claim,) = (await kb.check(text, reference_date=date(2025, 3, 1))).claims
    return claim


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("The city has 5 million inhabitants.", True, id="far-from-the-estimate"),
        pytest.param("The city has 1.9 million inhabitants.", False, id="within-the-estimate"),
        pytest.param("The city has about 2 million inhabitants.", False, id="another-estimate"),
        pytest.param("The port has 900 employees.", True, id="under-the-bound"),
        pytest.param("The port has 1,200 employees.", False, id="inside-the-bound"),
        pytest.param("The port has 1,000 employees.", False, id="at-the-bound"),
    ],
)
async def test_a_figure_the_record_only_estimates_or_bounds_is_flagged_when_ruled_out(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """ "about 2.1 million" rules out 5 million, not 1.9 million; "more than 1,000" rules out
    900, not 1,200 (nor 1,000, which such a bound is often rounded from)."""
    claim = await _beside_bounds(kb, text)
    assert (claim.verdict == knowledge.Verdict.CONTRADICTED) is flagged
    if flagged:  # the finding quotes the record's bound as it is written
        assert any(
            "about 2.1 million" in f.message or "more than 1,000" in f.message
            for f in claim.findings
        )


@pytest.mark.parametrize(
    ("text", "backed"),
    [
        pytest.param("The port has 1,000 employees.", False, id="the-bound-itself"),
        pytest.param("The port has 1,200 employees.", False, id="inside-the-bound"),
        pytest.param("The port has more than 1,000 employees.", True, id="the-same-bound"),
        pytest.param("The city has 2.1 million inhabitants.", True, id="the-estimate"),
    ],
)
async def test_a_one_sided_bound_does_not_back_an_exact_figure(
    kb: knowledge.KnowledgeBase, text: str, backed: bool
) -> None:
    """ "more than 1,000" gives neither 1,000 nor 1,200; "about 2.1 million" is the figure
    the record gives, to its own precision."""
    claim = await _beside_bounds(kb, text)
    assert (claim.verdict == knowledge.Verdict.SUPPORTED) is backed


async def test_same_names_in_other_words_are_not_swaps(kb: knowledge.KnowledgeBase) -> None:
    text = "The NATO chief urged the Republic of Korea to permit direct arms exports to Ukraine."
    assert "swap" not in await finding_kinds(kb, text)


async def test_a_sentence_wrong_in_two_ways_gets_both_findings(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add(
        "The ferry company said on Wednesday that 1,850 passengers were stranded by the "
        "strike at the port of Bergen.",
        kind="event",
        event_date="2024-06-05",
    )
    report = await kb.check(
        "The ferry company said on Friday that 1,580 passengers were "
        "stranded by the strike at the port of Bergen.",
        reference_date=date(2024, 6, 7),
    )
    (claim,) = report.claims
    kinds = [f.kind.value for f in claim.findings]
    assert "timeline" in kinds and "swap" in kinds
    swap = next(f for f in claim.findings if f.kind.value == "swap")
    assert "“1,580 passengers”" in swap.message and "“1,850 passengers”" in swap.message


async def _accessions(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add(
        "Finland joined NATO on 4 April 2023, becoming the alliance's 31st member.",
        source="https://www.nato.int/cps/en/natohq/news_213448.htm",
    )
    await kb.curator.add(
        "Sweden joined NATO on 7 March 2024 as its 32nd member.",
        source="https://www.nato.int/cps/en/natohq/news_223446.htm",
    )


async def test_a_rank_is_never_rounded(kb: knowledge.KnowledgeBase) -> None:
    # "30th" is not a round "31st": a wrong rank is never endorsed (it was, read as a count
    # of 30 given to fewer places), and the right one still is
    await _accessions(kb)
    wrong = await kb.check("Finland became NATO's 30th member.", reference_date=date(2025, 1, 15))
    assert [c.verdict for c in wrong.claims] != [knowledge.Verdict.SUPPORTED]
    right = await kb.check("Finland became NATO's 31st member.", reference_date=date(2025, 1, 15))
    assert [c.verdict for c in right.claims] == [knowledge.Verdict.SUPPORTED]
    other = await kb.check(
        "Finland became the alliance's 21st member.", reference_date=date(2025, 1, 15)
    )
    assert [c.verdict for c in other.claims] != [knowledge.Verdict.SUPPORTED]


@pytest.mark.parametrize(
    "text",
    [
        "Finland became the 31st member of NATO in April 2023.",
        "Sweden became NATO's 32nd member in March 2024.",
    ],
)
async def test_a_neighbouring_event_does_not_refute_a_backed_claim(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    # Sweden's accession differs from Finland's in the country, the rank and the date: it is
    # another event, and the statement that gives every detail of the claim backs it
    await _accessions(kb)
    report = await kb.check(text, reference_date=date(2025, 1, 15))
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.SUPPORTED]


async def test_an_error_is_named_against_the_closest_record(kb: knowledge.KnowledgeBase) -> None:
    await _accessions(kb)
    report = await kb.check("Finland became NATO's 30th member.", reference_date=date(2025, 1, 15))
    messages = [f.message for c in report.claims for f in c.findings]
    assert report.claims[0].verdict == knowledge.Verdict.CONTRADICTED
    assert any("31st member" in m for m in messages), messages
    assert not any("Sweden" in m or "32nd" in m for m in messages), messages


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("The harbour bridge reopened by 2022.", False, id="by-holds"),
        pytest.param("The harbour bridge reopened before 1 July 2021.", False, id="before-holds"),
        pytest.param("The harbour bridge reopened in 2020.", True, id="another-year"),
    ],
)
async def test_a_year_said_as_a_bound_is_compared_as_one(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """ "by 2022" (the year keeps its preposition) holds beside "on 2 June 2021"."""
    await kb.curator.add("The harbour bridge reopened on 2 June 2021.")
    (claim,) = (await kb.check(text, reference_date=date(2025, 3, 1))).claims
    assert claim.flagged is flagged, claim.findings


@pytest.mark.parametrize(
    "text",
    [
        "Stoltenberg cited Germany, Norway and Sweden as countries that had kept their arms "
        "export policies.",
        "Stoltenberg cited Germany, Norway and Sweden as countries that had maintained their "
        "arms export policies.",
    ],
)
async def test_the_opposite_act_is_never_supported(kb: knowledge.KnowledgeBase, text: str) -> None:
    """The seeds say these countries "had changed" their policies: keeping them is the
    opposite ("keep" is a stop word to spaCy, but it tells what happened)."""
    (claim,) = (await kb.check(text, reference_date=date(2023, 1, 30))).claims
    assert claim.verdict != knowledge.Verdict.SUPPORTED


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the record gives the country, not the city where it was signed
        pytest.param("The treaty was signed in Kyiv on 3 May 2019.", "unverified", id="city"),
        pytest.param("The treaty was signed in Ukraine on 3 May 2019.", "supported", id="country"),
        # a capital standing for its government names the country itself
        pytest.param("Kyiv signed the treaty on 3 May 2019.", "supported", id="government"),
    ],
)
async def test_a_city_told_as_a_place_is_not_backed_by_its_country(
    kb: knowledge.KnowledgeBase, claim: str, verdict: str
) -> None:
    # the seeds list Kyiv as one of Ukraine's names (a capital stands for its government)
    await kb.curator.add("Ukraine signed the treaty in Ukraine on 3 May 2019.")
    report = await kb.check(claim, reference_date=date(2020, 1, 1))
    assert [c.verdict.value for c in report.claims] == [verdict]


async def test_minsk_ii_signed_in_kyiv_is_not_endorsed(kb: knowledge.KnowledgeBase) -> None:
    report = await kb.check(
        "The Minsk II agreement was signed on 12 February 2015 in Kyiv.",
        reference_date=date(2023, 1, 30),
    )
    assert [c.verdict.value for c in report.claims] != ["supported"]


async def test_the_same_city_told_as_a_place_agrees(kb: knowledge.KnowledgeBase) -> None:
    report = await kb.check(
        "In Seoul, Stoltenberg asked South Korea to reconsider its rule of not exporting "
        "weapons to countries in conflict.",
        reference_date=date(2023, 1, 30),
    )
    assert [c.verdict.value for c in report.claims] == ["supported"]
    report = await kb.check(
        "In Tokyo, Stoltenberg asked South Korea to reconsider its rule of not exporting "
        "weapons to countries in conflict.",
        reference_date=date(2023, 1, 30),
    )
    assert [c.verdict.value for c in report.claims] != ["supported"]


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The EU adopted its 12th package of sanctions against Russia in December 2023.",
            "The EU adopted its 11th package of sanctions in June 2023.",
            id="another-package",
        ),
        pytest.param(
            "The company reported a profit of 2.4 billion euros for 2022.",
            "The company reported a profit of 1.9 billion euros for 2021.",
            id="another-year",
        ),
        pytest.param(
            "The ministry said 42 soldiers were wounded in the attack on the base on Tuesday.",
            "Five soldiers were wounded in a second attack on Wednesday.",
            id="another-day",
        ),
    ],
)
async def test_a_figure_of_another_time_is_not_contradicted(record: str, claim: str) -> None:
    # The time differs and so does the figure: the claim tells of another event or period.
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(record)
        report = await kb.check(claim, reference_date=date(2024, 6, 1))
        assert [c.verdict.value for c in report.claims] == ["unverified"]


async def test_a_figure_of_the_same_time_is_still_contradicted() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add("The company reported a profit of 2.4 billion euros for 2022.")
        report = await kb.check(
            "The company reported a profit of 1.9 billion euros for 2022.",
            reference_date=date(2024, 6, 1),
        )
        assert [c.verdict.value for c in report.claims] == ["contradicted"]


def _as_expected(found: str, verdict: str) -> bool:
    """ "contradicted" must be found as such; "not contradicted" allows any other verdict."""
    return found == verdict if verdict == "contradicted" else found != "contradicted"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The club's record attendance at the stadium is 51,385.",
            "The club's record attendance at the stadium is more than 51,386.",
            id="bound-beside-an-exact-figure",
        ),
        pytest.param(
            "The film has grossed a worldwide total of $253.2 million.",
            "The film has grossed a worldwide total of more than $260 million.",
            id="an-amount-of-money",
        ),
        pytest.param(
            "The bridge has a length of 1,200 metres and a height of 85 metres.",
            "The bridge has a height of more than 100 metres.",
            id="the-figure-of-the-same-measure",
        ),
    ],
)
async def test_a_figure_that_counts_no_word_is_compared_with_the_one_led_to_the_same_way(
    record: str, claim: str
) -> None:
    # No counted word follows these figures; the word that leads to them ("attendance",
    # "total", "height") tells which figure of the record the claim's is.
    assert await verdict_beside(record, claim) == "contradicted"


async def test_a_bound_a_figure_led_to_the_same_way_meets_is_not_contradicted() -> None:
    verdict = await verdict_beside(
        "The club's record attendance at the stadium is 51,385.",
        "The club's record attendance at the stadium is more than 50,000.",
    )
    assert verdict in ("supported", "unverified")


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param("The film grossed more than $12 million in other territories.", id="wrong"),
        pytest.param("The film grossed more than $30 million.", id="one-of-them-meets-it"),
    ],
)
async def test_figures_led_to_by_one_word_are_not_guessed_between(claim: str) -> None:
    # "grossed" leads to $32.6 million only; "more than $12 million in other territories" is
    # the $12 million, which it does not meet: never backed. A bound one of the record's
    # figures meets is never contradicted by another.
    verdict = await verdict_beside(
        "The film grossed $32.6 million in North America and $12 million in other territories.",
        claim,
    )
    assert verdict != "supported"
    if "30" in claim:
        assert verdict != "contradicted"


async def test_a_figure_for_a_year_the_record_does_not_give_is_not_contradicted() -> None:
    record = "The territory had a population of 41,462."
    assert await verdict_beside(record, "The territory had a population of 41,786 in 2016.") == (
        "unverified"
    )
    assert (
        await verdict_beside(record, "The territory had a population of 41,786.") == "contradicted"
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        pytest.param(
            "He directed more than three episodes in the second season.",
            "supported",
            id="the-figure-of-the-second-season",
        ),
        pytest.param(
            "He directed more than five episodes in the second season.",
            "contradicted",
            id="neither-figure-meets-it",
        ),
    ],
)
async def test_a_figure_is_read_against_the_figure_of_the_same_context(
    claim: str, verdict: str
) -> None:
    # "in the second season" tells which of the record's two counts of episodes the claim's
    # is: "two episodes in the first season" says nothing against it.
    record = "He directed two episodes in the first season and four episodes in the second season."
    assert await verdict_beside(record, claim) == verdict


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Following the buyout, Lewis and Levy controlled 71% and 29% of the shares.",
            "Lewis controlled more than 70.8% of the shares.",
            id="the-first-of-two-shares",
        ),
        pytest.param(
            "All residents were ordered to stay home from 9:00 p.m. to 6:00 a.m. from Monday.",
            "All residents were ordered to stay home from 9 p.m. to 6 a.m.",
            id="times-of-day",
        ),
        pytest.param(
            "The singer has released one hundred and five singles.",
            "The singer has released more than one hundred and four singles.",
            id="a-number-in-words",
        ),
    ],
)
async def test_figures_a_record_gives_another_way_are_not_contradicted(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) != "contradicted"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "There have been 669,982 tests, of which 257,216 were positive.",
            "The state has performed less than 650,000 coronavirus tests.",
            id="a-word-between-figure-and-noun",
        ),
        pytest.param(
            "The confirmed cases reached 919, and the recoveries reached 65.",
            "There have been less than 900 cases in the country.",
            id="the-noun-before-the-figure",
        ),
    ],
)
async def test_a_figure_counting_the_same_noun_placed_otherwise_is_compared(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) == "contradicted"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Today, the company maintains 75 signature stores and several company-owned stores.",
            "The brand has 22 company-owned retail stores.",
            id="the-subject-is-not-what-is-counted",
        ),
        pytest.param(
            "There are 185 confirmed cases in 16 out of 28 provinces, with three deaths.",
            "More than 184 cases are confirmed in more than 15 provinces.",
            id="the-figure-that-counts-the-noun-itself",
        ),
    ],
)
async def test_a_noun_before_a_figure_is_not_taken_for_what_another_counts(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) != "contradicted"


@pytest.mark.parametrize(
    ("written", "verdict"),
    [
        pytest.param("eighty-nine", "supported", id="hyphenated"),
        pytest.param("eighty-two", "contradicted", id="hyphenated-otherwise"),
        pytest.param("one hundred and four", "contradicted", id="with-and"),
        pytest.param("eighty nine", "supported", id="spaced"),
    ],
)
async def test_a_number_written_in_words_is_read_whole(written: str, verdict: str) -> None:
    # "eighty-two" is 82, not "eighty" and a word, so it is never backed by 89.
    record = "The ministry said 89 soldiers were wounded in the attack on the base."
    claim = f"The ministry said {written} soldiers were wounded in the attack on the base."
    assert await verdict_beside(record, claim) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        pytest.param(
            "There were 127 confirmed cases in more than 15 provinces.",
            "contradicted",
            id="the-part-breaks-it",
        ),
        pytest.param(
            "There were 127 confirmed cases in fewer than 16 provinces.",
            "not contradicted",
            id="the-part-meets-it",
        ),
    ],
)
async def test_a_part_out_of_a_whole_counts_what_the_whole_counts(claim: str, verdict: str) -> None:
    # "13 out of 28 provinces": the cases are in 13 provinces; 28 is all there are.
    record = "There are 127 confirmed cases in 13 out of 28 provinces and three deaths."
    assert _as_expected(await verdict_beside(record, claim), verdict)


FESTIVAL = (
    "The festival drew 52,400 visitors over four days and sold 11,800 tickets online, the "
    "organisers said on Monday after the last concert ended."
)
LEAGUE = "The league has had 13 different championship teams and 26 individual champions."
PROVINCE = (
    "The total number of cases recorded in the province is 2,049, of which 364 have recovered."
)


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Health officials have confirmed 2,416 coronavirus cases in the region.",
            "The region has fewer than 2,300 confirmed coronavirus cases.",
            id="words-qualifying-the-noun",
        ),
        pytest.param(
            "In the province the confirmed cases reached 134, most of them imported.",
            "There are fewer than 130 cases in the province.",
            id="the-noun-before-a-figure-that-ends-its-clause",
        ),
        pytest.param(
            FESTIVAL,
            "The festival drew more than 55,000 visitors and sold more than 11,000 tickets online.",
            id="several-figures-each-against-its-own",
        ),
        pytest.param(
            "The documentary has grossed $41.5 million in North America and $5.7 million in "
            "other territories.",
            "The documentary grossed less than $41.2 million in North America.",
            id="the-figure-told-alike-not-another",
        ),
        pytest.param(
            PROVINCE, "The province has recorded more than 2,100 cases.", id="the-number-of-x-is"
        ),
        pytest.param(
            LEAGUE,
            "The league has had less than 13 championship teams and less than 30 individual "
            "champions.",
            id="the-figure-whose-context-is-closest",
        ),
        pytest.param(
            "Police said 12 police officers and 30 protesters were injured in the clashes.",
            "More than 20 police officers were injured in the clashes.",
            id="a-compound-noun",
        ),
        pytest.param(
            "The critic gave the album 2 stars out of 5, calling it a mess.",
            "The critic gave the album more than 2 stars out of 5.",
            id="not-the-scale",
        ),
    ],
)
async def test_a_bound_is_read_against_the_figure_that_counts_the_same(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) == "contradicted"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Health officials have confirmed 2,416 coronavirus cases in the region.",
            "The region has more than 2,300 confirmed coronavirus cases.",
            id="words-qualifying-the-noun",
        ),
        pytest.param(
            FESTIVAL,
            "The festival drew more than 50,000 visitors and sold more than 11,000 tickets online.",
            id="several-figures-each-met",
        ),
        pytest.param(
            "The documentary has grossed a total of $1,564,355. It opened in two theaters and "
            "grossed $61,560 on its first weekend.",
            "The documentary has grossed more than $1.5 million.",
            id="one-shared-word-is-no-slot",
        ),
        pytest.param(
            PROVINCE, "The province has recorded more than 2,000 cases.", id="the-number-of-x-is"
        ),
        pytest.param(
            LEAGUE,
            "The league has had more than 12 championship teams and less than 30 individual "
            "champions.",
            id="each-figure-its-own",
        ),
        pytest.param(
            "The critic gave the album 2 stars out of 5, calling it a mess.",
            "The critic gave the album 2 stars out of 5.",
            id="the-scale",
        ),
        pytest.param(
            "The series holds an average rating of 6.2/10 based on 40 reviews.",
            "The series holds an average rating of less than 6.5/10 based on more than 38 reviews.",
            id="a-rating-on-a-scale",
        ),
    ],
)
async def test_a_bound_the_figure_counting_the_same_meets_is_not_contradicted(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) != "contradicted"


@pytest.mark.parametrize(
    ("record", "claim", "verdict"),
    [
        pytest.param(
            "The film has grossed over $248 million worldwide and leads the year's chart.",
            "The film grossed under $248 million worldwide.",
            "contradicted",
            id="bounds-no-figure-meets-both",
        ),
        pytest.param(
            "The film has grossed over $248 million worldwide and leads the year's chart.",
            "The film grossed more than $250 million worldwide.",
            "not contradicted",
            id="bounds-a-figure-may-meet-both",
        ),
        pytest.param(
            "A total of 3,448 tests have been processed by the state laboratory.",
            "The state has processed less than 3,420 COVID-19 tests.",
            "contradicted",
            id="a-coded-name-qualifying-the-noun",
        ),
        pytest.param(
            "The film holds an approval rating of 97% based on 373 reviews.",
            "Averaged over 373 reviews, the film holds an approval rating of 97%.",
            "not contradicted",
            id="averaged-over-is-no-bound",
        ),
    ],
)
async def test_bounds_are_read_as_what_they_allow(record: str, claim: str, verdict: str) -> None:
    assert _as_expected(await verdict_beside(record, claim), verdict)


@pytest.mark.parametrize(
    ("record", "claim", "verdict"),
    [
        pytest.param(
            "As of 2009, the population of the county was 796,836.",
            "More than 800,000 people lived in the county in 2009.",
            "contradicted",
            id="people-and-population",
        ),
        pytest.param(
            "As of 2009, the population of the county was 796,836.",
            "More than 790,000 people lived in the county in 2009.",
            "not contradicted",
            id="people-and-population-met",
        ),
        pytest.param(
            "The ministry recorded 58 deaths and 206 recoveries.",
            "The ministry recorded fewer than 50 fatalities.",
            "contradicted",
            id="deaths-and-fatalities",
        ),
        pytest.param(
            "The ministry recorded 58 deaths and 206 recoveries.",
            "The ministry recorded fewer than 60 fatalities.",
            "not contradicted",
            id="deaths-and-fatalities-met",
        ),
    ],
)
async def test_nouns_that_count_the_same_things_are_compared(
    record: str, claim: str, verdict: str
) -> None:
    assert _as_expected(await verdict_beside(record, claim), verdict)


BOX_OFFICE = (
    "The film has grossed $36.3 million in the United States and Canada and $85 million in "
    "other territories, for a worldwide total of $121.3 million."
)


@pytest.mark.parametrize(
    ("record", "claim", "verdict"),
    [
        pytest.param(
            BOX_OFFICE,
            "The film grossed more than $122 million globally.",
            "contradicted",
            id="globally-is-the-worldwide-total",
        ),
        pytest.param(
            BOX_OFFICE,
            "The film grossed more than $120 million globally.",
            "not contradicted",
            id="globally-met-by-the-worldwide-total",
        ),
        pytest.param(
            "The film's domestic net is 62.19 crore and in the overseas market it grossed "
            "14.11 crore.",
            "The film made more than 60 crore domestically, while its overseas earnings were "
            "lower than 16.11 crore.",
            "not contradicted",
            id="each-part-of-the-total-its-own",
        ),
    ],
)
async def test_a_figure_is_read_against_the_same_part_of_a_total(
    record: str, claim: str, verdict: str
) -> None:
    assert _as_expected(await verdict_beside(record, claim), verdict)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        pytest.param(
            "In its opening weekend the film earned more than $4.5 million.",
            "contradicted",
            id="earned-is-grossed",
        ),
        pytest.param(
            "In its opening weekend the film earned more than $4 million.",
            "not contradicted",
            id="earned-is-grossed-met",
        ),
    ],
)
async def test_words_that_tell_the_same_of_an_amount_lead_to_the_same_figure(
    claim: str, verdict: str
) -> None:
    record = "In its opening weekend the film grossed $4.1 million, finishing eighth."
    assert _as_expected(await verdict_beside(record, claim), verdict)


async def test_the_words_of_a_bound_are_the_figures_not_words_the_record_lacks() -> None:
    # "over" belongs to "over 2,000": the claim has no word the record lacks, and the record's
    # 2,049 meets the bound, so the record backs it.
    verdict = await verdict_beside(
        "The album sold 2,049 copies in its first week in the country.",
        "The album sold over 2,000 copies in its first week in the country.",
    )
    assert verdict == "supported"
