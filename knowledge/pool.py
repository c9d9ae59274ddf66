"""Running checks off the event loop, each within a budget: worker processes with an open KB."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
from contextlib import AsyncExitStack
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from knowledge.errors import ChecksBusy, CheckTimedOut, KnowledgeError, UnusableInput
from knowledge.fairness import FairShare, RecentUse
from knowledge.kb import KnowledgeBase, open_kb
from knowledge.model import Report
from knowledge.workers import CheckFunction, Outcome, WorkerProcess, check_text

DEFAULT_BUDGET = 60.0  # seconds
HEAVY_TEXT = 20_000  # characters from which a check is heavy: it may not take the last worker
_RESTART = 30.0  # seconds a replacement worker may take to start (spaCy, the KB)
T = TypeVar("T")


class CheckPool:
    """Checks articles in `workers` processes (or in-process when `workers=0` or `:memory:`).

    A check that runs past `budget` seconds (None: no limit) raises CheckTimedOut; its worker
    process is killed and a fresh one started in its place. The budget counts the check's own
    time, not its wait for a worker: a free worker goes to the waiting user with the least
    recent worker time (`knowledge.fairness`), and a check that finds no worker within
    `max_wait` seconds (default: twice the budget, and time for a worker to restart) raises
    ChecksBusy. A text of `heavy_text` characters or more never takes the last free worker
    (when there are two or more): one stays for the short messages of other users, so they are
    answered at once however many long texts arrive. In-process checks stop
    at their next pause (a store query) once past the budget. `check` is what a worker runs
    (tests pass a slow one); it must be a module-level function.

    Entering the pool waits until every worker has started (loaded the language pipeline and
    opened the KB), and raises if one cannot. With `background=True` it returns at once and
    the workers start behind it (the bot polls meanwhile); a check that comes first waits for
    the first worker ready, and if none could start it raises RuntimeError saying why.
    """

    def __init__(
        self,
        db_path: str | Path,
        *,
        workers: int = 2,
        kb: KnowledgeBase | None = None,
        budget: float | None = DEFAULT_BUDGET,
        max_wait: float | None = None,
        check: CheckFunction = check_text,
        heavy_text: int = HEAVY_TEXT,
        background: bool = False,
    ) -> None:
        self.db_path = str(db_path)
        self.workers = 0 if self.db_path == ":memory:" else max(0, workers)
        self.budget = budget
        self.max_wait = max_wait if max_wait is not None else (budget and 2 * budget + _RESTART)
        self._kb = kb
        self._check = check
        self.heavy_text = heavy_text
        self.background = background
        reserve = 1 if self.workers >= 2 else 0
        self._idle: FairShare[WorkerProcess] = FairShare(RecentUse(), reserve=reserve)
        self._starting: set[asyncio.Task[None]] = set()
        self._processes: set[WorkerProcess] = set()
        self._failure: BaseException | None = None
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> CheckPool:
        if not self.workers:
            if self._kb is None:
                self._kb = await self._stack.enter_async_context(open_kb(self.db_path))
            return self
        if self._kb is None:  # seed the file once, before several processes open it
            async with open_kb(self.db_path):
                pass
        if self.background:
            for _ in range(self.workers):
                self._replace()
        else:
            await asyncio.gather(*(self._start_worker() for _ in range(self.workers)))
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for task in self._starting:
            task.cancel()
        await asyncio.gather(*self._starting, return_exceptions=True)
        processes, self._processes = self._processes, set()
        await asyncio.gather(*(p.stop() for p in processes), return_exceptions=True)
        await self._stack.aclose()

    def worker_pids(self) -> list[int]:
        """The process ids of the running workers (none when checks run in-process)."""
        return sorted(p.pid for p in self._processes if p.pid is not None)

    async def check(
        self,
        text: str,
        *,
        user: Hashable = None,
        reference_date: date | None = None,
        fallback_date: date | None = None,
    ) -> Report:
        """Check `text` like `KnowledgeBase.check`, without blocking the caller's event loop;
        `user` (the bot passes the Telegram user id) is whom the worker time is counted for."""
        options = _options(reference_date, fallback_date)
        if not self.workers:
            return await self._within_budget(self._check_here(text, options))
        return _report_from(await self._check_in_worker(text, options, user))

    async def _within_budget(self, work: Awaitable[T]) -> T:
        try:
            async with asyncio.timeout(self.budget) as scope:
                return await work
        except TimeoutError:
            if scope.expired():
                raise CheckTimedOut(self.budget or 0.0) from None
            raise

    async def _check_here(self, text: str, options: dict[str, Any]) -> Report:
        if self._kb is None:
            raise RuntimeError("CheckPool is not open: use `async with CheckPool(...)`")
        return await self._kb.check(text, **options)

    async def _check_in_worker(self, text: str, options: dict[str, Any], user: Hashable) -> Outcome:
        worker = await self._worker_for(user, heavy=len(text) >= self.heavy_text)
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            outcome = await self._within_budget(worker.ask(text, options))
        except BaseException:  # timed out, cancelled or died: it may still be working
            await asyncio.shield(self._retire(worker))  # killed before the caller hears
            raise
        finally:
            self._idle.use.add(user, loop.time() - started)
        if worker.alive:
            self._idle.give(worker)
        else:  # it crashed (the outcome says how): a fresh one takes its place
            await self._retire(worker)
        return outcome

    async def _worker_for(self, user: Hashable, *, heavy: bool) -> WorkerProcess:
        try:
            async with asyncio.timeout(self.max_wait) as scope:
                await self._some_worker()
                return await self._idle.take(user, heavy=heavy)
        except TimeoutError:
            if scope.expired():
                raise ChecksBusy(self.max_wait or 0.0) from None
            raise

    async def ready(self) -> None:
        """Wait until a worker can take checks (at once for in-process checks); raises
        RuntimeError, saying why, when none could start."""
        if self.workers:
            await self._some_worker()

    async def _some_worker(self) -> None:
        """Wait while no worker is running and some are starting; raise if none could."""
        while not self._processes and self._starting:
            await asyncio.wait(set(self._starting), return_when=asyncio.FIRST_COMPLETED)
        if not self._processes:
            raise RuntimeError(f"no check worker could start: {self._failure}")

    async def _retire(self, worker: WorkerProcess) -> None:
        self._processes.discard(worker)
        await worker.stop(grace=0.0)
        self._replace()

    async def _start_worker(self) -> None:
        worker = WorkerProcess(self.db_path, self._check)
        await worker.start()
        self._processes.add(worker)
        self._idle.give(worker)

    def _replace(self) -> None:
        task = asyncio.get_running_loop().create_task(self._restart())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _restart(self) -> None:
        try:
            await self._start_worker()
        except Exception as error:  # reported to the next check that finds no worker
            self._failure = error


def _options(reference_date: date | None, fallback_date: date | None) -> dict[str, Any]:
    options: dict[str, Any] = {"reference_date": reference_date}
    if fallback_date is not None:
        options["fallback_date"] = fallback_date
    return options


def _report_from(outcome: Outcome) -> Report:
    kind, value = outcome
    if kind == "report":
        return Report.from_dict(value)
    if kind == "unusable":
        raise UnusableInput(value)
    if kind == "error":
        raise KnowledgeError(value)
    raise RuntimeError(f"the check failed in its worker: {value}")
