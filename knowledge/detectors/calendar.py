"""Calendar detector: a weekday said beside a date it does not fall on ("on Sunday, 4 April
2023", a Tuesday). The calendar is the evidence, so no statement is needed.

Only a weekday written right beside its date counts ("Sunday, 4 April", "4 April, a Sunday");
a date said without its year counts only in a text of known date and within a month of it,
as news writes the weekday of a day near its own ("on Friday, Jan. 9" in a text of 20
December is next January's).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from knowledge.matching import CheckContext, Match
from knowledge.model import Finding, FindingKind, Verdict
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import WEEKDAY_NAMES, DateMention, weekday_date

_NEAR = timedelta(days=31)  # how far from a text's day a date without its year is judged
_LEADING_WORD = re.compile(r"^(?:on|last|next|this|past)\s+", re.IGNORECASE)


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    features = claim.features
    found = []
    for weekday in features.dates:
        day = weekday_date(features.text, features.dates, weekday)
        if day is None or weekday.weekday is None:
            continue
        falls_on = _falls_on(day, context.reference_date, dated=context.dated)
        if not falls_on or weekday.weekday in {d.weekday() for d in falls_on}:
            continue
        start, end = min(weekday.start, day.start), max(weekday.end, day.end)
        said = _LEADING_WORD.sub("", features.text[start:end])
        actual = min(falls_on, key=lambda d: abs(d - context.reference_date))
        tense = "was" if actual <= context.reference_date else "is"
        message = (
            f"Says “{said}”, but {actual.day} {actual:%B %Y} {tense} a "
            f"{WEEKDAY_NAMES[actual.weekday()]}, not a {WEEKDAY_NAMES[weekday.weekday]}."
        )
        found.append(Finding(FindingKind.CALENDAR, message, (), Verdict.CONTRADICTED))
    return found[:1]


def _falls_on(mention: DateMention, reference: date, *, dated: bool) -> list[date]:
    """The days a date mention can be: one for a full date; for a day and month said without
    a year, that day within a month of the reference, where the reference is the article's
    own day (else the year is anyone's guess, and a day further off may be of another year
    the text has in mind); none when the mention is not a day."""
    value = mention.value
    if value is None or value.month is None or value.day is None:
        return []
    if not mention.yearless:
        exact = value.as_date()
        return [exact] if exact is not None else []
    if not dated:
        return []
    days = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            day = date(year, value.month, value.day)
        except ValueError:  # 29 February
            continue
        if abs(day - reference) <= _NEAR:
            days.append(day)
    return days
