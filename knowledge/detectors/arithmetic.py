"""Arithmetic detector: a sentence whose own figures break the change or comparison it tells
of them ("held 19.4 percent of their capacity, up from 31 percent"; "fell from 7.2% to 7.9%";
"612 people, more than the 854 it handed over in 2019"). The sentence is its own evidence, so
no statement is needed.

Only figures the sentence sets side by side in so many words count: ", up from" or ", down
from" after a figure, "from X to Y" or "to Y from X" right after a verb of change
(`rising_verbs` and `falling_verbs` in data/reading.yaml), and ", more than the" or "was
lower than the" (another comparative of `rising_comparisons` and `falling_comparisons`, after a
comma or a form of "be") between two figures. Both must
be of one kind (shares with shares, other figures with others), neither a year nor a rank
("climbed from 10th to 3rd" is a rise), a figure given as a round one ("about", "nearly")
must be further off than rounding explains, and the sentence must give one figure only before
", up from" or a comparison (which of several is compared is not told).
"""

from __future__ import annotations

import re

from knowledge.matching import CheckContext, Match
from knowledge.model import Finding, FindingKind, Verdict
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features, NumberMention
from knowledge.nlp.moves import comparison_direction, verb_directions

_HEDGES = r"(?:about|around|roughly|nearly|almost|some|approximately|just|over|under|a|the)"
_NEXT_FIGURE = re.compile(rf"\s*(?:{_HEDGES}\s+){{0,2}}[$€£¥]?$", re.IGNORECASE)
_HEDGED = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|some|approximately|close to|over|under|more than"
    r"|less than|fewer than|at least|at most|up to)\s+$",
    re.IGNORECASE,
)
_UP_OR_DOWN_FROM = re.compile(r",\s*(up|down)\s+from\s+", re.IGNORECASE)
_FROM_TO = re.compile(r"\bfrom\s+", re.IGNORECASE)
_TO_FROM = re.compile(r"\bto\s+", re.IGNORECASE)
_COMPARED = re.compile(
    r"(?:,|\s(?:was|were|is|are|remained|remains))\s*(\w+)\s+than\s+the\s+",
    re.IGNORECASE,
)
# what joins the first figure after a verb of change to the second, a unit or a time between:
# "to 40 million euros from 35 million", "from 2,400 in 2020 to 1,900"
_THEN = r"\s*(?:(?:[a-z]+|\d{4})\s+){0,3}?"
_THEN_TO = re.compile(_THEN + r"to\s+", re.IGNORECASE)
_THEN_FROM = re.compile(_THEN + r"from\s+", re.IGNORECASE)
_VERB_REACH = 40  # characters between a verb of change and the "from" or "to" it governs
_ROUNDING = 0.10  # a round figure ("about 30 percent") may be this far from the exact one


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """A finding for the first change or comparison the claim's figures break."""
    features = claim.features
    for later, earlier, direction, said in _told_changes(features):
        if _broken(later, earlier, direction, features.text):
            then, now = _as_written(earlier, features.text), _as_written(later, features.text)
            told = "less" if direction == "rise" else "more"
            message = f"Says “{said.strip(', ')}”, but {now} is {told} than {then}."
            return [Finding(FindingKind.ARITHMETIC, message, (), Verdict.CONTRADICTED)]
    return []


def _told_changes(features: Features) -> list[tuple[NumberMention, NumberMention, str, str]]:
    """The figures the sentence sets side by side: each as (the figure told as larger or
    smaller, the figure it is told against, "rise" or "fall", the words as written)."""
    text = features.text
    figures = sorted((n for n in features.numbers if _comparable(n, text)), key=lambda n: n.start)
    found = []
    for mark in _UP_OR_DOWN_FROM.finditer(text):
        before = _last_before(figures, mark.start(), text)
        after = _first_after(figures, mark.end(), text)
        if before is not None and after is not None:
            direction = "rise" if mark.group(1).lower() == "up" else "fall"
            found.append((before, after, direction, text[mark.start() : after.end]))
    for mark in _COMPARED.finditer(text):
        before = _last_before(figures, mark.start(), text)
        after = _first_after(figures, mark.end(), text)
        told = comparison_direction(mark.group(1))
        if before is not None and after is not None and told is not None:
            found.append((before, after, told, text[mark.start() : after.end]))
    for verb, direction in _verbs_of_change(features):
        found += _from_to(figures, text, verb, direction)
    return found


