"""Ages and birth dates: the age a sentence tells of someone it names ("Mark Rutte, 57,
said", "the 57-year-old Rutte", "Rutte turns 57 today"), and the birth date a statement
gives someone ("Mark Rutte (born 14 February 1967)", "Rutte was born on 14 February 1967").
The age detector compares the two by arithmetic."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.nlp.dates import DateMention, PartialDate
from knowledge.nlp.features import Features, Mention

OLDEST = 120

# An age right after a name: "Mark Rutte, 57, said", "Rutte (57)", "Rutte, aged 57,",
# "Rutte, who is 57,".
_AGE_AFTER = re.compile(
    r"\s*(?:,\s*(?:aged\s+)?(?P<a>\d{1,3})\s*,"
    r"|\(\s*(?:aged\s+)?(?P<b>\d{1,3})\s*\)"
    r"|,\s*who\s+is\s+(?P<c>\d{1,3})(?:\s+years?\s+old)?\s*[,.;])",
    re.I,
)
# An age told by the verb after a name, perhaps after a phrase set off by commas: "Mark
# Rutte turns 57 today", "Rutte, the outgoing Dutch prime minister, turned 57 on Friday",
# "Rutte is 57". Not "was 57" (of another time) nor a figure of something else ("turned 57
# pages", "is 57th").
_AGE_VERB = re.compile(
    r"(?:\s*,[^,;()]{1,80},)?\s+(?:turns|turned|is\s+now|is)\s+(?P<age>\d{1,3})"
    r"(?:\s+years?\s+old)?(?=\s*(?:[,.;!?]|$|today|on\b|this\b|yesterday|last\b))",
    re.I,
)
# An age right before a name, perhaps with a title in capitals or "former" between: "the
# 57-year-old Rutte", "57-year-old Dutch Prime Minister Mark Rutte". A word in lower case
# ends it ("a 30-year-old man attacked Mark Rutte" tells nobody's age but the man's).
_AGE_BEFORE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:(?:[A-Z][\w.'-]*|former)\s+){0,4}$")
# Words right after a name that lead to its birth date: "Mark Rutte (born 14 February
# 1967)", "Rutte, born on ...", "Rutte was born in 1967".
_BORN = re.compile(r"\s*(?:\(\s*(?:born|b\.)|,\s*born|,?\s*(?:who\s+)?was\s+born)\s+", re.I)
_DIED = re.compile(r"\s*(?:[–—-]|to\b|and\s+died)", re.I)  # "(born 1900 – died 1980)"


@dataclass(frozen=True, slots=True)
class AgeMention:
    """An age a sentence tells of someone it names."""

    person: Mention
    age: int


@dataclass(frozen=True, slots=True)
class Birth:
    """The birth date a sentence gives someone it names, as written (`text`)."""

    person: Mention
    born: PartialDate
    text: str


def told_ages(features: Features) -> list[AgeMention]:
    """The ages the sentence tells of the people it names."""
    text = features.text
    found = []
    for mention in features.entities:
        after = _AGE_AFTER.match(text, mention.end)
        before = _AGE_BEFORE.search(text, 0, mention.start)
        verb = _AGE_VERB.match(text, mention.end)
        told = (
            after
            and (after["a"] or after["b"] or after["c"])
            or before
            and before["age"]
            or verb
            and verb["age"]
        )
        if told and 0 < int(told) <= OLDEST:
            found.append(AgeMention(mention, int(told)))
    return found


def births(features: Features) -> list[Birth]:
    """The birth dates the sentence gives the people it names (not one given with a death,
    "(14 May 1900 – 3 June 1980)": an age told of the dead is told of another time)."""
    text = features.text
    found = []
    for mention in features.entities:
        lead = _BORN.match(text, mention.end)
        if lead is None:
            continue
        date_ = _date_at(features.dates, lead.end())
        if date_ is None or date_.value is None or _DIED.match(text, date_.end):
            continue
        found.append(Birth(mention, date_.value, date_.text))
    return found


def _date_at(dates: tuple[DateMention, ...], start: int) -> DateMention | None:
    """The calendar date that starts at `start` (or after its "on" or "in")."""
    return next((d for d in dates if d.kind == "date" and start <= d.start <= start + 3), None)


def ages_on(born: PartialDate, day: date) -> range:
    """The ages someone born on `born` (perhaps only its year or month) may have on `day`."""
    years = day.year - born.year
    if born.month is None:
        return range(years - 1, years + 1)
    if (day.month, day.day) < (born.month, born.day or 1):
        return range(years - 1, years)
    if born.day is None and day.month == born.month:
        return range(years - 1, years + 1)
    return range(years, years + 1)
