"""A claim that bounds an event's date ("opened before 1985", "born after 2000") is checked by
arithmetic against the day the record gives that event: contradicted where the bound fails,
supported where it holds. Where the record may tell of another moment (the state of things
"as of" a date, several dates in one sentence, a claim about a state rather than the event,
a negated claim), a failing bound settles nothing."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import verdict_beside

OPENING = "The Varna Observatory opened on 14 May 1987."
REGISTER = "As of 12 March 2021, the Tarrow register listed 4,210 members."
FILMING = "Filming of Harbour Lights began in March 1961 and ended in October 1962."


@pytest.mark.parametrize(
    "claim",
    [
        "The Varna Observatory opened before 1985.",
        "The Varna Observatory opened prior to 1986.",
        "The Varna Observatory opened before May 1987.",  # "before" leaves the month out
        "The Varna Observatory opened after 1990.",
        "The Varna Observatory opened after 1987.",
    ],
)
async def test_a_bound_the_events_date_breaks_is_contradicted(claim: str) -> None:
    assert await verdict_beside(OPENING, claim) == "contradicted"


@pytest.mark.parametrize(
    "claim",
    [
        "The Varna Observatory opened before June 1987.",
        "The Varna Observatory opened after 1980.",
        "The Varna Observatory opened by 1987.",  # "by" takes its own year in
    ],
)
async def test_a_bound_the_events_date_meets_is_supported(claim: str) -> None:
    assert await verdict_beside(OPENING, claim) == "supported"


async def test_the_finding_quotes_the_bound_and_the_recorded_date() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(OPENING, source="Observatory history")
        report = await kb.check(
            "The Varna Observatory opened before 1985.", reference_date=date(2024, 6, 1)
        )
    messages = [f.message for c in report.claims for f in c.findings]
    assert any("before 1985" in m and "14 May 1987" in m for m in messages), messages


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        # a state after or before the event, not the event
        (OPENING, "After 1990, the Varna Observatory was open to visitors."),
        (OPENING, "Before 1990, the Varna Observatory was not open."),
        (OPENING, "The Varna Observatory did not open before 1990."),
        # the record gives the state as of a day: the claim may tell of another day
        (REGISTER, "After 12 March 2021, the Tarrow register listed 4,210 members."),
        # two dates: the bound may be of either event
        (FILMING, "Filming of Harbour Lights ended after September 1962."),
    ],
)
async def test_a_failing_bound_of_another_moment_is_not_contradicted(
    record: str, claim: str
) -> None:
    assert await verdict_beside(record, claim) != "contradicted"


ACADEMY = "The Varna Academy was founded in 1765 by the city's merchants."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a year before 1800 is a year too, right after a word of time
        ("The Varna Academy was founded before 1765.", "contradicted"),
        ("The Varna Academy was founded after 1760.", "supported"),
    ],
)
async def test_an_early_year_is_read_as_a_year(claim: str, verdict: str) -> None:
    assert await verdict_beside(ACADEMY, claim) == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # an article between the bound and the date: still a bound, not the date itself
        ("The Varna Observatory opened before the 14th of May 1987.", "contradicted"),
        ("The Varna Observatory opened after the 20th of May 1987.", "contradicted"),
        ("The Varna Observatory opened no earlier than the 15th of May 1987.", "contradicted"),
        ("The Varna Observatory opened before the 15th of May 1987.", "supported"),
        ("The Varna Observatory opened after the 10th of May 1987.", "supported"),
    ],
)
async def test_a_bound_with_an_article_before_its_date(claim: str, verdict: str) -> None:
    assert await verdict_beside(OPENING, claim) == verdict


async def test_the_bound_is_quoted_as_written() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(OPENING, source="Observatory history")
        report = await kb.check(
            "The Varna Observatory opened before the 14th of May 1987.",
            reference_date=date(2024, 6, 1),
        )
    messages = [f.message for c in report.claims for f in c.findings]
    assert any("before the 14th of May 1987" in m for m in messages), messages


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The Varna Observatory opened in the 1980s.", "supported"),
        ("The Varna Observatory opened before the 1980s.", "contradicted"),
        ("The Varna Observatory opened after the 1980s.", "contradicted"),
        ("The Varna Observatory opened after the 1970s.", "supported"),
    ],
)
async def test_a_decade_spans_its_ten_years(claim: str, verdict: str) -> None:
    assert await verdict_beside(OPENING, claim) == verdict


@pytest.mark.parametrize(
    "claim",
    [
        "The Varna Observatory opened in the 1990s.",
        "The Varna Observatory opened in mid-1990.",  # a year after a hyphen is still read
        "The Varna Observatory opened in early 1987.",  # May is not clearly early in the year
        "The Varna Observatory opened in the late 1980s.",
        "The Varna Observatory opened in 1980's Varna.",  # a possessive, not a decade
    ],
)
async def test_a_span_or_part_the_date_is_not_shown_in_is_never_supported(claim: str) -> None:
    assert await verdict_beside(OPENING, claim) != "supported"


async def test_a_decade_in_the_record_leaves_its_precise_year_to_compare() -> None:
    record = "In the 1980s the Varna Observatory bought a telescope, first used in 1987."
    claim = "In the 1980s the Varna Observatory bought a telescope, first used in 1984."
    assert await verdict_beside(record, claim) != "supported"
