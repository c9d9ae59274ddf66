"""A retelling that dates an event with the day a learned article gives another event (in the
same sentence) is flagged, and is never backed by that sentence; the day the article gives the
event, and the other event told with its own day, are not flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import claim_after_learning

DAY = date(2026, 5, 13)  # a Wednesday
PASS = "\n\n".join(
    (
        "Landslide shuts Alpine pass",
        "BOLZANO, 13 May 2026 – Police reopened the mountain road to Passo Nero on Wednesday "
        "after a landslide had blocked it for 30 hours, two days after Monday's storm cut power "
        "to 4,000 homes in the valley.",
        "Engineers said the slope above the road would be monitored with sensors until the "
        "end of June.",
    )
)


async def _claim(kb: knowledge.KnowledgeBase, text: str) -> knowledge.ClaimResult:
    return await claim_after_learning(kb, PASS, text, DAY)


async def test_the_day_of_another_event_is_flagged(kb: knowledge.KnowledgeBase) -> None:
    result = await _claim(
        kb,
        "Police reopened the mountain road to Passo Nero on Monday after a landslide had "
        "blocked it for 30 hours.",
    )
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    assert "Says Monday where the source article has Wednesday" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Police reopened the mountain road to Passo Nero on Wednesday after a landslide "
            "had blocked it for 30 hours.",
            id="the-events-own-day",
        ),
        pytest.param(
            "The storm on Monday cut power to 4,000 homes in the valley.",
            id="the-other-event-with-its-day",
        ),
    ],
)
async def test_days_told_of_their_own_events_are_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    result = await _claim(kb, text)
    assert result.verdict != knowledge.Verdict.CONTRADICTED, result.reason


def test_a_day_placed_among_another_days_words_bars_support() -> None:
    from knowledge.checking.align import align
    from knowledge.nlp.claims import extract_claims
    from knowledge.nlp.pipeline import build_nlp
    from knowledge.resources import lexicon

    nlp = build_nlp([])

    def features(text: str) -> knowledge.nlp.features.Features:  # type: ignore[name-defined]
        return extract_claims(nlp(text), DAY, lexicon(), nlp=nlp)[0].features

    record = features(PASS.split("\n\n")[1])
    wrong = features(
        "Police reopened the mountain road to Passo Nero on Monday after a landslide had "
        "blocked it for 30 hours."
    )
    right = features(
        "Police reopened the mountain road to Passo Nero on Wednesday after a landslide had "
        "blocked it for 30 hours."
    )
    terms = {"antonyms": lexicon().antonyms, "contrasts": lexicon().contrasts, "labels": {}}
    assert align(wrong, record, **terms).bars_support
    assert not align(right, record, **terms).bars_support
