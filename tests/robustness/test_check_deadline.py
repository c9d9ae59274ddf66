"""A check past its budget is stopped: the caller gets CheckTimedOut, the stuck worker is replaced."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import psutil
import pytest
import pytest_asyncio

import knowledge
from knowledge.errors import ChecksBusy, CheckTimedOut
from knowledge.pool import CheckPool
from tests.robustness.slow_check import STUCK, stuck_on_marked_text

TEXT = "NATO troops moved to the border on Monday, the ministry said in a statement."


@pytest_asyncio.fixture
async def db_path(tmp_path: Path) -> AsyncIterator[Path]:
    path = tmp_path / "kb.sqlite"
    async with knowledge.open_kb(str(path)):
        pass
    yield path


async def _replaced(pool: CheckPool, old: list[int]) -> list[int]:
    while True:  # the replacement opens its KB in the background; the test timeout guards this
        pids = pool.worker_pids()
        if len(pids) == len(old) and pids != old:
            return pids
        await asyncio.sleep(0.1)


@pytest.mark.timeout(120)
async def test_stuck_worker_is_killed_and_replaced(db_path: Path) -> None:
    async with CheckPool(db_path, workers=1, budget=2.0, check=stuck_on_marked_text) as pool:
        [stuck] = pool.worker_pids()
        with pytest.raises(CheckTimedOut, match="longer than 2 seconds"):
            await pool.check(STUCK + " " + TEXT)
        assert not psutil.pid_exists(stuck)
        await _replaced(pool, [stuck])
        report = await pool.check(TEXT, reference_date=date(2023, 1, 30))
    assert report.claims


@pytest.mark.timeout(120)
async def test_other_checks_go_on_while_one_is_stuck(db_path: Path) -> None:
    async with CheckPool(db_path, workers=2, budget=3.0, check=stuck_on_marked_text) as pool:
        stuck = asyncio.create_task(pool.check(STUCK + " " + TEXT))
        await asyncio.sleep(0.2)
        report = await pool.check(TEXT, reference_date=date(2023, 1, 30))
        assert report.claims
        with pytest.raises(CheckTimedOut):
            await stuck


@pytest.mark.timeout(120)
async def test_waiting_for_a_worker_does_not_count_against_the_budget(db_path: Path) -> None:
    async with CheckPool(
        db_path, workers=1, budget=2.0, max_wait=100.0, check=stuck_on_marked_text
    ) as pool:
        stuck = asyncio.create_task(pool.check(STUCK + " " + TEXT, user=1))
        await asyncio.sleep(0.2)
        # queued behind the stuck check until it is stopped and its worker replaced
        report = await pool.check(TEXT, user=2, reference_date=date(2023, 1, 30))
        assert report.claims
        with pytest.raises(CheckTimedOut):
            await stuck


@pytest.mark.timeout(180)
async def test_an_innocent_user_is_served_while_two_others_fill_the_pool(db_path: Path) -> None:
    # a budget a real one-sentence check meets even on a busy machine
    async with CheckPool(
        db_path, workers=2, budget=5.0, max_wait=100.0, check=stuck_on_marked_text
    ) as pool:

        async def attack(user: int) -> None:  # each attacker has several slow texts queued
            with pytest.raises(CheckTimedOut):
                await pool.check(STUCK + " " + TEXT, user=user)

        attacks = [asyncio.create_task(attack(user)) for user in (1, 2) for _ in range(4)]
        await asyncio.sleep(0.2)
        report = await pool.check(TEXT, user=3, reference_date=date(2023, 1, 30))
        assert report.claims and report.reference_date == date(2023, 1, 30)
        # served at the first free worker, ahead of the attackers' queued texts
        assert not all(task.done() for task in attacks)
        for task in attacks:
            task.cancel()
        await asyncio.gather(*attacks, return_exceptions=True)


@pytest.mark.timeout(120)
async def test_long_texts_never_take_the_last_worker_from_a_short_question(
    db_path: Path,
) -> None:
    heavy = STUCK + " " + TEXT  # counted as a long text below
    async with CheckPool(
        db_path, workers=2, budget=60.0, check=stuck_on_marked_text, heavy_text=len(heavy)
    ) as pool:
        attacks = [asyncio.create_task(pool.check(heavy, user=user)) for user in (1, 2)]
        await asyncio.sleep(0.2)
        # answered by the worker kept free, long before either long check ends (60 s budget)
        report = await asyncio.wait_for(
            pool.check(TEXT, user=3, reference_date=date(2023, 1, 30)), timeout=30
        )
        assert report.claims
        assert not any(task.done() for task in attacks)
        for task in attacks:
            task.cancel()
        await asyncio.gather(*attacks, return_exceptions=True)


@pytest.mark.timeout(60)
async def test_a_check_that_never_finds_a_worker_is_told_the_checkers_are_busy(
    db_path: Path,
) -> None:
    async with CheckPool(
        db_path, workers=1, budget=30.0, max_wait=0.5, check=stuck_on_marked_text
    ) as pool:
        stuck = asyncio.create_task(pool.check(STUCK + " " + TEXT, user=1))
        await asyncio.sleep(0.2)
        with pytest.raises(ChecksBusy, match="Every checker was busy"):
            await pool.check(TEXT, user=2)
        stuck.cancel()
        await asyncio.gather(stuck, return_exceptions=True)


async def test_in_process_checks_stop_at_the_budget(db_path: Path) -> None:
    async with CheckPool(db_path, workers=0, budget=0.000_001) as pool:
        with pytest.raises(CheckTimedOut):
            await pool.check(TEXT)
