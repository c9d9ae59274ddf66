"""Places told in a sentence, and whether two of them can be one place.

Names come from data/specifics.yaml: the place groups (a country with its people's word and
its capital), the capitals list and the other cities (each under its country). Two names are
apart when no place can be both: two cities that are not one city's spellings ("Rotterdam",
"The Hague"), or places in different countries ("Tokyo", "Seoul"). A name the lexicon does
not know, or a union of countries ("Europe", "Brussels"), is never apart from anything: it
may contain the other or lie in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.errors import InvalidSeed
from knowledge.resources import lexicon, name_groups, word_lists

# A place written after "in" or "at", in capitals: "in The Hague", "at Vilnius".
_TOLD_AT = re.compile(
    r"\b(?:[Ii]n|[Aa]t)\s+((?:the\s+|The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
)
_UNIONS = frozenset({"european union"})  # groups naming many countries: no place is apart


@dataclass(frozen=True, slots=True)
class ToldPlace:
    """A known place written after "in" or "at": its key (lower case) and where it stands."""

    key: str
    start: int  # of the preposition
    end: int  # of the name


def place_key(name: str) -> str:
    """The key a name is known by: lower case, without dots or a possessive."""
    return name.lower().replace(".", "").replace("’", "'").removesuffix("'s").strip()


def known(name: str) -> bool:
    """Whether the lexicon knows the name as a country, its people's word or a city of one."""
    return bool(_country(place_key(name)))


def a_place(name: str) -> bool:
    """Whether the lexicon knows the name as a place of any kind, a union of countries too
    ("Brussels", "Europe")."""
    key = place_key(name)
    return key in lexicon().places or key in _other_cities()


def told_places(text: str) -> list[ToldPlace]:
    """The known places written after "in" or "at", the longest known name of the words
    after the preposition ("in The Hague on Tuesday": "the hague")."""
    found = []
    for match in _TOLD_AT.finditer(text):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".")  # "in Sweden." ends the sentence
            if known(name):
                start = match.start(1)
                found.append(ToldPlace(place_key(name), match.start(), start + len(name)))
                break
    return found


def apart(a: str, b: str) -> bool:
    """Whether two known place names cannot be one place: two cities that are not one city's
    spellings, or two places of different countries."""
    x, y = place_key(a), place_key(b)
    country_x, country_y = _country(x), _country(y)
    if x == y or not country_x or not country_y:
        return False
    cities = _cities()
    if x in cities and y in cities:
        return _spellings().get(x, frozenset({x})) != _spellings().get(y, frozenset({y}))
    return country_x != country_y


def _country(key: str) -> frozenset[str]:
    """The names of the country a place lies in (empty: not known, or a union of countries)."""
    group = lexicon().places.get(key) or _other_cities().get(key, frozenset())
    return frozenset() if group & _UNIONS else group


@cache
def _other_cities() -> dict[str, frozenset[str]]:
    """Each city of `other_cities` with the names of its country."""
    places = lexicon().places
    table: dict[str, frozenset[str]] = {}
    for group in word_lists("specifics.yaml").get("other_cities", []):
        country, *cities = (n.strip().lower() for n in group.split("/"))
        if country not in places or not cities:
            raise InvalidSeed("specifics.yaml", f"{group!r} is not 'country/city/...'")
        for city in cities:
            table[city] = places[country]
    return table


@cache
def _cities() -> frozenset[str]:
    return lexicon().capitals | frozenset(_other_cities())


@cache
def _spellings() -> dict[str, frozenset[str]]:
    """Each city name with the other spellings of that city (specifics.yaml)."""
    return name_groups(word_lists("specifics.yaml").get("city_spellings", []))
