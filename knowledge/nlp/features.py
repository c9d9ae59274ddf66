"""What the detectors compare in a sentence: lemmas, entities, dates, numbers, quotes, negation."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from lemminflect import getAllLemmas
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token
from text_to_num import text2num

from knowledge.nlp.cues import words_of
from knowledge.nlp.dates import MONTHS, WEEKDAYS, DateMention, PartialDate, find_dates
from knowledge.nlp.tense import tells_past_acts
from knowledge.retrieval.terms import lemma_table

NEGATION_WORDS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "none",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "without",
        "nowhere",
    }
)
NEGATION_PHRASES = re.compile(
    r"\b(?:yet to|failed to|fails to|refused to|refuses to|declined to|denied|denies|deny)\b"
    # rejecting a claim that something is so denies it, as "denied" does: "rejected a weekly
    # newspaper's claim that ...", "dismissed reports that ..."
    r"|\b(?:reject|dismiss|refut|rebut)(?:s|es|ed|ing|e)?\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:claims?|reports?|allegations?|suggestions?|accusations?|rumou?rs?|charges|speculation)"
    r"(?:\s+[\w'’]+){0,5}?\s+(?:that|of)\b"
    # advice or a decision against an act denies it: "warned against cutting rates too
    # quickly" retells "would be careful not to cut rates too quickly" ("protested against
    # rising prices" is no such thing)
    r"|\b(?:warn|advis|caution|decid|vot|argu|recommend|rul|counsel)[a-z]*\s+against"
    r"(?=\s+(?![a-z]*thing\b)(?-i:[a-z]{2,}ing)\b)"  # a gerund, not "Beijing"
    r"|\brefrain(?:s|ed|ing)?\s+from\b|\bstop(?:s|ped|ping)?\s+short\s+of\b",
    re.IGNORECASE,
)
# a figure as written: "1,240", "3.75", "2023" (the alignment reads its value; these compare
# what two texts write)
WRITTEN_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
MODALS = frozenset({"will", "can", "could", "would", "should", "may", "might", "must", "shall"})
REPORTING_VERBS = frozenset(
    {
        "say",
        "said",
        "tell",
        "told",
        "announce",
        "state",
        "claim",
        "add",
        "write",
        "urge",
        "ask",
        "call",
        "warn",
        "according",
        "report",
        "confirm",
        "note",
        "explain",
        "insist",
    }
)
PRESENT_MARKERS = frozenset(
    {
        "is",
        "are",
        "remains",
        "remain",
        "has",
        "have",
        "serves",
        "current",
        "currently",
        "now",
        "still",
        "today",
        "continues",
        "continue",
    }
)
# Words spaCy lists as stop words that tell what happened: "had kept their policies" is not
# "had changed" them.
_TELLING = frozenset(
    {"first", "last", "full", "top", "back", "down", "up", "off", "out", "over"} | {"keep"}
)
_CONTENT_STOP = (
    STOP_WORDS | NEGATION_WORDS | set(MONTHS) | set(WEEKDAYS) | {"mr", "mrs", "ms", "dr", "s", "'s"}
) - _TELLING
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
# A figure, not part of a name: "COVID-19", "F-16" and "G7" are left out; a word of time
# before a hyphen does not make one ("mid-1976", "pre-2020", "the late-1990s").
_TIME_PREFIXES = "|".join(rf"(?<=\b{word}-)" for word in ("mid", "pre", "post", "early", "late"))
_NUMBER = re.compile(
    rf"(?<![\w.:])(?:(?<![A-Za-z]-)|{_TIME_PREFIXES})"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![:\d])(?!\s*[ap]\.m\.)"  # a time of day ("9:00", "9 p.m.") counts nothing
    r"(?:\s*(?P<mult>thousand|million|billion|trillion|bn|m)\b"
    r"|-(?P<fused>thousand|million|billion|trillion)\b)?"  # "a 150-million-euro package"
    r"(?P<pct>\s*%| per ?cent| percent)?",
    re.IGNORECASE,
)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
# What ends a clause inside a sentence: a semicolon, a colon, a bracket, a dash, a comma (not
# the comma of "33,000").
CLAUSE_MARKS = re.compile(r"[;:()\u2013\u2014]|,(?!\d)")
# Ranks written in words, with their places.
ORDINAL_WORDS = {
    word: place
    for place, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
# A rank in words, not a share ("a third of the vote") or a word of another use ("at first",
# "first of all", "second-hand").
_ORDINAL_WORD = re.compile(
    rf"(?<!\bat )(?<![-\w])({'|'.join(ORDINAL_WORDS)})\b(?!-)(?!\s+of\s+all\b)", re.I
)
_SHARE = re.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+$", re.I)


def ordinal_words(text: str) -> list[NumberMention]:
    """The ranks a text writes in words ("the band's fourth studio album"), as figures: not a
    share ("a third of the vote", "two thirds")."""
    found = []
    for match in _ORDINAL_WORD.finditer(text):
        start, end = match.span(1)
        if _SHARE.search(text, 0, start) or text[end : end + 1].lower() == "s":
            continue
        word = match.group(1)
        found.append(
            NumberMention(
                float(ORDINAL_WORDS[word.lower()]), word, _next_word(text, end), start, end
            )
        )
    return found


# A share in words: "a third", "two thirds", "half" (not "half a million", "one and a half",
# "the first half", "half-time").
# the parts of a whole a share names, and the counts of them ("two thirds": 2 / 3)
SHARE_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
SHARE_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_SHARE_WORDS = re.compile(
    r"(?<![-\w])(?:(?P<count>a|an|one|two|three|four)\s+)?"
    r"(?P<part>half|thirds?|quarters?|fifths?|tenths?)\b(?!-)",
    re.IGNORECASE,
)
_NOT_A_SHARE_BEFORE = re.compile(r"\b(?:and|first|second|the|this|that|last|next)\s+$", re.I)
# a share is "of" something, or how much a change took ("fell by a third."); before another
# word it names a thing ("a third term", "a fifth grade", "his half brother")
_SHARE_AFTER = re.compile(r"\s+of\b|\s*(?:[.,;:)]|$)|\s+(?:in|from|since|to|on|over|after)\b", re.I)
_HALF_AFTER = re.compile(r"\s+the\b", re.I)  # "half the votes"
_OF_A_UNIT = re.compile(r"\s+of\s+(?:a|an|one)\b", re.I)
_SHARE_BEFORE_CHANGE = re.compile(r"\bby\s+$", re.I)


# A score: "beat Harlow 3-1", "a 2-0 win", "drew 1-1" (not a range: "10-15 people").
_SCORE = re.compile(r"(?<![\w.,-])(\d{1,2})\s?[-–](\s?\d{1,2})(?![\w.,%-])")
_SCORED_BEFORE = re.compile(
    r"\b(?:beat|beats|beaten|beating|defeat\w*|w[io]n|wins|winning|l[oa]st|lose|loses|losing|"
    r"dr[ae]w|draws|drawn|thrash\w*|edg\w*|trounc\w*|hammer\w*|routed?)\b"
    r"(?:\s+\w+){0,4}\s+$",
    re.I,
)
_SCORED_AFTER = re.compile(  # "a 2-0 win", "the 2–0 FA Cup replay win"
    r"(?:\s+[\w'-]+){0,5}?\s+(?:win|victory|defeat|draw|loss)\b", re.I
)
SCORE_UNIT = "score"


def scores(text: str) -> list[NumberMention]:
    """The scores of matches a text gives ("beat Harlow United 3-1", "a 2-0 win"), each as one
    figure (unit "score") whose value keeps both sides in order."""
    found = []
    for match in _SCORE.finditer(text):
        start, end = match.span()
        if not (
            _SCORED_BEFORE.search(text, max(0, start - 60), start) or _SCORED_AFTER.match(text, end)
        ):
            continue
        value = 1000.0 * int(match.group(1)) + int(match.group(2))
        found.append(NumberMention(value, match.group(0), SCORE_UNIT, start, end))
    return found


# A share as a count out of a whole: "six in ten flights", "two out of five", "one in four"
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|[1-9]"
_SHARE_AS_COUNT = re.compile(
    rf"(?<![-\w.,])(?P<count>{_SMALL})\s+(?:in|out\s+of)\s+(?P<whole>{_SMALL}|10|every\s+(?:{_SMALL}))"
    r"(?![-\w%]|[.,]\d)",
    re.IGNORECASE,
)


def _small(word: str) -> float:
    """The value of a count of `_SMALL` ("six", "every ten", "10")."""
    word = word.lower().removeprefix("every").strip()
    return float(word) if word.isdigit() else _word_value(word) or 0.0


def share_words(text: str) -> list[NumberMention]:
    """The shares a text gives in words ("fell by a third", "two thirds of voters", "by
    half", "six in ten flights"), as percentages; a part without a count ("third") is a
    rank, not a share."""
    found = []
    for match in _SHARE_AS_COUNT.finditer(text):
        given, whole = _small(match["count"]), _small(match["whole"])
        if given < whole:  # "one in ten"; not "two in one" nor "won five in five games"
            value = 100 * given / whole
            found.append(NumberMention(value, match.group(0), "%", *match.span()))
    for match in _SHARE_WORDS.finditer(text):
        part, count = match["part"].lower().rstrip("s"), (match["count"] or "").lower()
        if part != "half" and not count:
            continue  # "the third", "in the third quarter"
        start, end = match.span()
        if _NOT_A_SHARE_BEFORE.search(text, 0, start) or _OF_A_UNIT.match(text, end):
            continue  # "a quarter of a percentage point": part of a unit, not a share
        if not (
            _SHARE_AFTER.match(text, end)
            or (part == "half" and _HALF_AFTER.match(text, end))
            or _SHARE_BEFORE_CHANGE.search(text, 0, start)
        ):
            continue
        value = 100 * SHARE_COUNTS.get(count, 1) / SHARE_PARTS[part]
        found.append(NumberMention(value, match.group(0), "%", start, end))
    return found


_ORDINAL = re.compile(rf"(?:{'|'.join(_ORDINAL_SUFFIXES)})\b", re.IGNORECASE)  # after digits
# A number written in words, perhaps of several ("eighty-two", "one hundred and four"): the
# run is read by text2num.
_UNITS_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety"
)
_SCALES = ("hundred", "thousand", "million", "billion")
_NUMBER_WORD = rf"(?:{_UNITS_WORDS}|{'|'.join(_SCALES)})"
_NUMBER_RUN = re.compile(
    rf"(?<![\w-])(?:{_NUMBER_WORD}(?:(?:-|\s+|\s+and\s+){_NUMBER_WORD})*|dozen)(?!\w)",
    re.IGNORECASE,
)
_MULTIPLIERS = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_ENTITIES_KEY = "knowledge.entities"  # Doc.user_data key of the cached entities
_QUOTE = re.compile(r"“(?P<a>[^”]{6,})”?|\"(?P<b>[^\"]{6,})\"")
_NOT_NAMES = frozenset(w.capitalize() for w in (set(MONTHS) | set(WEEKDAYS))) | {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "The",
    "A",
    "An",
    "He",
    "She",
    "They",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity in a sentence: a knowledge-base id, or a normalised proper noun."""

    id: str
    label: str
    text: str
    start: int  # character offsets within the sentence
    end: int


@dataclass(frozen=True, slots=True)
class NumberMention:
    value: float
    text: str  # as written, an ordinal with its suffix ("31st")
    unit: str
    start: int
    end: int

    @property
    def ordinal(self) -> bool:
        """A rank ("the 31st member", "the fourth album"), not a count: it is given exactly,
        never rounded."""
        return (
            self.text[-3:-2].isdecimal() and self.text[-2:].lower() in _ORDINAL_SUFFIXES
        ) or self.text.lower() in ORDINAL_WORDS


@dataclass(frozen=True, slots=True)
class QuoteMention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a sentence: its lemma and where it is (character offsets in the sentence)."""

    lemma: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Features:
    """Everything a detector needs to know about one sentence."""

    text: str
    lemmas: tuple[str, ...]
    content: frozenset[str]
    entities: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]
    quotes: tuple[QuoteMention, ...]
    negations: tuple[str, ...]
    present_tense: bool
    context_entities: tuple[Mention, ...] = field(default=())
    words: tuple[Word, ...] = field(default=())

    @property
    def entity_ids(self) -> frozenset[str]:
        return frozenset(m.id for m in self.entities)

    @property
    def negated(self) -> bool:
        return len(self.negations) % 2 == 1

    @property
    def calendar_dates(self) -> tuple[DateMention, ...]:
        """The dates it gives on the calendar (a year, a month, a day), resolved: not
        weekdays or relative expressions left without a value."""
        return tuple(d for d in self.dates if d.kind == "date" and d.value is not None)


def given_since(text: str, mention: DateMention) -> bool:
    """Whether the date follows "since" (kept in the mention, or just before it)."""
    return mention.since or text[: mention.start].rstrip().lower().endswith("since")


def title_start(features: Features, mention: DateMention) -> bool:
    """Whether a date is given as "since <date>" right after a title ("NATO Secretary
    General since 2021"): when the title was taken, not the day of what the sentence tells."""
    text = features.text
    return given_since(text, mention) and any(
        text[m.end : mention.start].strip().lower() in ("", "since")
        for m in features.entities
        if m.label == "ROLE" and m.end <= mention.start
    )


def sentence_features(span: Span, reference: date | None) -> Features:
    """Features of one sentence (a spaCy span), dates resolved against `reference`."""
    text = span.text
    offset = span.start_char
    quotes = _quotes(text)
    inside = [(q.start, q.end) for q in quotes]
    words = tuple(
        Word(_token_lemma(t.text, t.lemma_), t.idx - offset, t.idx - offset + len(t))
        for t in span
        if not t.is_space and not t.is_punct
    )
    lemmas = tuple(w.lemma for w in words)
    dates = _past_years(tuple(find_dates(text, reference)), span, reference)
    dates = _days_to_come(dates, text, reference)
    negations = tuple(
        t.lower_
        for t in span
        if t.lower_ in NEGATION_WORDS and not _within(t.idx - offset, inside) and not _restricts(t)
    ) + tuple(
        m.group(0).lower()
        for m in NEGATION_PHRASES.finditer(text)
        if not _within(m.start(), inside)
    )
    return Features(
        text=text,
        lemmas=lemmas,
        content=content_lemmas(lemmas),
        entities=tuple(_entities(span)),
        dates=dates,
        numbers=tuple(_numbers(text, dates)),
        quotes=quotes,
        negations=negations,
        present_tense=any(t.lower_ in PRESENT_MARKERS for t in span),
        words=words,
    )


# "nothing but the clothes they had on" is "only the clothes"; "not only ... but also" adds
_RESTRICTING = {"nothing": ("but",), "none": ("but",), "not": ("only", "just", "merely")}


def _restricts(token: Token) -> bool:
    """Whether a negation word only restricts or adds ("nothing but", "not only")."""
    following = _RESTRICTING.get(token.lower_)
    return (
        following is not None
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ in following
    )


def _past_years(
    dates: tuple[DateMention, ...], span: Span, reference: date | None
) -> tuple[DateMention, ...]:
    """A day said without its year that would fall after the reference date, in a sentence
    that tells what was done, is last year's ("Finland joined NATO on April 5", written in
    March), not a day still to come; unless the weekday written with it falls on it this
    year ("said he would meet the leaders on Monday, 22 December")."""
    if reference is None:
        return dates
    text = span.text

    def ahead(d: DateMention) -> bool:
        if not d.yearless or d.value is None or d.value.first_day() <= reference:
            return False
        return not any(
            w.kind == "weekday" and w.value == d.value and not text[w.end : d.start].strip(" ,")
            for w in dates
        )

    if not any(ahead(d) for d in dates) or not tells_past_acts(words_of(span)):
        return dates
    return tuple(
        replace(d, value=_year_before(d.value)) if ahead(d) and d.value is not None else d
        for d in dates
    )


# What tells, before a weekday in its clause, that the day is still to come ("would visit the
# shelters on Saturday", "are due to begin on Monday", "called a rally for Tuesday").
_TO_COME = re.compile(
    r"\b(?:will|'ll|shall|would|due to|plans? to|planned to|intends? to|set to|scheduled"
    r"|expected|going to|is to|are to|was to|were to)\b[^;:()\u2013\u2014]*?\b(?:on|for|by)\s+$"
    r"|\bfor\s+$",
    re.IGNORECASE,
)
# A weekday a body declares something ("has declared Wednesday a day of mourning", "named
# Friday a public holiday"): the day declared, still to come, not when it was declared.
_DECLARING = re.compile(
    r"\b(?:declare|declares|declared|declaring|name|names|named|naming|designate|designates"
    r"|designated|proclaim|proclaims|proclaimed)\s+$",
    re.IGNORECASE,
)
_DECLARED_AS = re.compile(r"\s+(?:a|an|as)\b", re.IGNORECASE)


def _days_to_come(
    dates: tuple[DateMention, ...], text: str, reference: date | None
) -> tuple[DateMention, ...]:
    """A weekday said plainly ("on Saturday", not "last Saturday") in a clause that tells of
    what is to come, or as the day a body declares something ("declared Wednesday a day of
    mourning"), is the next such day, not the last one (the day itself when it is today)."""

    def ahead(d: DateMention) -> bool:
        if d.kind != "weekday" or d.value is None or reference is None:
            return False
        first = d.text.lower().split()[0]
        if first != "on" and first not in WEEKDAYS or d.value.first_day() >= reference:
            return False
        opening = max((m.end() for m in CLAUSE_MARKS.finditer(text, 0, d.start)), default=0)
        before = text[opening : d.start] + ("on " if first == "on" else "")
        declared = (
            first in WEEKDAYS
            and _DECLARING.search(text[opening : d.start]) is not None
            and _DECLARED_AS.match(text, d.end) is not None
        )
        return declared or _TO_COME.search(before) is not None

    return tuple(replace(d, value=_week_later(d.value)) if ahead(d) else d for d in dates)


def _week_later(value: PartialDate | None) -> PartialDate | None:
    day = value.as_date() if value is not None else None
    return value if day is None else PartialDate.of(day + timedelta(days=7))


def _year_before(value: PartialDate) -> PartialDate:
    if value.month == 2 and value.day == 29:  # no such day the year before
        return value
    return PartialDate(value.year - 1, value.month, value.day)


def same_number(a: float, b: float) -> bool:
    """Whether two figures are the same, up to floating-point noise."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def content_lemmas(lemmas: tuple[str, ...] | list[str]) -> frozenset[str]:
    return frozenset(
        lemma
        for lemma in lemmas
        if lemma not in _CONTENT_STOP and _WORD.fullmatch(lemma) and len(lemma) > 1
    )


def _lemma(text: str) -> str:
    return text.lower().replace("’", "'")


def _token_lemma(text: str, lemma: str) -> str:
    """The token's lemma, looked up in lower case when the pipeline left a capitalised form."""
    if not lemma or lemma == text:
        return lemma_table().get(text.lower(), _lemma(text))
    return _lemma(lemma)


def _within(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)


def _entities(span: Span) -> list[Mention]:
    offset = span.start_char
    ents = _span_entities(span)
    found = [
        Mention(
            e.ent_id_ or _norm(e.text), e.label_, e.text, e.start_char - offset, e.end_char - offset
        )
        for e in ents
    ]
    taken = {i for e in ents for i in range(e.start, e.end)}
    first = next((t.i for t in span if t.is_alpha), span.start)
    run: list[int] = []
    for token in [*span, None]:
        if token is not None and token.i not in taken and _name_like(token, first):
            run.append(token.i)
            continue
        if token is not None and run and (_joins_name(token, first) or _particle(token, first)):
            run.append(token.i)  # "Jean-Philippe Mateta", "Ursula von der Leyen": one name
            continue
        if run:
            words = span.doc[run[0] : run[-1] + 1]
            found.append(
                Mention(
                    _norm(words.text),
                    "PROPN",
                    words.text,
                    words.start_char - offset,
                    words.end_char - offset,
                )
            )
            run = []
    return sorted(found, key=lambda m: m.start)


def _span_entities(span: Span) -> list[Span]:
    """The entities wholly inside `span`, like `Span.ents`, which rebuilds every entity of the
    document on each call (quadratic over an article's sentences): built once per document."""
    doc = span.doc
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTITIES_KEY] = (ents, [e.start for e in ents])
    ents, starts = cached
    found = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


# Words in lower case inside a name ("Ursula von der Leyen", "Rio de Janeiro").
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le"}
)


