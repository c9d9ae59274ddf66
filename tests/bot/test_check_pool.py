"""The check pool: worker processes give the same reports as in-process checks, errors included."""

from __future__ import annotations

import asyncio
import multiprocessing
from datetime import date
from pathlib import Path

import pytest

import knowledge
from knowledge.pool import CheckPool
from knowledge.workers import check_text, serve


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


@pytest.mark.timeout(120)
async def test_a_background_pool_answers_a_check_sent_before_its_workers_are_up(
    db_path: Path, articles: dict[str, str]
) -> None:
    day = date(2023, 1, 30)
    async with knowledge.open_kb(str(db_path)) as kb:
        expected = await kb.check(articles["rewritten"], reference_date=day)
    async with CheckPool(db_path, workers=2, background=True) as pool:
        assert pool.worker_pids() == []  # entering did not wait for the workers
        reports = await asyncio.gather(
            *(pool.check(articles["rewritten"], reference_date=day) for _ in range(3))
        )
        while len(pool.worker_pids()) < 2:  # the second comes up too (the timeout guards)
            await asyncio.sleep(0.1)
    assert all(report == expected for report in reports)


async def test_a_background_pool_whose_workers_cannot_start_says_why(tmp_path: Path) -> None:
    unusable = tmp_path / "a-folder-not-a-database"
    unusable.mkdir()
    async with knowledge.open_kb(str(tmp_path / "kb.sqlite")) as kb:
        pool = CheckPool(unusable, workers=1, kb=kb, background=True, budget=30)
        async with pool:
            with pytest.raises(RuntimeError, match="no check worker could start"):
                await pool.check("NATO troops moved to the border on Monday.")


def test_a_worker_whose_pool_has_gone_stops_quietly(tmp_path: Path) -> None:
    # the pool shut down while this worker was still starting: no one reads its "ready"
    pool_end, worker_end = multiprocessing.Pipe()
    pool_end.close()
    serve(worker_end, str(tmp_path / "kb.sqlite"), check_text)  # returns, raises nothing
