"""Which sentences deny what they tell: advice or a decision against an act denies that act
("warned against cutting rates" is "not to cut"), and "against" before anything else does not
("protested against rising prices", "fought against separatists")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from knowledge.nlp.negation import denied_words
from tests.reading.conftest import read


@pytest.mark.parametrize(
    "text",
    [
        "The governor warned against cutting rates too quickly.",
        "The board decided against raising its dividend.",
        "The committee voted against extending the programme.",
        "The bank refrained from cutting rates in July.",
    ],
)
def test_advice_or_a_decision_against_an_act_denies_it(nlp: Language, text: str) -> None:
    assert read(nlp, text).features.negated


@pytest.mark.parametrize(
    "text",
    [
        "Farmers protested against rising prices in Paris.",
        "The army fought against separatists in the east for eight years.",
        "The committee voted against everything the minister proposed.",
        "The minister warned against Beijing's claims in the sea.",
    ],
)
def test_against_anything_else_denies_nothing(nlp: Language, text: str) -> None:
    assert not read(nlp, text).features.negated


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("Nurses will work four days a week without a pay cut.", "cut"),
        ("The airline gave its pilots no pay rise this year.", "rise"),
        ("The two men left the restaurant without paying.", "pay"),
        ("The regulator did not approve the merger.", "approve"),
    ],
)
def test_what_a_negation_denies(nlp: Language, text: str, denied: str) -> None:
    """ "Without" and "no" deny a thing, named by the last word of its run ("a pay cut");
    "not" denies the act after it."""
    assert denied_words(read(nlp, text).features) == {denied}
