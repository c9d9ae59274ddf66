"""A sentence judged by its parts: one wrong part makes the sentence wrong, and the sentence
is backed only when it is backed whole or every part of it is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from knowledge.model import ClaimResult, Verdict


def judged_by_parts(
    whole: ClaimResult,
    clauses: Sequence[tuple[str, ClaimResult]],
    titles: Sequence[tuple[str, ClaimResult]] = (),
) -> ClaimResult:
    """The verdict on a sentence given the verdicts on the statements it makes (each part's
    words and its result): `clauses` together say all the sentence says, `titles` are said
    in passing. A part's findings are told with the part they are about, so the reader sees
    which of the sentence's statements is wrong; the sentence is backed by its parts only
    when it has clauses and every part is backed."""
    parts = [*clauses, *titles]
    if whole.flagged or not parts:
        return whole
    flagged = [(text, result) for text, result in parts if result.flagged]
    if flagged:
        findings = tuple(
            replace(f, message=f"“{text}” — {f.message}")
            for text, result in flagged
            for f in result.findings
        )
        verdict = (
            Verdict.CONTRADICTED
            if any(result.verdict == Verdict.CONTRADICTED for _, result in flagged)
            else Verdict.OUTDATED
        )
        return replace(
            whole, verdict=verdict, findings=findings, support=(), reason=findings[0].message
        )
    if (
        clauses
        and whole.verdict != Verdict.SUPPORTED
        and all(r.verdict == Verdict.SUPPORTED for _, r in parts)
    ):
        support = tuple(dict.fromkeys(e for _, r in parts for e in r.support))
        confidence = min(r.confidence or 0.0 for _, r in parts)
        return replace(
            whole,
            verdict=Verdict.SUPPORTED,
            support=support,
            reason=parts[0][1].reason,
            confidence=round(confidence, 3),
        )
    return whole
