"""Whether a sentence asserts what it says, or hedges, supposes, predicts, wishes or denies it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from knowledge.nlp.cues import CueSet, Word, compile_cues, find_cue
from knowledge.nlp.dates import DateMention
from knowledge.nlp.speech import ReportedSpeech, is_denial
from knowledge.resources import word_lists, word_set


class Modality(StrEnum):
    """How a claim puts what it says; only ASSERTED claims state a fact."""

    ASSERTED = "asserted"
    DENIED = "denied"  # "X denied that ...", "it is false that ..."
    ATTRIBUTED = "attributed"  # to nobody in particular: "Critics say ..."
    CONDITIONAL = "conditional"  # "if ...", "would ..."
    WISHED = "wished"  # "hopes", "wants"
    FUTURE = "future"  # "will", "is expected to", a date after the reference date
    HEDGED = "hedged"  # "may", "reportedly", "allegedly"
    POSSIBLE = "possible"  # "could", "possibly"


_ORDER = (
    Modality.DENIED,
    Modality.ATTRIBUTED,
    Modality.CONDITIONAL,
    Modality.WISHED,
    Modality.FUTURE,
    Modality.HEDGED,
    Modality.POSSIBLE,
)


@dataclass(frozen=True, slots=True)
class ModalCue:
    """What decided a claim's modality: the kind, the words that showed it, and the part of
    the input it covers (offsets; a mention outside it is still asserted: "Sweden, a NATO
    applicant, is expected to join" asserts that Sweden is an applicant)."""

    modality: Modality
    cue: str
    start: int = 0
    end: int = 0


@cache
def _cues() -> tuple[tuple[Modality, CueSet], ...]:
    data = word_lists("reading.yaml")
    return tuple((kind, compile_cues(data[kind.value])) for kind in _ORDER)


def modality_of(
    words: Sequence[Word],
    speech: ReportedSpeech | None,
    dates: Sequence[DateMention],
    reference: date,
) -> ModalCue:
    """The modality of a sentence, strongest first: a denial or an anonymous attribution
    covers the whole sentence; other cues are read in what is reported, when it is reported."""
    if not words:
        return ModalCue(Modality.ASSERTED, "")
    if speech is not None and (is_denial(speech) or speech.generic):
        kind = Modality.DENIED if is_denial(speech) else Modality.ATTRIBUTED
        return ModalCue(
            kind,
            speech.verb if is_denial(speech) else speech.speaker,
            speech.content_start,
            speech.content_end,
        )
    scope = list(words)
    if speech is not None:
        scope = [w for w in words if speech.content_start <= w.start < speech.content_end]
    for kind, cues in _cues():
        found = find_cue(scope, cues)
        while found is not None and _measured(scope, found[0]):
            found = find_cue(scope, cues, start=found[0] + 1)
        if found is not None:
            at = found[0]
            return ModalCue(kind, found[1].source, scope[at].start, scope[-1].end)
    ahead = next(
        (d for d in dates if d.value is not None and d.value.first_day() > reference), None
    )
    if ahead is not None:
        return ModalCue(Modality.FUTURE, ahead.text, words[0].start, words[-1].end)
    return ModalCue(Modality.ASSERTED, "")


# "the risk of" names a measured risk ("reduced the risk of heart attack by 30%"), as does a
# comparative before it ("a higher risk of cancer"); "a risk of default" is a possibility.
_MEASURED_NOUNS = frozenset({"risk", "threat", "chance", "likelihood", "odds"})
_MEASURING = frozenset(
    {"the", "higher", "lower", "greater", "smaller", "increased", "reduced", "raised", "elevated"}
)


def _measured(words: Sequence[Word], at: int) -> bool:
    """Whether the cue at `at` is a measured difference, not a hedge: a risk told with a
    figure ("cut the risk of hospitalisation by 90%") or after a comparative ("a higher risk
    of cancer"), or a cue a comparative after a figure leads to ("28% less likely", "a 28%
    lower risk of", "twice as likely"). "More likely to fall", "the risk of an attack is
    growing" and "a risk of default" still hedge or tell a possibility."""
    if (
        at
        and words[at].lower in _MEASURED_NOUNS
        and words[at - 1].lower in _MEASURING
        and (words[at - 1].lower != "the" or any(w.text[:1].isdigit() for w in words))
    ):
        return True  # "cut the risk of hospitalisation by 90%", "a higher risk of cancer";
        # not "warned of the risk of escalation", "the risk of an attack is growing"
    if at < 2 or words[at - 1].lower not in word_set("reading.yaml", "measured_comparatives"):
        return False
    before = words[at - 2]
    return (
        before.lower in ("%", "twice", "times", "percent")
        or before.text.replace(".", "").replace(",", "").isdigit()
    )


def definite_before(text: str) -> bool:
    """Whether `text` ends with a definite determiner, perhaps and one more word ("the
    fragile ceasefire", "Russia's invasion")."""
    words = text.lower().replace("’", "'").replace("'s", " 's").split()[-2:]
    return any(w.strip('"“”(') in word_set("reading.yaml", "definite_determiners") for w in words)
