"""Unsupported details: a retelling of a learned article that swaps, invents or inverts a detail."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2024, 4, 13)
ARTICLE = """Volunteers in London planted 300 oak trees along the canal towpath on Saturday to mark the city's green week.
The planting was organised by the Canal Trust, which said the trees would shade the path in summer.
Each tree was given a red ribbon to mark the new trail for visitors.
The council said the project had succeeded despite heavy rain, and 40 children took part.
The trust did not receive any public money for the scheme.
"""


async def _verdicts(kb: knowledge.KnowledgeBase, text: str) -> list[str]:
    report = await _checked_on(kb, ARTICLE, text, DAY)
    return [c.verdict.value for c in report.claims]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Volunteers in London planted 300 oak trees along the canal towpath, organised by Greenpeace.",
            id="invented-name",
        ),
        pytest.param(
            "Volunteers in London planted 500 oak trees along the canal towpath on Saturday.",
            id="other-number",
        ),
        pytest.param(
            "Volunteers in London planted 300 oak trees along the canal towpath to mark the city's two-week green festival.",
            id="invented-quantity",
        ),
        pytest.param(
            "Each tree was given a blue ribbon to mark the new trail for visitors.",
            id="other-colour",
        ),
        pytest.param("The council said the project had failed despite heavy rain.", id="antonym"),
        pytest.param(
            "The trust received public money for the planting scheme.", id="negation-removed"
        ),
        pytest.param(
            "The Canal Trust said the trees would not shade the towpath in summer.",
            id="negation-inserted",
        ),
    ],
)
async def test_changed_detail_is_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "contradicted" in await _verdicts(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "British volunteers planted 300 oak trees along the canal towpath in London.",
            id="demonym",
        ),
        pytest.param(
            "The Canal Trust organised the planting of 300 oak trees beside the canal in London.",
            id="reordered",
        ),
        pytest.param(
            "About 40 children helped the volunteers plant the oak trees despite the heavy rain.",
            id="paraphrase",
        ),
        pytest.param(
            "The trust got no public money for the tree planting scheme.", id="negation-kept"
        ),
        pytest.param("Red ribbons on each tree mark the new trail for visitors.", id="same-colour"),
        pytest.param(
            "Heavy snow closed three mountain roads in Norway on Monday.", id="another-story"
        ),
    ],
)
async def test_faithful_retelling_is_not_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    verdicts = await _verdicts(kb, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Volunteers planted 300 oak trees along the canal towpath, which about 2,000 "
            "people walk each day.",
            id="figure-of-something-else",
        ),
        pytest.param(
            "The council said the project had succeeded despite heavy rain that fell "
            "throughout March.",
            id="date-of-something-else",
        ),
    ],
)
async def test_a_figure_or_date_the_article_has_nothing_in_place_of_is_no_swap(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    # Other reports add details the learned article lacks; only one put in the place of the
    # article's own figure or date is a swap.
    verdicts = await _verdicts(kb, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "The planting was organised by the Canal Trust and the Woodland Trust, which said "
            "the trees would shade the path in summer.",
            False,
            id="name-added-beside-the-articles",
        ),
        pytest.param(
            "The planting was organised by the Woodland Trust, which said the trees would "
            "shade the path in summer.",
            True,
            id="name-in-place-of-the-articles",
        ),
        pytest.param(
            "French volunteers planted 300 oak trees along the canal towpath on Saturday.",
            True,
            id="country-in-place-of-the-articles-city",
        ),
    ],
)
async def test_a_new_name_is_a_swap_only_in_place_of_one_the_article_gives(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    verdicts = await _verdicts(kb, text)
    assert ("contradicted" in verdicts) is flagged, verdicts
    assert "supported" not in verdicts  # the article never names the one added


async def test_a_figure_beside_the_storys_names_only_is_no_swap(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "TOKYO, Jan 2, 2024 – A magnitude 7.5 earthquake struck the Noto peninsula in "
        "Ishikawa prefecture on Monday afternoon, killing at least 48 people and "
        "destroying hundreds of buildings, officials said.\n"
        "The quake hit at 4:10 p.m. local time and was followed by dozens of aftershocks."
        " Tsunami warnings were issued along Japan's western coast and later lifted.\n"
        "Prime Minister Fumio Kishida said rescuers were racing against time to reach "
        "people trapped under collapsed houses. Around 33,000 households were still "
        "without power on Tuesday.\n"
        "A fire destroyed about 200 buildings in the city of Wajima, where a famous "
        "morning market was burned down.\n"
    )
    day = date(2024, 1, 2)
    text = "The Noto peninsula is home to around 170,000 people, many of them elderly."
    report = await _checked_on(kb, article, text, day)
    assert not report.flagged, [c.reason for c in report.claims]


async def test_a_figure_beside_a_figure_written_with_a_comma_is_read_in_its_clause(
    kb: knowledge.KnowledgeBase,
) -> None:
    # The comma of "33,000" ends no clause: "49%" stands where the article has "59%".
    article = (
        "SEATTLE, Nov 4, 2024 – Boeing factory workers voted on Monday to accept a new "
        "contract, ending a seven-week strike that halted production of the company's "
        "best-selling 737 MAX jet.\n"
        "About 59% of the 33,000 machinists represented by the IAM union voted in favour "
        "of the deal, which includes a 38% pay rise over four years.\n"
        "The strike, which began on Sept. 13, cost Boeing billions of dollars and forced "
        "the planemaker to raise new capital.\n"
        "Chief Executive Kelly Ortberg said he was glad to have the workers back and that"
        " the company would restart production carefully.\n"
    )
    text = "About 49% of the 33,000 machinists voted in favour of the deal."
    report = await _checked_on(kb, article, text, date(2024, 11, 4))
    assert report.flagged, [c.reason for c in report.claims]


async def test_a_figure_put_in_place_of_the_articles_elsewhere_is_a_swap(
    kb: knowledge.KnowledgeBase,
) -> None:
    text = "The volunteers planted 250 oak trees on Saturday, organised by the Canal Trust."
    assert "contradicted" in await _verdicts(kb, text)


async def test_a_name_used_elsewhere_in_the_article_is_not_a_swap(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "Mayor Anna Berg opened the new footbridge over the river Aire on Friday, said "
        "councillor Jim Dowd.\n"
        "The footbridge was designed by the engineer Tom Hale and cost the city nothing.\n"
        "Hundreds of residents crossed the footbridge in its first hour.\n"
    )
    await kb.curator.learn(article, source="https://example.org/footbridge", published=DAY)
    report = await kb.check(
        "Mayor Anna Berg opened the new footbridge over the river Aire on "
        "Friday, designed by Tom Hale.",
        reference_date=DAY,
    )
    # Two sentences of the article told as one: no single statement backs all of it, so the
    # claim may stay unverified, but it is never flagged.
    assert [c.verdict.value for c in report.claims] in (["supported"], ["unverified"])


async def test_a_date_given_elsewhere_in_the_article_is_not_a_wrong_date(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "John Platt pleaded guilty on Thursday to the killing of Mary Cole, who died "
        "on the coast path near Dover.\n"
        "Cole died in 1990 after a quarrel over a gate on the coast path.\n"
        "The court will sentence the farmer next month.\n"
    )
    await kb.curator.learn(article, source="https://example.org/coast-path", published=DAY)
    report = await kb.check(
        "John Platt has pleaded guilty to the killing of Mary Cole, who died "
        "34 years ago on the coast path near Dover.",
        reference_date=DAY,
    )
    assert not {"contradicted", "outdated"} & {c.verdict.value for c in report.claims}


async def test_a_changed_month_is_a_timeline_finding_naming_both_dates(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "The old swing bridge over the harbour was closed to cars in March 2021.\n"
        "The city said the bridge would be kept for pedestrians and cyclists.\n"
    )
    await kb.curator.learn(article, source="https://example.org/swing-bridge", published=DAY)
    report = await kb.check(
        "The old swing bridge over the harbour was closed to cars in March 2019.",
        reference_date=DAY,
    )
    (claim,) = report.claims
    assert claim.verdict.value == "contradicted"
    (finding,) = claim.findings
    assert finding.kind.value == "timeline"
    assert "March 2019" in finding.message and "March 2021" in finding.message


async def test_faithful_retelling_with_a_drug_name_and_a_synonym_is_not_flagged(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "Ticket sales at the city's museums rose by a third last year, the council said.\n"
        "Visits by school groups had fallen during the COVID-19 closures, it added.\n"
        "The council plans to open a new gallery in the old station.\n"
    )
    await kb.curator.learn(article, source="https://example.org/museum-visits", published=DAY)
    report = await kb.check(
        "The council said school group visits dropped during the COVID-19 closures.",
        reference_date=DAY,
    )
    assert [c.verdict.value for c in report.claims] != ["contradicted"]


async def test_a_statement_saying_last_year_is_read_from_its_own_date(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "GENEVA, March 14, 2024 - The World Health Organization said on Thursday that "
        "measles cases in Europe rose more than 30-fold last year, with 42,200 infections "
        "reported across the region.\nThe agency urged governments to run catch-up "
        "vaccination campaigns.\nIt said it was not recommending travel restrictions.\n"
    )
    await kb.curator.learn(
        article, source="https://example.org/measles", published=date(2024, 3, 14)
    )
    report = await kb.check(
        "The WHO reported on Thursday that Europe saw measles infections jump "
        "more than thirty times last year, to 42,200 cases.",
        reference_date=date(2024, 3, 15),
    )
    assert [c.verdict.value for c in report.claims] != ["contradicted"]


BID = """Finland joined NATO in April 2023 after a year of talks with the alliance.
Sweden, which applied at the same time, is still waiting for Turkey and Hungary to approve its bid.
Hungary's parliament could vote on the bid next month, officials in Budapest said.
Sweden's accession protocol still has to be ratified by the Turkish parliament.
"""
BID_DAY = date(2023, 6, 1)


async def _learned_then_checked(
    kb: knowledge.KnowledgeBase, article: str, text: str, published: date
) -> list[str]:
    """The verdicts on `text`, checked the day after the knowledge base learned `article`."""
    report = await report_after_learning(kb, article, text, published)
    return [c.verdict.value for c in report.claims]


async def _checked_on(
    kb: knowledge.KnowledgeBase, article: str, text: str, day: date
) -> knowledge.Report:
    """The report on `text`, checked on the day the knowledge base learned `article`."""
    await kb.curator.learn(article, source="https://example.org/article", published=day)
    return await kb.check(text, reference_date=day)


async def _bid_verdicts(kb: knowledge.KnowledgeBase, article: str, text: str) -> list[str]:
    return await _learned_then_checked(kb, article, text, BID_DAY)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Turkey and Hungary have yet to approve Sweden's bid to join NATO.", id="yet-to"
        ),
        pytest.param("Hungary's parliament has not voted on Sweden's bid.", id="could-vote"),
        pytest.param(
            "The Turkish parliament has not ratified Sweden's accession protocol.",
            id="has-to-be-ratified",
        ),
    ],
)
async def test_denying_what_the_article_tells_as_not_done_yet_is_not_a_negation(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    """The article has the verb only as not done ("waiting for them to approve", "could
    vote", "has to be ratified"): a sentence saying it has not happened retells it."""
    verdicts = await _bid_verdicts(kb, BID, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


async def test_denying_what_the_article_tells_as_done_is_still_flagged(
    kb: knowledge.KnowledgeBase,
) -> None:
    done = BID.replace(
        "is still waiting for Turkey and Hungary to approve its bid",
        "was approved by Turkey and Hungary after long delays",
    ).replace("could vote", "voted")
    for text in (
        "Hungary's parliament has not voted on Sweden's bid.",
        "Hungary's parliament never voted on Sweden's bid.",
    ):
        assert "contradicted" in await _bid_verdicts(kb, done, text), text


RATES = """FRANKFURT, 6 June 2024 - The European Central Bank cut its key interest rate on Thursday.
ECB President Christine Lagarde said inflation in the euro area had slowed to 2.6 percent in May, still above the bank's target.
The US Federal Reserve has kept its rates unchanged so far this year.
The bank also reported a decline in lending to companies in April.
"""


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Federal Reserve has yet to cut rates this year.", id="other-words"),
        pytest.param("Inflation in the euro area has not yet fallen to the target.", id="not-yet"),
    ],
)
async def test_a_negation_of_what_the_article_never_says_in_those_words_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    """What the negation denies ("cut", "fall") is not in the article's sentence at all: it
    may well agree ("kept its rates unchanged"), so nothing is flagged."""
    verdicts = await _bid_verdicts(kb, RATES, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


async def test_denying_what_the_article_reports_is_still_flagged(
    kb: knowledge.KnowledgeBase,
) -> None:
    text = "The bank didn't report anything about a decline in lending to companies."
    assert "contradicted" in await _bid_verdicts(kb, RATES, text)


CUT = """FRANKFURT, 6 June 2024 - The European Central Bank (ECB) cut its key interest rate by a quarter of a percentage point on Thursday, its first reduction since 2019.
About two thirds of the economists polled had expected the move, and half of them expect another cut in September.
Inflation in the euro area slowed to 2.6 percent in May, still above the bank's target.
ECB President Christine Lagarde said the bank was not committing to further cuts.
"""


async def _cut_verdicts(kb: knowledge.KnowledgeBase, text: str) -> list[str]:
    return await _learned_then_checked(kb, CUT, text, date(2024, 6, 6))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ECB lowered its main rate by 0.25 percentage points on Thursday.",
                     id="quarter"),
        pytest.param("It was the ECB's first rate cut in five years.", id="years-since"),
        pytest.param("Some 67 percent of the economists polled had expected the cut.",
                     id="two-thirds"),
        pytest.param("50% of the economists expect another cut in September.", id="half"),
    ],
)  # fmt: skip
async def test_a_figure_the_article_gives_in_words_or_by_a_year_is_not_new(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    verdicts = await _cut_verdicts(kb, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ECB lowered its main rate by 0.75 percentage points on Thursday.",
                     id="not-a-quarter"),
        pytest.param("It was the ECB's first rate cut in eleven years.", id="other-span"),
        pytest.param("Some 40 percent of the economists polled had expected the cut.",
                     id="other-share"),
    ],
)  # fmt: skip
async def test_a_figure_no_share_or_year_of_the_article_gives_is_still_new(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _cut_verdicts(kb, text)


WATER = """LONDON, 12 March 2024 - Thames Water said on Tuesday it had discharged sewage into rivers for more than 19,800 hours last year.
The company, which supplies about 16 million customers, blamed heavy rainfall for the increase.
Campaigners said the real total was likely to be higher because many outflows were not monitored.
The regulator Ofwat fined the company 40 million pounds last year.
"""


async def _water_verdicts(kb: knowledge.KnowledgeBase, text: str) -> list[str]:
    return await _learned_then_checked(kb, WATER, text, date(2024, 3, 12))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Thames Water spilled sewage into rivers for nearly 20,000 hours last year.",
                     id="round-figure"),
        pytest.param("Campaigners said not all outflows were monitored.", id="not-all"),
    ],
)  # fmt: skip
async def test_a_round_figure_and_a_negation_placed_elsewhere_retell_the_article(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    verdicts = await _water_verdicts(kb, text)
    assert not {"contradicted", "outdated"} & set(verdicts), verdicts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Thames Water spilled sewage into rivers for nearly 25,000 hours last year.",
                     id="far-from-the-figure"),
        pytest.param("Thames Water spilled sewage into rivers for 20,000 hours last year.",
                     id="not-given-as-round"),
        pytest.param("Campaigners said all outflows were monitored.", id="negation-removed"),
    ],
)  # fmt: skip
async def test_a_figure_off_the_article_or_a_removed_negation_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _water_verdicts(kb, text)


