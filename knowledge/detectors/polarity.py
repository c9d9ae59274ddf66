"""Polarity detector: the claim asserts the negation, or the opposite, of a statement."""

from __future__ import annotations

import re

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.patterns import lemma

_COVERAGE = 0.6
_PRECISION = 0.45


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    if not claim.asserted:  # "Critics say ... would ...": nothing is claimed to be so
        return []
    for match in matches[:3]:
        if match.coverage < _COVERAGE or match.precision < _PRECISION:
            continue
        if not match.statement_entities <= (claim.features.entity_ids | _context(claim)):
            continue
        if claim.features.negated != match.features.negated:
            said = "denies" if claim.features.negated else "asserts"
            return [Finding(
                FindingKind.POLARITY,
                f"The claim {said} what the record says"
                + (" is not so." if match.features.negated else "."),
                (Evidence.of(match.statement),))]
        pair = _antonym(claim, match, context)
        if pair:
            return [Finding(
                FindingKind.POLARITY,
                f"Says “{_written(claim.text, pair[0])}” where the record says "
                f"“{_written(match.statement.text, pair[1])}”.",
                (Evidence.of(match.statement),))]
    return []


def _context(claim: Claim) -> frozenset[str]:
    return frozenset(m.id for m in claim.features.context_entities)


def _antonym(claim: Claim, match: Match, context: CheckContext) -> tuple[str, str] | None:
    mine = set(claim.features.lemmas)
    theirs = set(match.features.lemmas)
    for word in mine - theirs:
        opposites = context.lexicon.antonyms.get(word, frozenset())
        found = (opposites & theirs) - mine
        if found:
            return word, sorted(found)[0]
    return None


def _written(text: str, lemma_: str) -> str:
    """The word of `text` whose lemma is `lemma_`, as written ("criticised" for "criticise")."""
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", text):
        if word.lower() == lemma_ or lemma(word.lower()) == lemma_:
            return word
    return lemma_
