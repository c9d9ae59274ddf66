"""Splitting an article into sentence-level claims and judging which are check-worthy."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from knowledge.nlp.features import REPORTING_VERBS, Features, Mention, sentence_features
from knowledge.nlp.furniture import dateline_length, is_furniture, label_length
from knowledge.nlp.modality import Modality, definite_before
from knowledge.nlp.reading import Reading, read_sentence
from knowledge.nlp.speech import ReportedSpeech
from knowledge.resources import Lexicon

_TIMESTAMP = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?\s+")
_CONTEXT_LABELS = frozenset({"GPE", "LOC", "PROPN"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of the input with its offsets, features and check-worthiness, and how it
    reads: `text` is the input between `start` and `end`; `statement` is what to check (the
    same, or a question put as the statement it asks about, without its question mark)."""

    text: str
    start: int
    end: int
    features: Features  # of `statement`
    check_worthy: bool
    reason: str = ""
    statement: str = ""
    question: bool = False  # the input asked whether `statement` is true
    modality: Modality = Modality.ASSERTED
    modal_cue: str = ""  # the words that set the modality ("would", "Critics")
    modal_span: tuple[int, int] = (0, 0)  # the part of the input it covers (offsets)
    historical: bool = False  # speaks of the past ("were signed in 2015", "later said")
    speech: ReportedSpeech | None = None  # who is reported as saying what
    past_acts: bool = False  # tells what was done, with no present clause ("accused ... of")

    @property
    def asserted(self) -> bool:
        """Whether the text puts the claim as true: a plain statement of fact, or a named
        speaker's report of what they said (the report is checkable even when what was said is
        a prediction: "The Trust said the trees would shade the path"). Claims hedged,
        supposed, predicted, wished or denied in the text's own voice, or attributed to nobody
        in particular ("Critics say ..."), are not."""
        if self.modality == Modality.ASSERTED:
            return True
        named = self.speech is not None and not self.speech.generic
        return named and self.modality not in (Modality.DENIED, Modality.ATTRIBUTED)

    @property
    def states_fact(self) -> bool:
        """Whether what the claim says is put as a fact (in a report, what was reported): only
        then may a rule or a background fact judge it."""
        return self.modality == Modality.ASSERTED

    def asserts(self, start: int, end: int) -> bool:
        """Whether the mention at text[start:end] is put as fact: the claim states a fact, or
        the mention lies outside the words its modality covers ("Sweden, a NATO applicant, is
        expected to join" asserts "a NATO applicant")."""
        if self.states_fact:
            return True
        first, last = self.modal_span
        return self.start + end <= first or self.start + start >= last

    def presupposes(self, start: int) -> bool:
        """Whether the mention starting at text[start] is a definite description ("the Minsk
        agreement"), taken to exist whatever the claim's modality."""
        return definite_before(self.text[:start])


def extract_claims(
    doc: Doc, reference: date, lexicon: Lexicon, *, nlp: Language | None = None
) -> list[Claim]:
    """Every sentence of `doc` but page furniture as a claim (check-worthy or not), in order.
    With `nlp`, a question's statement is parsed for its features; else the question's are used."""
    claims: list[Claim] = []
    recent: list[Mention] = []
    text = doc.text  # built once: Doc.text joins every token on each access
    for sentence in doc.sents:
        bounds = _trim(text, sentence.start_char, sentence.end_char, lexicon)
        if bounds is None:
            continue
        span = doc.char_span(*bounds, alignment_mode="expand")
        if span is None or not any(t.is_alpha for t in span):
            continue
        features = replace(sentence_features(span, reference), context_entities=tuple(recent))
        reading = read_sentence(span, features, reference)
        if reading.question and nlp is not None:
            restated = sentence_features(nlp(reading.statement)[:], reference)
            features = replace(restated, context_entities=tuple(recent))
        worthy, reason = _check_worthiness(span, features, lexicon, reading)
        claims.append(_claim(span, features, worthy, reason, reading))
        recent = [m for m in reversed(features.entities) if m.label in _CONTEXT_LABELS] + recent
        recent = recent[:6]
    return claims


def _claim(span: Span, features: Features, worthy: bool, reason: str, reading: Reading) -> Claim:
    return Claim(
        span.text,
        span.start_char,
        span.end_char,
        features,
        worthy,
        reason,
        statement=reading.statement,
        question=reading.question,
        modality=reading.modality,
        modal_cue=reading.modal_cue,
        modal_span=reading.modal_span,
        historical=reading.historical,
        speech=reading.speech,
        past_acts=reading.past_acts,
    )


def _trim(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Bounds of `text[start:end]` without surrounding space, timestamps, datelines and
    credits; None when the sentence is page furniture (a byline, a credit, a time stamp)."""
    sentence = text[start:end]
    end = start + len(sentence.rstrip())
    start += len(sentence) - len(sentence.lstrip())
    body = text[start:end]
    if not body or lexicon.boilerplate_lines.match(body) or is_furniture(body):
        return None
    for pattern in (_TIMESTAMP, lexicon.boilerplate_prefixes):
        match = pattern.match(body)
        if match:
            start += match.end()
            body = body[match.end() :]
    cut = label_length(body)
    start, body = start + cut, body[cut:]
    cut = dateline_length(body)
    start, body = start + cut, body[cut:]
    return (start, end) if body.strip() else None


def _check_worthiness(
    span: Span, features: Features, lexicon: Lexicon, reading: Reading
) -> tuple[bool, str]:
    words = [t for t in span if t.is_alpha]
    figures = sum(1 for t in span if t.like_num and not t.is_alpha)
    if len(words) + figures < (3 if any(t.like_num for t in span) else 4):
        return False, "too short to be a claim"  # a figure tells enough: "Shares fell 4.5%"
    if span.text.rstrip().endswith("?") and not reading.question:
        return False, "a question"
    reported = any(lemma in REPORTING_VERBS for lemma in features.lemmas)
    if not reported and _remark_to_the_chat(words, features, lexicon):
        return False, "a remark to the chat, not a claim about the world"
    lowered = [t.lower_ for t in span]
    cased = [t.text for t in span]  # "may" is a cue, "May" a month
    joined = " ".join(lowered)
    cue = next((w for w in cased if w in lexicon.opinion_words), None) or next(
        (p for p in lexicon.opinion_phrases if f" {p} " in f" {joined} "), None
    )
    if cue and not (reported and cue not in ("hope", "hopes", "hoped", "believe", "believes")):
        return False, f"an opinion, hope or prediction ({cue!r})"
    return True, ""


def _remark_to_the_chat(words: list[Token], features: Features, lexicon: Lexicon) -> bool:
    """Whether a sentence that names nothing to check (no name, number or day) is built on
    the conversation's own words: it addresses its reader after the first word ("thank you so
    much", "can you help me?"), or asks or thanks ("please share this"). A sentence about its
    writer is still a claim: "I was fired for having a concealed carry permit" is one that
    fact-checkers rated. Someone's reported words are never a remark ("We are ready, the
    minister said"): the caller asks only of sentences without a reporting verb."""
    if features.numbers or any(d.kind != "relative" for d in features.dates):
        return False  # "tomorrow" alone names no day to check
    if any(m.text.lower() not in lexicon.conversation for m in features.entities):  # "Sorry"
        return False
    lowered = [t.lower_ for t in words]
    return any(w in lexicon.listener for w in lowered[1:]) or any(
        w in lexicon.requests for w in lowered
    )
