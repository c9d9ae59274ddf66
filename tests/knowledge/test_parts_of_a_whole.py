"""A retelling giving another part of the same whole than the learned article's sentence ("78
of the 141 seats" beside "79 of the 141 seats") is flagged; the other part of the whole, a part
told of something the article never reports, and the article's own part are not."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import claim_after_learning

DAY = date(2026, 10, 9)
CABINET = "\n\n".join(
    (
        "Cabinet reshuffle brings record number of women into government",
        "VILNIUS, 9 October 2026 – Prime Minister Rasa Jurkienė named a new cabinet on Thursday "
        "in which six of the 14 ministers are women, the highest share in Lithuania's history.",
        "Seven of the 14 ministers kept their posts from the previous government.",
        "Parliament is expected to confirm the cabinet next week, when the governing coalition, "
        "which holds 79 of the 141 seats, will need a simple majority.",
    )
)


async def _verdict(kb: knowledge.KnowledgeBase, text: str) -> knowledge.ClaimResult:
    return await claim_after_learning(kb, CABINET, text, DAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "The governing coalition holds 78 of the 141 seats in parliament.",
            "Says 78 where the source article has 79.",
        ),
        (
            "Five of the 14 ministers in Jurkienė's new cabinet are women.",
            "Says Five where the source article has six.",
        ),
    ],
)
async def test_another_part_of_the_same_whole_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, message: str
) -> None:
    result = await _verdict(kb, text)
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    assert result.reason == message


@pytest.mark.parametrize(
    "text",
    [
        "Eight of the 14 ministers are men.",  # the rest of the whole
        "Three of the 14 ministers are under 40.",  # something the article never reports
        "The governing coalition holds 79 of the 141 seats in parliament.",
    ],
)
async def test_other_parts_are_not_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    result = await _verdict(kb, text)
    assert result.verdict != knowledge.Verdict.CONTRADICTED, result.reason
