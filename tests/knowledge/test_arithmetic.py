"""A sentence's own figures against the change or comparison it tells of them: "up from" a
larger figure, "fell from" a smaller one to a larger, "more than the" larger figure is wrong
whatever the knowledge base knows; the same sentences told the right way round, a rank, a
span of years, a round figure and a sentence that leaves unclear which figure is compared
are not flagged."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio

import knowledge

pytestmark = pytest.mark.asyncio(loop_scope="module")

DAY = date(2026, 3, 1)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:  # read only by these tests
        yield kb


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Dams in the Ebro basin held 38.2 percent of their capacity on Monday, up from 52 "
            "percent a year earlier.",
            "Says “up from 52 percent”, but 38.2 percent is less than 52 percent.",
        ),
        (
            "Sweden returned 418 asylum seekers to Poland last year, more than the 530 it "
            "returned in 2023.",
            "Says “more than the 530”, but 418 is less than 530.",
        ),
        (
            "The jobless rate in Portugal fell from 6.1% to 6.8% in the fourth quarter.",
            "Says “fell from 6.1% to 6.8%”, but 6.8% is more than 6.1%.",
        ),
        (
            "Operating profit rose to $2.2 billion from $2.6 billion a year earlier.",
            "Says “rose to $2.2 billion from $2.6 billion”, but $2.2 billion is less than "
            "$2.6 billion.",
        ),
        (
            "Measles cases in the region dropped to 77 in January, down from 45 in December.",
            "Says “down from 45”, but 77 is more than 45.",
        ),
        (
            "The number of rural post offices fell from 1,900 in 2020 to 2,400 in 2024.",
            "Says “fell from 1,900 in 2020 to 2,400”, but 2,400 is more than 1,900.",
        ),
        (
            "Organisers said a crowd of about 48,000 was smaller than the 35,000 who marched "
            "in April.",
            "Says “was smaller than the 35,000”, but 48,000 is more than 35,000.",
        ),
        (
            "The 14 ferries cancelled on Sunday were more than the 22 cancelled on Saturday.",
            "Says “were more than the 22”, but 14 is less than 22.",
        ),
    ],
)
async def test_figures_told_the_wrong_way_round_are_flagged(
    seeded: knowledge.KnowledgeBase, text: str, message: str
) -> None:
    report = await seeded.check(text, reference_date=DAY)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert claim.findings[0].kind == knowledge.FindingKind.ARITHMETIC
    assert claim.findings[0].message == message


@pytest.mark.parametrize(
    "text",
    [
        "Dams in the Ebro basin held 38.2 percent of their capacity on Monday, down from 52 "
        "percent a year earlier.",
        "Sweden returned 618 asylum seekers to Poland last year, more than the 530 it returned "
        "in 2023.",
        "The jobless rate in Portugal rose from 6.1% to 6.8% in the fourth quarter.",
        "The number of rural post offices fell from 2,400 in 2020 to 1,900 in 2024.",
        "The club climbed from 11th to 4th place in the league.",  # a rank rises as it falls
        "Rents in Lisbon rose from 2019 to 2024 by 41 percent.",  # years, not figures
        "Ticket sales climbed 9% to 40,100, up from about 41,000 last season.",  # round
        # two figures before "up from": which one is compared is not told
        "Of the patients waiting, 118,500 had waited for more than 18 months, up from 96,000.",
        "Would the jobless rate fall from 6.1% to 6.8%?",  # asked, not told
        "Organisers said a crowd of about 48,000 was larger than the 35,000 who marched in April.",
        # about 10,500 is within rounding of 10,000
        "A crowd of about 10,500 was smaller than the 10,000 expected by the police.",
        "The turnout of 62 percent was higher than the 3,000 votes the party needed.",  # kinds
    ],
)
async def test_figures_told_the_right_way_or_unclearly_are_not_flagged(
    seeded: knowledge.KnowledgeBase, text: str
) -> None:
    report = await seeded.check(text, reference_date=DAY)
    assert not any(c.findings and c.findings[0].kind.value == "arithmetic" for c in report.claims)
    assert not report.flagged
