"""Phrase patterns for rules: a small safe syntax (never user regular expressions) and matching.

Syntax: words separated by spaces; `a|b` either word; `[a|b]` an optional word; `*` any one
word. Words match a text word by form or by lemma, case-insensitively, so "agreement" also
matches "agreements". Hyphenated words ("full-blown") are single words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from knowledge.errors import InvalidPattern
from knowledge.retrieval.terms import lemma_table

_WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")
_MAX_SLOTS = 12


@dataclass(frozen=True, slots=True)
class _Slot:
    words: frozenset[str]  # empty means any word
    optional: bool


@dataclass(frozen=True, slots=True)
class PhrasePattern:
    """A compiled phrase pattern."""

    source: str
    slots: tuple[_Slot, ...]

    def search(self, text: str) -> tuple[int, int] | None:
        """Character span of the first match in `text`, or None."""
        words, forms = _words(text)
        for begin in range(len(words)):
            end = self._match(forms, begin, 0)
            if end is not None and end > begin:
                return words[begin][0], words[end - 1][1]
        return None

    def _match(self, forms: list[tuple[str, str]], at: int, slot: int) -> int | None:
        if slot == len(self.slots):
            return at
        current = self.slots[slot]
        if at < len(forms) and _fits(current, forms[at]):
            found = self._match(forms, at + 1, slot + 1)
            if found is not None:
                return found
        if current.optional:
            return self._match(forms, at, slot + 1)
        return None


def _fits(slot: _Slot, form: tuple[str, str]) -> bool:
    return not slot.words or form[0] in slot.words or form[1] in slot.words


@lru_cache(maxsize=256)  # every rule searches the same claim: split and lemmatise it once
def _words(text: str) -> tuple[list[tuple[int, int, str]], list[tuple[str, str]]]:
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text.lower())]
    return words, [(w, lemma(w)) for _, _, w in words]


@cache
def lemma(word: str) -> str:
    return lemma_table().get(word, word)


def compile_pattern(source: str) -> PhrasePattern:
    """Validate and compile a phrase pattern; raises InvalidPattern with what is wrong."""
    if not source or not source.strip():
        raise InvalidPattern(source, "the pattern is empty")
    slots: list[_Slot] = []
    for raw in source.lower().split():
        optional = raw.startswith("[") and raw.endswith("]")
        body = raw[1:-1] if optional else raw
        if "[" in body or "]" in body:
            raise InvalidPattern(source, f"unbalanced brackets in {raw!r}")
        if body == "*":
            slots.append(_Slot(frozenset(), optional))
            continue
        words = [w for w in body.split("|")]
        bad = [w for w in words if not _WORD.fullmatch(w)]
        if bad:
            raise InvalidPattern(
                source, f"{bad[0] or '(empty)'!r} is not a word; use letters, digits, - and '"
            )
        slots.append(_Slot(frozenset(words) | {lemma(w) for w in words}, optional))
    if len(slots) > _MAX_SLOTS:
        raise InvalidPattern(source, f"at most {_MAX_SLOTS} words")
    if all(s.optional or not s.words for s in slots):
        raise InvalidPattern(source, "needs at least one required word")
    return PhrasePattern(source, tuple(slots))
