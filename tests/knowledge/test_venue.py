"""Where a recorded event happened: a birth told in another city or country, or a dated event
told at another place, is contradicted with the record's place; a place that may hold the
record's, one the lexicon does not know, one told of something else, or someone else's birth
is not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date

import pytest
import pytest_asyncio

import knowledge
from tests.knowledge.conftest import report_after_learning

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def seeded() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:  # read only by these tests
        yield kb


@pytest.mark.parametrize(
    ("text", "when", "message"),
    [
        pytest.param(
            "Jens Stoltenberg was born in Bergen on 16 March 1959.",
            date(2024, 3, 16),
            "Says “in Bergen”, but the record puts this in Oslo.",
            id="birth-another-city",
        ),
        pytest.param(
            "Born in Sweden in 1959, Jens Stoltenberg led the Norwegian government twice.",
            date(2024, 3, 16),
            "Says “in Sweden”, but the record puts this in Oslo.",
            id="birth-another-country-opening",
        ),
        pytest.param(
            "Mark Rutte, who was born in Rotterdam, became NATO Secretary General today.",
            date(2024, 10, 1),
            "Says “in Rotterdam”, but the record puts this in The Hague.",
            id="birth-in-relative-clause",
        ),
        pytest.param(
            "Speaking in Tokyo on Monday, NATO Secretary General Jens Stoltenberg urged South "
            "Korea to step up military support for Ukraine.",
            date(2023, 1, 30),
            "Says “in Tokyo”, but the record puts this in Seoul.",
            id="dated-event-framed-by-place",
        ),
        pytest.param(
            "In Tokyo on Monday, Stoltenberg urged South Korea to allow arms exports to Ukraine.",
            date(2023, 1, 30),
            "Says “In Tokyo”, but the record puts this in Seoul.",
            id="dated-event-opening-place",
        ),
    ],
)
async def test_an_event_told_at_another_place_is_contradicted(
    seeded: knowledge.KnowledgeBase, text: str, when: date, message: str
) -> None:
    report = await seeded.check(text, reference_date=when)
    found = [(f.kind.value, f.message) for c in report.claims for f in c.findings]
    assert report.flagged
    assert any(kind == "place" and message in said for kind, said in found), found


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param("Jens Stoltenberg was born in Oslo.", date(2024, 3, 16), id="same-city"),
        pytest.param(
            "Jens Stoltenberg was born in Norway in 1959.", date(2024, 3, 16), id="its-country"
        ),
        pytest.param(
            "Jens Stoltenberg was born in Sandvika in 1959.",
            date(2024, 3, 16),
            id="place-not-known",
        ),
        pytest.param(
            "Jens Stoltenberg's brother was born in Bergen.", date(2024, 3, 16), id="someone-else"
        ),
        pytest.param(
            "Jens Stoltenberg, born in Oslo, and Mark Rutte, born in The Hague, met today.",
            date(2024, 10, 1),
            id="two-births",
        ),
        pytest.param(
            "In Bergen on Saturday, Jens Stoltenberg, who was born in 1959, spoke about NATO.",
            date(2024, 3, 16),
            id="where-another-day-was-spent",
        ),
        pytest.param(
            "In Seoul on Monday, after talks in Tokyo, NATO Secretary General Jens Stoltenberg "
            "urged South Korea to allow arms exports.",
            date(2023, 1, 30),
            id="place-of-something-else",
        ),
        pytest.param(
            "Stoltenberg, who arrived from Tokyo, said in Seoul on Monday that South Korea "
            "should allow arms exports.",
            date(2023, 1, 30),
            id="came-from-elsewhere",
        ),
        pytest.param(
            "Stoltenberg will urge South Korea in Tokyo next week to allow arms exports.",
            date(2023, 1, 30),
            id="another-day",
        ),
    ],
)
async def test_a_place_that_may_be_the_records_is_not_flagged(
    seeded: knowledge.KnowledgeBase, text: str, when: date
) -> None:
    report = await seeded.check(text, reference_date=when)
    assert not report.flagged, [f.message for c in report.claims for f in c.findings]


ARTICLE = (
    "LISBON, 14 July 2025 - Portugal recorded its hottest day of the year on Monday. In "
    "Lisbon, the thermometer reached 41.2 C on Monday, the highest reading there since "
    "records began. Hospitals reported a rise in admissions for heat stroke."
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "In Porto, the thermometer reached 41.2 C on Monday, the highest reading there "
            "since records began.",
            True,
            id="another-city",
        ),
        pytest.param(
            "In Lisbon, the thermometer reached 41.2 C on Monday, the highest reading there "
            "since records began.",
            False,
            id="the-articles-city",
        ),
    ],
)
async def test_a_retelling_puts_the_event_where_the_article_does(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await report_after_learning(kb, ARTICLE, text, date(2025, 7, 14))
    kinds = [f.kind.value for c in report.claims for f in c.findings]
    assert ("place" in kinds) is flagged, kinds


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("Halvorsen died in Oslo on 3 May 2011, aged 88.", True, id="one-word-name"),
        pytest.param("Halvorsen's wife died in Oslo on 3 May 2011.", False, id="someone-of-theirs"),
    ],
)
async def test_a_death_place_of_a_name_the_record_gives_in_one_word(
    text: str, flagged: bool
) -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(
            "Halvorsen died in Bergen on 3 May 2011, aged 88.", source="https://example.org/obit"
        )
        report = await kb.check(text, reference_date=date(2020, 1, 1))
    kinds = [f.kind.value for c in report.claims for f in c.findings]
    assert ("place" in kinds) is flagged, kinds