def _particle(token: Token, first: int) -> bool:
    """A particle of a name: between a word of the name and another, perhaps after another
    particle ("von der")."""
    doc = token.doc
    if token.text not in _PARTICLES or not token.whitespace_:
        return False
    following = next((t for t in doc[token.i + 1 : token.i + 3] if t.text not in _PARTICLES), None)
    return following is not None and _name_like(following, first)


def _joins_name(token: Token, first: int) -> bool:
    """A hyphen with no space on either side, between the two parts of a first name that a
    surname follows ("Jean-Philippe Mateta"); not two words of a description ("an
    Asian-American company", "a Mexican-Lebanese magnate"), each of which is read alone."""
    doc = token.doc
    i = token.i
    return (
        token.text == "-"
        and not token.whitespace_
        and i > 0
        and not doc[i - 1].whitespace_
        and i + 2 < len(doc)
        and _name_like(doc[i + 1], first)
        and bool(doc[i + 1].whitespace_)
        and _name_like(doc[i + 2], first)
    )


def _name_like(token: Token, first: int) -> bool:
    """Whether a token looks like part of a name; `first` is the sentence's first word."""
    text = token.text
    if not text[:1].isupper() or text in _NOT_NAMES or not text[:1].isalpha():
        return False
    if text.isupper() and len(text) > 5:  # shouting, not an acronym
        return False
    if text.lower() in STOP_WORDS:  # "Several", "However": capitalised function words
        return False
    if token.i == first and text.lower() in lemma_table():  # "Sanctions were…": a common word
        return False
    return True


