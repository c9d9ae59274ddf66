"""Who a statement is about: the subject its sentence names, or that its source's title names
when the sentence leaves it unnamed ("The film grossed ..." from an article on that film)."""

from __future__ import annotations

import pytest

from tests.knowledge.conftest import verdict_beside

TOWN = "The town has a population of 12,400."
FILM = "On Rotten Tomatoes, the film holds an approval rating of 81% based on 140 reviews."
TALKS = "Sweden sent 40 delegates to the talks in Oslo."


@pytest.mark.parametrize(
    ("record", "source", "claim"),
    [
        pytest.param(
            TOWN, "Kerrow, County Down", "Kerrow has a population of about 20,000.", id="town"
        ),
        pytest.param(
            FILM,
            "Harbour Lights (2019 film)",
            "Harbour Lights holds an approval rating of more than 90% on Rotten Tomatoes.",
            id="film",
        ),
    ],
)
async def test_the_subject_the_source_title_names_is_the_statements(
    record: str, source: str, claim: str
) -> None:
    assert await verdict_beside(record, claim, source=source) == "contradicted"


@pytest.mark.parametrize(
    ("record", "source", "claim"),
    [
        pytest.param(
            TOWN, "Kerrow, County Down", "Ballymore has a population of about 20,000.", id="town"
        ),
        pytest.param(
            FILM,
            "Harbour Lights (2019 film)",
            "Moonfall holds an approval rating of more than 90% on Rotten Tomatoes.",
            id="another-film",
        ),
        pytest.param(
            FILM,
            None,
            "Harbour Lights holds an approval rating of more than 90% on Rotten Tomatoes.",
            id="no-title",
        ),
    ],
)
async def test_a_subject_neither_the_statement_nor_its_source_names_is_not_contradicted(
    record: str, source: str | None, claim: str
) -> None:
    # The record is about some town or film; nothing says it is the one the claim names.
    assert await verdict_beside(record, claim, source=source) == "unverified"


@pytest.mark.parametrize("seed", [False, True], ids=["bare", "seeded"])
@pytest.mark.parametrize(
    "source", [None, "Talks between Norway and Sweden end without a deal (example.org)"]
)
async def test_a_statement_about_someone_else_does_not_support_the_claim(
    seed: bool, source: str | None
) -> None:
    # Seeded, Oslo is a name of Norway to the lexicon: the city does not make the statement
    # say that Norway sent anyone; a title naming both countries does not either.
    claim = "Norway sent 40 delegates to the talks in Oslo."
    assert await verdict_beside(TALKS, claim, source=source, seed=seed) != "supported"


async def test_the_same_subject_in_other_words_still_supports() -> None:
    # A guard: "Ukrainian" and "Ukraine" are one subject, not someone else.
    record = "Ukraine said its forces retook Kherson in November 2022."
    claim = "Ukrainian forces retook Kherson in November 2022, Ukraine said."
    assert await verdict_beside(record, claim, seed=True) == "supported"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Donald Trump opened the new library in Fresno in 2018.",
            "Donald Bush opened the new library in Fresno in 2018.",
            id="surname",
        ),
        pytest.param(
            "Senator Ted Cruz spoke at the energy conference in Denver in 2017.",
            "Senator Ted Kennedy spoke at the energy conference in Denver in 2017.",
            id="senator",
        ),
        pytest.param(
            "Prime Minister Mark Rutte opened the bridge in Rotterdam in 2016.",
            "Prime Minister Mark Carney opened the bridge in Rotterdam in 2016.",
            id="title-and-first-name",
        ),
    ],
)
async def test_a_person_named_alike_is_someone_else(record: str, claim: str) -> None:
    # Every word and detail but the surname: another person, whom the record says nothing of.
    assert await verdict_beside(record, claim) == "unverified"


@pytest.mark.parametrize(
    ("record", "claim"),
    [
        pytest.param(
            "Joe Biden visited the Hoover Dam in March 2019.",
            "Biden visited the Hoover Dam in March 2019.",
            id="surname-alone",
        ),
        pytest.param(
            "Fluminense Football Club won the cup in 2023.",
            "Fluminense FC won the cup in 2023.",
            id="initials",
        ),
        pytest.param(
            "The son of footballer Terry Owen, Owen was born in Chester in 1979.",
            "Michael Owen was born in Chester in 1979.",
            id="the-surname-given",
        ),
    ],
)
async def test_one_person_named_two_ways_still_supports(record: str, claim: str) -> None:
    assert await verdict_beside(record, claim) == "supported"
