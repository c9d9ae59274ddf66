"""Detectors: each compares a claim with its matched statements and reports findings."""

from __future__ import annotations

from collections.abc import Callable

from knowledge.detectors import (
    ages,
    arithmetic,
    background,
    calendar,
    lives,
    quotes,
    rules,
    timeline,
    unsupported,
    venue,
)
from knowledge.matching import CheckContext, Match
from knowledge.model import Finding, FindingKind
from knowledge.nlp.claims import Claim

Detector = Callable[[Claim, list[Match], CheckContext], list[Finding]]

DETECTORS: tuple[Detector, ...] = (
    rules.detect,
    calendar.detect,
    arithmetic.detect,
    timeline.detect,
    venue.detect,
    lives.detect,
    quotes.detect,
    background.detect,
    unsupported.detect,
    ages.detect,
)

# The aspect of a claim each kind of finding judges. A sentence can be wrong in several
# aspects at once (a wrong weekday and a wrong number), each worth a finding; findings of
# one aspect overlap (a changed speaker is a swap and a misattribution; an inserted "not" is
# a background and a polarity problem), so each aspect is reported once per piece of
# evidence, by the first detector that finds it.
_ASPECT = {
    FindingKind.OUTDATED: "outdated",
    FindingKind.TIMELINE: "when",
    FindingKind.CALENDAR: "when",
    FindingKind.OFFICE: "who, where, how many",
    FindingKind.PLACE: "who, where, how many",
    FindingKind.SWAP: "who, where, how many",
    FindingKind.MISATTRIBUTION: "who, where, how many",
    FindingKind.MISQUOTE: "what was said",
    FindingKind.POLARITY: "what happened",
    FindingKind.BACKGROUND: "what happened",
    FindingKind.AGE: "how old",
    FindingKind.ARITHMETIC: "how many",
}
# A kind that judges more than one aspect: a birth or death's date and place (one finding
# per piece of evidence, the first the life detector gives; none where the timeline or the
# venue detector has judged that evidence already).
_ASPECTS = {FindingKind.LIFE: ("when", "who, where, how many")}


def run_detectors(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """All findings for one claim: one per aspect and piece of evidence."""
    findings: list[Finding] = []
    cited: set[tuple[str, tuple[int, ...]]] = set()
    for detector in DETECTORS:
        for finding in detector(claim, matches, context):
            ids = tuple(e.id for e in finding.evidence)
            keys = {(a, ids) for a in _aspects(finding.kind)}
            if ids and keys & cited:
                continue
            cited |= keys
            findings.append(finding)
    return findings


def _aspects(kind: FindingKind) -> tuple[str, ...]:
    return _ASPECTS[kind] if kind in _ASPECTS else (_ASPECT[kind],)
