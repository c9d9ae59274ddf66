"""Outdated references and presupposition rules, judged against the reference date."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import finding_kinds, verdict_of


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kyiv and Moscow must respect the Minsk accords, the minister said.", id="accords"
        ),
        pytest.param(
            "Diplomats met to discuss how the Minsk Protocol is being implemented.", id="protocol"
        ),
        pytest.param(
            "Observers monitor compliance with the Minsk peace agreements in Donbas.",
            id="peace-agreements",
        ),
    ],
)
async def test_minsk_in_force_after_cutoff_is_outdated(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert await verdict_of(kb, text, date(2023, 6, 1)) == "outdated"


async def test_same_sentence_before_cutoff_is_not_flagged(kb: knowledge.KnowledgeBase) -> None:
    text = "Kyiv and Moscow must respect the Minsk accords, the minister said."
    assert "outdated" not in await finding_kinds(kb, text, date(2021, 3, 10))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The Minsk agreements were signed in February 2015 in Belarus.", id="dated-past"
        ),
        pytest.param("The Minsk accords, now defunct, once promised a ceasefire.", id="defunct"),
    ],
)
async def test_historical_mentions_are_not_outdated(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "outdated" not in await finding_kinds(kb, text, date(2024, 1, 5))


async def test_war_about_to_start_after_it_started(kb: knowledge.KnowledgeBase) -> None:
    text = "Analysts say Ukraine stands on the verge of an all-out war with Russia."
    assert await verdict_of(kb, text, date(2022, 9, 1)) == "contradicted"
    assert await verdict_of(kb, text, date(2022, 1, 15)) != "contradicted"


async def test_separatists_need_the_ukraine_context(kb: knowledge.KnowledgeBase) -> None:
    ukraine = "Ukrainian troops repelled an attack by separatists near Donetsk."
    elsewhere = "Separatists in the region of Catalonia held a rally in Barcelona."
    assert await verdict_of(kb, ukraine, date(2023, 3, 1)) == "outdated"
    assert "outdated" not in await finding_kinds(kb, elsewhere, date(2023, 3, 1))


async def test_what_was_done_last_february_is_history(kb: knowledge.KnowledgeBase) -> None:
    # written in January 2023: "last February" is February 2022, before the invasion
    text = (
        "Putin declared the agreements dead last February, a day after recognising the "
        "separatist regions of eastern Ukraine."
    )
    assert "outdated" not in await finding_kinds(kb, text, date(2023, 1, 30))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Denis Pushilin, the Russian-installed separatist leader of Donetsk, visited "
            "Moscow this week.",
            id="describes-a-person",
        ),
        pytest.param(
            "Before the invasion, the army had spent eight years fighting separatists in the east.",
            id="before-the-invasion",
        ),
        pytest.param(
            "Separatist leaders in Donetsk had for years demanded autonomy.", id="their-demands"
        ),
    ],
)
async def test_separatists_named_without_framing_todays_war_are_not_outdated(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    article = f"Ukraine marked a year of war on Friday. {text}"
    report = await kb.check(article, reference_date=date(2023, 3, 3))
    assert [c.verdict.value for c in report.claims if c.verdict.value == "outdated"] == []


async def test_the_war_framed_as_against_separatists_is_outdated(
    kb: knowledge.KnowledgeBase,
) -> None:
    for text in (
        "Ukrainian troops continue to battle separatist rebels in the Donbas.",
        "The war in eastern Ukraine pits government forces against pro-Russian rebels.",
    ):
        assert await verdict_of(kb, text, date(2023, 3, 1)) == "outdated", text
