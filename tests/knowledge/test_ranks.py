"""A rank written in words ("the band's fourth studio album") is compared as a figure."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

ALBUM = "Harbour Lights is the Tarrow Band's eighth studio album, released in 1994."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Harbour Lights is the Tarrow Band's fourth studio album.", "contradicted"),
        ("Harbour Lights is the Tarrow Band's eighth studio album.", "supported"),
        ("Harbour Lights is the Tarrow Band's 8th studio album.", "supported"),
    ],
)
async def test_a_rank_in_words_is_compared(claim: str, verdict: str) -> None:
    assert await verdict_beside(ALBUM, claim) == verdict


async def test_a_share_in_words_is_no_rank() -> None:
    record = "The Tarrow Band won a third of the vote in the 1994 readers' poll."
    claim = "The Tarrow Band won a third of the vote in the 1994 readers' poll."
    assert await verdict_beside(record, claim) != "contradicted"
