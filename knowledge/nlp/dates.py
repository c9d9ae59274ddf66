"""Finding date, weekday and relative-time expressions in text and resolving them to dates."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from knowledge.errors import InvalidDate

_MONTH_NAMES = (  # each month's full name, then its short forms
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_MONTHS = tuple(names[0] for names in _MONTH_NAMES)
# a month's name where a full stop after it may end the sentence: only a short form takes one
_MONTH_WORD = (
    r"(?P<month>"
    + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(set(MONTHS) - set(_FULL_MONTHS), key=len, reverse=True))
    + r")\.?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# after a month's name a year of earlier centuries is a year too ("20 February 1894")
_DATED_YEAR = r"(?P<year>(?:1[0-9]|20)\d\d)"
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
# The prepositions a year alone is found with ("in 2020", "by 2022"), kept in its mention.
_YEAR_PREPOSITIONS = "in|since|until|by|from|during|of"
_KEPT_PREPOSITION = re.compile(rf"({_YEAR_PREPOSITIONS})\s+", re.IGNORECASE)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "iso",
            r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:[ T]\d\d:\d\d(?::\d\d)?)?",
        ),
        ("mdy", rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_DATED_YEAR})?\b"),
        ("dmy", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_DATED_YEAR})?\b"),
        ("my", rf"\b{_MONTH}(?:\s+of)?,?\s+{_DATED_YEAR}\b"),
        ("y", rf"\b(?:{_YEAR_PREPOSITIONS})\s+{_YEAR}\b"),
        # a month said alone after a preposition ("in October", "by March"): its year is the
        # reference date's guess, as for a day said without its year
        ("m", rf"\b(?:in|since|until|by|from|during)\s+{_MONTH_WORD}(?![a-z])(?!\s*\d)"),
        (
            "weekday",
            r"\b(?P<rel>last|next|this|on|past)?\s*"
            r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        ),
        (
            "ago",
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
            r"\s+(?P<unit>day|week|month|year)s?\s+ago\b(?P<today>\s+today\b)?",
        ),
        ("relday", r"\b(?P<word>today|yesterday|tomorrow|tonight)\b"),
        ("relunit", r"\b(?P<rel>last|next|this|past)\s+(?P<unit>week|month|year)\b"),
        # "last February": the latest February before the reference month
        ("relmonth", rf"\b(?P<rel>last|next)\s+{_MONTH_WORD}(?![a-z])(?!\s*\d)"),
    )
)
_SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> PartialDate | None:
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        return cls(*parts)

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    def as_date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.month and self.day else None

    @property
    def precision(self) -> int:
        """How precisely it is known: 0 to the year, 1 to the month, 2 to the day."""
        return (self.month is not None) + (self.day is not None)

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return date(self.year, month, monthrange(self.year, month)[1])

    def agrees(self, other: PartialDate) -> bool:
        """True when both could be the same day (compared at the coarser precision)."""
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day

    def same_month_and_day(self, other: PartialDate) -> bool:
        """For a date said without its year ("in October", "on March 7", its year a guess):
        whether `other` has its month, and its day where it gives one."""
        return self.month == other.month and self.day in (None, other.day)

    def human(self) -> str:
        exact = self.as_date()
        if exact:
            return f"{WEEKDAY_NAMES[exact.weekday()]} {exact.day} {exact:%B %Y}"
        if self.month:
            return f"{date(self.year, self.month, 1):%B %Y}"
        return str(self.year)


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
_SHOWN = 40  # characters of a bad value quoted in the message


def iso_date(value: object, *, field: str = "date", full: bool = False) -> str | None:
    """`value` as an ISO date: "2014", "2014-03" or "2014-03-07" (with `full`, only the
    last); a `date` (or datetime) gives its day; None or "" give None.

    The one normaliser of dates for seeds, imports and single adds. Raises InvalidDate naming
    `field` and saying what is wrong.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = _ISO_DATE.fullmatch(text) if not isinstance(value, bool) else None
    if match is None:
        shown = str(value)[:_SHOWN]
        partial = "" if full else " (or 2023-01, 2023)"
        raise InvalidDate(field, shown, f"is not a date like 2023-01-30{partial}")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        date(year or 0, month or 1, day or 1)
    except ValueError as error:
        raise InvalidDate(field, text, f"is not a calendar date: {error}") from None
    if full and day is None:
        raise InvalidDate(field, text, "must be a full date like 2022-02-24")
    return text


