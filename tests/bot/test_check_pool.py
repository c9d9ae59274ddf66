"""The check pool: worker processes give the same reports as in-process checks, errors included."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import knowledge
from knowledge.pool import CheckPool


async def test_worker_reports_match_in_process_reports(
    db_path: Path, articles: dict[str, str]
) -> None:
    day = date(2023, 1, 30)
    async with knowledge.open_kb(str(db_path)) as kb:
        async with CheckPool(db_path, workers=0, kb=kb) as local:
            expected = await local.check(articles["rewritten"], reference_date=day)
    async with CheckPool(db_path, workers=1) as pool:
        report = await pool.check(articles["rewritten"], reference_date=day)
        dated = await pool.check(articles["rewritten"], fallback_date=date(2024, 5, 1))
        with pytest.raises(knowledge.UnusableInput, match="no words"):
            await pool.check("😀🎉🔥")
    assert report == expected
    assert report.flagged
    assert dated.reference_date == day and dated.reference_date_source == "dateline"


async def test_in_memory_pool_runs_in_process(articles: dict[str, str]) -> None:
    async with CheckPool(":memory:", workers=4) as pool:
        assert pool.workers == 0
        report = await pool.check(articles["cnn"], reference_date=date(2023, 1, 30))
    assert report.claims and report.reference_date == date(2023, 1, 30)