HIKE = """TOKYO, 19 March 2024 - The Bank of Japan raised interest rates on Tuesday for the first time in 17 years.
The central bank set its short-term policy rate at between zero and 0.1 percent.
Governor Kazuo Ueda said financial conditions would remain accommodative for the time being.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("The Bank of Japan raised rates for the first time since 2007.", False,
                     id="the-year-counted-back"),
        pytest.param("The Bank of Japan raised rates for the first time since 1999.", True,
                     id="another-year"),
    ],
)  # fmt: skip
async def test_a_year_the_article_counts_back_to_is_not_new(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    verdicts = await _learned_then_checked(kb, HIKE, text, date(2024, 3, 19))
    assert ("contradicted" in verdicts) is flagged


SIGNING = """Sweden's prime minister signed the defence agreement at a ceremony in Washington on Thursday.
Officials said the agreement would take effect in the summer.
It allows American troops to train at 17 Swedish bases.
The Swedish parliament is expected to approve it in June.
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param(  # the city's country is the article's, the city is not
            "Sweden's prime minister signed the defence agreement at a ceremony in Stockholm.",
            "contradicted",
            id="a-capital-for-the-place",
        ),
        pytest.param(
            "Sweden's prime minister signed the defence agreement in Washington.",
            "supported",
            id="the-place-as-told",
        ),
        pytest.param(  # "Stockholm" standing for the government names no place
            "Stockholm signed the defence agreement at a ceremony in Washington.",
            "supported",
            id="a-capital-for-its-government",
        ),
    ],
)
async def test_a_capital_told_as_where_it_happened_is_the_city(
    kb: knowledge.KnowledgeBase, text: str, verdict: str
) -> None:
    report = await _checked_on(kb, SIGNING, text, DAY)
    assert report.claims[0].verdict.value == verdict


