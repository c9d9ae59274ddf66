"""Unit tests for the per-user throttle (admission, order, one notice per cut burst) and the
groups' cards a minute."""

from __future__ import annotations

import asyncio

from bot.throttle import CardBudget, Cut, UserThrottle


async def test_admits_up_to_the_limit_per_user() -> None:
    throttle = UserThrottle(limit=2)
    assert throttle.admit(1) is not None and throttle.admit(1) is not None
    assert throttle.admit(1) is None
    assert throttle.admit(2) is not None  # another user is not affected
    assert throttle.pending(1) == 2 and throttle.pending() == 3


async def test_a_users_checks_run_one_at_a_time_in_order() -> None:
    throttle = UserThrottle(limit=5)
    order: list[int] = []
    running = 0

    async def job(n: int) -> None:
        nonlocal running
        turn = throttle.admit(7)
        assert turn is not None
        async with turn:
            running += 1
            assert running == 1
            await asyncio.sleep(0.01)
            order.append(n)
            running -= 1

    await asyncio.gather(*(job(n) for n in range(5)))
    assert order == [0, 1, 2, 3, 4]
    assert throttle.pending() == 0


async def test_the_turn_that_ends_a_cut_burst_carries_one_cut() -> None:
    throttle = UserThrottle(limit=1)
    turn = throttle.admit(3, "first")
    assert turn is not None
    assert throttle.admit(3, "second") is None and throttle.admit(3, "third") is None
    async with turn:
        pass
    assert turn.cut == Cut(skipped=2, first="second")
    again = throttle.admit(3, "later")  # the burst is over: admitted again, nothing cut
    assert again is not None
    async with again:
        pass
    assert again.cut is None


async def test_card_budget_allows_so_many_cards_a_minute_per_group() -> None:
    now = [0.0]
    budget = CardBudget(per_minute=2, clock=lambda: now[0])
    assert budget.spend(-1) and budget.spend(-1)
    assert not budget.has_room(-1) and not budget.spend(-1)
    assert budget.spend(-2)  # another group has its own minute
    now[0] = 60.0
    assert budget.has_room(-1) and budget.spend(-1)


async def test_cancelled_wait_frees_the_place() -> None:
    throttle = UserThrottle(limit=2)
    first, second = throttle.admit(1), throttle.admit(1)
    assert first is not None and second is not None
    async with first:
        waiter = asyncio.create_task(second.__aenter__())
        await asyncio.sleep(0)
        waiter.cancel()
        await asyncio.gather(waiter, return_exceptions=True)
        assert throttle.pending(1) == 1


async def test_past_the_overall_bound_only_users_already_waiting_are_cut() -> None:
    throttle = UserThrottle(limit=10, total=2)
    first = throttle.admit(1, "first")
    assert first is not None and throttle.admit(1, "second") is not None
    assert throttle.admit(1, "third") is None  # all users together have `total` waiting
    assert throttle.admit(2, "other") is not None  # nothing waiting: a line of its own
    async with first:
        pass
    assert throttle.pending() == 2
