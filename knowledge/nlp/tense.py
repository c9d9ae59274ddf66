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
    directives: CueSet
    modals: frozenset[str]


@cache
def _cues() -> _TenseCues:
    data = word_lists("reading.yaml")
    return _TenseCues(
        compile_cues(data["historical"]),
        compile_cues(data["past_adverbs"]),
        frozenset(data["present_forms"]),
        frozenset(data["past_forms"]),
        frozenset(data["past_states"]),
        compile_cues(data["directives"]),
        frozenset(data["present_modals"]),
    )


def is_historical(
    words: Sequence[Word], dates: Sequence[DateMention], reference: date, *, reported: bool = False
) -> bool:
    """History: a phrase that places it in the past ("were signed", "no longer"), or the past
    tense with no present form and either a past marker ("later said"), a past state ("was an
    attempt", unless it is reported speech, where the past is the reporting's) or a date of an
    earlier year ("In 2014 the war ... was fought", "last February" said in January)."""
    cues = _cues()
    if find_cue(words, cues.historical) is not None:
        return True
    if _present(words) or not any(_past(w) for w in words):
        return False
    if find_cue(words, cues.past_adverbs) is not None:
        return True
    if not reported and any(w.lower in cues.past_states for w in words if not w.name):
        return True
    return any(  # "In 2014", "last February" (said in 2023)
        d.kind in ("date", "relative") and d.value is not None and d.value.year < reference.year
        for d in dates
    )


def tells_past_acts(words: Sequence[Word]) -> bool:
    """Whether a sentence tells what was done: past forms and no present one but the
    auxiliary of a perfect ("Zelensky accused Paris of failing to enforce ...", "Moscow has
    repeatedly accused Kyiv of ..."). What was done to a thing says nothing of whether it
    still exists; a present clause about it does ("..., which is an agreement to ..."), and so
    does a call to act on it ("urged Russia to adhere to ...")."""
    if find_cue(words, _cues().directives) is not None:
        return False  # a call to do something: what it names is taken to be in force
    present = [
        i
        for i, w in enumerate(words)
        if (w.lower in _cues().present or w.lower in _cues().modals)
        and not w.name
        and not _perfect(words, i)
        and not _possessive(words, i)
    ]
    return not present and any(_past(w) for w in words)


def _perfect(words: Sequence[Word], at: int) -> bool:
    """ "has"/"have" as the auxiliary of a perfect: a past form follows within three words."""
    if words[at].lower not in _PERFECT_AUXILIARIES:
        return False
    return any(_past(w) for w in words[at + 1 : at + 4])


_PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})
# Words after which "'s" is "is" or "has": "it's", "that's", "there's".
_CONTRACTING = frozenset(
    {"it", "he", "she", "that", "there", "here", "what", "who", "where", "when", "how", "this"}
)


def _possessive(words: Sequence[Word], at: int) -> bool:
    """ "'s" after a name or a noun is its possessive ("Ukraine's foreign minister", "the
    alliance's 31st member"), not "is"; after a pronoun it is "is" ("it's", "that's")."""
    if words[at].lower != "'s" or at == 0:
        return False
    return words[at - 1].lower not in _CONTRACTING


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
