"""Life detector: a birth or death told on another date or at another place than the one the
knowledge base gives that person ("Natasha Lyonne was born in 1995" beside "Natasha Bianca
Lyonne Braunstein (born April 4, 1979), better known as Natasha Lyonne, is an American
actress"; "Max Verstappen was born in Belgium" beside "... born on 30 September 1997 in
Reuver, Netherlands").

Someone is born once and dies once, so the record's date or place stands against any other,
whatever else either sentence tells: the statement may describe the person at length, and
the claim may go on to other things ("Jens Stoltenberg, born in Bergen in 1959, said ...").
Both sides are read by `nlp.lives` (the words right after the name, or a sentence opening
with "Born in ..."). The person must be the claim's: a name the knowledge base knows as a
person, or one of two to four capitalised words, given by the record or within a name it
gives. A date is wrong only where no record of that person's event agrees with it at the
claim's precision ("in 1979" agrees with "4 April 1979"); a place only where it is apart
from every place the record gives (`nlp.places.apart`).
"""

from __future__ import annotations

import re

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import DateMention
from knowledge.nlp.features import person_like
from knowledge.nlp.lives import BIRTH, LifeEvent, life_events
from knowledge.nlp.places import apart


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    features = claim.features
    if features.negated:
        return []
    findings: list[Finding] = []
    for told in life_events(features):
        if not person_like(told.person, context.label(told.person)):
            continue
        if not claim.asserts(told.person.start, told.end):
            continue  # "Critics say Stoltenberg was born in Bergen"; not "Stoltenberg, born
            # in Bergen, will speak": a birth told beside a name is put as fact
        known = context.lives.get((told.person.id, told.event), ())
        dated = [  # a record's day without its year gives no year to compare ("born 4 April")
            (s, e)
            for s, e in known
            if e.date is not None and e.date.value is not None and _YEAR.search(e.date.text)
        ]
        if told.date is not None and dated and not any(_agrees(told.date, e) for _, e in dated):
            statement, record = dated[0]
            assert record.date is not None and record.date.value is not None
            problem = (
                f"Says “{told.date.text}”, but the record gives {told.person.text}'s "
                f"{_word(told)} as {record.date.value.human()}."
            )
            findings.append(Finding(FindingKind.LIFE, problem, (Evidence.of(statement),)))
        placed = [(s, e) for s, e in known if e.place]
        if told.place and placed and all(apart(told.place, e.place) for _, e in placed):
            statement, record = placed[0]
            problem = (
                f"Says “{told.place_text.rstrip('.')}”, but the record gives {told.person.text}'s "
                f"{_word(told)} in {record.place_text.rstrip('.')}."
            )
            findings.append(Finding(FindingKind.LIFE, problem, (Evidence.of(statement),)))
    return findings


_YEAR = re.compile(r"\d{3,4}")  # a year as written ("1866", "April 14, 1866")


def _agrees(told: DateMention, record: LifeEvent) -> bool:
    """Whether the record's date may be the one told: the same at the coarser precision of
    the two, or, for a day or month told without its year, the same month and day."""
    assert told.value is not None and record.date is not None and record.date.value is not None
    if not _YEAR.search(told.text):  # "in May": any May
        recorded = record.date.value
        return recorded.month is None or told.value.same_month_and_day(recorded)
    return told.value.agrees(record.date.value)


def _word(event: LifeEvent) -> str:
    return "birth" if event.event == BIRTH else "death"
