"""The short summary of a report: its few most confident findings, grouped by evidence link."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from knowledge.model import ClaimResult, Evidence, Finding, FindingKind, Report, Verdict

_FLAGS = (Verdict.CONTRADICTED, Verdict.OUTDATED)


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One wrong detail, said once however many claims repeat it."""

    verdict: Verdict
    message: str
    claims: int  # how many flagged claims this same finding was made on
    confidence: float


@dataclass(frozen=True, slots=True)
class EvidenceGroup:
    """Findings that one piece of evidence (one link, or none) answers."""

    evidence: Evidence | None
    lines: tuple[SummaryLine, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a reader sees first: the strongest findings, and how many flagged claims are left."""

    groups: tuple[EvidenceGroup, ...]
    shown_claims: int  # flagged claims the lines speak for
    more_claims: int  # flagged claims (at or above the confidence floor) not in the lines

    @property
    def lines(self) -> tuple[SummaryLine, ...]:
        return tuple(line for group in self.groups for line in group.lines)


class Silence(StrEnum):
    """Why a report flags nothing, said so that silence is not taken for a clean bill: the
    knowledge base vouches only for claims it had statements on."""

    NO_CLAIMS = "no claims"
    NOTHING_KNOWN = "nothing known"  # no claim had a statement that bears on it
    UNSETTLED = "unsettled"  # close statements were read, and none settled a claim
    UNREAD = "unread"  # close statements were left unread: the check's pair budget was spent
    CONSISTENT = "consistent"  # statements bore on some claims, and they agree
    # fact-checkers rated a claim like one of these, and the rating settles none of them (a
    # mixed rating, or a message that may deny the rated claim or only report it)
    CONTEXT = "context"

    @property
    def sentence(self) -> str:
        """The words both front ends say it in."""
        return _SILENCE[self]


_SILENCE = {
    Silence.NO_CLAIMS: "I found no factual claims to check in this text.",
    Silence.NOTHING_KNOWN: (
        "The knowledge base has nothing on these claims, so it can neither confirm nor "
        "contradict them."
    ),
    Silence.UNSETTLED: (
        "The knowledge base has statements close to these claims, but none clearly supports "
        "or contradicts them."
    ),
    Silence.UNREAD: (
        "The knowledge base has statements close to some of these claims that this check did "
        "not read, since it reads a limited number per message: send those sentences on "
        "their own to check them."
    ),
    Silence.CONSISTENT: "Nothing in it contradicts what the knowledge base knows.",
    Silence.CONTEXT: (
        "Fact-checkers have rated this claim or one like it; their rating, shown with its "
        "link, does not settle it either way."
    ),
}


def silence(report: Report) -> Silence | None:
    """Why the report flags nothing, or None when it flags something."""
    if not report.claims:
        return Silence.NO_CLAIMS
    if report.flagged:
        return None
    if any(c.model is not None and c.model.unread for c in report.claims):
        return Silence.UNREAD  # what was left unread may contradict: no clean bill
    if any(c.verdict == Verdict.SUPPORTED for c in report.claims):
        return Silence.CONSISTENT
    if any(_context(c) for c in report.claims):
        return Silence.CONTEXT
    # the model reads a claim only with statements the cheap stages found to be about it
    if any(c.model is not None and c.model.read_statements for c in report.claims):
        return Silence.UNSETTLED
    return Silence.NOTHING_KNOWN


def summarize(report: Report, *, max_lines: int = 3, min_confidence: float = 0.0) -> Summary:
    """The report's `max_lines` most confident distinct findings at or above `min_confidence`.

    Identical findings on several claims make one line with a count; lines keep the order of
    the article and are grouped under the evidence link they share. A report that flags
    nothing shows the fact-checks it gives as context instead (`Silence.CONTEXT`).
    """
    found = _distinct_findings(report, min_confidence) or _context_findings(report)
    ranked = sorted(found.items(), key=lambda item: -item[1][0].confidence)[:max_lines]
    keep = {key for key, _ in ranked}
    chosen = [(key, entry) for key, entry in found.items() if key in keep]
    shown = sum(len(claims) for _, (_, claims) in chosen)
    covered = {claim for _, (_, claims) in chosen for claim in claims}
    flagged = {id(c) for c in report.claims if c.flagged and _confident(c, min_confidence)}
    return Summary(_grouped(chosen), shown, len(flagged - covered))


def _distinct_findings(
    report: Report, min_confidence: float
) -> dict[tuple[str, str], tuple[Finding, set[int]]]:
    """Flagging findings keyed by (verdict, message), in article order, with their claims."""
    found: dict[tuple[str, str], tuple[Finding, set[int]]] = {}
    for claim in report.claims:
        if not claim.flagged:
            continue
        for finding in _flags(claim, min_confidence):
            key = (finding.verdict.value, _gist(finding))
            best, claims = found.get(key, (finding, set()))
            claims.add(id(claim))
            found[key] = (max(best, finding, key=lambda f: f.confidence), claims)
    return found


def _gist(finding: Finding) -> str:
    """What a finding says, as the summary groups it: a rule's finding by its explanation,
    whichever words of each claim it quotes (“against the separatists”, “to the
    separatists”), any other by its message."""
    quoted, _, rest = finding.message.partition("”: ")
    return rest if quoted.startswith("“") and rest else finding.message


def _context_findings(report: Report) -> dict[tuple[str, str], tuple[Finding, set[int]]]:
    """Fact-checks given as context (no verdict), keyed as `_distinct_findings` keys flags."""
    found: dict[tuple[str, str], tuple[Finding, set[int]]] = {}
    for claim in report.claims:
        for finding in _context(claim):
            key = (finding.verdict.value, finding.message)
            found.setdefault(key, (finding, set()))[1].add(id(claim))
    return found


def _context(claim: ClaimResult) -> list[Finding]:
    """The claim's fact-checks that decide nothing: shown for what they are."""
    return [
        f
        for f in claim.findings
        if f.kind == FindingKind.FACT_CHECK and f.verdict == Verdict.UNVERIFIED
    ]


def _flags(claim: ClaimResult, min_confidence: float) -> list[Finding]:
    return [f for f in claim.findings if f.verdict in _FLAGS and f.confidence >= min_confidence]


def _confident(claim: ClaimResult, min_confidence: float) -> bool:
    return bool(_flags(claim, min_confidence))


def _grouped(
    chosen: list[tuple[tuple[str, str], tuple[Finding, set[int]]]],
) -> tuple[EvidenceGroup, ...]:
    groups: dict[str, tuple[Evidence | None, list[SummaryLine]]] = {}
    for _, (finding, claims) in chosen:
        evidence = finding.evidence[0] if finding.evidence else None
        link = _link_key(evidence)
        line = SummaryLine(finding.verdict, finding.message, len(claims), finding.confidence)
        groups.setdefault(link, (evidence, []))[1].append(line)
    return tuple(EvidenceGroup(evidence, tuple(lines)) for evidence, lines in groups.values())


def _link_key(evidence: Evidence | None) -> str:
    """Evidence from one page shares a key: its URL, else its source label, else none."""
    if evidence is None:
        return ""
    return evidence.url or evidence.source or f"#{evidence.id}"
