"""Venue detector: a recorded event told at another place ("Stoltenberg was born in Bergen"
beside "Jens Stoltenberg was born on 16 March 1959 in Oslo"; "Speaking in Tokyo on Monday,
Stoltenberg urged South Korea ..." beside "On Monday in Seoul, Jens Stoltenberg asked South
Korea ...").

An event happens in one place, but a sentence names places for many reasons, so the claim's
place is read as the event's only where it is written so:

- a birth or a death, each of which happens once: the place after "born" or "died";
- any other recorded event the claim dates to its very day: the place right after the act
  ("was signed in Warsaw"), or opening the sentence ("In Tokyo, ...", "Speaking in Tokyo on
  Monday, ...").

The place must be known to the place lexicon and apart from every place the record names
(`nlp.places.apart`: another city, or another country); a name it does not know, or one that
may hold the other ("born in Norway" beside "in Oslo"), is no contradiction.
"""

from __future__ import annotations

import re

from knowledge.detectors.timeline import clause_piece, same_event, with_kin
from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind, StatementKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import PartialDate
from knowledge.nlp.features import Features, person_like
from knowledge.nlp.places import ToldPlace, a_place, apart, known, told_places
from knowledge.resources import word_set

# What may open a sentence before the place that frames it: "In Tokyo, ...", "Speaking in
# Tokyo on Monday, ...", "Addressing reporters in Tokyo, ...".
_FRAMING = re.compile(
    r"^\W*(?:(?:speaking|talking|addressing|writing|appearing)(?:\s+[\w'-]+){0,5}\s+)?$", re.I
)
# Between a name and the word of its birth or death: "Jens Stoltenberg was born", "Rutte,
# who was born", "Stoltenberg, born", "Kyle, who had died".
_LIFE_AFTER_NAME = re.compile(
    r"\s*(?:,\s*)?(?:who\s+)?(?:was\s+|is\s+|had\s+|has\s+)?(?:been\s+)?(?:born|died)\b", re.I
)
# An opening phrase telling a birth or death before the name: "Born in Oslo in 1959, ".
_LIFE_OPENING = re.compile(r"^\W*(?:born|died)\b[^.;]*,\s*$", re.I)


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    features = claim.features
    if not claim.states_fact or features.negated:
        return []
    said = told_places(features.text)
    if not said:
        return []
    life = _life_words(features)
    for match in matches:
        if not _one_event(claim, match, life):
            continue
        telling = _same_day(match, matches, context)
        recorded = [(m, p) for m in telling for p in told_places(m.statement.text)]
        if not recorded:
            continue
        named = [p.key for _, p in recorded] + [n for m in telling for n in _known_names(m)]
        for place in said:
            if not _told_of_event(features, place, match, life):
                continue
            if life and not _of_their_life(features, place, match, context):
                continue  # "..., and Mark Rutte, born in The Hague": another's birth
            if all(apart(place.key, other) for other in named):
                cited, where = recorded[0]
                told = cited.statement.text[where.start : where.end]
                told = told[:1].lower() + told[1:]  # "In Madrid, ..." opens the record
                written = features.text[place.start : place.end]
                problem = f"Says “{written}”, but the record puts this {told}."
                return [Finding(FindingKind.PLACE, problem, (Evidence.of(cited.statement),))]
    return []


def _same_day(event: Match, matches: list[Match], context: CheckContext) -> list[Match]:
    """The event's statement with the others its source dates to the same day about the same
    person ("On Monday in Seoul, Stoltenberg asked ..." beside "Stoltenberg urged ..."): where
    the record puts that day of theirs."""
    statement = event.statement
    people = {e for e in event.statement_entities if context.entity_labels.get(e) == "PERSON"}
    return [event] + [
        m
        for m in matches
        if m is not event
        and people
        and m.statement.event_date == statement.event_date
        and m.statement.source == statement.source
        and people & m.statement_entities
    ]


def _life_words(features: Features) -> frozenset[str]:
    """The claim's words of a birth or a death (only one of the two: a sentence telling both
    may give either place)."""
    lemmas = set(features.lemmas)
    born = lemmas & word_set("reading.yaml", "birth_words")
    died = lemmas & word_set("reading.yaml", "death_words")
    return frozenset(born or died) if bool(born) != bool(died) else frozenset()


def _one_event(claim: Claim, match: Match, life: frozenset[str]) -> bool:
    """Whether the claim tells the recorded event: the same event by its words and names, and
    either a birth or death told by both, or the recorded day given by the claim."""
    statement = match.statement
    recorded = PartialDate.parse(statement.event_date)
    if statement.kind != StatementKind.EVENT or recorded is None or not same_event(match):
        return False
    if life:
        return bool(life & set(match.features.lemmas))
    if recorded.precision < 2:
        return False
    return any(
        d.value is not None and d.value.precision >= 2 and d.value.agrees(recorded)
        for d in claim.features.dates
    )


def _of_their_life(
    features: Features, place: ToldPlace, match: Match, context: CheckContext
) -> bool:
    """Whether the birth or death place is told of the record's person: the last person (or
    name the record gives) named before it, its word right after the name ("Jens Stoltenberg
    was born", "Rutte, who was born", "Rutte, born"; not "Stoltenberg's brother was born"),
    or the first named after a phrase opening the sentence that tells it ("Born in Oslo in
    1959, Stoltenberg ...")."""
    text = features.text
    people = [  # a name the record gives counts, a single word too ("Bond died in London")
        m
        for m in features.entities
        if person_like(m, context.label(m))
        or (m.id in match.statement_entities and not a_place(m.text))
    ]
    before = [m for m in people if m.end <= place.start]
    after = [m for m in people if m.start >= place.end]
    if before:
        person, told = before[-1], _LIFE_AFTER_NAME.match(text, before[-1].end)
    elif after:
        person, told = after[0], _LIFE_OPENING.match(text[: after[0].start])
    else:
        return False
    return told is not None and person.id in match.statement_entities


def _told_of_event(
    features: Features, place: ToldPlace, match: Match, life: frozenset[str]
) -> bool:
    """Whether the place is written as where the event happened: after the birth or death
    word in its clause; else right after a word of the event's own, or framing the sentence
    or its subject's act."""
    text = features.text
    before = text[: place.start]
    opens = clause_piece(text, place.start, place.end)[0]
    piece = before[opens:]
    if life:  # "born in Bergen", "born on 16 March 1959 in Bergen": after its word
        return any(opens <= w.start < place.start and w.lemma in life for w in features.words)
    if _FRAMING.match(before) or (_FRAMING.match(piece) and piece.strip()):
        return True  # "In Tokyo, ...", "Stoltenberg, speaking in Tokyo, urged ..."
    own = with_kin(match.words_only(match.statement_concepts))
    preceding = [w for w in features.words if w.end <= place.start]
    return bool(preceding) and preceding[-1].lemma in own and bool(piece.strip())


def _known_names(match: Match) -> list[str]:
    """The names in a statement that the place lexicon knows ("South Korea", "Norwegian")."""
    return [m.text for m in match.features.entities if known(m.text)]
