"""One check worker: a process with its own open KB, answering checks sent down a pipe."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import traceback
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from typing import Any, TypeVar

from knowledge.errors import KnowledgeError, UnusableInput
from knowledge.kb import KnowledgeBase, open_kb
from knowledge.model import Report

T = TypeVar("T")
Outcome = tuple[str, Any]  # ("report", dict) | ("unusable" | "error" | "crash", message)
_WARM_UP = "The committee met on Monday and approved the budget for next year."
CheckFunction = Callable[[KnowledgeBase, str, dict[str, Any]], Awaitable[Report]]


async def check_text(kb: KnowledgeBase, text: str, options: dict[str, Any]) -> Report:
    """What a worker runs for each check: `KnowledgeBase.check`."""
    return await kb.check(text, **options)


class WorkerProcess:
    """The parent's handle on one worker process. Its pipe is read in a thread of its own,
    so a stuck worker holds that thread only until the process is killed."""

    def __init__(self, db_path: str, check: CheckFunction) -> None:
        context = _process_context()
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child, db_path, check), daemon=True, name="factcheck-worker"
        )
        self._child = child
        self._io = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-worker-io")
        self.pid: int | None = None

    async def start(self) -> None:
        """Start the process and wait until its KB is open; raises if it could not start."""
        # In a thread: the first start also starts the fork server, which imports the check
        # code (spaCy) before it answers; the event loop goes on meanwhile.
        await self._in_thread(self._process.start)
        self._child.close()
        kind, value = await self._in_thread(self._conn.recv)
        if kind != "ready":
            await self.stop(grace=0.0)
            raise RuntimeError(f"the check worker could not start: {value}")
        self.pid = value

    @property
    def alive(self) -> bool:
        return self._process.is_alive()

    async def ask(self, text: str, options: dict[str, Any]) -> Outcome:
        """Send one check and wait for its outcome."""
        return await self._in_thread(self._roundtrip, (text, options))

    async def stop(self, *, grace: float = 10.0) -> None:
        """Ask the process to finish (it closes its KB), killing it after `grace` seconds."""
        await self._in_thread(self._stop, grace, fresh=True)

    def _roundtrip(self, request: tuple[str, dict[str, Any]]) -> Outcome:
        self._conn.send(request)
        try:
            outcome: Outcome = self._conn.recv()
        except EOFError:
            return ("crash", f"worker process ended (exit code {self._process.exitcode})")
        return outcome

    def _stop(self, grace: float) -> None:
        if grace > 0:
            with suppress(OSError):
                self._conn.send(None)  # the worker finishes, closes its KB and exits
            self._process.join(grace)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        self._io.shutdown(wait=True)  # a read in flight has seen the end of the pipe by now
        self._conn.close()

    async def _in_thread(self, call: Callable[..., T], *args: Any, fresh: bool = False) -> T:
        # Stopping must not queue behind a read stuck on a worker that never answers.
        executor = None if fresh else self._io
        return await asyncio.get_running_loop().run_in_executor(executor, call, *args)


def _process_context() -> SpawnContext | ForkServerContext:
    """Fork server where available: workers start from a clean process, not a threaded one."""
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["knowledge.workers"])
        return context
    return multiprocessing.get_context("spawn")


# Below: code that runs inside a worker process. It keeps one open KB for its life.


def serve(conn: Connection, db_path: str, check: CheckFunction) -> None:
    """The worker's main loop: open the KB, then answer checks until the pipe closes (or the
    pool is gone: a worker still starting when the pool shuts down just closes its KB)."""
    loop = asyncio.new_event_loop()
    opened = open_kb(db_path)
    try:
        kb = loop.run_until_complete(opened.__aenter__())
    except Exception as error:
        _tell(conn, ("failed", f"{type(error).__name__}: {error}"))
        loop.close()
        return
    try:
        try:
            # The first check loads the language pipeline: do it now, not on a user's budget.
            with kb.pairs.held():  # the pair model loads after the start, not before polling
                loop.run_until_complete(kb.check(_WARM_UP, reference_date=date(2024, 1, 1)))
        except Exception as error:
            _tell(conn, ("failed", f"{type(error).__name__}: {error}"))
            return
        if not _tell(conn, ("ready", os.getpid())):
            return
        with suppress(KnowledgeError):  # if it cannot load, the first check says why
            kb.pairs.load()
        while True:
            try:
                request = conn.recv()
            except (EOFError, OSError):
                return
            if request is None:
                return
            text, options = request
            if not _tell(conn, loop.run_until_complete(_outcome(check, kb, text, options))):
                return
    finally:
        loop.run_until_complete(opened.__aexit__(None, None, None))
        loop.close()


def _tell(conn: Connection, message: object) -> bool:
    """Send the pool a message; False where it has closed its end (nobody waits any more)."""
    try:
        conn.send(message)
    except OSError:  # BrokenPipeError, ConnectionResetError
        return False
    return True


async def _outcome(
    check: CheckFunction, kb: KnowledgeBase, text: str, options: dict[str, Any]
) -> Outcome:
    try:
        report = await check(kb, text, options)
    except UnusableInput as error:
        return ("unusable", error.reason)
    except KnowledgeError as error:  # not every error class survives pickling: send its text
        return ("error", str(error))
    except Exception:
        return ("crash", traceback.format_exc(limit=5))
    return ("report", report.to_dict())
