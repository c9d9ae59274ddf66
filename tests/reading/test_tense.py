"""Historical vs current, decided per claim: the past is history, the present is now."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.reading.conftest import read

HISTORICAL = [
    pytest.param("The Minsk agreements were signed in 2015.", id="were-signed"),
    pytest.param(
        "The Minsk agreement was an attempt to end the fighting in the Donbas.", id="was-an-attempt"
    ),
    pytest.param(
        "Hollande later said the Minsk accords had bought Kyiv time to build up its army.",
        id="later-said",
    ),
    pytest.param(
        "In 2014 the war in the Donbas was fought between Kyiv and Russian-backed separatists.",
        id="in-2014-passive",
    ),
    pytest.param("In 2008 Russia fought a short war against Georgia.", id="past-date-past-verb"),
    pytest.param("The separatists then seized government buildings in Donetsk.", id="then"),
    pytest.param("The Budapest Memorandum is no longer respected by Moscow.", id="no-longer"),
    pytest.param(
        "Russian-backed separatists controlled parts of Luhansk at the time.", id="at-the-time"
    ),
    pytest.param("The rebels were armed with Russian tanks and artillery.", id="past-state"),
    pytest.param("Ukraine gave up its nuclear arsenal years ago.", id="years-ago"),
]

CURRENT = [
    pytest.param("Stoltenberg has led NATO since 2014.", id="present-perfect-since"),
    pytest.param("Russia has occupied parts of Ukraine since 2014.", id="has-occupied"),
    pytest.param(
        "Ukraine is fighting Russian-backed separatists in the east.", id="present-progressive"
    ),
    pytest.param(
        "Ukraine had asked South Korea to allow direct purchases as part of its efforts against the separatists.",
        id="past-perfect-without-marker",
    ),
    pytest.param("Russian forces have stepped up their attacks in the east.", id="have-stepped-up"),
    pytest.param("The Minsk agreement remains the basis for a ceasefire.", id="remains"),
    pytest.param("Stoltenberg visited Seoul on Monday.", id="recent-past-event"),
    pytest.param(
        "The Kremlin denied that its troops were in Ukraine.", id="reported-past-is-backshift"
    ),
    pytest.param("NATO currently has 31 members.", id="currently"),
]


@pytest.mark.parametrize("sentence", HISTORICAL)
def test_historical(nlp: Language, sentence: str) -> None:
    assert read(nlp, sentence).historical


@pytest.mark.parametrize("sentence", CURRENT)
def test_current(nlp: Language, sentence: str) -> None:
    assert not read(nlp, sentence).historical


@pytest.mark.parametrize(
    ("sentence", "year", "future"),
    [
        # written on 31 January 2023: "March 7" said of a done act is last March
        pytest.param("Finland's parliament approved the bill on March 7.", 2022, False, id="past"),
        pytest.param("The summit opens on March 7.", 2023, True, id="scheduled"),
        pytest.param("Finland will hold the vote on March 7.", 2023, True, id="will"),
        pytest.param("The bill was approved on January 7.", 2023, False, id="earlier-this-year"),
    ],
)
def test_a_day_without_its_year_is_read_in_the_tense_told(
    nlp: Language, sentence: str, year: int, future: bool
) -> None:
    claim = read(nlp, sentence)
    (mention,) = claim.features.dates
    assert mention.value is not None and mention.value.year == year
    assert (claim.modality.value == "future") is future


@pytest.mark.parametrize(
    ("sentence", "year", "month", "historical"),
    [
        # written on 31 January 2023
        pytest.param(
            "Putin declared the agreements dead last February.", 2022, 2, True, id="last-month"
        ),
        pytest.param("The talks will resume next July.", 2023, 7, False, id="next-month"),
        pytest.param("The talks resumed last January.", 2022, 1, True, id="last-same-month"),
    ],
)
def test_last_or_next_month_is_a_date(
    nlp: Language, sentence: str, year: int, month: int, historical: bool
) -> None:
    claim = read(nlp, sentence)
    (mention,) = claim.features.dates
    assert mention.value is not None and (mention.value.year, mention.value.month) == (year, month)
    assert claim.historical is historical


def test_a_word_that_starts_like_a_month_is_no_date(nlp: Language) -> None:
    claim = read(nlp, "Their song Not If You Were the Last Junkie on Earth was a hit.")
    assert claim.features.dates == ()
