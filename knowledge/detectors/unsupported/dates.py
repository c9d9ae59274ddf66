"""Dates: a date the article never gives, or gives only for another event, put in the retold
sentence's place."""

from __future__ import annotations

from knowledge.detectors.unsupported.additions import _loosely_retold
from knowledge.detectors.unsupported.text import _name_words, _near, _published, _stands_for
from knowledge.matching import SourceRecord
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import DateMention, PartialDate, days_told_apart, same_day_told
from knowledge.nlp.features import (
    Features,
)


def _date_like(value: PartialDate, features: Features) -> DateMention | None:
    """The matched statement's own date of the same precision (month and year, say)."""
    same = [
        d
        for d in features.calendar_dates
        if d.value is not None
        and (d.value.month is None) == (value.month is None)
        and (d.value.day is None) == (value.day is None)
    ]
    return same[0] if len(same) == 1 else None


def _date_retold_otherwise(features: Features, mention: DateMention, aligned: Features) -> bool:
    """Whether the article sentence the claim retells gives another date where the claim
    gives one that the article gives only elsewhere ("took office in June" beside "took
    office in July", in an article where inflation stayed at 2% in June); a date it gives
    in words of time ("this year") is given."""
    dates = aligned.calendar_dates
    if any(_said_alike_date(mention, d.value) for d in aligned.dates if d.value is not None):
        return False
    places = [(d.start, d.end) for d in dates]
    return bool(places) and _stands_for(features, (mention.start, mention.end), aligned, places)


def _said_alike_date(mention: DateMention, other: PartialDate) -> bool:
    """Whether a date the claim gives is `other`: one said without its year by its month and
    day (its year is a guess), any other as it agrees."""
    value = mention.value
    assert value is not None
    return value.same_month_and_day(other) if mention.yearless else value.agrees(other)


def _in_place_of_a_date(
    features: Features, mention: DateMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether the claim's date stands where the article gives a time, as
    `_in_place_of_a_figure` tells for a figure ("first lowered rates in April" beside "first
    lowered rates in June"; not "inflation fell in August" beside "its second cut this
    year")."""
    told = (mention.start, mention.end)
    return _stands_for(features, told, aligned, [(d.start, d.end) for d in aligned.dates]) or any(
        _stands_for(features, told, f, [(d.start, d.end) for d in f.dates], 1, nearest=True)
        for f in record.features
        if _of_the_claims_names(features, f)
    )


def _of_the_claims_names(features: Features, sentence: Features) -> bool:
    """Whether a sentence of the article may tell of whom the claim tells: it names one of
    the claim's names, or the claim names no one ("Arvid Helland ... died in 2009" is not
    told in place of "Alnes married Kjell Alnes ...; he died in 2011")."""
    mine = _name_words(features)
    return not mine or bool(mine & _name_words(sentence))


def _years_counted_back(record: SourceRecord) -> frozenset[int]:
    """The years the article's spans of years count back to from its own date ("the first
    time in 17 years", in 2024: 2007, or 2006)."""
    published = _published(record)
    if published is None:
        return frozenset()
    spans = {
        int(n.value)
        for f in record.features
        for n in f.numbers
        if n.unit == "year" and n.value.is_integer() and 0 < n.value < 200
    }
    return frozenset(published.year - s - back for s in spans for back in (0, 1))


def _new_date(
    claim: Claim,
    record: SourceRecord,
    known: frozenset[str],
    nearest: Features,
    aligned: Features,
) -> str | None:
    """A date the source article never gives, where the article sentence the claim retells
    (`aligned`) gives another; named against the matched statement's own date of the same
    precision when it has one."""
    counted = _years_counted_back(record)
    for mention in claim.features.calendar_dates:
        value = mention.value
        assert value is not None
        if value.year in counted:  # "since 2007" for "the first time in 17 years", in 2024
            continue
        given = any(_said_alike_date(mention, d) for d in record.dates) or (
            not mention.yearless and str(value.year) in known
        )
        if given and not _date_retold_otherwise(claim.features, mention, aligned):
            continue
        if _in_place_of_a_date(claim.features, mention, aligned, record):
            recorded = _date_like(value, nearest)
            if recorded is not None:
                return f"Says {mention.text} where the record has {recorded.text}."
            if _loosely_retold(claim.features, aligned):
                continue  # a date the article never gives, in a claim telling of more
            return f"The source article never gives the date {mention.text}."
    return None


_AROUND = 3  # content words on each side of a day that tell which event it dates
_SAME_PLACE = 2  # of them, those a day of the article must share to stand in its place


def _day_of_another(claim: Claim, aligned: Features) -> str | None:
    """A day (a weekday, a date) the claim gives where the article sentence it retells gives
    another day of the same kind among the same words, while that sentence gives the claim's
    day, if at all, among none of them ("took the overall lead on Monday after race leader
    Lorenzo Bassani crashed" beside "took the overall lead on Tuesday after race leader Lorenzo
    Bassani crashed ..., after Monday's rest day"): the claim dates its event with another's
    day."""
    for mention in claim.features.dates:
        if mention.kind not in ("weekday", "date") or mention.value is None:
            continue
        mine = _around(claim.features, mention)
        alike = [d for d in aligned.dates if same_day_told(mention, d)]
        if any(_around(aligned, d) & mine for d in alike):
            continue
        for other in aligned.dates:
            if (
                days_told_apart(mention, other)
                and len(_around(aligned, other) & mine) >= _SAME_PLACE
            ):
                told, recorded = _day(mention.text), _day(other.text)
                return f"Says {told} where the source article has {recorded}."
    return None


def _around(features: Features, mention: DateMention) -> frozenset[str]:
    """The nearest content words on each side of a day, within its clause."""
    return _near(features, (mention.start, mention.end), _AROUND, nearest=True)


def _day(text: str) -> str:
    """A day as a message names it, without the preposition a mention may keep ("on ")."""
    first, _, rest = text.partition(" ")
    return rest if first.lower() in ("on", "in", "at") and rest else text
