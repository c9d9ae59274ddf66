"""Rule detector: phrases that are out of date, or contradicted, from a given date on."""

from __future__ import annotations

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind, Rule, RuleKind, Verdict
from knowledge.nlp.claims import Claim


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    findings = []
    for rule, pattern in context.rules:
        span = pattern.search(claim.text)
        if span is None or not _mentioned(rule, claim, span) or not _applies(rule, claim, context):
            continue
        phrase = claim.text[span[0] : span[1]]
        evidence = context.evidence.get(rule.evidence_id) if rule.evidence_id else None
        findings.append(
            Finding(
                FindingKind.OUTDATED if rule.kind == RuleKind.OUTDATED else FindingKind.TIMELINE,
                f"“{phrase}”: {rule.explanation}",
                (Evidence.of(evidence),) if evidence else (),
                Verdict.OUTDATED if rule.kind == RuleKind.OUTDATED else Verdict.CONTRADICTED,
            )
        )
    return findings


def _mentioned(rule: Rule, claim: Claim, span: tuple[int, int]) -> bool:
    """An asserted mention, or for an out-of-date reference a definite one in any modality.
    A named thing in a telling of what was done or said about it is history ("accused Kyiv
    of sabotaging the Minsk agreements", "said the agreements had been used to buy time"
    speak of when they were in force); what is said of it now is not ("the minister said
    both sides must respect the Minsk accords")."""
    if rule.kind == RuleKind.OUTDATED:
        if claim.past_acts and _names_a_thing(claim, span):
            return False
        return claim.asserts(*span) or claim.presupposes(span[0])
    return claim.asserts(*span)


def _names_a_thing(claim: Claim, span: tuple[int, int]) -> bool:
    """Whether the mention overlaps a named entity of the sentence (the Minsk agreements)."""
    return any(m.start < span[1] and span[0] < m.end for m in claim.features.entities)


def _applies(rule: Rule, claim: Claim, context: CheckContext) -> bool:
    when = context.reference_date
    if rule.applies_from and when < rule.applies_from:
        return False
    if rule.applies_until and when >= rule.applies_until:
        return False
    if rule.context and not (
        set(rule.context) & (claim.features.entity_ids | context.article_entities)
    ):
        return False
    return not _speaks_of_the_past(rule, claim, context)


def _speaks_of_the_past(rule: Rule, claim: Claim, context: CheckContext) -> bool:
    """A sentence placing the reference before the cut-off is history, not an error."""
    if claim.historical:
        return True
    if rule.applies_from is None:
        return False
    return any(
        d.value is not None and d.value.first_day() < rule.applies_from
        for d in claim.features.dates
        if d.kind == "date"
    )
