"""Timeline: weekdays and dates that contradict the recorded event, and ended states."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import SEOUL_DAY, finding_kinds, verdict_of


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "On Wednesday in Seoul, Stoltenberg urged South Korea to send arms to Ukraine.",
            id="wednesday",
        ),
        pytest.param(
            "Stoltenberg spoke in Seoul on Friday, calling for military support for Ukraine.",
            id="friday",
        ),
    ],
)
async def test_wrong_weekday_for_recent_event(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "timeline" in await finding_kinds(kb, text, SEOUL_DAY)


async def test_right_weekday_is_supported_or_unflagged(kb: knowledge.KnowledgeBase) -> None:
    text = (
        "On Monday in Seoul, Stoltenberg asked South Korea to reconsider its rule on arms exports."
    )
    assert "timeline" not in await finding_kinds(kb, text, SEOUL_DAY)


async def test_other_event_on_other_weekday_is_not_flagged(kb: knowledge.KnowledgeBase) -> None:
    text = "On Tuesday Stoltenberg met Japan's prime minister in Tokyo to discuss security."
    assert "timeline" not in await finding_kinds(kb, text, date(2023, 2, 1))


async def test_weekday_months_later_is_another_occasion(kb: knowledge.KnowledgeBase) -> None:
    text = "On Thursday in Seoul, Stoltenberg urged South Korea to allow arms exports to Ukraine."
    assert "timeline" not in await finding_kinds(kb, text, date(2023, 9, 14))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Russia launched its full-scale invasion of Ukraine on 24 March 2022.",
            True,
            id="wrong-month",
        ),
        pytest.param(
            "Russia began its full-scale invasion of Ukraine on February 24, 2022.",
            False,
            id="right-date",
        ),
        pytest.param("Sweden and Finland applied to join NATO in May 2021.", True, id="wrong-year"),
        pytest.param("Finland and Sweden asked to join NATO in May 2022.", False, id="right-month"),
    ],
)
async def test_explicit_dates(kb: knowledge.KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("timeline" in await finding_kinds(kb, text, date(2024, 1, 1))) is flagged


async def test_state_that_had_ended(kb: knowledge.KnowledgeBase) -> None:
    text = "Jens Stoltenberg is NATO Secretary General and leads the alliance."
    assert await verdict_of(kb, text, date(2025, 3, 1)) == "outdated"
    assert await verdict_of(kb, text, date(2023, 3, 1)) != "outdated"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("The tram line to the airport opened in September 2019.", True, id="month"),
        pytest.param("The tram line to the airport opened in 2018.", False, id="same-year"),
        pytest.param(
            "The tram line to the airport, opened in September 2018, was extended in 2022.",
            False,
            id="another-date-for-another-thing",
        ),
    ],
)
async def test_retold_statement_with_another_date(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    await kb.curator.add("The tram line to the airport opened in September 2018.")
    assert ("timeline" in await finding_kinds(kb, text, date(2024, 1, 10))) is flagged


async def test_a_year_the_record_does_not_give_is_never_supported(
    kb: knowledge.KnowledgeBase,
) -> None:
    await kb.curator.add("The tram line to the airport opened in September 2018.")
    verdict = await verdict_of(
        kb, "The tram line to the airport opened in 2017.", date(2024, 1, 10)
    )
    assert verdict != "supported"
