"""A superlative told as the top ("the most populous") is not backed by a record that ranks
it among others or below the top ("one of the most populous", "the second largest")."""

from __future__ import annotations

import pytest

from knowledge.nlp.superlatives import ranked_below
from tests.knowledge.conftest import verdict_beside


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Lagos is one of the most populous cities in Africa.",
            "Lagos is the most populous city in Africa.",
            id="one-of",
        ),
        pytest.param(
            "Rotterdam has the second largest port in the world by tonnage.",
            "Rotterdam has the largest port in the world by tonnage.",
            id="second",
        ),
        pytest.param(
            "The album was the 3rd best-selling record of 2005 in Europe.",
            "The album was the best-selling record of 2005 in Europe.",
            id="third",
        ),
    ],
)
async def test_a_top_rank_is_not_backed_by_a_lower_one(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) != "supported"


async def test_the_same_superlative_still_backs_it() -> None:
    record = "Lagos is the most populous city in Africa."
    assert await verdict_beside(record, "Lagos is the most populous city in Africa.") == (
        "supported"
    )


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        ("It is one of the largest ports.", "It is the largest port."),  # says less
        ("It is the largest port.", "It is the largest port and one of the busiest."),
        ("The forest is the oldest.", "It is one of the biggest forests."),
    ],
)
def test_no_rank_is_read_where_the_claim_says_no_more(claim: str, statement: str) -> None:
    assert not ranked_below(claim, statement)