EURO = """Croatia adopted the euro as its currency on Sunday, becoming the 20th member of the eurozone and joining the passport-free Schengen area on the same day.
Prime Minister Andrej Plenkovic called it a historic moment for the country.
Shops must show prices in both currencies until the end of the year.
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param("Croatia adopted the euro on Tuesday.", "contradicted", id="another-day"),
        pytest.param("Croatia adopted the euro on Sunday.", "supported", id="the-day-as-told"),
    ],
)
async def test_a_weekday_for_part_of_a_longer_sentence_is_judged(
    kb: knowledge.KnowledgeBase, text: str, verdict: str
) -> None:
    # the article's sentence tells more besides (", becoming the 20th member ..."): the
    # claim retells its first part
    report = await _checked_on(kb, EURO, text, date(2023, 1, 2))
    assert report.claims[0].verdict.value == verdict


DELIVERIES = """Airbus delivered 735 commercial aircraft to 87 customers in 2023, up 11 percent from 661 in 2022.
The planemaker also booked a record 2,094 gross orders during the year.
Cars passing the factory picked up dust from the new runway, neighbours said.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Airbus deliveries of commercial aircraft fell 11 percent to 735 in 2023.",
            True,
            id="a-fall-for-a-figure-up",
        ),
        pytest.param(
            "Airbus deliveries of commercial aircraft rose 11 percent to 735 in 2023.",
            False,
            id="a-rise-for-a-figure-up",
        ),
        pytest.param(  # "picked up dust": no figure, no change told
            "Cars passing the factory dropped dust on the new runway, neighbours said.",
            False,
            id="up-without-a-figure",
        ),
    ],
)
async def test_a_figure_up_or_down_tells_a_rise_or_a_fall(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, DELIVERIES, text, date(2024, 1, 11))
    assert bool(report.flagged) == flagged, report.claims[0].reason


