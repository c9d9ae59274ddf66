"""The calendar: a weekday said beside a date it does not fall on is wrong, whatever the
knowledge base knows of the event; one that falls on it, or said apart from it, is not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio

import knowledge

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:  # read only by these tests
        yield kb


async def _report(kb: knowledge.KnowledgeBase, text: str, when: date | None) -> knowledge.Report:
    return await kb.check(text, reference_date=when)


@pytest.mark.parametrize(
    ("text", "when", "message"),
    [
        pytest.param(
            "On Sunday, 4 April 2023, Finland became NATO's 31st member.",
            date(2023, 4, 10),
            "Says “Sunday, 4 April 2023”, but 4 April 2023 was a Tuesday, not a Sunday.",
            id="weekday-before-date",
        ),
        pytest.param(
            "Russia's full-scale invasion of Ukraine began on 24 February 2022, a Tuesday.",
            date(2024, 2, 24),
            "Says “24 February 2022, a Tuesday”, but 24 February 2022 was a Thursday, not a "
            "Tuesday.",
            id="weekday-after-date",
        ),
        pytest.param(
            "The harbour festival in Valletta will open on Wednesday, Jan. 9, with a parade.",
            date(2025, 12, 20),
            "Says “Wednesday, Jan. 9”, but 9 January 2026 is a Friday, not a Wednesday.",
            id="yearless-next-year-unknown-event",
        ),
    ],
)
async def test_a_weekday_beside_a_date_it_does_not_fall_on_is_flagged(
    seeded: knowledge.KnowledgeBase, text: str, when: date, message: str
) -> None:
    report = await _report(seeded, text, when)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert [(f.kind.value, f.message) for f in claim.findings] == [("calendar", message)]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "On Tuesday, 4 April 2023, Finland became NATO's 31st member.",
            date(2023, 4, 10),
            id="right-weekday",
        ),
        pytest.param(
            "Russia's full-scale invasion of Ukraine began on 24 February 2022, a Thursday.",
            date(2024, 2, 24),
            id="right-weekday-after",
        ),
        pytest.param(
            "The harbour festival in Valletta will open on Friday, 9 January, with a parade.",
            date(2025, 12, 20),
            id="yearless-in-next-january",
        ),
        pytest.param(
            "In Valletta the harbour festival opened on Sunday 5 April with a parade.",
            date(2020, 12, 31),
            id="yearless-earlier-this-year",
        ),
        pytest.param(
            "The harbour festival in Valletta opened on Wednesday, 9 January, with a parade.",
            None,
            id="yearless-in-a-text-of-unknown-date",
        ),
        pytest.param(
            "The ferry to Gozo was cancelled on Monday; on 4 April the port reopened.",
            date(2023, 4, 10),
            id="weekday-apart-from-date",
        ),
        pytest.param(
            "Did the harbour festival in Valletta open on Thursday, 9 January 2025?",
            date(2025, 12, 20),
            id="asked-not-said",
        ),
    ],
)
async def test_a_weekday_that_fits_or_is_not_said_of_the_date_is_not_flagged(
    seeded: knowledge.KnowledgeBase, text: str, when: date | None
) -> None:
    report = await _report(seeded, text, when)
    assert not [f for c in report.claims for f in c.findings if f.kind.value == "calendar"]
    assert report.flagged == []
