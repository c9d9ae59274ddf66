"""A retelling that puts what one person of the article said in another's mouth ("Hospital
director Eleni Papadaki said at least 40 houses had been damaged" where the article has it
from Andreas Marinos).

Told only where every part of it is sure: the claim names its speaker, a person the article
reports speaking too (`knowledge.nlp.speakers`); what it reports as said gives at least four content
words and figures, four in five of them in each article sentence that tells it; each such
sentence reports it from someone named otherwise (a "he said" counts as the person the
article names just before), none without a speaker or from the claim's; and none of them names
the claim's speaker (one may speak for the other: "Baldini, Credito Lombardo's chief
executive, said").
"""

from __future__ import annotations

from knowledge.matching import CheckContext, SourceRecord
from knowledge.model import Statement
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features
from knowledge.nlp.speakers import may_be_one, names, people_of, speaker_name, speaks_in

_MIN_WORDS = 4  # content words and figures the claim reports as said
_COVERED = 0.8  # share of them the article sentence must give


def _another_speaker(
    claim: Claim, record: SourceRecord, context: CheckContext
) -> tuple[str, Statement] | None:
    said = _said_words(claim)
    if len(said) < _MIN_WORDS:
        return None
    telling = [
        (share, statement, features)
        for statement, features in zip(record.statements, record.features, strict=True)
        if (share := _share(said, features)) >= _COVERED
    ]
    if not telling:
        return None
    name = speaker_name(claim)
    people = people_of([*record.features, claim.features], context.entity_labels, context.lexicon)
    claimed = people.person(name) if name is not None else None
    if claimed is None or not speaks_in(claimed, record.statements):
        return None
    for _, statement, features in telling:
        recorded = statement.speaker
        if not recorded or may_be_one(recorded, claimed):
            return None  # told without a named speaker, or from the claim's
        if any(may_be_one(m.id, claimed) for m in names(features)):
            return None  # the sentence names the claim's speaker too: one may speak for
            # the other ("Baldini, Credito Lombardo's chief executive, said")
    _, statement, features = max(telling, key=lambda told: told[0])
    said_by, who = people.written(claimed), people.written(statement.speaker or "")
    return f"Attributes this to {said_by}, but the source article has it from {who}.", statement


def _said_words(claim: Claim) -> frozenset[str]:
    """The content words of what the claim reports as said."""
    speech = claim.speech
    if speech is None:
        return frozenset()
    start, end = speech.content_start - claim.start, speech.content_end - claim.start
    features = claim.features
    said = {w.lemma for w in features.words if start <= w.start and w.end <= end}
    figures = {_figure(n.value) for n in features.numbers if start <= n.start and n.end <= end}
    return frozenset(features.content & said) | figures


def _share(said: frozenset[str], features: Features) -> float:
    """The share of what the claim reports as said that a sentence gives: its words, lemmas
    and figures."""
    given = features.content | set(features.lemmas) | {_figure(n.value) for n in features.numbers}
    return len(said & given) / max(1, len(said))


def _figure(value: float) -> str:
    return f"#{value:g}"
