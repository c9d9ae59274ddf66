"""The changes a sentence tells of its figures: "shares fell 4.5%", "up 18%", "a 3% rise",
"28% less likely".

Several figures in one sentence may move in different directions ("Calora jumped 27%, while
Nordvik's shares fell 4.5%"); each figure's own move is read from the words next to it, so
that a retelling is compared figure by figure, not word by word across the sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from knowledge.nlp.features import CLAUSE_MARKS, Features, NumberMention, Word, same_number
from knowledge.resources import word_lists

_REACH = 3  # words between a verb of change and its figure ("fell by nearly 4.5%")
_BARE = frozenset({"up", "down"})  # said right before the figure only ("up 18%", not "up to")
_APPOSITIVE = re.compile(r",\s*at\s+")  # "the lowest rate, at 7.8%": the figure of the rate


@dataclass(frozen=True, slots=True)
class Move:
    """A figure with the direction it is said to move in ("rise" or "fall") and the word
    telling it, as written."""

    number: NumberMention
    direction: str
    word: Word
    said: str  # the word as written ("jumped")

    @property
    def told(self) -> str:
        """The move as a reader would quote it: "fell 4.5%", "a 3% rise"."""
        if self.word.start < self.number.start:
            return f"{self.said} {self.number.text.strip()}"
        return f"{self.number.text.strip()} {self.said}"


def figure_moves(features: Features) -> list[Move]:
    """Each figure of the sentence whose change a word next to it tells: a verb of change
    (or "up", "down", or a word ranking it at one end: "the highest at 7.8%") before it in
    its clause, with no other figure between, or a noun of change right after it ("a 3%
    rise")."""
    directions = _directions()
    text, words = features.text, features.words
    at = {w.start: i for i, w in enumerate(words)}
    figures = {n.start for n in features.numbers}
    moves: list[Move] = []
    for number in features.numbers:
        i = at.get(number.start)
        if i is None:
            continue
        found = _before(words, i, text, figures, directions) or _after(
            words, i, number, text, directions
        )
        if found is not None:
            word, direction = found
            moves.append(Move(number, direction, word, text[word.start : word.end]))
    return moves


def _before(
    words: Sequence[Word], i: int, text: str, figures: set[int], directions: dict[str, str]
) -> tuple[Word, str] | None:
    for back in range(1, _REACH + 4):
        if i - back < 0:
            return None
        word = words[i - back]
        between = text[word.end : words[i - back + 1].start]
        appositive = back == 2 and _APPOSITIVE.fullmatch(text[word.end : words[i].start])
        if (CLAUSE_MARKS.search(between) and not appositive) or word.start in figures:
            return None
        ranked = _superlatives().get(text[word.start : word.end].lower())
        direction = directions.get(word.lemma) if back <= _REACH + 1 else None
        direction = direction or ranked
        if direction is None:
            continue
        if word.lemma in _BARE and back > 1 and words[i - 1].lemma != "by":
            return None  # "up to 18%" bounds a figure, "up 18%" moves it
        return word, direction
    return None


def _after(
    words: Sequence[Word], i: int, number: NumberMention, text: str, directions: dict[str, str]
) -> tuple[Word, str] | None:
    following = [w for w in words[i + 1 : i + 3] if w.start >= number.end]
    if not following or CLAUSE_MARKS.search(text[number.end : following[0].start]):
        return None
    word = following[0]
    direction = _comparisons().get(text[word.start : word.end].lower())
    direction = direction or directions.get(word.lemma)  # "a 3% rise"
    if direction is None or word.lemma in _BARE:
        return None
    return word, direction


@cache
def _comparisons() -> dict[str, str]:
    """Each word telling a figure as a difference up or down ("higher", "fewer"), as written,
    with its direction (`rising_comparisons`, `falling_comparisons` in data/reading.yaml)."""
    return _rising_or_falling("comparisons")


@cache
def _superlatives() -> dict[str, str]:
    """Each word ranking a figure at one end ("highest", "lowest"), as written, with its
    direction (`rising_superlatives`, `falling_superlatives` in data/reading.yaml)."""
    return _rising_or_falling("superlatives")


@cache
def verb_directions() -> dict[str, str]:
    """Each verb (or noun) of change with its direction, "rise" or "fall" (`rising_verbs` and
    `falling_verbs` in data/reading.yaml)."""
    return _rising_or_falling("verbs")


def _rising_or_falling(kind: str) -> dict[str, str]:
    """The words of `rising_<kind>` and `falling_<kind>` in data/reading.yaml, each with
    its direction, "rise" or "fall"."""
    lists = word_lists("reading.yaml")
    found = dict.fromkeys(lists[f"rising_{kind}"], "rise")
    found.update(dict.fromkeys(lists[f"falling_{kind}"], "fall"))
    return found


def comparison_direction(word: str) -> str | None:
    """The direction a comparative tells one figure against another, "rise" for larger
    ("more", "higher"), "fall" for smaller ("fewer", "lower"), or None."""
    return _comparisons().get(word.lower())


def figure_direction(word: str) -> str | None:
    """The direction a word tells a figure moving in, "rise" or "fall" ("climb", "up";
    "drop", "down"), or None."""
    return _directions().get(word)


@cache
def _directions() -> dict[str, str]:
    """`verb_directions`, and "up" and "down" (`figure_directions` in data/reading.yaml)."""
    found = dict(verb_directions())
    pairs = word_lists("reading.yaml")["figure_directions"]
    found.update(pair.split("/") for pair in pairs)  # type: ignore[misc]
    return found


def moves_against(
    claim: Features, sentence: Features
) -> tuple[list[tuple[Move, Move]], list[Move]]:
    """The claim's moves beside the sentence's moves of the same figure (by its value, where
    the sentence gives it once): those told the other way, each with the sentence's, and
    those told the same way."""
    theirs = figure_moves(sentence)
    turned: list[tuple[Move, Move]] = []
    same: list[Move] = []
    for move in figure_moves(claim):
        alike = [m for m in theirs if same_number(m.number.value, move.number.value)]
        if len(alike) != 1:
            continue
        if alike[0].direction == move.direction:
            same.append(move)
        else:
            turned.append((move, alike[0]))
    return turned, same
