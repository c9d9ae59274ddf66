"""A polite per-user limit: each user's checks run one at a time, with a short queue."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from types import TracebackType


@dataclass
class _UserLine:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    pending: int = 0
    told_to_wait: bool = False


class UserQueue:
    """Admits at most `limit` pending checks per user and runs each user's checks in order.

    One user's burst therefore occupies one check at a time, so other users keep being served.
    """

    def __init__(self, *, limit: int) -> None:
        self.limit = limit
        self._lines: dict[int, _UserLine] = {}

    def admit(self, user_id: int) -> Turn | None:
        """A turn in the user's queue, or None when the user already has `limit` pending."""
        line = self._lines.setdefault(user_id, _UserLine())
        if line.pending >= self.limit:
            return None
        line.pending += 1
        return Turn(self, user_id, line)

    def first_refusal(self, user_id: int) -> bool:
        """True once per busy spell: whether to tell this user to wait (not on every message)."""
        line = self._lines.get(user_id)
        if line is None or line.told_to_wait:
            return False
        line.told_to_wait = True
        return True

    def pending(self, user_id: int | None = None) -> int:
        if user_id is not None:
            line = self._lines.get(user_id)
            return line.pending if line else 0
        return sum(line.pending for line in self._lines.values())

    def _leave(self, user_id: int, line: _UserLine) -> None:
        line.pending -= 1
        if line.pending == 0 and self._lines.get(user_id) is line:
            del self._lines[user_id]


class Turn:
    """One admitted check: `async with turn:` waits for the user's earlier checks to finish."""

    def __init__(self, queue: UserQueue, user_id: int, line: _UserLine) -> None:
        self._queue = queue
        self._user_id = user_id
        self._line = line
        self._locked = False

    async def __aenter__(self) -> Turn:
        try:
            await self._line.lock.acquire()
        except BaseException:
            self._queue._leave(self._user_id, self._line)
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
        self._queue._leave(self._user_id, self._line)
