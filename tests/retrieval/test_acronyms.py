"""Acronyms of names: a claim that abbreviates a name finds the statement that spells it out."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from knowledge.retrieval import find_candidates, index_terms, title_terms
from knowledge.retrieval.acronyms import acronyms
from knowledge.store import Store

AddStatement = Callable[..., Awaitable[int]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The Bank of Norway raised rates", ["bon", "bn"], id="function-words"),
        pytest.param("Anna B. Larsen spoke", ["abl"], id="initial"),
        pytest.param("Mayor Karin Holm-Eriksen", ["mkhe"], id="hyphenated"),
        pytest.param("the U.K. Space Agency", ["uksa"], id="dotted-abbreviation"),
        pytest.param("Ferries to Oslo were late", [], id="one-word-name"),
        pytest.param("FERRIES CANCELLED IN OSLO", [], id="all-capitals"),
        pytest.param("Reports in Oslo say", [], id="sentence-start-is-no-name"),
        pytest.param("Europe's Green Transport Fund", ["gtf"], id="possessive-ends-a-name"),
    ],
)
def test_acronyms_of_names(text: str, expected: list[str]) -> None:
    assert acronyms(text) == expected


def test_acronyms_follow_the_words_and_stay_out_of_titles() -> None:
    assert index_terms("The Nordic Rail Council met") == "nordic rail council meet | nrc"
    assert title_terms("Did The Nordic Rail Council Meet?") == "nordic rail council meet"


async def test_claim_with_an_acronym_finds_the_name_spelt_out(
    store: Store, add: AddStatement
) -> None:
    await add("The Baltic Ferry Board approved the night train to Hamburg.")
    wanted = await add("The Nordic Rail Council approved the night train to Hamburg.")
    hits = await find_candidates(store, "NRC approved the night train!")
    assert hits[0][0] == wanted


async def test_initials_of_a_person_find_the_person(store: Store, add: AddStatement) -> None:
    wanted = await add("Astrid M. Lindqvist gave a speech about fishing quotas in Tromsø.")
    await add("A speech about fishing quotas was given by the minister in Bodø.")
    hits = await find_candidates(store, "AML speech on fishing quotas")
    assert hits[0][0] == wanted


async def test_acronyms_do_not_count_as_words_of_the_statement(
    store: Store, add: AddStatement
) -> None:
    text = "The Nordic Rail Council approved the night train to Hamburg."
    wanted = await add(text)
    hits = await find_candidates(store, text)
    assert hits[0] == (wanted, 1.0)
