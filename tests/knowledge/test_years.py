"""Years told as what they qualify ("a 2012 film", "the 2017 season", "2017 Rome") are years,
compared as dates, never as figures a claim may round; and a year the source's title gives
("2020 flu outbreak in Ostland") is a year the statement speaks of."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

FILM = "Tarrow Bay is a 2012 British drama film directed by Ana Holt."
TITLES = (
    "Lena Varga reached five finals and won three titles (2017 Rome, 2017 Halle and 2019 Doha)."
)
TESTS = "A total of 3,448 tests have been processed."
OUTBREAK = "2020 flu outbreak in Ostland"


@pytest.mark.parametrize(
    "claim",
    ["Tarrow Bay is a 2010 drama film.", "Tarrow Bay is a 2010 British film."],
)
async def test_another_year_is_never_a_rounded_one(claim: str) -> None:
    assert await verdict_beside(FILM, claim) != "supported"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(FILM, "Tarrow Bay is a 2012 drama film.", id="film"),
        pytest.param(FILM, "Tarrow Bay was a 2012 film by Ana Holt.", id="film-director"),
        pytest.param(TITLES, "Lena Varga won the 2017 Halle title.", id="title-list"),
    ],
)
async def test_the_same_year_told_otherwise_is_given(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "supported"


async def test_the_year_the_source_title_gives_is_the_statements() -> None:
    claim = "Ostland carried out fewer than 3,400 tests during the 2020 flu outbreak."
    assert await verdict_beside(TESTS, claim, source=OUTBREAK) == "contradicted"


async def test_a_year_nothing_gives_is_another_period() -> None:
    claim = "Ostland carried out fewer than 3,400 tests during the 2020 flu outbreak."
    assert await verdict_beside(TESTS, claim, source="Flu in Ostland") == "unverified"
