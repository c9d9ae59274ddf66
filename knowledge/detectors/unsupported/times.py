"""Times of day and spans of time told otherwise than the article tells them ("lifted off at
9:42 p.m." beside "9:24 p.m."; "an hour later" beside "34 minutes later")."""

from __future__ import annotations

import re

from text_to_num import text2num

from knowledge.checking.align import (
    SPAN_DAYS,
    clock_times,
)
from knowledge.detectors.unsupported.text import _WORDS
from knowledge.matching import SourceRecord
from knowledge.nlp.bounds import bound_holds

# A span of time told with its measure: "every ten minutes", "34 minutes later", "an hour".
_TIME_SPAN = re.compile(
    r"(?:\b(?P<before>every|each|per|within|for|after)\s+)?"
    r"(?P<bound>(?:less than|more than|fewer than|under|over|nearly|almost|about|around)\s+)?"
    r"(?:(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|"
    r"forty|fifty|sixty|few|several|[\d.,]*\d)[\s-]+)?"
    r"(?P<unit>minute|hour|day|week|month|year|decade)s?\b(?P<half>\s+and\s+a\s+half\b)?"
    r"(?:\s+(?P<after>later|earlier|after|before|ago))?"
)
# how a bound before a span ("less than an hour") holds of another length, within a tenth
# for an estimate ("about an hour": 50 to 66 minutes)
_SPAN_BOUNDS = {"less than": "<", "fewer than": "<", "under": "<", "more than": ">", "over": ">"}


def _new_clock_time(text: str, record: SourceRecord) -> str | None:
    """A time of day the article never gives, told after the words that lead to one it gives
    ("lifted off at 9:42 p.m." beside "lifted off at 9:24 p.m.")."""
    theirs = [(t, f.text) for f in record.features for t in clock_times(f.text)]
    given = {t.value for t, _ in theirs}
    for time in clock_times(text):
        lead = _lead_words(text, time.start)
        if time.value in given or not lead:
            continue
        other = next((t for t, said in theirs if _lead_words(said, t.start) == lead), None)
        if other is not None:
            said, recorded = time.text.strip(), other.text.strip()
            return f"Says “{said}” where the source article has “{recorded}”."
    return None


def _lead_words(text: str, start: int) -> tuple[str, ...]:
    """The two words before a position, lower case ("off at" in "lifted off at 9 p.m.")."""
    return tuple(_WORDS.findall(text[max(0, start - 40) : start].lower())[-2:])


def _same_length(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether two spans of time are as long in their two measures ("two decades", "20
    years"; "an hour", "60 minutes"), within a tenth, or the first is a bound the second's
    length meets ("less than an hour" beside "50 minutes")."""
    x, y = _span_days(a), _span_days(b)
    if x is None or y is None:
        return False
    bound = (a["bound"] or "").strip()
    if bound in _SPAN_BOUNDS:
        return bound_holds(_SPAN_BOUNDS[bound], x, y)
    if bound:  # "nearly", "about": an estimate, near the other length
        return abs(x - y) <= 0.2 * max(x, y)
    return abs(x - y) <= 0.1 * max(x, y)


def _span_days(span: re.Match[str]) -> float | None:
    count = span["count"]
    if count is None or count in ("a", "an", "one"):
        amount = 1.0  # "every hour", "an hour"
    else:
        try:
            amount = float(count.replace(",", "")) if count[0].isdigit() else text2num(count, "en")
        except (ValueError, IndexError):
            return None
    return (float(amount) + (0.5 if span["half"] else 0.0)) * SPAN_DAYS[span["unit"]]


def _time_retold_otherwise(text: str, retold: str) -> str | None:
    """A span of time given in another measure than the retold sentence gives it in the same
    place: after the same word ("every hour" beside "every ten minutes") or before it ("an
    hour later" beside "34 minutes later")."""
    theirs = [m for m in _TIME_SPAN.finditer(retold.lower()) if m["before"] or m["after"]]
    spans = list(_TIME_SPAN.finditer(text.lower()))
    for mine in spans:
        for other in theirs:
            if any(_same_length(told, other) for told in spans if told["bound"] is None):
                continue  # "a 17-year veteran ... questioned for six hours" tells both
            same_place = (mine["before"] and mine["before"] == other["before"]) or (
                mine["after"] and mine["after"] == other["after"]
            )
            if same_place and mine["unit"] != other["unit"] and not _same_length(mine, other):
                said, recorded = mine.group(0), other.group(0)
                return f"Says “{said}” where the source article says “{recorded}”."
    return None
