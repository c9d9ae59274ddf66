"""Places: whether two names can be one place, and the places a sentence tells after "in" or
"at"."""

from __future__ import annotations

import pytest

from knowledge.nlp.places import apart, told_places


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Rotterdam", "The Hague", True),  # two cities
        ("Tokyo", "South Korea", True),  # a city and another country
        ("Kyiv", "Kiev", False),  # one city's spellings
        ("Oslo", "Norway", False),  # a city and its country
        ("Bergen", "Sandvika", False),  # a name the lexicon does not know
        ("Mons", "Brussels", False),  # Brussels also names the European Union
    ],
)
def test_places_apart(a: str, b: str, expected: bool) -> None:
    assert apart(a, b) is expected


def test_told_places_keeps_the_longest_known_name() -> None:
    text = "Rutte took office in The Hague on Tuesday, not at Oslo."
    assert [p.key for p in told_places(text)] == ["the hague", "oslo"]
