"""A place named after another ("New York", "New Mexico") is not that other place: a
record of one never backs a claim about the other; a place's name given in full or in part
still does."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The brewery was founded in New York in 1990.",
            "The brewery was founded in York in 1990.",
            id="york",
        ),
        pytest.param(
            "The poet was born in Santa Fe, New Mexico, in 1931.",
            "The poet was born in Mexico in 1931.",
            id="mexico",
        ),
        pytest.param(
            "The comedian was raised in Singapore and New Hampshire.",
            "The comedian was raised in Hampshire.",
            id="hampshire",
        ),
    ],
)
async def test_a_place_named_after_another_does_not_back_it(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "unverified"


async def test_a_place_named_in_full_still_backs_it() -> None:
    record = "The brewery was founded in New York City in 1990."
    assert await verdict_beside(record, "The brewery was founded in New York in 1990.") == (
        "supported"
    )
