"""Sharing the check workers fairly: a free worker goes to the waiting user who has lately
used the least worker time, so a few users sending slow texts cannot starve everyone else, and
the last free workers are kept for light checks, so that heavy ones (long texts) can never fill
every worker while someone waits to have one sentence checked."""

from __future__ import annotations

import asyncio
import itertools
import math
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

W = TypeVar("W")
HALF_LIFE = 120.0  # seconds after which a user's past worker time weighs half as much


class RecentUse:
    """Worker seconds each user has used, fading with a half-life (memory stays bounded by
    the users active in the last few half-lives)."""

    def __init__(
        self, *, half_life: float = HALF_LIFE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.half_life = half_life
        self._clock = clock
        self._used: dict[Hashable, tuple[float, float]] = {}  # user -> (seconds, as of)

    def of(self, user: Hashable) -> float:
        seconds, since = self._used.get(user, (0.0, 0.0))
        return seconds * math.pow(0.5, (self._clock() - since) / self.half_life)

    def add(self, user: Hashable, seconds: float) -> None:
        self._used[user] = (self.of(user) + seconds, self._clock())
        if len(self._used) > 4096:  # many users at once: forget those whose use has faded
            self._used = {u: v for u, v in self._used.items() if self.of(u) > 0.01}


@dataclass(eq=False)
class _Waiter(Generic[W]):
    arrived: int
    user: Hashable = field(compare=False)
    handed: asyncio.Future[W] = field(compare=False)
    heavy: bool = field(default=False, compare=False)


class FairShare(Generic[W]):
    """Idle workers and the checks waiting for one. `take(user)` waits for a worker; a worker
    that is `give`n back goes to the waiter whose user has the least recent use (the earliest
    of them on a tie), not simply to the first in line.

    A `heavy` take gets a worker only while more than `reserve` workers are idle: the last
    `reserve` idle workers wait for light checks."""

    def __init__(self, use: RecentUse, *, reserve: int = 0) -> None:
        self.use = use
        self.reserve = max(0, reserve)
        self._idle: list[W] = []
        self._waiting: list[_Waiter[W]] = []
        self._arrivals = itertools.count()

    def _may_take(self, heavy: bool) -> bool:
        return len(self._idle) > (self.reserve if heavy else 0)

    async def take(self, user: Hashable, *, heavy: bool = False) -> W:
        if not self._waiting and self._may_take(heavy):
            return self._idle.pop()
        handed: asyncio.Future[W] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(next(self._arrivals), user, handed, heavy)
        self._waiting.append(waiter)
        self._hand_out()
        try:
            return await waiter.handed
        except BaseException:
            if waiter in self._waiting:
                self._waiting.remove(waiter)
            elif waiter.handed.done() and not waiter.handed.cancelled():
                self.give(waiter.handed.result())  # handed over just as the wait ended
            raise

    def give(self, worker: W) -> None:
        self._idle.append(worker)
        self._hand_out()

    def _hand_out(self) -> None:
        while True:
            ready = [w for w in self._waiting if self._may_take(w.heavy)]
            if not ready:
                return
            waiter = min(ready, key=lambda w: (self.use.of(w.user), w.arrived))
            self._waiting.remove(waiter)
            if not waiter.handed.done():
                waiter.handed.set_result(self._idle.pop())
