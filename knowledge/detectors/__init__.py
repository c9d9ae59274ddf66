"""Detectors: each compares a claim with its matched statements and reports findings."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.detectors import background, polarity, quotes, rules, swap, timeline, unsupported
from knowledge.matching import CheckContext, Match
from knowledge.model import Finding
from knowledge.nlp.claims import Claim

Detector = Callable[[Claim, list[Match], CheckContext], list[Finding]]

# Each detector with the aspect of a claim it judges. A sentence can be wrong in several
# aspects at once (a wrong weekday and a wrong number); detectors of the same aspect overlap
# (an inserted "not" is both a background and a polarity problem), so that aspect is
# reported once per piece of evidence, by the first detector that finds it.
DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("rule", rules.detect),
    ("date", timeline.detect),
    ("quote", quotes.detect),
    ("who-where-how-many", swap.detect),
    ("meaning", background.detect),
    ("meaning", polarity.detect),
    ("meaning", unsupported.detect),
)


def run_detectors(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """All findings for one claim: one per aspect and piece of evidence."""
    findings: list[Finding] = []
    cited: set[tuple[str, tuple[int, ...]]] = set()
    for aspect, detector in DETECTORS:
        for finding in detector(claim, matches, context):
            key = (aspect, tuple(e.id for e in finding.evidence))
            if key[1] and key in cited:
                continue
            cited.add(key)
            findings.append(finding)
    return findings
