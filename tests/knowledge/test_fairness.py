"""Sharing the check workers: a free worker goes to the waiting user with the least recent use."""

from __future__ import annotations

import asyncio

from knowledge.fairness import FairShare, RecentUse


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_recent_use_fades_with_its_half_life() -> None:
    clock = _Clock()
    use = RecentUse(half_life=10.0, clock=clock)
    use.add("attacker", 30.0)
    clock.now = 10.0
    assert use.of("attacker") == 15.0 and use.of("newcomer") == 0.0


async def test_a_free_worker_goes_to_the_least_served_waiter_not_the_first() -> None:
    share: FairShare[str] = FairShare(RecentUse())
    share.use.add("attacker", 60.0)
    first = asyncio.create_task(share.take("attacker"))
    second = asyncio.create_task(share.take("innocent"))
    await asyncio.sleep(0)
    share.give("worker-1")
    assert await second == "worker-1"
    assert not first.done()
    share.give("worker-2")
    assert await first == "worker-2"


async def test_a_waiter_that_gives_up_leaves_the_line() -> None:
    share: FairShare[str] = FairShare(RecentUse())
    leaving = asyncio.create_task(share.take("a"))
    staying = asyncio.create_task(share.take("b"))
    await asyncio.sleep(0)
    leaving.cancel()
    await asyncio.gather(leaving, return_exceptions=True)
    share.give("worker")
    assert await staying == "worker"


async def test_heavy_checks_leave_the_last_free_worker_to_light_ones() -> None:
    share: FairShare[str] = FairShare(RecentUse(), reserve=1)
    share.give("worker-1")
    share.give("worker-2")
    first_heavy = await share.take("reader-1", heavy=True)
    second_heavy = asyncio.create_task(share.take("reader-2", heavy=True))
    await asyncio.sleep(0)
    assert not second_heavy.done()  # one worker left: it is kept for light checks
    light = await share.take("reader-3")
    assert {first_heavy, light} == {"worker-1", "worker-2"}
    share.give(light)
    await asyncio.sleep(0)
    assert not second_heavy.done()  # still only one free worker
    share.give(first_heavy)
    assert await second_heavy in {"worker-1", "worker-2"}


async def test_without_a_reserve_a_heavy_check_takes_any_free_worker() -> None:
    share: FairShare[str] = FairShare(RecentUse())
    share.give("only")
    assert await share.take("reader", heavy=True) == "only"