def full_date(value: object, *, field: str = "date") -> date:
    """A full date given as text or a `date` (see `iso_date`); no value is an error too."""
    iso = iso_date(value, field=field, full=True)
    if iso is None:
        raise InvalidDate(field, "", "is not a date like 2023-01-30")
    return date.fromisoformat(iso)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression found in text, with what it resolves to against a reference date."""

    start: int
    end: int
    text: str
    kind: str  # "date" | "weekday" | "relative"
    value: PartialDate | None
    weekday: int | None = None  # 0 = Monday, for weekday mentions

    @property
    def preposition(self) -> str:
        """The preposition a year said alone keeps in its mention ("by" for "by 2022"), lower
        case; "" for none."""
        found = _KEPT_PREPOSITION.match(self.text)
        return found.group(1).lower() if found else ""

    @property
    def since(self) -> bool:
        """Given as "since <year>" (the year patterns keep their preposition): when a state
        began, which may go on, not the day of an event."""
        return self.preposition == "since"

    @property
    def yearless(self) -> bool:
        """A calendar day or month said without its year ("on March 7"): the year it resolves
        to is only the reference date's guess."""
        return (
            self.kind == "date"
            and _YEAR_IN.search(self.text) is None
            and _YEAR_AFTER.search(self.text) is None
        )


# a year told relative to the reference date right after a day or month said without one
_YEAR_AFTER = re.compile(r",?\s+(?P<rel>next|last|this)\s+year\b", re.IGNORECASE)
_STEPS = {"last": -1, "past": -1, "next": 1, "this": 0}  # "last week", "next year"


def same_day_told(first: DateMention, second: DateMention) -> bool:
    """Whether two mentions may tell one day: two weekdays of one name, or two dates whose
    values agree (a weekday's date is worked out from the tense, which may err: "Monday"
    told of what comes and of what was is one day as written)."""
    if first.kind == "weekday" and second.kind == "weekday":
        return first.weekday == second.weekday
    return first.value is not None and second.value is not None and first.value.agrees(second.value)


def days_told_apart(first: DateMention, second: DateMention) -> bool:
    """Whether two mentions tell two different days as written: two weekdays by name, two
    calendar days by their values (a weekday beside a calendar day is not told apart)."""
    if first.kind == "weekday" and second.kind == "weekday":
        return first.weekday != second.weekday
    if first.kind != "date" or second.kind != "date":
        return False
    one, other = first.value, second.value
    return (
        one is not None
        and other is not None
        and one.day is not None
        and other.day is not None
        and not one.agrees(other)
    )


