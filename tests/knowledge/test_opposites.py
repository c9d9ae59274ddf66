"""A claim that retells a statement with one word turned into its opposite is never supported
by it, even where that word is no content word the alignment weighs ("after", "last")."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "The treaty was signed before the elections of 2019.",
            "The treaty was signed after the elections of 2019.",
            id="after",
        ),
        pytest.param(
            "The first three digits of a bar code tell the country of origin.",
            "The last three digits of a bar code tell the country of origin.",
            id="last",
        ),
    ],
)
async def test_a_word_turned_into_its_opposite_is_not_supported(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) != "supported"


async def test_the_same_words_in_another_order_still_support() -> None:
    # A guard: the opposite must be a word the statement has and the claim lacks.
    record = "The treaty was signed before the elections of 2019."
    claim = "Before the elections of 2019, the treaty was signed."
    assert await verdict_beside(record, claim) == "supported"
