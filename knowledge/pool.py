"""Running checks off the event loop: a pool of worker processes, each with its own open KB."""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.util
import os
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from knowledge.errors import KnowledgeError, UnusableInput
from knowledge.kb import KnowledgeBase, open_kb
from knowledge.model import Report

_Outcome = tuple[str, Any]  # ("report", dict) | ("unusable", reason) | ("error", message)


class CheckPool:
    """Checks articles in `workers` processes (or in-process when `workers=0` or `:memory:`)."""

    def __init__(
        self, db_path: str | Path, *, workers: int = 2, kb: KnowledgeBase | None = None
    ) -> None:
        self.db_path = str(db_path)
        self.workers = 0 if self.db_path == ":memory:" else max(0, workers)
        self._kb = kb
        self._executor: Executor | None = None
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> CheckPool:
        if self.workers == 0:
            if self._kb is None:
                self._kb = await self._stack.enter_async_context(open_kb(self.db_path))
            return self
        if self._kb is None:  # seed the file once, before several processes open it
            async with open_kb(self.db_path):
                pass
        await self._start_workers()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            executor, self._executor = self._executor, None
            await asyncio.get_running_loop().run_in_executor(None, executor.shutdown)
        await self._stack.aclose()

    async def check(
        self,
        text: str,
        *,
        reference_date: date | None = None,
        fallback_date: date | None = None,
    ) -> Report:
        """Check `text` like `KnowledgeBase.check`, without blocking the caller's event loop."""
        options = _options(reference_date, fallback_date)
        if self._executor is None:
            if self._kb is None:
                raise RuntimeError("CheckPool is not open: use `async with CheckPool(...)`")
            return await self._kb.check(text, **options)
        loop = asyncio.get_running_loop()
        outcome = await loop.run_in_executor(self._executor, _check_in_worker, text, options)
        return _report_from(outcome)

    async def _start_workers(self) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_process_context(),
            initializer=_start_worker,
            initargs=(self.db_path,),
        )
        loop = asyncio.get_running_loop()
        ready = [loop.run_in_executor(self._executor, _ready) for _ in range(self.workers)]
        await asyncio.gather(*ready)


def _options(reference_date: date | None, fallback_date: date | None) -> dict[str, Any]:
    options: dict[str, Any] = {"reference_date": reference_date}
    if fallback_date is not None:
        options["fallback_date"] = fallback_date
    return options


def _report_from(outcome: _Outcome) -> Report:
    kind, value = outcome
    if kind == "report":
        return Report.from_dict(value)
    if kind == "unusable":
        raise UnusableInput(value)
    raise KnowledgeError(value)


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork server where available: workers start from a clean process, not a threaded one."""
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["knowledge.pool"])
        return context
    return multiprocessing.get_context("spawn")


# Below: code that runs inside a worker process. Each worker keeps one open KB for its life.


@dataclass
class _Worker:
    loop: asyncio.AbstractEventLoop
    stack: AsyncExitStack
    kb: KnowledgeBase


_worker: _Worker | None = None  # set by the initializer, in worker processes only


def _start_worker(db_path: str) -> None:
    global _worker
    loop = asyncio.new_event_loop()
    stack = AsyncExitStack()
    kb = loop.run_until_complete(stack.enter_async_context(open_kb(db_path)))
    _worker = _Worker(loop, stack, kb)
    multiprocessing.util.Finalize(_worker, _stop_worker, args=(_worker,), exitpriority=10)


def _stop_worker(worker: _Worker) -> None:
    worker.loop.run_until_complete(worker.stack.aclose())
    worker.loop.close()


def _ready() -> int:
    return os.getpid()


def _check_in_worker(text: str, options: dict[str, Any]) -> _Outcome:
    if _worker is None:
        raise RuntimeError("worker process was not initialised")
    try:
        report = _worker.loop.run_until_complete(_worker.kb.check(text, **options))
    except UnusableInput as error:
        return ("unusable", error.reason)
    except KnowledgeError as error:  # not every error class survives pickling: send its text
        return ("error", str(error))
    return ("report", report.to_dict())