def _from_to(
    figures: list[NumberMention], text: str, verb: tuple[int, int], direction: str
) -> list[tuple[NumberMention, NumberMention, str, str]]:
    """ "rose from X to Y" (Y against X) and "rose to Y from X", right after a verb of change."""
    reach = text[verb[1] : verb[1] + _VERB_REACH]
    for pattern, link, first_is_earlier in (
        (_FROM_TO, _THEN_TO, True),
        (_TO_FROM, _THEN_FROM, False),
    ):
        mark = pattern.search(reach)
        if mark is None:
            continue
        first = _first_after(figures, verb[1] + mark.end(), text)
        if first is None:
            continue
        joined = link.match(text, first.end)
        second = _first_after(figures, joined.end(), text) if joined else None
        if second is None:
            continue
        earlier, later = (first, second) if first_is_earlier else (second, first)
        return [(later, earlier, direction, text[verb[0] : second.end])]
    return []


def _as_written(number: NumberMention, text: str) -> str:
    """A figure as the sentence writes it, with its currency sign ("$3.4 billion")."""
    sign = text[number.start - 1] if number.start and text[number.start - 1] in "$€£¥" else ""
    return sign + number.text.strip()


def _verbs_of_change(features: Features) -> list[tuple[tuple[int, int], str]]:
    """Each word of the sentence that tells a rise or a fall ("rose", "cut"), with its span."""
    directions = verb_directions()
    return [
        ((w.start, w.end), directions[w.lemma]) for w in features.words if w.lemma in directions
    ]


def _comparable(number: NumberMention, text: str) -> bool:
    """Whether a figure can be told larger or smaller than another: not a rank, not a year."""
    if number.ordinal:
        return False
    written = text[number.start : number.end].strip()
    return not (re.fullmatch(r"(?:1[89]|20|21)\d\d", written) and number.unit != "%")


def _last_before(figures: list[NumberMention], at: int, text: str) -> NumberMention | None:
    """The one figure the sentence gives before `at` (since a semicolon) that a figure after
    it can be set against: None where it gives several ("118,500 had been on a list for more
    than 18 months, up from 96,000": which is compared is not told)."""
    start = text.rfind(";", 0, at) + 1
    before = [n for n in figures if start <= n.start and n.end <= at]
    return before[0] if len(before) == 1 else None


def _first_after(figures: list[NumberMention], at: int, text: str) -> NumberMention | None:
    """The figure that `text` gives right after `at` (a hedge or an article between)."""
    return next(
        (n for n in figures if n.start >= at and _NEXT_FIGURE.match(text[at : n.start])), None
    )


def _broken(later: NumberMention, earlier: NumberMention, direction: str, text: str) -> bool:
    """Whether the two figures break the told direction: both shares or neither, and told
    the wrong way round by more than rounding explains where one is given as a round one."""
    if (later.unit == "%") != (earlier.unit == "%"):
        return False
    hedged = _given_round(later, text) or _given_round(earlier, text)
    margin = _ROUNDING * max(abs(later.value), abs(earlier.value)) if hedged else 0.0
    if direction == "rise":
        return later.value + margin < earlier.value
    return later.value - margin > earlier.value


def _given_round(number: NumberMention, text: str) -> bool:
    """Whether the sentence gives a figure as a round one or a bound ("about", "more than")."""
    return _HEDGED.search(text[max(0, number.start - 20) : number.start]) is not None
