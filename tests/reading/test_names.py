"""Names read from a sentence: a hyphenated first name, or one with a particle, is one name."""

from __future__ import annotations

import pytest
from spacy.language import Language

from knowledge.nlp.features import sentence_features


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jean-Philippe Mateta started the move.", ["Jean-Philippe Mateta"]),
        ("The goal came from Anna-Lena Berg on Saturday.", ["Anna-Lena Berg"]),
        # particles in lower case inside a name
        ("Ursula von der Leyen was re-elected.", ["Ursula von der Leyen"]),
        ("He flew from Rio de Janeiro to Paris.", ["Rio de Janeiro", "Paris"]),
        ("Ursula von was here.", ["Ursula"]),
        # a hyphen with spaces round it parts two names, and a description is no first name
        ("Oslo - Bergen trains were cancelled.", ["Oslo", "Bergen"]),
        ("Carla Ruiz is a Mexican-Lebanese businesswoman.", ["Carla Ruiz", "Mexican", "Lebanese"]),
    ],
)
def test_names_joined_by_a_hyphen_are_one_name(nlp: Language, text: str, names: list[str]) -> None:
    features = sentence_features(nlp(text)[:], None)
    assert [m.text for m in features.entities] == names
