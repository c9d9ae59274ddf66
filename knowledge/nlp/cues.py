"""Cue phrases matched over a sentence's words by form or lemma (the reading data's matcher)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from knowledge.nlp.patterns import lemma


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a sentence: its text, lower case, lemma and offsets in the input."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int
    name: bool  # capitalised inside the sentence: a name, never a cue ("May", "Will Smith")

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)


def words_of(span: Span) -> tuple[Word, ...]:
    """The sentence's tokens (punctuation included, spaces left out) as Words."""
    words: list[Word] = []
    for token in span:
        if token.is_space:
            continue
        lower = token.lower_.replace("’", "'")
        after_break = not words or not words[-1].is_word
        name = token.text[:1].isupper() and not after_break
        words.append(Word(token.text, lower, lemma(lower), token.idx, token.idx + len(token), name))
    return tuple(words)


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase of the reading data, one set of accepted words per position."""

    source: str
    slots: tuple[frozenset[str], ...]

    def at(self, words: Sequence[Word], i: int) -> bool:
        """Whether the phrase starts at words[i]."""
        if i + len(self.slots) > len(words):
            return False
        return all(
            not w.name and (w.lower in slot or w.lemma in slot)
            for w, slot in zip(words[i : i + len(self.slots)], self.slots, strict=False)
        )


@dataclass(frozen=True, slots=True)
class CueSet:
    """Cues indexed by their first word, so a sentence is scanned once, not once per cue."""

    by_first: dict[str, tuple[Cue, ...]]

    def starting_with(self, word: Word) -> tuple[Cue, ...]:
        if word.name:
            return ()
        found = self.by_first.get(word.lower, ())
        if word.lemma != word.lower:
            found += self.by_first.get(word.lemma, ())
        return found


def compile_cues(phrases: Iterable[str]) -> CueSet:
    """Cues from data phrases. A word in its base form also takes its other forms ("hope"
    finds "hoped"); an inflected one only itself ("was signed" does not find "is signed")."""
    index: dict[str, list[Cue]] = {}
    for phrase in phrases:
        tokens = _tokens(phrase)
        if tokens:
            cue = Cue(phrase, tuple(frozenset({w}) for w in tokens))
            index.setdefault(tokens[0], []).append(cue)
    return CueSet({first: tuple(cues) for first, cues in index.items()})


def find_cue(
    words: Sequence[Word], cues: CueSet, *, start: int = 0, end: int | None = None
) -> tuple[int, Cue] | None:
    """The first cue (by position) starting in words[start:end], with where it starts."""
    stop = len(words) if end is None else min(end, len(words))
    for i in range(start, stop):
        for cue in cues.starting_with(words[i]):
            if cue.at(words, i):
                return i, cue
    return None


def _tokens(phrase: str) -> list[str]:
    """A phrase split as spaCy splits text: "didn't" is "did n't", "won't" is "wo n't"."""
    return phrase.lower().replace("’", "'").replace("n't", " n't").split()
