"""A retelling that names a company by the short form news uses after its first mention
("Vestra" for "Vestra Logistics") still tells the article's dated event: a wrong weekday is
flagged, the right one backed. An event the retelling dates after the article's day is still
to come, not the article's past event of the same words."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

ARTICLE = (
    "Vestra Logistics cuts jobs as parcel volumes shrink\n\n"
    "OSLO, 12 March 2026 – Norwegian parcel carrier Vestra Logistics said on Thursday it "
    "would cut 640 jobs after its parcel volumes fell for a third straight year. Vestra "
    "employs about 5,200 people in Norway and Sweden. Shares in Vestra fell 6 percent."
)
PUBLISHED = date(2026, 3, 12)  # a Thursday


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Vestra said on Monday it would cut 640 jobs.", knowledge.Verdict.CONTRADICTED),
        ("Vestra Logistics said on Monday it would cut 640 jobs.", knowledge.Verdict.CONTRADICTED),
        ("Vestra said on Thursday it would cut 640 jobs.", knowledge.Verdict.SUPPORTED),
    ],
)
async def test_a_short_name_tells_the_articles_dated_event(
    kb: knowledge.KnowledgeBase, text: str, verdict: knowledge.Verdict
) -> None:
    report = await report_after_learning(kb, ARTICLE, text, PUBLISHED, days_after=0)
    assert [c.verdict for c in report.claims] == [verdict]


DRUGMAKER = (  # the lead paragraph of an article our probe writers wrote for the retellings
    "Nordlys Pharma cuts outlook after FDA rejects weight-loss pill; shares slump\n\n"
    "COPENHAGEN, 5 November 2025 – Danish drugmaker Nordlys Pharma lowered its full-year "
    "forecast on Wednesday after reporting weaker-than-expected third-quarter results, days "
    "after the U.S. Food and Drug Administration declined to approve its experimental "
    "weight-loss pill, sending its shares down 14 percent."
)


@pytest.mark.asyncio
async def test_an_event_still_to_come_is_not_the_articles_past_one(
    kb: knowledge.KnowledgeBase,
) -> None:
    """Results to be reported in February are not the results reported in November."""
    text = "Nordlys Pharma will report its full-year results on 5 February 2026."
    report = await report_after_learning(kb, DRUGMAKER, text, date(2025, 11, 5))
    assert not report.flagged
