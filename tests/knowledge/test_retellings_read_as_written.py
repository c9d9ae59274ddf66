"""Faithful retellings of a learned article, in the words a journalist would use, are not
flagged: a country's people or capital for its name, a common abbreviation, a word whose
opposite the article denies, a noun beside a verb, a title after an age, a year beside a
count, a figure fused with its scale, a time written with a colon, a rank the article gives
the same person elsewhere, a denial the article quotes."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

SUMMIT = (
    "Leaders adopt Riga declaration\n\n"
    "RIGA, 5 June 2026 – Nordic and Baltic leaders adopted a joint declaration in the Latvian "
    "capital on Friday, but Norway's government could not accept its chapter on seabed "
    "mining, which calls for a pause on new licences until at least 2035.\n\n"
    'Norwegian Prime Minister Ingrid Solheim, 56, told a news conference: "We share the goal '
    "of protecting the ocean, but we will not sign away decisions that belong to our "
    'parliament."\n\n'
    "Energy ministers are due to meet in Tallinn on 22 September. The region's population "
    "shrank by 9.6 percent between 2011 and 2021, and by about 80,000 since then.\n\n"
    "The government will put a 150-million-euro aid package to parliament on Tuesday, 9 June, "
    "and work would begin next year on a new undersea cable."
)
RACE = (
    "Aagaard takes the lead\n\n"
    "PAMPEAGO, 26 May 2026 – Denmark's Mikkel Aagaard took the overall lead of the race on "
    "Tuesday, while Spain's Álvaro Quintanilla, 24, won the stage on the final climb.\n\n"
    "Aagaard had started the day second overall, 48 seconds behind Lorenzo Bassani. Bassani, "
    "who crashed on the descent, dropped to fourth, 2:51 down.\n\n"
    "Jury president Marianne Duclos, a 64-year-old French director, handed Quintanilla the "
    "prize. Velatis chief executive Jeroen Blokland denied Italian television reports that "
    "Bassani had struck his head."
)


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (SUMMIT, date(2026, 6, 5), "The summit in Riga closed with a joint declaration."),
        (
            SUMMIT,
            date(2026, 6, 5),
            "Energy ministers are due in the Estonian capital on 22 September.",
        ),
        (
            SUMMIT,
            date(2026, 6, 5),
            "Norway's government rejected the chapter on seabed mining, which calls for a "
            "pause on new licences until at least 2035.",
        ),
        (
            SUMMIT,
            date(2026, 6, 5),
            "Solheim said Norway shared the goal of protecting the ocean but would not give "
            "away decisions that belong to its parliament.",
        ),
        (
            SUMMIT,
            date(2026, 6, 5),
            "The fall since 2021 was far smaller than the 9.6 percent drop recorded between 2011 "
            "and 2021.",
        ),
        (
            SUMMIT,
            date(2026, 6, 5),
            "A 150 million euro aid package is due to go before parliament on 9 June.",
        ),
        (
            RACE,
            date(2026, 5, 26),
            "Quintanilla, a 24-year-old Spaniard, won the stage on the final climb.",
        ),
        (
            RACE,
            date(2026, 5, 26),
            "Bassani, who crashed on the descent, slid to fourth overall, 2 minutes 51 seconds "
            "behind.",
        ),
        (RACE, date(2026, 5, 26), "The Dane took the overall lead of the race on Tuesday."),
        (
            RACE,
            date(2026, 5, 26),
            "The prize was handed over by French director Marianne Duclos, the jury president.",
        ),
        (
            RACE,
            date(2026, 5, 26),
            "Velatis CEO Jeroen Blokland denied Italian TV reports that Bassani had struck his "
            "head.",
        ),
    ],
)
async def test_a_faithful_retelling_is_not_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (SUMMIT, date(2026, 6, 5), "Energy ministers are due to meet in Vilnius on 22 September."),
        (
            SUMMIT,
            date(2026, 6, 5),
            "Norway's government accepted the chapter on seabed mining, which calls for a pause "
            "on new licences until at least 2035.",
        ),
        (RACE, date(2026, 5, 26), "Aagaard had started the day third overall."),
    ],
)
async def test_a_detail_changed_is_still_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert report.flagged


HOSPITALS = (
    "Waiting lists reach a record\n\n"
    "DUBLIN, 12 March 2026 – The inspectorate's report, based on unannounced inspections of 29 "
    "hospitals between September and December 2025, found that waiting lists had grown.\n\n"
    "University Hospital Limerick recorded the longest waits, with a median stay of 16.2 "
    "hours, whereas Cork University Hospital cut its median time to 7.1 hours, the best "
    "result among large hospitals.\n\n"
    "The council approved a £318.6 million budget for the coming year. Councillors voted 31 "
    "to 24. The meeting opened at 3.15 p.m. The net budget is up from £301.2 million this "
    "year.\n\n"
    "Council staff received a bonus of 0.45 euros an hour in January.\n\n"
    "Council staff will get a pay rise of 3 percent from 1 April.\n\n"
    "Raymond Kessler, the former Easton Falls mayor, received $412,000, of which $96,000 came "
    "as work on his lake house and $316,000 in cash."
)


@pytest.mark.parametrize(
    "text",
    [
        "Cork University Hospital recorded the shortest median stay of any large hospital.",
        "The inspectorate visited 29 hospitals in the last four months of 2025.",
        "The net budget for the coming year is £17.4 million bigger than this year's.",
        "In January council staff got a bonus of 45 euro cents an hour.",
        "From 1 April council staff will get a pay rise of 3 percent.",
        "Raymond Kessler, a former mayor of Easton Falls, received about three-quarters of the "
        "$412,000 in cash.",
    ],
)
async def test_a_faithful_retelling_of_the_report_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, HOSPITALS, text, date(2026, 3, 12), days_after=0)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    "text",
    [
        "University Hospital Limerick recorded the shortest waits.",
        "The net budget for the coming year is £27.4 million bigger than this year's.",
    ],
)
async def test_a_detail_changed_in_the_report_is_still_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, HOSPITALS, text, date(2026, 3, 12), days_after=0)
    assert report.flagged