MATCH = """Manchester City beat Chelsea 2-0 at the Etihad Stadium on Sunday.
The win lifted City to 62 points, two behind the leaders Liverpool.
About 53,000 fans watched the match in Manchester.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Chelsea lost 2-0 to Manchester City on Sunday.", False, id="the-loser's-side"
        ),
        pytest.param(
            "Manchester City lost 2-0 to Chelsea on Sunday.", True, id="the-result-turned"
        ),
    ],
)
async def test_a_retelling_from_the_other_side(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, MATCH, text, date(2024, 3, 4))
    assert bool(report.flagged) == flagged, [c.reason for c in report.claims]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(  # 735 - 661: a figure one sentence of the article gives by two others
            "Airbus delivered 74 more aircraft in 2023 than in 2022.", False, id="a-difference"
        ),
        pytest.param("Airbus delivered 84 more aircraft in 2023 than in 2022.", True, id="another"),
    ],
)
async def test_a_figure_worked_out_from_the_article(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, DELIVERIES, text, date(2024, 1, 11))
    assert bool(report.flagged) == flagged, [c.reason for c in report.claims]


DEPOSIT_RATE = """The central bank cut its deposit rate by a quarter of a point to 3.75 percent on Thursday.
Its president said in Frankfurt that future decisions would depend on the data.
Inflation was 2.6 percent in May, above the target of 2 percent.
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param(  # a city the group of names for one place ("the EU") leaves out
            "Its president said in Brussels that future decisions would depend on the data.",
            "contradicted",
            id="another-city",
        ),
        pytest.param(
            "The central bank raised its deposit rate to 3.75 percent on Thursday.",
            "contradicted",
            id="a-raise-for-a-cut",
        ),
    ],
)
async def test_a_city_or_a_direction_told_otherwise(
    kb: knowledge.KnowledgeBase, text: str, verdict: str
) -> None:
    report = await _checked_on(kb, DEPOSIT_RATE, text, date(2024, 6, 7))
    assert report.claims[0].verdict.value == verdict