def _norm(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    if words and words[0] in ("the", "mr", "mrs", "ms", "dr"):
        words = words[1:]
    return "_".join(words)


# A part of a large round number: "a quarter of a million", "half a billion", "three
# quarters of a million"
_PART_OF_SCALE = re.compile(
    r"(?<![\w-])(?:(?P<count>a|an|one|two|three)\s+)?(?P<part>half|thirds?|quarters?)"
    r"\s+(?:of\s+)?an?\s+(?P<scale>million|billion|thousand)\b",
    re.IGNORECASE,
)


def _parts_of_scales(text: str) -> list[NumberMention]:
    found = []
    for match in _PART_OF_SCALE.finditer(text):
        part = match["part"].lower().rstrip("s")
        count = SHARE_COUNTS.get((match["count"] or "a").lower(), 1)
        value = count / SHARE_PARTS[part] * _MULTIPLIERS[match["scale"].lower()]
        unit = _next_word(text, match.end())
        unit = "" if unit == "of" else unit  # "a quarter of a million of the passengers"
        found.append(NumberMention(value, match.group(0), unit, match.start(), match.end()))
    return found


def _numbers(text: str, dates: tuple[DateMention, ...]) -> list[NumberMention]:
    found: list[NumberMention] = _parts_of_scales(text)  # "a quarter of a million": 250,000
    spans = [(d.start, d.end) for d in dates] + [(n.start, n.end) for n in found]
    for match in _NUMBER.finditer(text):
        if _within(match.start(), spans):
            continue
        value = float(match.group("num").replace(",", ""))
        ordinal = _ORDINAL.match(text, match.end())
        scaled = match.group("mult") or match.group("fused") or match.group("pct")
        if ordinal and not scaled:  # "the 31st member"
            unit = _next_word(text, ordinal.end())
            found.append(
                NumberMention(
                    value, text[match.start() : ordinal.end()], unit, match.start(), ordinal.end()
                )
            )
            continue
        scale = match.group("mult") or match.group("fused")
        if scale:
            value *= _MULTIPLIERS[scale.lower()]
        unit = "%" if match.group("pct") else _next_word(text, match.end())
        if match.group("fused") and text.startswith("-", match.end()):
            unit = _next_word(text, match.end() + 1)  # "euro" of "150-million-euro"
        found.append(NumberMention(value, match.group(0), unit, match.start(), match.end()))
    for start, end, value in _word_numbers(text):
        if _within(start, spans):
            continue
        run = text[start:end]
        if run.lower() == "one" or (
            run.split()[0].lower() in _SCALES and _after_digit(text, start)
        ):
            continue  # "one" is more often a pronoun; "3 million" is read above
        found.append(NumberMention(value, run, _next_word(text, end), start, end))
    return found


def _word_numbers(text: str) -> list[tuple[int, int, float]]:
    """Where numbers written in words are and their values; a run that is not one number
    ("two and three") is read as the numbers its "and" joins."""
    found = []
    for match in _NUMBER_RUN.finditer(text):
        value = _word_value(match.group(0))
        if value is not None:
            found.append((match.start(), match.end(), value))
            continue
        offset = match.start()
        for part in re.split(r"(\s+and\s+)", match.group(0)):
            value = _word_value(part) if part.strip() != "and" else None
            if value is not None:
                found.append((offset, offset + len(part), value))
            offset += len(part)
    return found


def _word_value(run: str) -> float | None:
    """The value of a number written in words: "eighty-two", "one hundred and four", "two
    thousand five hundred", "a dozen"; None for words that do not make one number."""
    if run.lower() == "dozen":
        return 12.0
    try:
        return float(text2num(run.lower(), "en"))
    except ValueError:
        return None


def _after_digit(text: str, position: int) -> bool:
    """Whether a digit, then only space, comes before `position` ("3 million")."""
    before = position
    while before > 0 and text[before - 1].isspace():
        before -= 1
    return before > 0 and text[before - 1].isdecimal()


def _next_word(text: str, position: int) -> str:
    match = _NEXT_WORD.match(text, position)  # from `position`: slicing copied the rest
    word = match.group(1).lower() if match else ""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _quotes(text: str) -> tuple[QuoteMention, ...]:
    found = []
    for match in _QUOTE.finditer(text):
        inner = match.group("a") or match.group("b") or ""
        start = match.start("a") if match.group("a") else match.start("b")
        if len(inner.split()) >= 3:
            found.append(QuoteMention(inner.strip(" ,.…"), start, start + len(inner)))
    return tuple(found)


@lru_cache(maxsize=4096)  # lemminflect copies its tables on each call: asked once a word
def can_be_verb(lemma: str) -> bool:
    """Whether a lemma can be a verb ("join", "sign"; not "ceasefire")."""
    return "VERB" in getAllLemmas(lemma)


@lru_cache(maxsize=4096)
def is_known_word(word: str) -> bool:
    """Whether the lemma tables know a word at all ("more"; not "coronavirus")."""
    return bool(getAllLemmas(word))


def name_as_written(text: str, mention: Mention) -> str:
    """A name as the text writes it, with a hyphenated part the name reader may leave off
    ("Moon Jae-in", "Choi Sang-mok")."""
    tail = _NAME_TAIL.match(text, mention.end)
    return text[mention.start : mention.end] + (tail.group(0) if tail else "")


_NAME_TAIL = re.compile(r"-[^\W\d_][\w'’]*")


def person_like(mention: Mention, label: str) -> bool:
    """Whether a name is a person's: one the knowledge base knows as a person, or a name it
    does not know of two to four capitalised words ("Klaus Iohannis")."""
    if label == "PERSON":
        return True
    words = mention.text.split()
    return label == "PROPN" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


@lru_cache(maxsize=4096)
def can_be_noun(lemma: str) -> bool:
    """Whether a lemma can be a noun ("rule", "ban"; "export" is a noun and a verb)."""
    return "NOUN" in getAllLemmas(lemma)


@lru_cache(maxsize=4096)
def can_be_adverb(word: str) -> bool:
    """Whether a word can be an adverb ("nearly", "meanwhile")."""
    return "ADV" in getAllLemmas(word)
