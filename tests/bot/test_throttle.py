"""Unit tests for the per-user queue: admission, order, one notice per busy spell."""

from __future__ import annotations

import asyncio

from bot.throttle import UserQueue


async def test_admits_up_to_the_limit_per_user() -> None:
    queue = UserQueue(limit=2)
    assert queue.admit(1) is not None and queue.admit(1) is not None
    assert queue.admit(1) is None
    assert queue.admit(2) is not None  # another user is not affected
    assert queue.pending(1) == 2 and queue.pending() == 3


async def test_a_users_checks_run_one_at_a_time_in_order() -> None:
    queue = UserQueue(limit=5)
    order: list[int] = []
    running = 0

    async def job(n: int) -> None:
        nonlocal running
        turn = queue.admit(7)
        assert turn is not None
        async with turn:
            running += 1
            assert running == 1
            await asyncio.sleep(0.01)
            order.append(n)
            running -= 1

    await asyncio.gather(*(job(n) for n in range(5)))
    assert order == [0, 1, 2, 3, 4]
    assert queue.pending() == 0


async def test_the_user_is_told_to_wait_once_per_busy_spell() -> None:
    queue = UserQueue(limit=1)
    turn = queue.admit(3)
    assert turn is not None
    assert queue.first_refusal(3) is True
    assert queue.first_refusal(3) is False
    async with turn:
        pass
    assert queue.admit(3) is not None  # the spell is over: admitted again
    assert queue.first_refusal(3) is True


async def test_cancelled_wait_frees_the_place() -> None:
    queue = UserQueue(limit=2)
    first, second = queue.admit(1), queue.admit(1)
    assert first is not None and second is not None
    async with first:
        waiter = asyncio.create_task(second.__aenter__())
        await asyncio.sleep(0)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        assert queue.pending(1) == 1
