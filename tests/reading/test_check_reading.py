"""End to end on the seeded knowledge base: what is not asserted, or is history, is not
flagged by rules or background facts; what is asserted still is."""

from __future__ import annotations

import pytest

import knowledge
from tests.knowledge.conftest import SEOUL_DAY

NOT_FLAGGED = [
    pytest.param(
        "Hollande later said the Minsk accords had bought Kyiv time to build up its army.",
        id="hollande-later-said",
    ),
    pytest.param("Critics say NATO troops in Ukraine would escalate the war.", id="critics-say"),
    pytest.param(
        "Some argue that NATO troops in Ukraine would end the war sooner.", id="some-argue"
    ),
    pytest.param(
        "If NATO troops were in Ukraine, Russia would treat it as an attack.",
        id="conditional-troops",
    ),
    pytest.param(
        "The Minsk agreements were signed in 2015 to end the fighting in the Donbas.",
        id="minsk-signed-2015",
    ),
    pytest.param(
        "In 2014 Kyiv launched an operation against Russian-backed separatists in the Donbas.",
        id="separatists-2014",
    ),
    pytest.param("The Kremlin denied that NATO troops were fighting in Ukraine.", id="denied"),
    pytest.param(
        "SEOUL, Jan 30, 2023 (Reuters) - NATO Secretary General Jens Stoltenberg visited Seoul on Monday.",
        id="reuters-dateline",
    ),
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
async def test_not_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    report = await kb.check(text, reference_date=SEOUL_DAY)
    assert report.claims or report.skipped, "the sentence should still be read"
    assert report.flagged == [], [f.message for c in report.flagged for f in c.findings]


FLAGGED = [
    pytest.param(
        "NATO troops in Ukraine are helping to maintain the ceasefire.", id="troops-asserted"
    ),
    pytest.param(
        "Ukraine is fighting Russian-backed separatists in the east.", id="separatists-now"
    ),
    pytest.param("Is it true that NATO imposed sanctions on Russia?", id="question-background"),
    pytest.param(
        "Stoltenberg urged Russia to adhere to the Minsk agreement.",
        id="minsk-definite-under-a-directive",
    ),
]


@pytest.mark.parametrize("text", FLAGGED)
async def test_asserted_errors_are_still_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    report = await kb.check(text, reference_date=SEOUL_DAY)
    assert report.flagged, [c.reason for c in report.claims]


async def test_a_dateline_is_not_judged(kb: knowledge.KnowledgeBase) -> None:
    text = (
        "Seoul, South Korea CNN — NATO Secretary General Jens Stoltenberg on Monday asked "
        "South Korea to reconsider its rule on not exporting weapons to countries in conflict."
    )
    report = await kb.check(text, reference_date=SEOUL_DAY)
    assert [c.text for c in report.claims] == [text[text.index("NATO") :]]
    assert all("CNN" not in f.message for c in report.claims for f in c.findings)
