"""How a text gives a figure: exactly, as a bound ("more than 1,000"), as an estimate ("about
2.1 million") or as a moment ("after 45 reviews"); and how it gives a date: as such, or as a
bound ("before 1 April", "no later than 2015")."""

from __future__ import annotations

import re

# Words before a figure that make it a bound or an estimate rather than an exact value.
_BOUNDS = (
    (
        re.compile(
            r"\b(?:more than|over|above|in excess of|exceeding|upwards of|greater than|"
            r"higher than)\W*$",
            re.I,
        ),
        ">",
    ),
    (re.compile(r"\b(?:at least|no fewer than|no less than|a minimum of)\W*$", re.I), ">="),
    (
        re.compile(
            r"\b(?:less than|fewer than|under|below|up to|at most|no more than|lower than)\W*$",
            re.I,
        ),
        "<",
    ),
    (re.compile(r"\b(?:before|after|since|by|until|as of|within)(?: the)?\W*$", re.I), "?"),
    (
        re.compile(
            r"\b(?:about|around|approximately|roughly|nearly|almost|some|close to|an estimated|"
            r"estimated|circa|c\.|~)\W*$",
            re.I,
        ),
        "~",
    ),
)


# "by" after a word of change gives the amount of the change, not a moment: "fell by a
# third", "rose by 5%", "up by 12", "cut rates by 0.25 points".
_CHANGED_BY = re.compile(
    r"\b(?:up|down|(?:rose|risen|fell|fallen|grew|grown|shrank|shrunk|sank|sunk|slid|"
    r"cut|(?:increas|decreas|reduc|rais|lower|climb|jump|drop|declin|dipp|plung|soar|"
    r"surg|gain|shed|slump|tumbl|widen|narrow|expand|contract|boost|trimm|slash)\w*))"
    r"(?:\s+\w+){0,3}?\s+by\W*$",
    re.I,
)


def figure_bound(text: str, start: int) -> tuple[str, str]:
    """How the text gives the figure at `start`: "" exact, ">" "<" ">=" a bound, "~" about,
    "?" a moment; with the words that say so, as written ("more than"; "" for none)."""
    before = text[max(0, start - 24) : start].rstrip(" $£€")
    if _CHANGED_BY.search(text[max(0, start - 48) : start].rstrip(" $£€")):
        before = ""  # "fell by a third": how much, given exactly
    for pattern, kind in _BOUNDS:
        found = pattern.search(before)
        if found is not None:
            if _ACROSS.search(before[: found.start()]) and found.group(0).strip().lower() == "over":
                return "", ""  # "averaged over 373 reviews": across them all, no bound
            words = found.group(0).strip(" ~")
            if _position(text, start, words):  # "peaked higher than 35": a place before 35th
                kind = _REVERSED.get(kind, kind)
            return kind, words
    return "", ""


def _position(text: str, start: int, words: str) -> bool:
    """Whether a bound of height ("higher than", "below") is told of a place in a ranking,
    where higher is the smaller figure: an ordinal ("above 5th") or a figure the words
    before call a place ("peaked higher than 35", "ranked below number 10")."""
    if words.lower() not in _HEIGHTS:
        return False
    if _ORDINAL.match(text, start):
        return True
    if _COUNTING.match(text, start):
        return False  # "ranked higher than 35 countries": a count, not a place
    return _RANKED.search(text, max(0, start - 60), start) is not None


_HEIGHTS = frozenset({"higher than", "lower than", "above", "below"})
_REVERSED = {">": "<", "<": ">"}
# a figure followed by a word it counts (not a preposition or a place's own word)
_COUNTING = re.compile(
    r"[\d.,]+\s+(?!(?:on|in|at|of|for|among|across|and|or|with|place|position|spot)\b)[a-z]",
    re.I,
)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b", re.I)
_RANKED = re.compile(
    r"\b(?:peak(?:ed|s)?|rank(?:ed|s|ing)?|chart(?:ed|s)?|placed)\b[^.,;]*$"
    r"|(?:\bnumber|\bno\.|#)\s*$",
    re.I,
)


# Words after which "over" means across, not more than: "averaged over 373 reviews".
_ACROSS = re.compile(r"\b(?:averaged?|averaging|spread|distributed|aggregated|pooled)\s*$", re.I)


def bound_holds(kind: str, said: float, value: float) -> bool:
    """Whether `value` meets the one-sided bound `kind` on `said` ("more than 1,000": 1,240
    does); False for any other kind."""
    if kind == ">":
        return value > said
    if kind == ">=":
        return value >= said
    if kind == "<":
        return value < said
    return False


# Words before a date that make it a bound: "before 1 April", "after 2015", "by March".
# "<" and ">" exclude the date itself ("before 2017" is not in 2017), "<=" and ">=" take it in
# ("by 2017" may be in 2017; "since 2015" tells when a state began, which may go on). The
# longer phrases come first ("no earlier than" is no "earlier than"), and an article may
# stand between the words and the date ("before the 8th of May 1966").
_THE = r"(?:\s+the)?\W*$"
_DATE_BOUNDS = (
    (re.compile(rf"\b(no earlier than|not earlier than|on or after){_THE}", re.I), ">="),
    (re.compile(rf"\b(no later than|not later than|on or before){_THE}", re.I), "<="),
    (re.compile(rf"\b(before|prior to|earlier than|pre){_THE}", re.I), "<"),
    (re.compile(rf"\b(by|until|till|up to){_THE}", re.I), "<="),
    (re.compile(rf"\b(after|later than|post){_THE}", re.I), ">"),
    (re.compile(rf"\b(since|from){_THE}", re.I), ">="),
)


def date_bound(text: str, start: int) -> tuple[str, str]:
    """How the text gives the date at `start`: "" as such, else the kind of bound ("<" for
    "before", "<=" for "by", ">" for "after", ">=" for "since"), with its words as written
    ("before the")."""
    before = text[max(0, start - 24) : start]
    for pattern, kind in _DATE_BOUNDS:
        if found := pattern.search(before):
            return kind, re.sub(r"\W+$", "", found.group(0))
    return "", ""