FINAL = """Spain beat England 2-1 in the final in Berlin on Sunday to win a record fourth title.
Nico Williams gave Spain the lead early in the second half before Cole Palmer equalised.
Mikel Oyarzabal scored the winning goal four minutes before the end.
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param(  # the record tells more besides ("to win a record fourth title")
            "England beat Spain 2-1 in the final in Berlin on Sunday.",
            "contradicted",
            id="the-result-turned-round",
        ),
        pytest.param(  # "early" is said of another goal, in a sentence about something else
            "Oyarzabal's late goal won the final for Spain.", "unverified", id="late-and-early"
        ),
    ],
)
async def test_a_retold_final(kb: knowledge.KnowledgeBase, text: str, verdict: str) -> None:
    report = await _checked_on(kb, FINAL, text, date(2024, 7, 15))
    assert report.claims[0].verdict.value == verdict, report.claims[0].reason


FIRES = """Wildfires in central Chile killed at least 112 people over the weekend, officials said on Sunday.
About 1,600 homes burned in the coastal city of Viña del Mar.
Firefighters were still battling 40 fires on Monday.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(  # "1,600 homes" is no count of people that meets the bound
            "Wildfires in central Chile killed at least 121 people over the weekend.",
            True,
            id="a-bound-no-figure-of-its-kind-meets",
        ),
        pytest.param(
            "Wildfires in central Chile killed at least 100 people over the weekend.",
            False,
            id="a-bound-the-count-meets",
        ),
    ],
)
async def test_a_bound_is_met_only_by_a_figure_counting_the_same(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, FIRES, text, date(2024, 2, 5))
    assert bool(report.flagged) == flagged, [c.reason for c in report.claims]


