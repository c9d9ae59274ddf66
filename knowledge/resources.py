"""Lexical data shipped with the engine (knowledge/data/*.yaml), validated when loaded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from knowledge.errors import InvalidSeed


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Boilerplate patterns, opinion cues and antonym pairs."""

    boilerplate_lines: re.Pattern[str]
    boilerplate_prefixes: re.Pattern[str]
    opinion_words: frozenset[str]
    opinion_phrases: tuple[str, ...]
    antonyms: dict[str, frozenset[str]]
    contrasts: dict[str, frozenset[str]]  # words telling another fact, that never back it
    historical: tuple[str, ...]
    irrealis: tuple[str, ...]
    anaphors: tuple[str, ...]
    specifics: dict[str, str] = field(default_factory=dict)  # word -> its class ("colour")
    places: dict[str, frozenset[str]] = field(default_factory=dict)  # name -> same-country names
    capitals: frozenset[str] = frozenset()  # the cities among `places` (specifics.yaml)
    speaker: frozenset[str] = frozenset()  # words of the writer ("i", "we"): address.yaml
    listener: frozenset[str] = frozenset()  # words of the reader ("you")
    requests: frozenset[str] = frozenset()  # courtesy words ("please", "thanks")
    conversation: frozenset[str] = frozenset()  # all three: never taken for a name


def _load(name: str) -> dict[str, list[str]]:
    text = resources.files("knowledge.data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(i, str) for i in v) for v in data.values()
    ):
        raise InvalidSeed(name, "expected a mapping of lists of strings")
    return data


def word_lists(name: str) -> dict[str, list[str]]:
    """A data file of knowledge/data/ as its named lists of strings, validated."""
    return _load(name)


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    """One named list of a data file of knowledge/data/ as a set, read once."""
    return frozenset(word_lists(name)[key])


def _wildcard(items: list[str]) -> str:
    return "|".join(re.escape(i.lower()).replace(r"\*", r"\S++") for i in items)


def word_pairs(pairs: list[str], name: str) -> dict[str, frozenset[str]]:
    """Pairs written "a/b" (in the data file `name`) as a table from each word to the words
    it is paired with, both ways."""
    table: dict[str, set[str]] = {}
    for pair in pairs:
        words = pair.split("/")
        if len(words) != 2:
            raise InvalidSeed(name, f"{pair!r} is not two words joined by '/'")
        left, right = (w.strip().lower() for w in words)
        table.setdefault(left, set()).add(right)
        table.setdefault(right, set()).add(left)
    return {k: frozenset(v) for k, v in table.items()}


_PLACE_LISTS = frozenset({"places", "capitals", "other_cities", "city_spellings"})  # no class


def _specifics(data: dict[str, list[str]]) -> dict[str, str]:
    return {
        w.lower(): kind for kind, words in data.items() if kind not in _PLACE_LISTS for w in words
    }


def name_groups(groups: list[str]) -> dict[str, frozenset[str]]:
    """Groups of names of one thing written "a/b/c" (in specifics.yaml) as a table from each
    name to the names it goes with."""
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        names = frozenset(n.strip().lower() for n in group.split("/") if n.strip())
        if len(names) < 2:
            raise InvalidSeed("specifics.yaml", f"{group!r} is not 'name/other name'")
        for name in names:
            table[name] = table.get(name, frozenset()) | names
    return table


@cache
def lexicon() -> Lexicon:
    """The engine's lexical data, loaded once per process (it never changes at run time)."""
    boiler = _load("boilerplate.yaml")
    opinion = _load("opinion.yaml")
    antonyms = _load("antonyms.yaml")
    cues = _load("cues.yaml")
    specifics = _load("specifics.yaml")
    address = _load("address.yaml")
    speaker, listener, requests = (
        frozenset(w.lower() for w in address[name]) for name in ("speaker", "listener", "requests")
    )
    return Lexicon(
        # Possessive runs (*+, ++) never give back what they took: a line of 100,000
        # tildes is rejected in one pass instead of backtracking over every split of it.
        boilerplate_lines=re.compile(rf"^\W*+(?:{_wildcard(boiler['lines'])})\W*+$", re.I),
        boilerplate_prefixes=re.compile(rf"^\W*+(?:{_wildcard(boiler['prefixes'])})\s+", re.I),
        opinion_words=frozenset(w.lower() for w in opinion["words"]),
        opinion_phrases=tuple(p.lower() for p in opinion["phrases"]),
        antonyms=word_pairs(antonyms["pairs"], "antonyms.yaml"),
        contrasts=word_pairs(antonyms.get("contrasts", []), "antonyms.yaml"),
        historical=tuple(c.lower() for c in cues["historical"]),
        irrealis=tuple(c.lower() for c in cues["irrealis"]),
        anaphors=tuple(c.lower() for c in cues["anaphors"]),
        specifics=_specifics(specifics),
        places=name_groups(specifics.get("places", [])),
        capitals=frozenset(c.lower() for c in specifics.get("capitals", [])),
        speaker=speaker,
        listener=listener,
        requests=requests,
        conversation=speaker | listener | requests,
    )


def has_phrase(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first of `phrases` found in `text` as whole words, case-insensitively."""
    padded = " " + " ".join(re.findall(r"[a-z0-9'-]+", text.lower())) + " "
    return next((p for p in phrases if f" {p} " in padded), None)
