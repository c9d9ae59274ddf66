"""A retelling that names a company by the short form news uses after its first mention
("Vestra" for "Vestra Logistics") still tells the article's dated event: a wrong weekday is
flagged, the right one backed."""

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
    text: str, verdict: knowledge.Verdict
) -> None:
    async with knowledge.open_kb(":memory:") as kb:
        report = await report_after_learning(kb, ARTICLE, text, PUBLISHED, days_after=0)
        assert [c.verdict for c in report.claims] == [verdict]
