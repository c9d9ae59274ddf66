"""An age told beside a name ("Ilse Marveld, 61, said") is checked by arithmetic against the
birth date the knowledge base gives that person, on the article's date."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from knowledge.nlp.ages import ages_on
from knowledge.nlp.dates import PartialDate

BORN = "Ilse Marveld (born 3 March 1970) is a Dutch chemist who leads the Delft water institute."
WRITTEN = date(2025, 1, 10)  # she is 54 that day, 55 from 3 March 2025


async def _check(
    claim: str,
    record: str = BORN,
    *,
    when: date | None = WRITTEN,
    received: date | None = None,
) -> knowledge.ClaimResult:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(record, source="Delft water institute, staff page")
        await kb.curator.add(
            "The Delft water institute opened a flood laboratory in 2019.", source="Institute news"
        )
        report = await kb.check(claim, reference_date=when, fallback_date=received)
        return report.claims[0]


@pytest.mark.parametrize(
    "claim",
    [
        "Ilse Marveld, 61, said the flood laboratory would close in spring.",
        "The 49-year-old Ilse Marveld said the flood laboratory would close in spring.",
        "Ilse Marveld (55) said the flood laboratory would close in spring.",  # not yet 55
        "Ilse Marveld, who is 52, said the flood laboratory would close in spring.",
        "Ilse Marveld turns 61 today.",  # told by the verb after the name
        "Ilse Marveld, who leads the Delft water institute, turned 49 on Monday.",
        "Ilse Marveld is 52.",
    ],
)
async def test_an_age_the_birth_date_rules_out_is_contradicted(claim: str) -> None:
    result = await _check(claim)
    assert result.verdict == knowledge.Verdict.CONTRADICTED
    message = result.findings[0].message
    assert "3 March 1970" in message and "54" in message, message


@pytest.mark.parametrize(
    "claim",
    [
        "Ilse Marveld, 54, said the flood laboratory would close in spring.",
        "The 54-year-old Ilse Marveld said the flood laboratory would close in spring.",
        "Ilse Marveld, who leads the Delft water institute, turned 54 on Monday.",
        "Ilse Marveld was 40 when the institute opened its first laboratory.",  # then
        "Ilse Marveld is 52nd on the list of the most cited hydrologists.",  # no age
    ],
)
async def test_the_right_age_is_not_flagged(claim: str) -> None:
    assert (await _check(claim)).verdict != knowledge.Verdict.CONTRADICTED


@pytest.mark.parametrize(
    "claim",
    [
        # an age of another time
        "In 2010, Ilse Marveld, 40, said the institute needed a flood laboratory.",
        "Two years ago, Ilse Marveld, 52, said the institute needed a flood laboratory.",
        # someone else's age
        "A 30-year-old man told Ilse Marveld the flood laboratory would close.",
        "Ilse Marveld said 61 researchers would leave the flood laboratory.",
    ],
)
async def test_an_age_of_another_time_or_person_is_left_alone(claim: str) -> None:
    assert (await _check(claim)).verdict != knowledge.Verdict.CONTRADICTED


async def test_without_the_articles_date_only_an_age_older_than_today_is_wrong() -> None:
    # the text reached us on 10 January 2025 with no dateline: it may be an older article
    younger = "Ilse Marveld, 50, said the flood laboratory would close in spring."
    older = "Ilse Marveld, 58, said the flood laboratory would close in spring."
    assert (await _check(younger, when=None, received=WRITTEN)).verdict != (
        knowledge.Verdict.CONTRADICTED
    )
    assert (await _check(older, when=None, received=WRITTEN)).verdict == (
        knowledge.Verdict.CONTRADICTED
    )


async def test_a_birth_date_given_with_a_death_is_not_used() -> None:
    record = "Ilse Marveld (3 March 1970 – 9 May 2024) was a Dutch chemist."
    claim = "Ilse Marveld, 61, said the flood laboratory would close in spring."
    assert (await _check(claim, record)).verdict != knowledge.Verdict.CONTRADICTED


async def test_a_birth_told_in_a_sentence_of_its_own_is_read() -> None:
    record = "Ilse Marveld was born in 1970 in Leiden and studied chemistry in Delft."
    wrong = "Ilse Marveld, 61, said the flood laboratory would close in spring."
    either = "Ilse Marveld, 55, said the flood laboratory would close in spring."  # by the year
    assert (await _check(wrong, record)).verdict == knowledge.Verdict.CONTRADICTED
    assert (await _check(either, record)).verdict != knowledge.Verdict.CONTRADICTED


@pytest.mark.parametrize(
    ("born", "day", "ages"),
    [
        (PartialDate(1970, 3, 3), date(2025, 3, 2), [54]),
        (PartialDate(1970, 3, 3), date(2025, 3, 3), [55]),
        (PartialDate(1970, 3), date(2025, 3, 20), [54, 55]),  # the day unknown
        (PartialDate(1970, 3), date(2025, 4, 1), [55]),
        (PartialDate(1970), date(2025, 6, 1), [54, 55]),
    ],
)
def test_ages_on_a_day_from_a_partial_birth_date(
    born: PartialDate, day: date, ages: list[int]
) -> None:
    assert list(ages_on(born, day)) == ages


async def test_a_name_with_particles_is_one_person() -> None:
    record = (
        "Ilse van der Berg (born 3 March 1970) is a Dutch engineer at the Delft water institute."
    )
    claim = "The 61-year-old Ilse van der Berg said the flood laboratory would close in spring."
    result = await _check(claim, record)
    assert result.verdict == knowledge.Verdict.CONTRADICTED
    assert "Ilse van der Berg is 61" in result.findings[0].message
