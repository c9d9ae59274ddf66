"""The reading the unsupported-detail checks share: words and names folded for matching, the
clause a span lies in, the content words near it, and whether a word near a detail of the
claim is near a detail of an article sentence (`_stands_for`)."""

from __future__ import annotations

import re
from datetime import date

from knowledge.matching import SourceRecord
from knowledge.nlp.clauses import WORD, clause_bounds, name_words
from knowledge.nlp.features import (
    Features,
    Word,
)

_ALIGNED = 3  # content words a claim shares with an article sentence to compare negation
_QUANTITY = re.compile(  # "one-month", "35-year-old": a number fused with its unit
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred)-"
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)[a-z]"  # not "twenty-three"
)
_WORDS = WORD  # a word of a name, lower-cased
# Between two names of one list: a comma or "and"/"or", and perhaps a word or two describing
# the next item ("and NATO applicant Sweden"); a gap of such words alone joins one item's names.
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:[A-Za-z-]+\s+){0,2}")
_SAME_ITEM = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,1}")


def _folded(words: frozenset[str]) -> frozenset[str]:
    """Words with and without their dots and possessive: "u.k." also as "uk"."""
    return words | {_fold(w) for w in words}


def _folded_words(text: str) -> frozenset[str]:
    """A text's words, lower case, folded as the article's words are."""
    return _folded(frozenset(_WORDS.findall(text.lower().replace("’", "'"))))


def _fold(word: str) -> str:
    return word.replace(".", "").removesuffix("'s")


def _place_key(name: str) -> str:
    return name.lower().replace(".", "").removesuffix("'s").removesuffix("’s")


def _words_of_name(name: str) -> list[str]:
    """A name's words, lower case, folded as the article's words are ("U.S." as "us")."""
    folded = (_fold(w) for w in _WORDS.findall(name.lower().replace("’", "'")))
    return [w for w in folded if w]


_NEIGHBOURS = 4  # words on each side of a figure, in its clause, that tell what it counts
Span = tuple[int, int]


def _stands_for(
    features: Features,
    told: Span,
    sentence: Features,
    places: list[Span],
    reach: int = _NEIGHBOURS,
    counted: frozenset[str] = frozenset(),
    *,
    nearest: bool = False,
) -> bool:
    """Whether a content word near `told` in the claim is near one of `places` in `sentence`;
    never only what both count (`counted`: "170,000 people" who live on a peninsula are not
    in place of "48 people" killed there)."""
    mine = _near(features, told, reach, nearest=nearest) - counted
    return bool(mine) and any(
        _near(sentence, place, reach, nearest=nearest) & mine for place in places
    )


def _near(
    features: Features, span: Span, reach: int, *, nearest: bool = False, contrast: bool = False
) -> frozenset[str]:
    """The content words among the `reach` words on each side of a span within its clause
    (`nearest`: the `reach` nearest content words on each side), leaving out a name's words
    ("the Noto peninsula" tells what the story is about, not what a figure counts)."""
    text = features.text
    opening, closing = clause_bounds(text, span, contrast=contrast)

    def telling(w: Word) -> bool:
        return w.lemma in features.content and not _capitalised_within(text, w.start)

    words = [w for w in features.words if not nearest or telling(w)]
    before = [w for w in words if opening <= w.start and w.end <= span[0]][-reach:]
    after = [w for w in words if w.start >= span[1] and w.end <= closing][:reach]
    return frozenset(w.lemma for w in before + after if telling(w))


def _capitalised_within(text: str, start: int) -> bool:
    """Whether the word at `start` is capitalised past the sentence's first word."""
    return text[start : start + 1].isupper() and bool(text[:start].strip())


def _published(record: SourceRecord) -> date | None:
    """The article's own date, as its statements' source gives it."""
    return next((s.source.published for s in record.statements if s.source.published), None)


_RETOLD = 0.5  # of a claim's content words, the share a sentence it retells closely gives


def _retells(features: Features, sentence: Features, share: float = _RETOLD) -> bool:
    """Whether the claim uses at least `share` of its content words from the sentence (by
    default mostly: it retells what the sentence tells, not something else that happened
    there)."""
    mine = features.content
    return bool(mine) and len(mine & sentence.content) / len(mine) >= share


def _name_words(features: Features) -> frozenset[str]:
    """The words of the names a sentence mentions, lower-cased."""
    return frozenset(w for m in features.entities for w in name_words(m))
