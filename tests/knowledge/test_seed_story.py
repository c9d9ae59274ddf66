"""The seed story: the rewritten article's errors are flagged, the CNN excerpt is not."""

from __future__ import annotations

import pytest

import knowledge
from tests.knowledge.conftest import ARTICLES

FLAGGED = [
    pytest.param("statement released Tuesday", id="tuesday"),
    pytest.param("adhere to the Minsk Agreement", id="minsk"),
    pytest.param("brink of a full-blown war", id="brink-of-war"),
    pytest.param("presence of NATO troops", id="troops-ceasefire"),
    pytest.param("already imposed sanctions", id="sanctions"),
    pytest.param("efforts against Russian-backed separatists", id="separatists-1"),
    pytest.param("weapons and resources to the separatists", id="separatists-2"),
]


@pytest.fixture
async def rewritten(kb: knowledge.KnowledgeBase) -> knowledge.Report:
    return await kb.check((ARTICLES / "rewritten.txt").read_text(encoding="utf-8"))


def _claim(report: knowledge.Report, fragment: str) -> knowledge.ClaimResult:
    found = [c for c in report.claims if fragment in c.text]
    assert found, f"no claim contains {fragment!r}"
    return found[0]


@pytest.mark.parametrize("fragment", FLAGGED)
async def test_rewritten_errors_are_flagged(rewritten: knowledge.Report, fragment: str) -> None:
    claim = _claim(rewritten, fragment)
    assert claim.verdict in (knowledge.Verdict.CONTRADICTED, knowledge.Verdict.OUTDATED)
    assert claim.findings and all(f.evidence for f in claim.findings)


async def test_dateline_sets_the_reference_date(rewritten: knowledge.Report) -> None:
    assert rewritten.reference_date.isoformat() == "2023-01-30"
    assert rewritten.reference_date_source == "dateline"


@pytest.mark.parametrize(
    "fragment",
    [
        "the need for a unified response",
        "He believes this",
        "it is hoped",
        "This would be a crucial step",
    ],
)
async def test_opinions_are_not_flagged(rewritten: knowledge.Report, fragment: str) -> None:
    assert not [c for c in rewritten.claims if fragment in c.text and c.flagged]


async def test_boilerplate_is_dropped(rewritten: knowledge.Report) -> None:
    assert not [c for c in rewritten.claims if "Exit mobile" in c.text]
    assert not [c for c in rewritten.claims if c.text.startswith("Article from")]


async def test_offsets_point_into_the_input(kb: knowledge.KnowledgeBase) -> None:
    text = (ARTICLES / "rewritten.txt").read_text(encoding="utf-8")
    report = await kb.check(text)
    for claim in report.claims:
        assert text[claim.start : claim.end] == claim.text


async def test_cnn_excerpt_has_no_flags_and_is_supported(kb: knowledge.KnowledgeBase) -> None:
    text = (ARTICLES / "cnn_excerpt.txt").read_text(encoding="utf-8")
    report = await kb.check(text, reference_date=knowledge.kb.date(2023, 1, 30))
    assert report.flagged == []
    factual = [c for c in report.claims if len(c.text.split()) > 8]
    assert len(factual) >= 4
    supported = [c for c in factual if c.verdict == knowledge.Verdict.SUPPORTED]
    assert len(supported) >= len(factual) - 1  # a quote split differently may stay unverified
    assert all(c.support and c.confidence for c in supported)


async def test_report_json_shape(rewritten: knowledge.Report) -> None:
    data = rewritten.to_dict()
    assert set(data) >= {"reference_date", "claims", "summary"}
    assert set(data["summary"]) == {"supported", "contradicted", "outdated", "unverified"}
    claim = next(c for c in data["claims"] if c["findings"])
    assert set(claim) >= {"text", "start", "end", "verdict", "findings"}
    assert set(claim["findings"][0]) >= {"kind", "message", "evidence"}
    assert set(claim["findings"][0]["evidence"][0]) >= {"id", "text", "source"}
    assert knowledge.Report.from_dict(data).summary == rewritten.summary
