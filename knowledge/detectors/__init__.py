"""Detectors: each compares a claim with its matched statements and reports findings."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.detectors import background, polarity, quotes, rules, swap, timeline, unsupported
from knowledge.matching import CheckContext, Match
from knowledge.model import Finding
from knowledge.nlp.claims import Claim

Detector = Callable[[Claim, list[Match], CheckContext], list[Finding]]

DETECTORS: tuple[Detector, ...] = (
    rules.detect,
    timeline.detect,
    quotes.detect,
    swap.detect,
    background.detect,
    polarity.detect,
    unsupported.detect,
)


def run_detectors(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """All findings for one claim, one per piece of evidence (the first detector wins)."""
    findings: list[Finding] = []
    cited: set[tuple[int, ...]] = set()
    for detector in DETECTORS:
        for finding in detector(claim, matches, context):
            key = tuple(e.id for e in finding.evidence)
            if key and key in cited:
                continue
            cited.add(key)
            findings.append(finding)
    return findings
