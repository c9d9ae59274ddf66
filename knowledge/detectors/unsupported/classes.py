"""Words of a closed class (a colour, an ordinal, a relative): one the article never uses put for
another of the kind (`specifics.yaml`)."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache

from knowledge.detectors.unsupported.additions import _new_figures
from knowledge.detectors.unsupported.text import _WORDS, _folded_words, _name_words
from knowledge.matching import SourceRecord
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import (
    Features,
)
from knowledge.resources import Lexicon, word_lists


def _other_of_class(
    claim: Claim, known: frozenset[str], lexicon: Lexicon, aligned: Features, record: SourceRecord
) -> str | None:
    """A colour, ordinal or the like the article never uses, where it uses another of the
    kind; or one the article uses only elsewhere, where the sentence the claim retells has
    another of the kind before the same word ("for the fourth quarter" beside "for the third
    quarter", in an article that speaks of the fourth quarter too)."""
    used = {kind for word, kind in lexicon.specifics.items() if word in known}
    text = claim.features.text.lower()
    fractions = {m.start(1) for m in _PART_OF.finditer(text)}
    retold = _classed(aligned.text.lower(), lexicon)

    def article() -> list[tuple[str, str, str]]:
        return [c for f in record.features for c in _classed(f.text.lower(), lexicon)]

    if _new_figures(claim.features, record):
        return None  # "600 houses were flooded up to the first floor": of more than it tells
    for word, kind, following in _classed(text, lexicon, fractions):
        if kind not in used:
            continue
        if word not in known and word not in _implied(known):
            # an ordinal or a relative in place of another: in the sentence it retells, or
            # before the same word in the article ("his first goal for Portugal", "Bassani's
            # wife" tell of more); a colour or a gender the article never uses anywhere is
            # one put for another (it tells of the same person or thing)
            if (
                kind not in _PLACED
                or any(k == kind for _, k, _ in retold)
                or any(k == kind and f == following for _, k, f in article())
            ):
                return f"The source article never says “{word}” (a different {kind})."
            continue
        if any(w == word for w, _, _ in retold):
            continue
        other = next((w for w, k, f in retold if k == kind and f and f == following), None)
        if other is not None and _given_of_the_same(word, claim.features, aligned, record):
            continue  # "Bassani slid to fourth overall" where another sentence has Bassani
            # "dropped to fourth": the claim joins it to the one giving "second overall"
        if other is not None:
            return f"Says “{word} {following}” where the source article says “{other} {following}”."
    return None


_PLACED = frozenset({"ordinal", "family"})  # classes whose words may bring in someone new


def _given_of_the_same(
    word: str, features: Features, aligned: Features, record: SourceRecord
) -> bool:
    """Whether another sentence of the article than the one retold uses the word and names
    someone or something the claim names."""
    names = _name_words(features)
    return any(
        word in _folded_words(f.text) and _name_words(f) & names
        for f in record.features
        if f.text != aligned.text
    )


def _implied(known: frozenset[str]) -> frozenset[str]:
    """The words the article's words give without writing them ("married": husband, wife;
    `implied_words` in data/reading.yaml)."""
    found: set[str] = set()
    for word, implied in _implied_groups():
        if word in known:
            found.update(implied)
    return frozenset(found)


def _classed(
    text: str, lexicon: Lexicon, skipped: AbstractSet[int] = frozenset()
) -> list[tuple[str, str, str]]:
    """Each word of a class of specific words in a lower-cased text (a colour, an ordinal),
    with its class and the word after it ("fourth", "ordinal", "quarter"); none that starts
    at a position in `skipped` ("a third of the vote" is a share, not the third of a
    series)."""
    found = []
    for match in _WORDS.finditer(text):
        if match.start() in skipped:
            continue
        parts = match.group(0).split("-")
        following = _WORDS.match(text, match.end() + 1)
        after = following.group(0) if following else ""
        for word in parts:
            kind = lexicon.specifics.get(word)
            if kind:
                found.append((word, kind, after))
    return found


# A part of a whole told in words: "a third of", "two fifths of" (not "the third of May").
_PART_OF = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth)s?"
    # a share, not one of a series, where no noun follows: "a third of the vote", "cut the
    # risk by nearly a third in a trial", "fell by a fifth."
    r"(?:\s+(?:of|in|on|at|by|from|since|to|than|over|compared|after|before|during|and|or|"
    r"while|but)\b|\s*[,.;:)]|\s*$)"
)


@cache
def _implied_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`implied_words` of data/reading.yaml, each word with the words it gives (read once)."""
    groups = (group.split("/") for group in word_lists("reading.yaml")["implied_words"])
    return tuple((word, tuple(implied)) for word, *implied in groups)
