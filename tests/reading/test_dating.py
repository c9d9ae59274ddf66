"""A statement dated by its own words: one day is its event's, "since" and "until" days bound a
state, and days that could be read otherwise leave it undated."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from knowledge.nlp.dates import find_dates
from knowledge.nlp.dating import Dating, dating
from knowledge.nlp.features import sentence_features


def dated(text: str) -> Dating:
    return dating(text, find_dates(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finland joined NATO on 4 April 2023.", Dating(event_date="2023-04-04")),
        ("On April 4, 2023, Finland joined NATO.", Dating(event_date="2023-04-04")),
        (
            "Mark Rutte has been NATO Secretary General since 1 October 2024.",
            Dating(valid_from="2024-10-01"),
        ),
        (
            "Jens Stoltenberg was NATO Secretary General from 1 October 2014 to 1 October 2024.",
            Dating(valid_from="2014-10-01", valid_until="2024-10-01"),
        ),
        ("The strike lasted until 3 May 2021.", Dating(valid_until="2021-05-03")),
    ],
)
def test_the_days_a_statement_gives_date_it(text: str, expected: Dating) -> None:
    assert dated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Finland joined NATO in April 2023.",  # a month is not a day
        "The summit ran 24-25 June 2025 in The Hague.",  # a range
        "As of 1 January 2024, NATO had 31 members.",  # a state on a day, not an event
        "Sweden applied on 18 May 2022 and joined on 7 March 2024.",  # two events
        "The talks ended before 3 May 2021.",
        "NATO met on Monday.",  # a weekday with nothing to resolve it against
    ],
)
def test_days_that_could_be_read_otherwise_leave_it_undated(text: str) -> None:
    assert dated(text) == Dating()


@pytest.mark.parametrize(
    ("text", "month"),
    [
        pytest.param("The forecast will be published in October.", 10, id="in-a-month"),
        pytest.param("Prices have risen since March.", 3, id="since-a-month"),
        pytest.param("The report is due by Jan. at the latest.", 1, id="a-short-month"),
        pytest.param("They met in May.", 5, id="may-as-a-month"),
        pytest.param("Results may come in may.", None, id="may-in-lower-case"),
        pytest.param("He flew to Mayotte in 2019.", None, id="a-name-that-starts-like-one"),
    ],
)
def test_a_month_said_alone_after_a_preposition_is_a_date_without_its_year(
    text: str, month: int | None
) -> None:
    from datetime import date

    found = [d for d in find_dates(text, date(2024, 9, 10)) if d.value and d.value.year == 2024]
    if month is None:
        assert not found
    else:
        assert [(d.value.month, d.yearless) for d in found if d.value] == [(month, True)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("services stay suspended until Sunday, 18 October", date(2026, 10, 18)),
        ("the cabinet meets on Monday 19 October", date(2026, 10, 19)),
        ("the fire started on Tuesday, 13 October", date(2026, 10, 13)),
    ],
)
def test_a_weekday_beside_its_date_is_that_date(text: str, day: date) -> None:
    weekday, calendar = find_dates(text, date(2026, 10, 16))
    assert weekday.kind == "weekday"
    assert weekday.value is not None and weekday.value.as_date() == day
    assert calendar.value is not None and calendar.value.as_date() == day


def test_a_weekday_beside_another_date_keeps_its_own_reading() -> None:
    weekday, _ = find_dates("talks on Monday, 20 October", date(2026, 10, 16))
    assert weekday.value is not None and weekday.value.as_date() == date(2026, 10, 12)


@pytest.mark.parametrize(
    ("text", "written", "day"),
    [
        # told as done, a day still to come this year is last year's
        ("Finland joined NATO on April 5.", date(2024, 3, 10), date(2023, 4, 5)),
        # unless the weekday written with it falls on it this year
        (
            "He said he would meet the leaders on Monday, 22 December.",
            date(2025, 12, 10),
            date(2025, 12, 22),
        ),
    ],
)
def test_a_day_without_its_year_told_as_done(
    nlp: Language, text: str, written: date, day: date
) -> None:
    features = sentence_features(nlp(text)[:], written)
    calendar = [d for d in features.dates if d.kind == "date"]
    assert [d.value.as_date() for d in calendar if d.value] == [day]
