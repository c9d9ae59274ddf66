"""Splitting an article into sentence-level claims and judging which are check-worthy."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span

from knowledge.nlp.features import REPORTING_VERBS, Features, Mention, sentence_features
from knowledge.resources import Lexicon

_TIMESTAMP = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?\s+")
_CONTEXT_LABELS = frozenset({"GPE", "LOC", "PROPN"})


@dataclass(frozen=True, slots=True)
class Claim:
    """One sentence of the input with its offsets, features and check-worthiness."""

    text: str
    start: int
    end: int
    features: Features
    check_worthy: bool
    reason: str = ""


def extract_claims(doc: Doc, reference: date, lexicon: Lexicon) -> list[Claim]:
    """Every non-boilerplate sentence of `doc` as a claim (check-worthy or not), in order."""
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
        worthy, reason = _check_worthiness(span, features, lexicon)
        claims.append(Claim(span.text, span.start_char, span.end_char, features, worthy, reason))
        recent = [m for m in reversed(features.entities) if m.label in _CONTEXT_LABELS] + recent
        recent = recent[:6]
    return claims


def _trim(text: str, start: int, end: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Bounds of `text[start:end]` without surrounding space, timestamps and bylines."""
    sentence = text[start:end]
    end = start + len(sentence.rstrip())
    start += len(sentence) - len(sentence.lstrip())
    body = text[start:end]
    if not body or lexicon.boilerplate_lines.match(body):
        return None
    for pattern in (_TIMESTAMP, lexicon.boilerplate_prefixes):
        match = pattern.match(body)
        if match:
            start += match.end()
            body = body[match.end() :]
    return (start, end) if body.strip() else None


def _check_worthiness(span: Span, features: Features, lexicon: Lexicon) -> tuple[bool, str]:
    words = [t for t in span if t.is_alpha]
    if len(words) < 4:
        return False, "too short to be a claim"
    if span.text.rstrip().endswith("?"):
        return False, "a question"
    lowered = [t.lower_ for t in span]
    cased = [t.text for t in span]  # "may" is a cue, "May" a month
    reported = any(lemma in REPORTING_VERBS for lemma in features.lemmas)
    joined = " ".join(lowered)
    cue = next((w for w in cased if w in lexicon.opinion_words), None) or next(
        (p for p in lexicon.opinion_phrases if f" {p} " in f" {joined} "), None
    )
    if cue and not (reported and cue not in ("hope", "hopes", "hoped", "believe", "believes")):
        return False, f"an opinion, hope or prediction ({cue!r})"
    return True, ""
