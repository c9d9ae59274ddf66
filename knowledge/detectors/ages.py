"""Age detector: the age a claim tells of someone ("Mark Rutte, 62, said") against the birth
date a statement gives that person ("Mark Rutte (born 14 February 1967)"), by arithmetic on
the reference date.

Where the reference date is the article's own (its dateline, or one given), an age it
cannot have had on that day, or in the month before it (an article is written before it is
dated), is told otherwise. Where the date is only the day the text reached us, the article
may be older and the person younger in it: only an age older than the person is today is
told otherwise. A claim that dates what it tells to another time ("In 2010, Rutte, 43,
became prime minister") tells the age of then, and is left alone.
"""

from __future__ import annotations

from datetime import date, timedelta

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind, Verdict
from knowledge.nlp.ages import AgeMention, Birth, ages_on, told_ages
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import PartialDate

_WRITTEN_BEFORE = timedelta(days=31)  # an article may be written this long before its date


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    if claim.features.negated or _told_of_another_time(claim, context.reference_date):
        return []
    findings = []
    for told in told_ages(claim.features):
        known = context.births.get(told.person.id)
        if known is None:
            continue
        statement, birth = known
        day = context.reference_date
        now = ages_on(birth.born, day)
        earliest = ages_on(birth.born, day - _WRITTEN_BEFORE).start if context.dated else 0
        if earliest <= told.age < now.stop:
            continue
        findings.append(
            Finding(
                FindingKind.AGE,
                _message(told, birth, now, day, dated=context.dated),
                (Evidence.of(statement),),
                Verdict.CONTRADICTED,
            )
        )
    return findings


def _told_of_another_time(claim: Claim, reference: date) -> bool:
    """Whether the claim gives a time more than a month from the reference date ("in 2010",
    "two years ago"): an age it tells may be the one of then."""
    return any(d.value is not None and not _near(d.value, reference) for d in claim.features.dates)


def _near(value: PartialDate, day: date) -> bool:
    """Whether a date (perhaps only a year or a month) may be within a month of `day`."""
    return value.first_day() - _WRITTEN_BEFORE <= day <= value.last_day() + _WRITTEN_BEFORE


def _message(told: AgeMention, birth: Birth, now: range, day: date, *, dated: bool) -> str:
    name, written = told.person.text, birth.text
    if written.split()[0].lower() not in ("in", "on"):
        written = f"{'on' if birth.born.day else 'in'} {written}"
    ages = " or ".join(str(a) for a in now)
    when = f"{day:%-d %B %Y}" if dated else f"{day:%-d %B %Y}, the day of this check"
    return f"Says {name} is {told.age}, but {name} was born {written}: {ages} on {when}."
