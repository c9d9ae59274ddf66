"""A time of day is a detail: "from 9 p.m. to 7 a.m." is not what "from 9:00 p.m. to
6:00 a.m." records, and the same times written otherwise agree."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge

DAY = date(2024, 6, 1)
CURFEW = "All residents of Tarrow were ordered to stay home from 9:00 p.m. to 6:00 a.m. in April."


async def _verdict(claim: str) -> str:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(CURFEW)
        report = await kb.check(claim, reference_date=DAY)
        return report.claims[0].verdict.value


@pytest.mark.parametrize(
    "claim",
    [
        "All residents of Tarrow were ordered to stay home from 9 p.m. to 7 a.m. in April.",
        "All residents of Tarrow were ordered to stay home from 10pm to 6am in April.",
    ],
)
async def test_another_time_of_day_is_never_supported(claim: str) -> None:
    assert await _verdict(claim) != "supported"


async def test_the_same_times_written_otherwise_agree() -> None:
    claim = "All residents of Tarrow were ordered to stay home from 9 p.m. to 6 a.m. in April."
    assert await _verdict(claim) != "contradicted"
