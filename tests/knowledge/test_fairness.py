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