PLANS = """Sweden became the 32nd member of NATO on Thursday.
The Swedish flag will be raised at NATO headquarters in Brussels on Monday.
Officials said the ceremony would be short.
"""


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        pytest.param(  # a plan denied, beside the article's plan told the same way
            "The Swedish flag will not be raised at NATO headquarters in Brussels.",
            "contradicted",
            id="a-plan-denied",
        ),
        pytest.param(
            "The Swedish flag will be raised at NATO headquarters in Brussels.",
            "supported",
            id="the-plan-as-told",
        ),
    ],
)
async def test_a_plan_retold_is_compared_as_told(
    kb: knowledge.KnowledgeBase, text: str, verdict: str
) -> None:
    report = await _checked_on(kb, PLANS, text, date(2024, 3, 8))
    assert report.claims[0].verdict.value == verdict, report.claims[0].reason


CHIPS = """The chip maker reported revenue of $22.1 billion for its fourth quarter on Wednesday.
Demand for its chips used to train artificial intelligence models drove the growth, its chief executive said.
The European Central Bank kept its rates unchanged on the same day.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("Demand for AI chips drove the chip maker's growth.", False, id="AI"),
        pytest.param("The ECB kept its rates unchanged on Wednesday.", False, id="ECB"),
        pytest.param("The BOE kept its rates unchanged on Wednesday.", True, id="BOE"),
    ],
)
async def test_an_abbreviation_of_words_the_article_writes_out_is_named_by_it(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, CHIPS, text, date(2024, 2, 22))
    assert bool(report.flagged) == flagged, [c.reason for c in report.claims]


FORECAST = """The Commission said on Monday it will cut its growth forecast to 0.8 percent.
The Commission will publish its full autumn forecast in November.
Global coal use rose 1.4 percent in 2023 to a record high, the agency said.
Demand in China grew 4.9 percent, while coal use in the EU fell 23 percent.
"""


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(  # a month said alone is a date too
            "The Commission will publish its full autumn forecast in October.",
            True,
            id="another-month",
        ),
        pytest.param(
            "The Commission will publish its full autumn forecast in November.",
            False,
            id="the-month-as-told",
        ),
        pytest.param(  # the closest sentence is the one with its figure: "use in the EU fell"
            "Coal use in the EU fell by 23 percent.", False, id="a-fall-the-article-tells"
        ),
        pytest.param(
            "Global coal use fell 1.4 percent in 2023, the agency said.",
            True,
            id="a-fall-for-a-rise",
        ),
    ],
)
async def test_a_month_and_a_figure_read_against_the_right_sentence(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await _checked_on(kb, FORECAST, text, date(2024, 9, 10))
    assert bool(report.flagged) == flagged, [c.reason for c in report.claims]


async def test_a_weekday_is_read_against_the_record_s_weekday_not_its_year(
    kb: knowledge.KnowledgeBase,
) -> None:
    # "on Thursday" falls within "this year", but the record gives the day: Monday
    article = (
        "The Commission said on Monday it will cut its growth forecast for this year.\n"
        "Inflation is expected to fall to 2.5 percent in 2024.\n"
        "The full forecast will be published in November.\n"
    )
    day = date(2024, 9, 10)
    told = await _checked_on(
        kb, article, "The Commission said on Thursday it will cut its growth forecast.", day
    )
    assert told.claims[0].verdict.value != "supported"
    same = await kb.check(
        "The Commission said on Monday it will cut its growth forecast.", reference_date=day
    )
    assert same.claims[0].verdict.value == "supported"


NORLAND = """OSLO, 1 August 2024 – The Norland central bank cut its main interest rate on Thursday for the first time in four years, lowering it to 4%.
Governor Lise Haug said the bank would be careful not to cut rates too quickly.
Consumer price inflation fell to 3% in May and stayed there in June.
Chancellor Anna Moe Berg, who took office in July, welcomed the decision.
The krone fell by about 0.6% against the euro after the announcement.
The bank had raised rates 11 times in a row from March 2022 to June 2023.
"""
NORLAND_DAY = date(2024, 8, 1)


@pytest.mark.parametrize(
    "text",
    [
        # advice against an act retells "careful not to" do it
        "Haug warned against cutting rates too quickly.",
        # the sentence giving the claim's figure and dates is the one it retells, not the
        # first one about a cut
        "The bank raised rates 11 times in a row between March 2022 and June 2023.",
        # figures of two sentences told together, each beside its own words
        "The krone fell by about 0.6% after the bank cut its rate to 4%.",
    ],
)
async def test_a_retelling_read_against_the_sentence_it_retells_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _checked_on(kb, NORLAND, text, NORLAND_DAY)
    assert not report.flagged


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a short claim: its figure and month tell which sentence it retells
        ("Inflation rose to 3% in May.", "fell 3%"),
        # a figure or date the article gives elsewhere, put where the retold sentence has
        # its own
        ("The krone fell by about 3% against the euro.", "0.6%"),
        ("Chancellor Anna Moe Berg took office in June.", "July"),
    ],
)
async def test_a_detail_given_elsewhere_in_the_article_put_in_place_of_its_own_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, named: str
) -> None:
    report = await _checked_on(kb, NORLAND, text, NORLAND_DAY)
    (claim,) = report.claims
    assert claim.verdict.value == "contradicted"
    assert any(named in f.message for f in claim.findings), claim.findings


async def test_the_start_of_a_period_told_otherwise_is_not_supported(
    kb: knowledge.KnowledgeBase,
) -> None:
    report = await _checked_on(
        kb,
        NORLAND,
        "The bank raised rates 11 times in a row from March 2021 to June 2023.",
        NORLAND_DAY,
    )
    assert "supported" not in {c.verdict.value for c in report.claims}


VOTE = """TALLINN, 5 July 2024 – The Green Union won the general election in Estmark on Thursday, ending nine years of National Party government with its first win since 2015.
The Green Union won 61 of the 101 seats in parliament, with about 34% of the vote.
Prime minister Karl Otsa of the National Party conceded defeat early on Friday.
The Green Union leader, Maria Tamm, was appointed prime minister by President Ilves on Friday.
The European Union said it would work closely with the new government.
"""
VOTE_DAY = date(2024, 7, 5)


@pytest.mark.parametrize(
    "text",
    [
        # a share in words is no ordinal, though the article uses none ("first", "third")
        "The Green Union won with roughly a third of the vote.",
        # initials of a name the article writes out are that name
        "The EU said it would work closely with the new government.",
        # the article names both, each beside its own words
        "Karl Otsa conceded defeat to Maria Tamm on Friday.",
        "Maria Tamm's party won 61 of the 101 seats.",
    ],
)
async def test_names_and_shares_the_article_gives_are_not_swaps(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _checked_on(kb, VOTE, text, VOTE_DAY)
    assert not report.flagged


async def test_a_name_the_article_gives_elsewhere_put_in_place_of_its_own_is_a_swap(
    kb: knowledge.KnowledgeBase,
) -> None:
    report = await _checked_on(kb, VOTE, "Maria Tamm conceded defeat early on Friday.", VOTE_DAY)
    (claim,) = report.claims
    assert claim.verdict.value == "contradicted"
    assert "Karl Otsa" in claim.findings[0].message


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the day of another event of the article, told of this one's act
        ("Maria Tamm was appointed prime minister by President Ilves on Thursday.", True),
        ("The Green Union won the general election in Estmark on Thursday.", False),
        ("Maria Tamm was appointed prime minister on Friday, a day after the election.", False),
    ],
)
async def test_a_weekday_is_read_against_the_event_it_is_told_of(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, VOTE, text, VOTE_DAY)
    assert bool(report.flagged) == wrong


TURNOUT = """TALLINN, 5 July 2024 – The National Party won 20 seats, its worst result since 1992.
The Green Union won more seats but fewer votes than in 2019, when it came second.
Turnout was 61%, up from 58% in 2019.
"""


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The National Party won 20 seats, its best result since 1992.", True),
        ("The Green Union won more votes than in 2019.", True),
        ("The Green Union won fewer votes than in 2019.", False),
        ("The Green Union won more seats than in 2019.", False),
        ("It was the National Party's worst result since 1992.", False),
    ],
)
async def test_a_word_of_degree_turned_round_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, TURNOUT, text, VOTE_DAY)
    assert bool(report.flagged) == wrong


CHIPS_RESULTS = """SANTA CLARA, 28 August 2024 – Tarrow Chips said on Wednesday that its revenue more than doubled in the second quarter, to $3 billion.
Its new processor line would bring in several hundred million dollars of revenue in the fourth quarter, the company said.
Tarrow Chips forecast revenue of about $3.2 billion for the third quarter, slightly above analysts' estimates.
Profit fell 12% because of higher research spending.
Chief executive Ann Rowe said demand for its processors remained strong.
"""
CHIPS_DAY = date(2024, 8, 28)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # an ordinal the article uses elsewhere, in place of the retold sentence's own
        ("Tarrow Chips forecast revenue of about $3.2 billion for the fourth quarter.", True),
        ("Tarrow Chips forecast revenue of about $3.2 billion for the third quarter.", False),
        # a figure going down where the article's goes up
        ("Tarrow Chips' quarterly revenue fell to $3 billion.", True),
        ("Tarrow Chips' quarterly revenue rose to $3 billion.", False),
        # both directions, each of its own figure
        ("Revenue at Tarrow Chips doubled in the second quarter, but profit fell 12%.", False),
        # a verb that makes true the opposite of what the article says
        ("Ann Rowe said demand for Tarrow's processors had weakened.", True),
        ("Ann Rowe said demand for Tarrow's processors was still strong.", False),
    ],
)
async def test_an_ordinal_or_a_direction_retold_otherwise(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, CHIPS_RESULTS, text, CHIPS_DAY)
    assert bool(report.flagged) == wrong


LAUNCH = """KOUROU, French Guiana, 13 March 2025 – The Varna Space Agency launched its Helix-2 weather satellite on Thursday aboard an Ariane 6 rocket, after two postponements caused by high winds.
The rocket lifted off at 9:24 p.m. local time and released the satellite 34 minutes later.
Helix-2 will replace Helix-1, which has operated since 2013 and is running out of fuel.
"This satellite will give forecasters sharper images every ten minutes," said mission manager Clara Voss.
"""
LAUNCH_DAY = date(2025, 3, 14)


async def test_the_place_of_the_dateline_is_named_by_the_article(
    kb: knowledge.KnowledgeBase,
) -> None:
    # "KOUROU, French Guiana, 13 March 2025 –" says where the article was filed: a retelling
    # may name the place, and the learned sentence keeps the dateline as the article wrote it
    text = "The Varna Space Agency launched the Helix-2 weather satellite on Thursday from Kourou."
    report = await _checked_on(kb, LAUNCH, text, LAUNCH_DAY)
    assert not report.flagged
    (first,) = [s for s in await kb.store.statements.all() if "aboard" in s.text]
    assert first.text.startswith("KOUROU, French Guiana, 13 March 2025 – The Varna Space Agency")
    other = (
        "The Varna Space Agency launched the Helix-2 weather satellite on Thursday from Baikonur."
    )
    assert (await kb.check(other, reference_date=LAUNCH_DAY)).flagged


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Clara Voss said the satellite would give forecasters sharper images every hour.", True),
        ("The rocket released the Helix-2 satellite an hour later.", True),
        ("The satellite will give forecasters sharper images every ten minutes.", False),
        ("The rocket released the Helix-2 satellite 34 minutes later.", False),
    ],
)
async def test_a_span_of_time_in_another_measure_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, LAUNCH, text, LAUNCH_DAY)
    assert bool(report.flagged) == wrong
    if wrong:
        assert "ten minutes" in report.claims[0].reason or "34 minutes" in report.claims[0].reason


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The Ariane 6 rocket lifted off at 9:42 p.m. local time.", True),
        ("The Ariane 6 rocket lifted off at 9.42pm.", True),
        ("The Ariane 6 rocket lifted off at 9:24 p.m. local time.", False),
        ("The Ariane 6 rocket lifted off at 9.24pm.", False),
    ],
)
async def test_a_time_of_day_the_article_never_gives_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, LAUNCH, text, LAUNCH_DAY)
    assert bool(report.flagged) == wrong


CUP_FINAL = """OSLO, 17 May 2025 – Norland City won the Varna Cup for the first time on Saturday, beating Estmark Rovers 1-0 at the National Stadium.
Anna-Lena Berg scored the only goal in the 16th minute, finishing a move started by Mia Holt.
Goalkeeper Ida Lund saved a penalty from Sara Vik in the 36th minute.
"""
CUP_DAY = date(2025, 5, 18)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a name the sentence gives in another role, put before its verb
        ("Mia Holt scored the only goal in the 16th minute.", True),
        ("Anna-Lena Berg scored the only goal in the 16th minute.", False),
        ("Mia Holt started the move that led to the goal.", False),
        ("Berg scored after a move started by Mia Holt.", False),
        # a first time, denied or told as such
        ("Norland City had never won the Varna Cup before.", False),
        ("Norland City had won the Varna Cup before.", True),
        ("Norland City won the Varna Cup again.", True),
        # an opposite the claim itself denies
        ("Norland City had not lost to Estmark Rovers before.", False),
    ],
)
async def test_roles_and_first_times_in_a_retold_sentence(
    kb: knowledge.KnowledgeBase, text: str, wrong: bool
) -> None:
    report = await _checked_on(kb, CUP_FINAL, text, CUP_DAY)
    assert bool(report.flagged) == wrong
