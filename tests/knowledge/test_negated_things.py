"""A negation of a thing ("no flights ... would be cancelled") denies the act told of it: a
retelling that tells of the same thing with another verb ("would operate as planned") is
not flagged as saying the opposite, one that tells of that very act without the negation is."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

ARTICLE = (
    "Dutch air traffic controllers call 24-hour strike\n\n"
    "AMSTERDAM, 9 April 2026 – Dutch air traffic controllers will strike for 24 hours from "
    "Monday, their union said on Thursday. KLM said no flights to other European cities would"
    " be cancelled, because controllers at Schiphol had agreed to keep two runways open."
)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "KLM said its flights to other European cities would operate as planned, because "
            "controllers at Schiphol had agreed to keep two runways open.",
            False,
        ),
        (
            "KLM said flights to other European cities would be cancelled, because controllers"
            " at Schiphol had agreed to keep two runways open.",
            True,
        ),
    ],
)
async def test_a_negated_thing_denies_the_act_told_of_it(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await report_after_learning(kb, ARTICLE, text, date(2026, 4, 9), days_after=0)
    assert bool(report.flagged) == flagged
