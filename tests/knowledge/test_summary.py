"""The report summary: the strongest findings, said once, grouped by the evidence link."""

from __future__ import annotations

from datetime import date

from knowledge import ClaimResult, Evidence, Finding, FindingKind, Report, Verdict, summarize

BRITANNICA = "https://www.britannica.com/war"


def _evidence(number: int, url: str | None = BRITANNICA) -> Evidence:
    return Evidence(number, f"Statement {number}.", "Britannica", url)


def _claim(
    message: str,
    *,
    evidence: Evidence,
    confidence: float = 1.0,
    verdict: Verdict = Verdict.CONTRADICTED,
) -> ClaimResult:
    finding = Finding(FindingKind.BACKGROUND, message, (evidence,), verdict, confidence)
    return ClaimResult(f"Claim: {message}", 0, 1, verdict, (finding,))


def _report(*claims: ClaimResult) -> Report:
    return Report(date(2023, 1, 30), "explicit", claims)


def test_forty_similar_claims_make_one_line_with_one_link() -> None:
    claims = [_claim("No ceasefire since 2022.", evidence=_evidence(14)) for _ in range(40)]
    summary = summarize(_report(*claims))
    (group,) = summary.groups
    assert [(line.message, line.claims) for line in group.lines] == [
        ("No ceasefire since 2022.", 40)
    ]
    assert summary.more_claims == 0


def test_statements_from_one_page_share_their_link_and_order_is_kept() -> None:
    report = _report(
        _claim("Wrong day.", evidence=_evidence(1, "https://cnn.com/a")),
        _claim("Separatists is out of date.", evidence=_evidence(8)),
        _claim("No ceasefire.", evidence=_evidence(14)),
    )
    groups = summarize(report).groups
    assert [g.evidence.url for g in groups if g.evidence] == ["https://cnn.com/a", BRITANNICA]
    assert [line.message for line in groups[1].lines] == [
        "Separatists is out of date.",
        "No ceasefire.",
    ]


def test_at_most_three_lines_the_most_confident_and_the_rest_counted() -> None:
    report = _report(*(
        _claim(f"Finding {n}.", evidence=_evidence(n, f"https://x.org/{n}"),
               confidence=n / 10) for n in range(1, 7)
    ))  # fmt: skip
    summary = summarize(report, max_lines=3)
    assert [line.message for line in summary.lines] == ["Finding 4.", "Finding 5.", "Finding 6."]
    assert summary.more_claims == 3


def test_findings_below_the_floor_are_not_named_nor_counted() -> None:
    report = _report(
        _claim("Sure.", evidence=_evidence(1), confidence=0.95),
        _claim("Unsure.", evidence=_evidence(2), confidence=0.6),
        _claim("Also unsure.", evidence=_evidence(3), confidence=0.5),
    )
    summary = summarize(report, min_confidence=0.9)
    assert [line.message for line in summary.lines] == ["Sure."]
    assert summary.more_claims == 0
    assert summarize(report, min_confidence=0.99).lines == ()


def test_supported_and_unverified_claims_make_no_lines() -> None:
    supported = ClaimResult("Fine.", 0, 1, Verdict.SUPPORTED, support=(_evidence(1),))
    unverified = ClaimResult("Unknown.", 0, 1, Verdict.UNVERIFIED)
    assert summarize(_report(supported, unverified)).groups == ()
