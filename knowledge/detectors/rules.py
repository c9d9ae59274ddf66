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
    """An asserted mention, or for an out-of-date reference a definite one in any modality."""
    return claim.asserts(*span) or (rule.kind == RuleKind.OUTDATED and claim.presupposes(span[0]))


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
