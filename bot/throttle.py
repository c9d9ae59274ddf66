"""Polite limits: each user's checks run one at a time, queued (bounded per user and
overall, so a burst waits its turn and only real overload drops messages); groups get a
bounded number of unasked cards a minute."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any


@dataclass(frozen=True)
class Cut:
    """A burst that was cut: how many messages were skipped, and the first of them."""

    skipped: int
    first: Any  # whatever the caller passed to `admit` (the bot passes the Message)


@dataclass
class _UserLine:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    pending: int = 0
    skipped: int = 0
    first_skipped: Any = None


class UserThrottle:
    """Admits at most `limit` pending checks per user and `total` over all users, and runs
    each user's checks in order.

    One user's burst therefore occupies one check at a time, so other users keep being served;
    it waits in the queue rather than being dropped unless a bound is reached.
    """

    def __init__(self, *, limit: int, total: int | None = None) -> None:
        self.limit = limit
        self.total = total if total is not None else limit * 100
        self._lines: dict[int, _UserLine] = {}
        self._pending = 0

    def admit(self, user_id: int, item: Any = None) -> Turn | None:
        """A turn in the user's queue, or None when the user already has `limit` pending or
        all users together have `total`.

        A refused `item` is remembered (the first one, and a count) until the user's queue
        drains; the turn that drains it then carries the `Cut`, so each cut burst gets one
        notice, however long it was. (A user with nothing pending is never refused: their
        message starts a line of its own.)"""
        line = self._lines.setdefault(user_id, _UserLine())
        full = line.pending >= self.limit or (line.pending and self._pending >= self.total)
        if full:
            if not line.skipped:
                line.first_skipped = item
            line.skipped += 1
            return None
        line.pending += 1
        self._pending += 1
        return Turn(self, user_id, line)

    def pending(self, user_id: int | None = None) -> int:
        if user_id is not None:
            line = self._lines.get(user_id)
            return line.pending if line else 0
        return sum(line.pending for line in self._lines.values())

    def _leave(self, user_id: int, line: _UserLine) -> Cut | None:
        line.pending -= 1
        self._pending -= 1
        if line.pending or self._lines.get(user_id) is not line:
            return None
        del self._lines[user_id]
        return Cut(line.skipped, line.first_skipped) if line.skipped else None


class Turn:
    """One admitted check: `async with turn:` waits for the user's earlier checks to finish."""

    def __init__(self, throttle: UserThrottle, user_id: int, line: _UserLine) -> None:
        self._throttle = throttle
        self._user_id = user_id
        self._line = line
        self._locked = False
        self.cut: Cut | None = None  # set on leaving when this turn ended a cut burst

    async def __aenter__(self) -> Turn:
        try:
            await self._line.lock.acquire()
        except BaseException:
            self._throttle._leave(self._user_id, self._line)
            raise
        self._locked = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._locked:
            self._line.lock.release()
        self.cut = self._throttle._leave(self._user_id, self._line)


class CardBudget:
    """At most `per_minute` unasked cards per group in any 60 seconds (Telegram allows ~20).

    Only groups that spoke in the last minute are remembered, so memory stays bounded by
    the number of active groups."""

    def __init__(self, *, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._sent: dict[int, deque[float]] = {}

    def has_room(self, chat_id: int) -> bool:
        return len(self._recent(chat_id)) < self.per_minute

    def spend(self, chat_id: int) -> bool:
        """Count one card for `chat_id`; False (nothing counted) when the minute is full."""
        recent = self._recent(chat_id)
        if len(recent) >= self.per_minute:
            return False
        recent.append(self._clock())
        self._sent[chat_id] = recent
        return True

    def _recent(self, chat_id: int) -> deque[float]:
        now = self._clock()
        recent = self._sent.pop(chat_id, deque())
        while recent and now - recent[0] >= 60.0:
            recent.popleft()
        if recent:
            self._sent[chat_id] = recent
        if len(self._sent) > 4096:  # many groups at once: drop the ones quiet for a minute
            self._sent = {c: d for c, d in self._sent.items() if d and now - d[-1] < 60.0}
        return recent
