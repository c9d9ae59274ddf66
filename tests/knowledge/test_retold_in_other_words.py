"""A retelling of a learned article in other words is not a swap: shares said as counts ("six
in ten"), parts of large numbers ("a quarter of a million"), a year written before a noun,
an age fused with its unit, a denial reported in other words; and a sentence telling of
something the article never reports is an addition, left unverified, not flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning, verdict_beside

DAY = date(2025, 3, 6)
ARTICLE = (
    "Bus drivers strike across Norland over pay\n\n"
    "ARENDAL, 6 March 2025 – Bus drivers across Norland walked out on Wednesday, and the "
    "operator Vestbuss said it had cancelled around 70 percent of its scheduled services.\n\n"
    "Union leader Maren Solli said 90 percent of the roughly 2,600 drivers on duty had joined "
    "the strike. Vestbuss put participation at 75 percent.\n\n"
    "Vestbuss has offered a 3 percent rise this year, whereas the union is demanding 8 "
    "percent, arguing that wages were cut by up to 20 percent during a restructuring in 2020.\n\n"
    "Of the affected routes, 312,000 weekly passengers are in the south and 41,000 in the "
    "north, the transport agency said.\n\n"
    "Drivers aged 18 to 29 make up a fifth of the workforce, the union said.\n\n"
    "About 450 commuters spent the night in a school gym in Lyngby after the last trains "
    "were full, said Per Aune, the town's deputy mayor.\n\n"
    "Transport minister Ola Brekke said the talks had stalled because of the operator's "
    "losses and because of new routes, which no longer receive state support.\n\n"
    "Vestbuss chief executive Ida Moen denied a report in a regional newspaper that the "
    "company had hired replacement drivers from abroad."
)


async def _verdicts(kb: knowledge.KnowledgeBase, article: str, day: date, text: str) -> list[str]:
    """The verdicts on `text`, checked the day after the knowledge base learned `article`."""
    report = await report_after_learning(kb, article, text, day)
    return [c.verdict.value for c in report.claims]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("About seven in ten of Vestbuss's services were cancelled.", id="share"),
        pytest.param(
            "Vestbuss said 75 percent of drivers took part, fewer than the 90 percent the "
            "union claimed.",
            id="share-not-count",
        ),
        pytest.param("The union wants an 8 percent raise.", id="opposite-of-another-figure"),
        pytest.param(
            "The union says wages were cut by up to 20 percent in the 2020 restructuring.",
            id="year-before-noun",
        ),
        pytest.param(
            "More than a quarter of a million of the weekly passengers are in the south.",
            id="part-of-a-million",
        ),
        pytest.param("18- to 29-year-olds make up a fifth of the drivers.", id="age"),
        pytest.param(
            "Ola Brekke blamed the stalled talks on the operator's losses and on new routes.",
            id="clause-negation-not-background",
        ),
        pytest.param(
            "Ida Moen rejected a regional newspaper's claim that Vestbuss had hired drivers "
            "from abroad.",
            id="denial-in-other-words",
        ),
    ],
)
async def test_a_faithful_retelling_in_other_words_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" not in await _verdicts(kb, ARTICLE, DAY, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Red Cross handed out blankets to commuters at the school gym in Lyngby.",
            id="someone-else-there",
        ),
        pytest.param(
            "The regional newspaper that reported the hiring claims is based in Arendal.",
            id="one-word-of-a-denial",
        ),
    ],
)
async def test_what_the_article_never_reports_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" not in await _verdicts(kb, ARTICLE, DAY, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("About three in ten of Vestbuss's services were cancelled.", id="share"),
        pytest.param(
            "Per Aune said about 450 commuters spent the night in a school gym in Arendal.",
            id="place",
        ),
    ],
)
async def test_a_detail_retold_otherwise_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _verdicts(kb, ARTICLE, DAY, text)


SERIES = "Dara Quill is an Irish actor, best known as Rosa Keane in the series Harbour Lights (2003–2011)."


@pytest.mark.parametrize(
    "claim",
    ["Dara Quill was born in 2003.", "Dara Quill died in 2011.", "Dara Quill was born in 1975."],
)
async def test_years_in_brackets_after_a_title_are_no_ones_life(claim: str) -> None:
    # the series ran from 2003 to 2011: they are not the actor's birth and death
    assert await verdict_beside(SERIES, claim) != "supported"


JOBS_DAY = date(2025, 4, 24)
JOBS = (
    "Kaldor's unemployment falls to 5.2%\n\n"
    "VESTMARK, 24 April 2025 – Kaldor's unemployment rate fell to 5.2% in March from 5.9% a "
    "year earlier, the statistics office said on Thursday, the lowest figure for March since "
    "2009.\n\n"
    "By region, the Lowlands recorded the lowest rate at 3.1%, while the island of Sorn had "
    "the highest at 8.4%.\n\n"
    "At Vestmark's Elin Dahl airport, queues at check-in desks stretched for three hours on "
    "Monday, while in Tarsk, where 30 departures were cancelled, passengers slept in the "
    "terminal.\n\n"
    "Opposition spokesman Jon Varga said the decline was driven by seasonal farm work and by "
    "young people leaving, who no longer appear in the figures. Labour minister Eva Lind said "
    "the fall had cost the treasury nothing and rejected reports that the office had changed "
    "its survey.\n\n"
    "The city club scored only 41 goals last season, the fewest of any team in the league. "
    "Its chairman, Pia Holm, lost the club election to Ari Mott by 14 votes in 2019.\n\n"
    "Holm married Oskar Holm, a teacher, in 1990; he died in 2011. Vehicles made since March "
    "2024 use tyres from a different supplier."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "At Tarsk airport, queues at check-in desks stretched for three hours on Monday.",
            id="place-of-another-clause",
        ),
        pytest.param("In Tarsk, 30 arrivals were cancelled.", id="arrivals-for-departures"),
        pytest.param("Sorn recorded the lowest rate, at 8.4%.", id="figure-ranked-otherwise"),
        pytest.param(
            "The city club's 41 goals last season were the most of any team in the league.",
            id="most-for-fewest",
        ),
    ],
)
async def test_a_detail_moved_within_a_sentence_is_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _verdicts(kb, JOBS, JOBS_DAY, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("In Tarsk, 30 departures were cancelled.", id="place-in-its-clause"),
        pytest.param("Sorn had the highest rate, at 8.4%.", id="figure-ranked-alike"),
        pytest.param("Ari Mott beat Pia Holm by 14 votes in 2019.", id="the-other-side"),
        pytest.param(
            "Pia Holm's husband Oskar, a teacher she married in 1990, died in 2011.",
            id="husband-of-married",
        ),
        pytest.param("Ari Mott, the club's founder, died in 2016.", id="another-persons-death"),
        pytest.param(
            "The Highlands recorded an unemployment rate of 6.0% in March.", id="new-place"
        ),
        pytest.param(
            "Unemployment among people with a university degree fell to 2.5%.", id="subgroup"
        ),
        pytest.param(
            "Kaldor's minimum wage rose to 900 euros a month in 2025.", id="other-measure"
        ),
        pytest.param(
            "The unemployment rate among women in March was higher than among men.",
            id="comparison-not-rank",
        ),
        pytest.param(
            "Eva Lind said the fall cost the treasury nothing and rejected reports that the "
            "office had altered its survey.",
            id="denial-in-its-clause",
        ),
    ],
)
async def test_what_agrees_or_adds_is_not_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "contradicted" not in await _verdicts(kb, JOBS, JOBS_DAY, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Jon Varga said the fall in unemployment was not linked to seasonal farm work.",
            id="negation-the-article-never-tells",
        ),
        pytest.param(
            "Vehicles built before March 2024 use tyres from a different supplier.",
            id="other-side-of-a-date",
        ),
    ],
)
async def test_what_the_article_does_not_back_is_not_supported(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "supported" not in await _verdicts(kb, JOBS, JOBS_DAY, text)


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The film has an average score of 7 out of 10 from 52 reviews.",
            "The film got an average rating of 7 out of 10.",
            id="share-at-the-end",
        ),
        pytest.param(
            "Kell and four other regions are on the highest fire-risk level for Friday.",
            "Kell is one of five regions on the highest fire-risk level for Friday.",
            id="one-of-five",
        ),
        pytest.param(
            "The village of Orrin (about 12.000 inhabitants) lies south of the capital.",
            "Around 12,000 people live in the village of Orrin.",
            id="thousands-with-dots",
        ),
        pytest.param(
            "Edmund Tarrow Vale, 2nd Baron of Kell, (4 May 1901 – 9 June 1979) was a British "
            "diplomat.",
            "Edmund Vale was born on May 4, 1901.",
            id="life-after-titles",
        ),
    ],
)
async def test_a_figure_written_otherwise_is_backed(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "supported"


async def test_two_estimates_far_apart_differ() -> None:
    record = "The village of Orrin has around 12,000 inhabitants."
    assert await verdict_beside(record, "Orrin has about 40,000 inhabitants.") != "supported"


RACE_DAY = date(2025, 5, 12)
RACE = (
    "Tanui breaks Lisbon course record\n\n"
    "LISBON, 12 May 2025 – Kenyan runner Daniel Tanui broke the course record at the Lisbon "
    "Marathon on Sunday, finishing in 2:05:17, while Ethiopia's Hana Gebre won the women's "
    "race. A record 11,240 runners finished the race.\n\n"
    '"Daniel was tested twice this month, and both tests were negative," his coach said.\n\n'
    "The city announced a 3-million-euro fund for the race, and police said they had not "
    "recorded any thefts at the finish. Train services to the start were suspended on "
    "Saturday.\n\n"
    "Shares in the sponsor Brava, which is listed in Lisbon, rose 6 percent on Monday, their "
    "highest level since early 2022. Its chief executive denied a report in a sports paper on "
    "Friday that Brava would end its sponsorship.\n\n"
    "Up to 30 percent of runners suffer an injury within 10 years of their first marathon, "
    "the race doctor said. Flooding damaged the second floor of the race office in 2019."
)


@pytest.mark.parametrize(
    "text",
    [
        "Police have recorded no thefts at the finish.",
        "Rail services to the start were suspended on Saturday.",
        "The Kenyan set a course record in Lisbon on Sunday.",
        "Ethiopian Hana Gebre won the women's race.",
        "Tanui's coach said Tanui was tested twice this month with negative results.",
        "The city announced a 3-million-euro fund for the race.",
        "Tanui finished in two hours, five minutes and 17 seconds.",
        "About 4,100 of the runners who finished were women.",
        "The leaders passed the 20-kilometre mark in 58 minutes and 40 seconds.",
        "Brava's Lisbon-listed shares rose 6 percent on Monday, to a level not seen since "
        "early 2022.",
        "Brava's chief executive rejected a sports paper's report from Friday that Brava "
        "would end its sponsorship.",
        "Up to 30 percent of runners are injured within a decade of their first marathon.",
        "About 300 offices in Lisbon were flooded up to the first floor.",
    ],
)
async def test_a_retelling_or_an_addition_in_its_own_words_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" not in await _verdicts(kb, RACE, RACE_DAY, text)


GALLERY_DAY = date(2025, 10, 7)
GALLERY = (
    "Brooch stolen from Ghent gallery\n\n"
    "GHENT, 7 October 2025 – Thieves stole a brooch and two rings from the Vanderhaege "
    "gallery early on Monday, police said.\n\n"
    "The most valuable piece, a brooch made in Brussels in 1901 for the son of a Liège "
    "merchant, is insured for 2 million euros.\n\n"
    "The gallery plans to reopen the collection first in Spain, where the loans are "
    "insured, before touring it in France and Italy.\n\n"
    "The mayor toured Lyngby and Tarsk on Monday. The director denied reports that the "
    "alarm had failed."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The most valuable brooch was made in Liège in 1901 for the son of a Brussels "
            "merchant.",
            id="places-traded",
        ),
        pytest.param(
            "The gallery plans to show its collection first in Italy, where the loans are insured.",
            id="place-of-another-clause-in-other-words",
        ),
    ],
)
async def test_places_traded_within_a_sentence_are_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "contradicted" in await _verdicts(kb, GALLERY, GALLERY_DAY, text)


async def test_a_denial_of_a_place_the_sentence_gives_is_not_backed(
    kb: knowledge.KnowledgeBase,
) -> None:
    verdicts = await _verdicts(
        kb, GALLERY, GALLERY_DAY, "The mayor visited Tarsk on Monday but did not go to Lyngby."
    )
    assert "supported" not in verdicts


async def test_two_denials_of_one_report_line_up(kb: knowledge.KnowledgeBase) -> None:
    text = (
        "The director rejected claims that the alarm had failed, saying guards had found no damage."
    )
    assert "contradicted" not in await _verdicts(kb, GALLERY, GALLERY_DAY, text)


TRIAL = (
    "Headaches were reported in 12 percent of patients on the drug and in 5 percent of those "
    "on placebo. The kit holds two blue tents, a stove and six lamps."
)


async def test_two_figures_traded_between_their_words_are_not_backed() -> None:
    claim = (
        "Headaches were reported in 5 percent of patients on the drug and in 12 percent on placebo."
    )
    assert await verdict_beside(TRIAL, claim) != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Headaches were reported in 12 percent of patients on the drug and in 5 percent on placebo.",
        "The kit holds six lamps, a stove and two blue tents.",
    ],
)
async def test_figures_with_their_own_words_are_backed_in_any_order(claim: str) -> None:
    assert await verdict_beside(TRIAL, claim) == "supported"
