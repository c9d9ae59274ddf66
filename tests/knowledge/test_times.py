"""A time of day is a detail: "from 9 p.m. to 7 a.m." is not what "from 9:00 p.m. to
6:00 a.m." records, and the same times written otherwise agree."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

CURFEW = "All residents of Tarrow were ordered to stay home from 9:00 p.m. to 6:00 a.m. in April."


@pytest.mark.parametrize(
    "claim",
    [
        "All residents of Tarrow were ordered to stay home from 9 p.m. to 7 a.m. in April.",
        "All residents of Tarrow were ordered to stay home from 10pm to 6am in April.",
    ],
)
async def test_another_time_of_day_is_never_supported(claim: str) -> None:
    assert await verdict_beside(CURFEW, claim) != "supported"


async def test_the_same_times_written_otherwise_agree() -> None:
    claim = "All residents of Tarrow were ordered to stay home from 9 p.m. to 6 a.m. in April."
    assert await verdict_beside(CURFEW, claim) != "contradicted"
