"""Whether a claim speaks of the past (history) or of the present, decided per claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from lemminflect import getAllInflections

from knowledge.nlp.cues import CueSet, Word, compile_cues, find_cue
from knowledge.nlp.dates import DateMention
from knowledge.resources import word_lists


@dataclass(frozen=True, slots=True)
class _TenseCues:
    historical: CueSet
    past_adverbs: CueSet
    present: frozenset[str]
    past: frozenset[str]
    past_states: frozenset[str]


@cache
def _cues() -> _TenseCues:
    data = word_lists("reading.yaml")
    return _TenseCues(
        compile_cues(data["historical"]),
        compile_cues(data["past_adverbs"]),
        frozenset(data["present_forms"]),
        frozenset(data["past_forms"]),
        frozenset(data["past_states"]),
    )


def is_historical(
    words: Sequence[Word], dates: Sequence[DateMention], reference: date, *, reported: bool = False
) -> bool:
    """History: a phrase that places it in the past ("were signed", "no longer"), or the past
    tense with no present form and either a past marker ("later said"), a past state ("was an
    attempt", unless it is reported speech, where the past is the reporting's) or a date of an
    earlier year ("In 2014 the war ... was fought")."""
    cues = _cues()
    if find_cue(words, cues.historical) is not None:
        return True
    if _present(words) or not any(_past(w) for w in words):
        return False
    if find_cue(words, cues.past_adverbs) is not None:
        return True
    if not reported and any(w.lower in cues.past_states for w in words if not w.name):
        return True
    return any(
        d.kind == "date" and d.value is not None and d.value.year < reference.year for d in dates
    )


def _present(words: Sequence[Word]) -> bool:
    return any(w.lower in _cues().present for w in words if not w.name)


def _past(word: Word) -> bool:
    if word.name or not word.text.isalpha():
        return False
    if word.lower in _cues().past:
        return True
    return word.lower != word.lemma and word.lower in _past_forms(word.lemma)


@cache
def _past_forms(lemma: str) -> frozenset[str]:
    return frozenset(getAllInflections(lemma, upos="VERB").get("VBD", ()))
