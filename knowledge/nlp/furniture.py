"""Page furniture that is not a claim: datelines, bylines, agency credits, time stamps, links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge.nlp.dates import MONTHS, WEEKDAYS
from knowledge.resources import word_lists

_NAME = r"[A-Z][\w.'’-]*"
_PLACE = rf"{_NAME}(?:\s+{_NAME}){{0,3}}?"  # lazy: "South Korea CNN" leaves CNN to the agency
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DATE = (
    rf"(?i:(?:(?:{_DAY})\.?,?\s+)?(?:(?:{_MONTH})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+(?:{_MONTH})\.?(?:,?\s+\d{{4}})?))"
)
_DASH = r"\s*(?:--?|–|—|:)\s*"
_WORD = re.compile(r"[\w'’.-]+")
_LINK = re.compile(r"\S*(?:://|\.\w{2,}/)\S*")  # "https://t.co/x", "pic.twitter.com/x"


@dataclass(frozen=True, slots=True)
class Furniture:
    """The patterns built from the reading data."""

    dateline: re.Pattern[str]
    credit: re.Pattern[str]
    byline: re.Pattern[str]
    stamp: re.Pattern[str]
    agency_line: re.Pattern[str]
    media: re.Pattern[str]
    joiners: frozenset[str]
    credit_words: frozenset[str]


@cache
def furniture() -> Furniture:
    data = word_lists("reading.yaml")
    agency = "|".join(re.escape(a) for a in sorted(data["agencies"], key=len, reverse=True))
    credited = rf"(?i:\((?:{agency})\)|(?:{agency})\b)"
    return Furniture(
        dateline=re.compile(
            rf"^\W{{0,3}}(?P<place>{_PLACE}(?:,\s*{_PLACE})?)?(?P<date>,?\s*{_DATE})?"
            rf"\s*(?P<agency>{credited})?(?P<dash>{_DASH})"
        ),
        credit=re.compile(rf"^\W*(?:{_alternatives(data['credit_labels'])})\s*[:|]", re.I),
        byline=re.compile(rf"^\W*(?i:{_alternatives(data['byline_leads'])})\s+[A-Z]"),
        stamp=re.compile(rf"^\W*(?:{_alternatives(data['stamp_leads'])})\b\W*", re.I),
        agency_line=re.compile(rf"^\W*(?:{agency}|\(\s*(?:{agency})\s*\))\W*$", re.I),
        media=re.compile(rf"^\W*(?:{_alternatives(data['media_labels'])})\s*[:|]\s*", re.I),
        joiners=frozenset(w.lower() for w in data["byline_joiners"]),
        credit_words=frozenset(w.lower() for w in data["credit_words"]),
    )


def _alternatives(phrases: list[str]) -> str:
    return "|".join(
        r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)
    )


def is_furniture(text: str) -> bool:
    """Whether a whole sentence is page furniture rather than something an article says."""
    found = furniture()
    line = text.strip()
    if found.credit.match(line) or found.agency_line.match(line):
        return True
    if (label := found.media.match(line)) is not None:
        return _credit(line[label.end() :], found)
    if found.byline.match(line):
        return _names_only(line, found.joiners)
    if found.stamp.match(line):
        return bool(re.search(r"\d", line)) and len(_WORD.findall(line)) <= 14
    return _bare_dateline(line)


def label_length(text: str) -> int:
    """How many leading characters of a sentence are a media label before what it shows
    ("WATCH: Trump prays at ..." gives the length up to "Trump"); 0 where there is none."""
    label = furniture().media.match(text)
    return 0 if label is None else label.end()


def _credit(rest: str, found: Furniture) -> bool:
    """Whether what follows a media label credits it ("Jane Doe/AFP", "Getty Images",
    "Reuters") rather than telling what it shows: nothing, a slash or a credit's word, or a
    few names."""
    rest = _LINK.sub(" ", rest)
    words = _WORD.findall(rest)
    return (
        not words
        or "/" in rest
        or any(w.lower().strip(".") in found.credit_words for w in words)
        or (len(words) <= 5 and _all_names(words, found.joiners))
    )


def dateline_length(text: str) -> int:
    """How many leading characters of a sentence are a dateline or credit to strip: "SEOUL,
    Jan 31, 2023 (Reuters) - South Korea said ..." gives the length up to "South"."""
    match = furniture().dateline.match(text)
    if match is None or not text[match.end() :].strip():
        return 0
    place, agency = match.group("place") or "", match.group("agency")
    dash = match.group("dash").strip()
    if dash == ":" and not agency:
        return 0  # "Seoul: ..." might be a headline's topic, not a dateline
    shouting = bool(place) and place.split(",")[0].isupper() and len(place) >= 3
    if agency or match.group("date") or shouting:
        return match.end()
    return 0


def _names_only(line: str, joiners: frozenset[str]) -> bool:
    """A byline: capitalised names joined by a few small words, no sentence around them."""
    words = _WORD.findall(line)
    return len(words) <= 16 and _all_names(words[1:], joiners)


def _all_names(words: list[str], joiners: frozenset[str]) -> bool:
    """Whether every word but the small joining ones is capitalised ("Jane Doe for The
    Guardian")."""
    return all(w[:1].isupper() for w in words if w.lower() not in joiners)


def _bare_dateline(line: str) -> bool:
    """A place alone on its line ("Seoul, South Korea"), or with its agency ("... CNN —")."""
    closed = line if line.endswith(("—", "–", "-", ":")) else line + " —"
    match = furniture().dateline.fullmatch(closed)
    return (
        match is not None
        and bool(match.group("place"))
        and ("," in match.group("place") or bool(match.group("agency")))
    )
