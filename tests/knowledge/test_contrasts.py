"""A word telling another fact than the word its statement uses in its place ("morning" beside
"afternoon", "above" beside "below") keeps the statement from backing the claim, without
flagging it: such pairs are no opposites to accuse anyone of."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Dockworkers will march from the port to the city centre on Thursday afternoon.",
            "Dockworkers will march from the port to the city centre on Thursday morning.",
            id="time-of-day",
        ),
        pytest.param(
            "The painting sold for 860,000 francs, below its low estimate of one million.",
            "The painting sold for 860,000 francs, above its low estimate of one million.",
            id="above-below",
        ),
        pytest.param(
            "The councillor voted against the stadium plan on Tuesday.",
            "The councillor voted in favour of the stadium plan on Tuesday.",
            id="favour-against",
        ),
    ],
)
async def test_a_contrasting_word_is_neither_backed_nor_flagged(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "unverified"


async def test_the_same_word_still_backs_it() -> None:
    record = "Dockworkers will march from the port to the city centre on Thursday afternoon."
    assert await verdict_beside(record, record) == "supported"
