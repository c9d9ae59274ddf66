"""Births and deaths a sentence tells of someone it names, with the date and place it gives
them: "Jens Stoltenberg (born 16 March 1959 in Oslo)", "Rutte was born on 14 February 1967
in The Hague", "Christopher Kyle (April 8, 1974 – February 2, 2013)", "Kyle died on February
2, 2013", "Born in Oslo in 1959, Stoltenberg ...". A person is born once and dies once, so
what a record gives of either stands against any other date or place told for it.

Each birth or death is read only where its words are written right after the name (or open
the sentence right before it): "Stoltenberg's brother was born in Bergen" tells nobody's
birth that this reads. Other names the sentence gives the same person right after ("...,
better known as Vic Mensa", "known professionally as Eric Bana") are kept with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.nlp.dates import DateMention
from knowledge.nlp.features import Features, Mention
from knowledge.nlp.places import known, place_key

BIRTH = "birth"
DEATH = "death"

# Right after a name, the words that lead to a birth or death: "(born", "(b.", ", born",
# "was born", "who was born"; "died", "who died", "had died".
_BORN_AFTER = re.compile(
    r"\s*(?:\(\s*(?:[^()]*?;\s*)?(?:born|b\.)|,\s*born|,?\s*(?:who\s+)?(?:was|is)\s+born)\s+",
    re.I,
)
_DIED_AFTER = re.compile(
    r",?\s*(?:who\s+)?(?:had\s+)?died\s+(?:(?:of|from)\s+[a-z][\w-]*\s+)?", re.I
)
# A life's dates in brackets right after a name: "(April 8, 1974 – February 2, 2013)".
_LIFE_BRACKET = re.compile(r"\s*\(\s*")
# Between a life's two dates: "–", "to", "– died".
LIFE_BETWEEN = re.compile(r"\s*(?:[–—−-]{1,2}|to)\s*(?:died\s+|d\.\s*)?", re.I)
# A sentence opening with a birth before the name: "Born in Oslo in 1959, Stoltenberg ...".
_BORN_OPENING = re.compile(r"^\W*(?:born)\s+", re.I)
# A place after a birth or death: "in Oslo", "in Hasselt, Belgium", "at The Hague".
_PLACE_AFTER = re.compile(
    r"\s*,?\s*(?:in|at)\s+((?:the\s+|The\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
    r"(?:,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){0,2})"
)
# Words that make a date an estimate or a bound rather than the day: "c. 1959", "before 1990".
_NOT_THE_DAY = re.compile(
    r"\b(?:c|ca|circa|about|around|approximately|before|after|by|until|since|between|"
    r"early|late|mid)\b",
    re.I,
)
_ERA = re.compile(r"^\s*(?:BC|BCE|B\.C\.)", re.I)
# Another name of the same person right after: ", better known as Vic Mensa", "known
# professionally as Eric Bana", "also known as", "known by his stage name ...".
_ALIAS = re.compile(
    r"\s*,?\s*(?:(?:better|also|professionally|popularly|commonly)\s+)?known\s+"
    r"(?:professionally\s+|mononymously\s+|simply\s+)?"
    r"(?:as|by\s+(?:his|her|their)\s+stage\s+name)\s+",
    re.I,
)


@dataclass(frozen=True, slots=True)
class LifeEvent:
    """A birth or a death told of someone: its date and place as far as the sentence gives
    them (`place` is the key of the first place the lexicon knows, `place_text` as written)."""

    person: Mention
    event: str  # BIRTH | DEATH
    date: DateMention | None = None
    place: str = ""
    place_text: str = ""
    aliases: tuple[Mention, ...] = ()
    end: int = 0  # where the words telling it end

    @property
    def names(self) -> tuple[Mention, ...]:
        return (self.person, *self.aliases)

    def told_of(self, mention: Mention) -> bool:
        """Whether `mention` names this event's person: the same name, or a name of two
        words or more within one of theirs ("Max Verstappen", "Max Emilian Verstappen")."""
        words = _words(mention.text)
        return any(
            m.id == mention.id or (len(words) >= 2 and words <= _words(m.text)) for m in self.names
        )


def life_events(features: Features) -> list[LifeEvent]:
    """The births and deaths the sentence tells of the people it names, each with a date or
    a place (a bare "was born" tells nothing to compare)."""
    text = features.text
    found: list[LifeEvent] = []
    for mention in features.entities:
        found += _after_name(features, mention)
    opening = _BORN_OPENING.match(text)
    if opening:
        date_, place, text_, end = _details(features, opening.end())
        person = next((m for m in features.entities if m.start >= end), None)
        if person is not None and re.fullmatch(r"\s*,\s*", text[end : person.start]):
            found.append(LifeEvent(person, BIRTH, date_, place, text_, end=person.end))
    return [e for e in found if e.date is not None or e.place]


def _after_name(features: Features, mention: Mention) -> list[LifeEvent]:
    text = features.text
    events: list[LifeEvent] = []
    end = mention.end
    born = _BORN_AFTER.match(text, mention.end)
    if born:
        date_, place, place_text, end = _details(features, born.end())
        events.append(LifeEvent(mention, BIRTH, date_, place, place_text))
        death = LIFE_BETWEEN.match(text, end) if date_ is not None else None
        if death and text[mention.end :].lstrip().startswith("("):
            died = _date_at(features, death.end())
            if died is not None:
                events.append(LifeEvent(mention, DEATH, died))
                end = died.end
    elif (bracket := _LIFE_BRACKET.match(text, mention.end)) is not None:
        first = _date_at(features, bracket.end(), exact=True)
        between = LIFE_BETWEEN.match(text, first.end) if first is not None else None
        second = _date_at(features, between.end()) if between is not None else None
        if first is not None and second is not None and text[second.end :].lstrip()[:1] == ")":
            events += [LifeEvent(mention, BIRTH, first), LifeEvent(mention, DEATH, second)]
            end = second.end
    else:
        told = _DIED_AFTER.match(text, mention.end)
        if told:
            date_, place, place_text, end = _details(features, told.end())
            events.append(LifeEvent(mention, DEATH, date_, place, place_text))
    if not events:
        return []
    closing = text.find(")", end)
    after = closing + 1 if text[mention.end :].lstrip().startswith("(") and closing >= 0 else end
    aliases = _aliases(features, after)
    return [
        LifeEvent(e.person, e.event, e.date, e.place, e.place_text, aliases, end) for e in events
    ]


def _details(features: Features, start: int) -> tuple[DateMention | None, str, str, int]:
    """The date and the place written from `start` on, in either order ("on 16 March 1959
    in Oslo", "in Oslo in 1959", "in Oslo"), and where they end."""
    date_: DateMention | None = None
    place, place_text, end = "", "", start
    for _ in range(3):  # "born at the Crumpshall Hospital in Manchester, England"
        if date_ is None and (found := _date_at(features, end)) is not None:
            date_, end = found, found.end
            continue
        if not place and (told := _PLACE_AFTER.match(features.text, end)) is not None:
            names = [n.strip() for n in told.group(1).split(",")]
            key = next((place_key(n) for n in names if known(n)), "")
            if key:
                place, place_text = key, told.group(1)
            end = told.end()
            continue
        break
    return date_, place, place_text, end


def _date_at(features: Features, start: int, *, exact: bool = False) -> DateMention | None:
    """The calendar date written at `start` (after at most "on" or "in"), given as the day
    itself: not an estimate or a bound ("c. 1959", "before 1990"), nor a year before the era."""
    text = features.text
    allowed = ("",) if exact else ("", "on", "in")
    for mention in features.dates:
        if mention.kind != "date" or mention.value is None or mention.start < start:
            continue
        gap = text[start : mention.start]
        if len(gap) > 6 or gap.strip().lower() not in allowed:
            continue
        if _NOT_THE_DAY.search(mention.text) or _ERA.match(text[mention.end :]):
            return None
        return mention
    return None


def _words(name: str) -> frozenset[str]:
    return frozenset(w.removesuffix("'s") for w in re.findall(r"[\w'’]+", name.lower()))


def _aliases(features: Features, start: int) -> tuple[Mention, ...]:
    told = _ALIAS.match(features.text, start)
    if told is None:
        return ()
    return tuple(m for m in features.entities if m.start == told.end())
