"""Reading one sentence before it is judged: the statement to check, who says it, how, when."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span

from knowledge.nlp.cues import words_of
from knowledge.nlp.features import Features, title_start
from knowledge.nlp.modality import Modality, modality_of
from knowledge.nlp.questions import is_question, restate
from knowledge.nlp.speech import ReportedSpeech, find_speech
from knowledge.nlp.tense import is_historical, tells_past_acts


@dataclass(frozen=True, slots=True)
class Reading:
    """What a sentence says and how: see the fields of the same names on Claim."""

    statement: str
    question: bool
    modality: Modality
    modal_cue: str
    modal_span: tuple[int, int]
    historical: bool
    speech: ReportedSpeech | None
    past_acts: bool


def read_sentence(span: Span, features: Features, reference: date) -> Reading:
    """The reading of one sentence, its features computed on the same span."""
    words = words_of(span)
    statement, question = span.text, False
    if is_question(span.text):
        restated = restate(words)
        statement, question = (restated, True) if restated else (span.text, False)
    speech = _with_speaker_id(
        find_speech(words, span.text, span.start_char), features, span.start_char
    )
    modal = modality_of(words, speech, features.dates, reference)
    return Reading(
        statement,
        question,
        modal.modality,
        modal.cue,
        (modal.start, modal.end),
        is_historical(
            words,
            [d for d in features.dates if not title_start(features, d)],
            reference,
            reported=speech is not None,
        ),
        speech,
        tells_past_acts(words),
    )


def _with_speaker_id(
    speech: ReportedSpeech | None, features: Features, offset: int
) -> ReportedSpeech | None:
    """The speaker's knowledge-base entity, when a named entity lies within the speaker."""
    if speech is None:
        return None
    start, end = speech.speaker_start - offset, speech.speaker_end - offset
    found = next((m for m in features.entities if start <= m.start and m.end <= end), None)
    return replace(speech, speaker_id=found.id) if found is not None else speech
