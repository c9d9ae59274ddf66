"""When a statement's own words date it: the day of the one event it tells ("Finland joined
NATO on 4 April 2023"), or the days a state it tells began and ended ("has been NATO
Secretary General since 1 October 2024", "was ... from 1 October 2014 to 1 October 2024").

Only full calendar days count (a month or a year may be the period of many events), and a
sentence whose days say something else (a range, "as of", "before", two events) is left
undated: a wrong date on a record would make the timeline accuse true sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.nlp.dates import DateMention

# The word right before a day, and which end of a state it gives.
_BEGINS = frozenset({"since", "from", "starting", "effective"})
_ENDS = frozenset({"until", "till", "through", "to"})
# A day these words introduce is neither an event's nor a state's bound that we can keep.
_OTHER = frozenset({"as of", "by", "before", "after", "between", "and", "or", "around", "about"})
_WORDS_BEFORE = re.compile(r"([a-z]+(?:\s+of)?)\s*,?\s*$")
_RANGE_BEFORE = re.compile(r"\d\s*[-–—]\s*$")  # "24-25 June 2025": a range's last day


@dataclass(frozen=True, slots=True)
class Dating:
    """The ISO days a statement's words give: its event's, or its state's bounds."""

    event_date: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None

    @property
    def dated(self) -> bool:
        return any((self.event_date, self.valid_from, self.valid_until))


def dating(text: str, mentions: list[DateMention] | tuple[DateMention, ...]) -> Dating:
    """The days `text` gives for what it tells, from its date `mentions` (those resolved to a
    full day): one unbounded day is its event's; "since", "from", "until" days bound a state.
    Undated (all None) when its days could be read otherwise."""
    days = [m for m in mentions if m.value is not None and m.value.day]
    begins: list[str] = []
    ends: list[str] = []
    events: list[str] = []
    for mention in days:
        assert mention.value is not None
        before = text[: mention.start].lower()
        if _RANGE_BEFORE.search(before):
            return Dating()
        found = _WORDS_BEFORE.search(before)
        word = found.group(1) if found else ""
        last = word.split()[-1] if word else ""
        if word in _OTHER or last in _OTHER:
            return Dating()
        if last in _BEGINS:
            begins.append(mention.value.iso())
        elif last in _ENDS:
            ends.append(mention.value.iso())
        else:
            events.append(mention.value.iso())
    if begins or ends:
        if events or len(set(begins)) > 1 or len(set(ends)) > 1:
            return Dating()
        return Dating(
            valid_from=begins[0] if begins else None, valid_until=ends[0] if ends else None
        )
    if len(set(events)) == 1:
        return Dating(event_date=events[0])
    return Dating()
