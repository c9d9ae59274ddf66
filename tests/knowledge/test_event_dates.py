"""A date the record gives for another of its events does not back the claim's event, where
the record dates that event otherwise ("ended in March" beside "began on 3 March and ended on
19 April")."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

RECORD = "The dockers' strike at Rotterdam began on 3 March 2021 and ended on 19 April 2021."


async def test_a_date_of_another_event_does_not_back_it() -> None:
    claim = "The dockers' strike at Rotterdam ended in March 2021."
    assert await verdict_beside(RECORD, claim) != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "The dockers' strike at Rotterdam began in March 2021.",
        "The dockers' strike at Rotterdam ended in April 2021.",
    ],
)
async def test_each_event_with_its_own_date_is_still_backed(claim: str) -> None:
    assert await verdict_beside(RECORD, claim) == "supported"
