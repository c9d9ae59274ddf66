"""The check pipeline's stage hook: a benchmark sees where the time goes, the report is the same."""

from __future__ import annotations

import knowledge
from knowledge.checking.runner import StageTimes
from knowledge.checking.stages import STAGES
from tests.knowledge.conftest import ARTICLES, SEOUL_DAY


async def test_every_stage_is_observed_and_the_report_is_unchanged(
    kb: knowledge.KnowledgeBase,
) -> None:
    text = (ARTICLES / "rewritten.txt").read_text(encoding="utf-8")
    plain = await kb.check(text, reference_date=SEOUL_DAY)
    times = StageTimes()
    observed = await kb.check(text, reference_date=SEOUL_DAY, stages=times)
    assert observed.to_dict() == plain.to_dict()
    assert set(times.seconds) == set(STAGES)
    for stage in ("reading", "retrieval", "statements", "judging"):
        assert times.seconds[stage] > 0, stage


async def test_candidates_are_what_the_check_weighs(kb: knowledge.KnowledgeBase) -> None:
    text = "Sweden joined NATO in March 2024. Is it true that NATO imposed sanctions on Russia?"
    weighed = await kb.candidates(text, reference_date=SEOUL_DAY)
    report = await kb.check(text, reference_date=SEOUL_DAY)
    assert [w.claim.text for w in weighed] == [c.text for c in report.claims]
    assert all(w.matches for w in weighed)
    asked = weighed[-1]  # the question is weighed as the statement it asks about
    assert any("sanction" in m.statement.text.lower() for m in asked.matches[:3])
