"""A birth or death told on another date or at another place than the knowledge base gives that
person is contradicted, however much else the record says of them; a birth that is not
theirs, a date given as an estimate or a bound, or a name the record does not give is not."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from knowledge.nlp.features import Mention
from knowledge.nlp.lives import BIRTH, DEATH, LifeEvent

WHEN = date(2024, 6, 1)
# A profile that says far more than the birth: the claim shares little else with it.
PROFILE = (
    "Ingrid Halvorsen Berge (born 4 April 1961 in Bergen), better known as Ingrid Berge, is a "
    "Norwegian composer and conductor who led the Bergen Philharmonic's youth orchestra."
)
OLDER = "Marthe Ulvik Solberg (14 June 1866 – 20 October 1936) was a Norwegian teacher."
LIFESPAN = (
    "Arvid Tollefsen Lund (12 May 1902 – 3 September 1977) was a Norwegian painter known "
    "for his coastal landscapes."
)


async def _result(record: str, claim: str) -> knowledge.ClaimResult:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(record, source="Norwegian Music Information Centre")
        report = await kb.check(claim, reference_date=WHEN)
        return report.claims[0]


@pytest.mark.parametrize(
    ("claim", "written", "recorded"),
    [
        ("Ingrid Berge was born in 1965.", "in 1965", "4 April 1961"),
        ("Ingrid Berge was born on 14 April 1961.", "14 April 1961", "4 April 1961"),
        ("Ingrid Berge was born in May.", "in May", "4 April 1961"),
        ("Ingrid Halvorsen Berge was born in Oslo.", "Oslo", "Bergen"),
        # the birth beside the name is put as fact, though the sentence goes on to what is to come
        ("Ingrid Berge, born in Oslo, will conduct the opening concert.", "Oslo", "Bergen"),
        ("Born in Oslo in 1961, Ingrid Berge studied in Vienna.", "Oslo", "Bergen"),
    ],
)
async def test_a_birth_told_otherwise_is_contradicted(
    claim: str, written: str, recorded: str
) -> None:
    result = await _result(PROFILE, claim)
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    finding = result.findings[0]
    assert finding.kind == knowledge.FindingKind.LIFE
    assert written in finding.message and recorded in finding.message, finding.message


async def test_a_year_before_1900_is_a_year() -> None:
    result = await _result(OLDER, "Marthe Solberg was born in June of 1867.")
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    assert "14 June 1866" in result.findings[0].message


async def test_a_death_told_otherwise_is_contradicted() -> None:
    result = await _result(LIFESPAN, "Arvid Lund died in 1979.")
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    assert "3 September 1977" in result.findings[0].message


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        (PROFILE, "Ingrid Berge was born in 1961."),
        (PROFILE, "Ingrid Berge was born in April 1961 in Bergen."),
        (LIFESPAN, "Arvid Lund died in September 1977."),
        (OLDER, "Marthe Solberg was born in June of 1866."),
        # someone else's birth, or a name the record does not give that person
        (PROFILE, "Ingrid Berge's brother was born in Oslo in 1965."),
        (PROFILE, "Kari Berge was born in 1965."),
        # a bound, an estimate, or a birth told only as what some say or as a possibility
        (PROFILE, "Ingrid Berge was born before 1970."),
        (PROFILE, "Critics say Ingrid Berge was born in Oslo."),
        (PROFILE, "Ingrid Berge may have been born in Oslo."),
        (PROFILE, "Ingrid Berge was not born in 1965."),
        (
            "Ingrid Berge was born c. 1961 in Bergen and studied in Vienna.",
            "Ingrid Berge was born in 1962.",
        ),
        # a place the lexicon cannot tell apart ("Norway" may hold "Bergen")
        (PROFILE, "Ingrid Berge was born in Norway."),
    ],
)
async def test_births_and_deaths_the_record_does_not_rule_out_are_not_flagged(
    record: str, claim: str
) -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add(record, source="Norwegian Music Information Centre")
        report = await kb.check(claim, reference_date=WHEN)
    assert not report.flagged, claim


def test_a_record_gives_the_life_to_the_other_name_it_gives_right_after() -> None:
    stage_name = Mention("inga_holt", "PROPN", "Inga Holt", 0, 9)
    life = LifeEvent(
        Mention("ingrid_halvorsen_berge", "PROPN", "Ingrid Halvorsen Berge", 0, 22), BIRTH
    )
    assert not life.told_of(stage_name)
    assert LifeEvent(life.person, BIRTH, aliases=(stage_name,)).told_of(stage_name)
    assert life.told_of(Mention("x", "PROPN", "Ingrid Berge", 0, 12))  # within the name
    assert not LifeEvent(stage_name, DEATH).told_of(Mention("holt", "PROPN", "Holt", 0, 4))


@pytest.mark.parametrize(
    "claim",
    [
        "Ingrid Berge died in 1961.",
        "Ingrid Berge died on 4 April 1961.",
    ],
)
async def test_a_death_on_the_birth_date_is_not_backed(claim: str) -> None:
    # the record dates her birth only: its date is none of her death's
    result = await _result(PROFILE, claim)
    assert result.verdict != knowledge.Verdict.SUPPORTED


async def test_a_birth_on_the_birth_date_is_still_backed() -> None:
    result = await _result(PROFILE, "Ingrid Berge was born on 4 April 1961.")
    assert result.verdict == knowledge.Verdict.SUPPORTED
