"""What tells of more than the article, not of a detail swapped: figures, names, years and
nouns the article never gives ("The Azores recorded a rate of 6.0%")."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.detectors.unsupported.text import _name_words, _place_key, _retells, _words_of_name
from knowledge.matching import SourceRecord
from knowledge.nlp.features import (
    Features,
    Mention,
    NumberMention,
    can_be_noun,
    can_be_verb,
    same_number,
    share_words,
)
from knowledge.resources import lexicon

_NEW_WORDS = 2  # content words the article never uses that make a claim tell of more


def _loosely_retold(features: Features, sentence: Features) -> bool:
    """Whether the sentence nearest the claim gives under half its content words: the claim
    tells of more than it, so a detail the article never gives adds to the article rather
    than standing in place of one of its details ("Brazil's central bank kept its rate
    unchanged the same week" beside an article on Chile's rate cut; "The batteries will be
    supplied by a Swedish manufacturer" beside one on a Norwegian yard's ferry order)."""
    return bool(features.content) and not _retells(features, sentence)


def _unknown_figures(features: Features, record: SourceRecord) -> list[NumberMention]:
    """The claim's figures (years aside) that the article gives in no form."""
    return [
        n
        for n in _figures(features)
        if not any(same_number(n.value, g) for g in record.numbers)
        and not (n.text.strip().isdigit() and 1000 <= n.value <= 2100)
    ]


def _new_figures(features: Features, record: SourceRecord) -> int:
    """How many figures the claim gives (years aside) that the article gives in no form,
    not even as a part of a time it writes with colons."""
    return sum(1 for n in _unknown_figures(features, record) if not _in_a_clock(n, record))


def _tells_of_more(features: Features, known: frozenset[str]) -> bool:
    """Whether the claim names what the article never names: a name none of whose words it
    uses, or things of its own (two nouns the article never uses: "people with a university
    degree"; a paraphrase's verbs and adjectives aside)."""
    if any(_new_altogether(m, known) for m in features.entities):
        return True
    return _own_nouns(features, known) >= _NEW_WORDS


def _own_nouns(features: Features, known: frozenset[str]) -> int:
    """How many nouns the claim uses that the article never uses (names, figures and words
    that may be verbs aside: "lowered its main rate" retells "cut its key rate")."""
    names = _name_words(features)
    return sum(
        1
        for w in features.content
        if w not in known
        and w not in names
        and not any(c.isdigit() for c in w)
        and can_be_noun(w)
        and not can_be_verb(w)
    )


def _with_a_new_year(features: Features, record: SourceRecord) -> bool:
    """Whether the claim gives a year the article never dates anything by nor writes."""
    return any(
        d.value is not None
        and not d.yearless
        and not any(d.value.year == other.year for other in record.dates)
        and str(d.value.year) not in record.words
        for d in features.calendar_dates
    )


def _new_altogether(mention: Mention, known: frozenset[str]) -> bool:
    """Whether a name shares no word with the article ("the Azores"; not "SARS-CoV-3" beside
    "SARS-CoV-2", which changes a name the article gives)."""
    parts = {p for w in _words_of_name(mention.text) for p in w.split("-") if p}
    place = lexicon().places.get(_place_key(mention.text), frozenset())
    return bool(parts) and not parts & _parts(known) and not place & known  # "U.K.", "London"


@lru_cache(maxsize=64)  # one per article checked against, not kept without bound
def _parts(known: frozenset[str]) -> frozenset[str]:
    """The article's words and the parts of its hyphenated ones ("sars-cov-2": sars, cov)."""
    return known | {p for w in known if "-" in w for p in w.split("-") if p}


def _with_a_new_figure(features: Features, record: SourceRecord) -> bool:
    """Whether the claim gives a figure (not a year, nor part of a name: "787 Dreamliner")
    that the article gives in no form."""
    return any(not _in_a_name(features, n) for n in _unknown_figures(features, record))


def _in_a_name(features: Features, number: NumberMention) -> bool:
    """Whether a figure is part of a name, right before or after it ("787 Dreamliner")."""
    text = features.text
    return any(
        0 <= m.start - number.end <= 1
        and not text[number.end : m.start].strip()
        or 0 <= number.start - m.end <= 1
        and not text[m.end : number.start].strip()
        for m in features.entities
    )


_CLOCK_FIGURE = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")


def _in_a_clock(number: NumberMention, record: SourceRecord) -> bool:
    """Whether a figure is one part of a time the article writes with colons ("four
    minutes" in "2:04:31")."""
    return any(
        part is not None and same_number(number.value, float(part))
        for features in record.features
        for match in _CLOCK_FIGURE.finditer(features.text)
        for part in match.groups()
    )


def _figures(features: Features) -> list[NumberMention]:
    """The figures a text gives: its numbers, and its shares in words as percentages in place
    of the counts they are written with ("six in ten": 60%, not six and ten)."""
    shares = [s for s in share_words(features.text) if " in " in s.text or " out " in s.text]
    spans = [(s.start, s.end) for s in shares]
    alone = [
        n
        for n in features.numbers
        if not any(a <= n.start < b for a, b in spans)
        and not _FRACTION_AFTER.match(features.text, n.end)  # "three-quarters" is a share
    ]
    return sorted([*alone, *shares], key=lambda n: n.start)


_FRACTIONS = r"half|halves|thirds?|quarters?|fifths?|sixths?|tenths?"  # "-quarters", "-fifths"
_FRACTION_AFTER = re.compile(rf"-(?:{_FRACTIONS})\b")
