"""Background detector: a claim presupposes what a negative background fact rules out."""

from __future__ import annotations

from knowledge.matching import CheckContext, Match, anaphor_entities
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.negation import denies_itself
from knowledge.resources import has_phrase

_WORDS_COVERED = 0.5


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    if not claim.states_fact:  # hedged, supposed, predicted, wished, denied or attributed
        return []
    if claim.features.negated or has_phrase(claim.text, context.lexicon.irrealis):
        return []
    present = claim.features.entity_ids | anaphor_entities(claim, context.lexicon)
    for match in matches:
        if not denies_itself(match.features) or match.statement.kind != "fact":
            continue
        if not _in_force(match, context) or _told_before(claim, match):
            continue
        if not match.features.entity_ids <= present:
            continue
        words = match.words_only(match.statement_concepts)
        said = match.words_only(match.claim_concepts)
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
