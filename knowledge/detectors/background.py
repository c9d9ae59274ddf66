"""Background detector: a claim presupposes what a negative background fact rules out."""

from __future__ import annotations

from knowledge.matching import CheckContext, Match, anaphor_entities
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features
from knowledge.nlp.negation import denied_words, denies_itself
from knowledge.resources import has_phrase, word_set

_WORDS_COVERED = 0.5
# Words before a name that keep it out of what the sentence says of the rest ("imposed by the
# EU, not by NATO", "by the EU rather than NATO", "everyone except NATO").
_SETTING_APART = (
    "not",
    "not by",
    "not from",
    "but not",
    "nor",
    "rather than",
    "instead of",
    "unlike",
    "except",
    "except for",
    "excluding",
    "other than",
    "apart from",
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "their"})


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    if not claim.states_fact:  # hedged, supposed, predicted, wished, denied or attributed
        return []
    if claim.features.negated or has_phrase(claim.text, context.lexicon.irrealis):
        return []
    if _distanced(claim):
        return []  # "Russia claims NATO troops are fighting in Ukraine" reports a claim
    present = claim.features.entity_ids | anaphor_entities(claim, context.lexicon)
    for match in matches:
        if not denies_itself(match.features) or match.statement.kind != "fact":
            continue
        if context.record_of(match.statement) is not None:
            continue  # a sentence of a learned article: its negation may bear on one of its
            # clauses ("..., who no longer appear in the statistics") or be someone's denial;
            # the unsupported-detail detector compares a retelling's negation with it
        if not _in_force(match, context) or _told_before(claim, match):
            continue
        if not match.features.entity_ids <= present:
            continue
        words = match.words_only(match.statement_concepts)
        said = match.words_only(match.claim_concepts)
        if _set_apart(claim.features, match.features.entity_ids):
            continue  # "by the EU and the US rather than NATO" says what NATO does not do
        if denied_words(claim.features) & (words | match.features.content):
            continue  # the claim's own negation bears on the fact ("..., not by the alliance";
            # two negations in one sentence do not make it positive)
        if words and len(words & said) / len(words) >= _WORDS_COVERED:
            return [
                Finding(
                    FindingKind.BACKGROUND,
                    f"Takes for granted what the record rules out: {match.statement.text}",
                    (Evidence.of(match.statement),),
                )
            ]
    return []


def _in_force(match: Match, context: CheckContext) -> bool:
    when = context.reference_date.isoformat()
    since, until = match.statement.valid_from, match.statement.valid_until
    return (since is None or since <= when) and (until is None or when < until)


def _told_before(claim: Claim, match: Match) -> bool:
    """Whether every date the claim gives lies before the background fact began ("The Minsk
    II agreement of February 2015 set out a ceasefire" beside "no ceasefire since 24 February
    2022"): it tells of a time the fact does not speak of."""
    since = match.statement.valid_from
    told = [d.value.iso() for d in claim.features.calendar_dates if d.value is not None]
    return since is not None and bool(told) and all(t < since[: len(t)] for t in told)


def _set_apart(features: Features, entity_ids: frozenset[str]) -> bool:
    """Whether each mention of the fact's subjects in the claim is set apart from what the
    claim says ("not by NATO", "rather than NATO", "unlike NATO"), so that the claim does not
    say it of them."""
    mentions = [m for m in features.entities if m.id in entity_ids]
    return bool(mentions) and all(_after_setting_apart(features.text, m.start) for m in mentions)


def _after_setting_apart(text: str, start: int) -> bool:
    before = text[:start].lower().replace(",", " ").split()
    while before and before[-1] in _DETERMINERS:
        before.pop()
    return any(tuple(before[-len(p.split()) :]) == tuple(p.split()) for p in _SETTING_APART)


def _distanced(claim: Claim) -> bool:
    """Whether the claim reports what someone claims or alleges, keeping apart from it."""
    speech = claim.speech
    if speech is not None and speech.verb in word_set("reading.yaml", "distancing_verbs"):
        return True
    phrases = tuple(sorted(word_set("reading.yaml", "distancing_phrases")))
    return has_phrase(claim.text, phrases) is not None