def find_dates(text: str, reference: date | None = None) -> list[DateMention]:
    """All time expressions in `text`, longest first where they overlap, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            mention = _mention(kind, match, reference)
            if mention is not None:
                found.append(mention)
                taken.append((start, max(end, mention.end)))
    return _weekdays_dated(text, sorted(found, key=lambda m: m.start))


def _weekdays_dated(text: str, found: list[DateMention]) -> list[DateMention]:
    """A weekday said beside the date it falls on ("until Sunday, 18 October") is that date,
    whichever way the weekday alone would point; one beside a date it does not fall on keeps
    its own reading (the two disagree, which a check reports)."""
    dated = list(found)
    for i, weekday in enumerate(found):
        day = weekday_date(text, found, weekday)
        exact = day.value.as_date() if day is not None and day.value is not None else None
        if exact is not None and exact.weekday() == weekday.weekday:
            dated[i] = replace(weekday, value=day.value)  # type: ignore[union-attr]
    return dated


def weekday_date(
    text: str, found: Sequence[DateMention], weekday: DateMention
) -> DateMention | None:
    """The date a weekday is said beside, if any: right after it ("Sunday, 18 October") or
    right before it ("18 October, a Sunday")."""
    if weekday.kind != "weekday":
        return None
    for day in found:
        if day.kind != "date":
            continue
        if day.start >= weekday.end and _WEEKDAY_THEN_DATE.fullmatch(text[weekday.end : day.start]):
            return day
        if day.end <= weekday.start and _DATE_THEN_WEEKDAY.fullmatch(text[day.end : weekday.start]):
            return day
    return None


_WEEKDAY_THEN_DATE = re.compile(r",?\s*(?:the\s+)?")
_DATE_THEN_WEEKDAY = re.compile(r",\s*(?:a|which\s+was\s+a)\s+")


def _mention(kind: str, match: re.Match[str], reference: date | None) -> DateMention | None:
    groups = match.groupdict()
    text = match.group(0).strip()
    start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    if kind == "m" and not (groups.get("month") or "")[:1].isupper():
        return None  # "in may", "by march": not a month's name
    if kind in ("iso", "mdy", "dmy", "my", "y", "m"):
        value = _calendar(groups, reference)
        if value is None:
            return None
        end = match.end()
        year = _YEAR_AFTER.match(match.string, end) if not groups.get("year") else None
        if year is not None and reference is not None:  # "on 14 March next year"
            value = PartialDate(
                reference.year + _STEPS[year["rel"].lower()], value.month, value.day
            )
            end = year.end()
            text = match.string[start:end]
        return DateMention(start, end, text, "date", value)
    if kind == "weekday":
        weekday = WEEKDAYS[groups["weekday"].lower()]
        value = _resolve_weekday(weekday, (groups.get("rel") or "").lower(), reference)
        return DateMention(start, match.end(), text, "weekday", value, weekday)
    value = _resolve_relative(kind, groups, reference)
    return DateMention(start, match.end(), text, "relative", value)


def _calendar(groups: dict[str, str | None], reference: date | None) -> PartialDate | None:
    month_text = groups.get("month")
    month = None
    if month_text:
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    day_text = groups.get("day")
    day = int(day_text) if day_text else None
    year_text = groups.get("year")
    if year_text:
        year = int(year_text)
    elif reference is not None:
        year = reference.year
    else:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


def _resolve_weekday(weekday: int, rel: str, reference: date | None) -> PartialDate | None:
    if reference is None:
        return None
    back = (reference.weekday() - weekday) % 7
    if rel == "next":
        ahead = (weekday - reference.weekday()) % 7 or 7
        return PartialDate.of(reference + timedelta(days=ahead))
    if rel == "last" and back == 0:
        back = 7
    return PartialDate.of(reference - timedelta(days=back))


def _resolve_relative(
    kind: str, groups: dict[str, str | None], reference: date | None
) -> PartialDate | None:
    if reference is None:
        return None
    if kind == "relday":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[
            (groups["word"] or "").lower()
        ]
        return PartialDate.of(reference + timedelta(days=shift))
    unit = (groups.get("unit") or "").lower()
    if kind == "ago":
        raw = (groups.get("n") or "1").lower()
        n = int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]
        if groups.get("today"):  # "a year ago today": this very day, that many units back
            return _same_day(reference, unit, -n)
        return _shift(reference, unit, -n)
    rel = (groups.get("rel") or "").lower()
    if kind == "relmonth":
        month = MONTHS[(groups.get("month") or "").lower().rstrip(".")]
        if rel == "last":
            return PartialDate(reference.year - (month >= reference.month), month)
        return PartialDate(reference.year + (month <= reference.month), month)
    step = _STEPS[rel]
    return _shift(reference, unit, step)


def _same_day(reference: date, unit: str, n: int) -> PartialDate:
    """The reference's day `n` units away, to the day ("a year ago today")."""
    shifted = _shift(reference, unit, n)
    if shifted.day is not None:
        return shifted
    month = shifted.month or reference.month
    last = monthrange(shifted.year, month)[1]
    return PartialDate(shifted.year, month, min(reference.day, last))


def _shift(reference: date, unit: str, n: int) -> PartialDate:
    if unit == "day":
        return PartialDate.of(reference + timedelta(days=n))
    if unit == "week":
        return PartialDate.of(reference + timedelta(weeks=n))
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + n
        return PartialDate(index // 12, index % 12 + 1)
    return PartialDate(reference.year + n)


# What may stand before a dateline's date: a place ("BRUSSELS, "), a label ("Published:",
# "Updated on"), a weekday; and after it: a time, an agency ("(Reuters)"), then a dash, a
# bar or the end of the line. "The agreement was signed on 12 February 2015." is no dateline.
_BEFORE_DATELINE = re.compile(
    r"^\W{0,3}(?:[A-Z][A-Za-z .'-]{1,40},\s*)?"
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|date[d]?)\b\s*:?\s*(?:on\s+)?)?"
    r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?$",
    re.IGNORECASE,
)
_AFTER_DATELINE = re.compile(
    r"^,?\s*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\b"
    r"|(?:\([^)]{1,30}\))?\s*(?:[-–—|·/]|$))",
    re.IGNORECASE,
)
_TIME = re.compile(r"\d\d:\d\d")  # a time stamp kept in the date ("2023-01-30 01:40:02")


def find_dateline(text: str, *, window: int = 400) -> date | None:
    """The date an article speaks from, when one of its opening lines is a dateline: a day,
    alone or after a place or a label, before a time stamp, a dash or the line's end
    ("BRUSSELS, 12 March 2025 – ...", "Published: 30 January 2023", "2023-01-30 01:40:02
    <title>"); else None."""
    head = text[:window]
    for line in head.splitlines()[:6]:
        line = line.strip()
        if not line:
            continue
        for mention in find_dates(line):
            if mention.kind != "date" or mention.value is None:
                continue
            exact = mention.value.as_date()
            if (
                exact is not None
                and _BEFORE_DATELINE.match(line[: mention.start])
                and (_TIME.search(mention.text) or _AFTER_DATELINE.match(line[mention.end :]))
            ):
                return exact
    return None
