"""The store's SQLite connections: one writer at a time, reads of committed rows only, and
driver errors turned into domain errors.

A transaction owns the write connection from BEGIN to COMMIT or ROLLBACK: an asyncio lock is
taken before BEGIN and released after, so concurrent bot updates take turns instead of sharing
a transaction. Nested calls in the owning task (and tasks it starts) join it; any other task
waits, up to `write_wait` seconds for both the lock and the file (another process may be
importing), then gets KnowledgeBaseBusy. Reads outside a transaction go to a second connection,
which in WAL mode sees only committed rows and never waits for a writer; an in-memory database
has one connection, so its reads take the lock too.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from contextlib import asynccontextmanager, suppress
from contextvars import ContextVar
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import aiosqlite

from knowledge.errors import ConstraintBroken, KnowledgeBaseBusy, StoreUnavailable

T = TypeVar("T")
IN_CHUNK = 500  # values per `IN (...)`: well under SQLite's limit on bound parameters
_FILE_WAIT = 0.2  # seconds SQLite itself waits for the file's write lock per attempt
_READ_WAIT = 5.0  # seconds a read waits for the file (only while WAL is recovered)
_UNAVAILABLE = ("disk is full", "disk i/o error", "readonly", "malformed", "not a database")


class Written(NamedTuple):
    """What a write statement reports back."""

    lastrowid: int | None
    rowcount: int


def domain_error(error: sqlite3.Error) -> Exception:
    """The domain error for a driver error the store expects, else the error itself."""
    text = str(error).lower()
    if isinstance(error, sqlite3.IntegrityError):  # the table modules say which rows
        return ConstraintBroken(str(error))
    if isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text):
        return KnowledgeBaseBusy(0.0)
    if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError) and any(
        p in text for p in _UNAVAILABLE
    ):
        return StoreUnavailable(str(error))
    return error


class Database:
    """The write connection (and, for a file, a read connection) of one knowledge-base file."""

    def __init__(
        self, writer: aiosqlite.Connection, reader: aiosqlite.Connection | None, *, wait: float
    ) -> None:
        self._writer = writer
        self._reader = reader
        self._wait = wait
        self._lock = asyncio.Lock()
        # The open transaction's token, also set in the context of the task that owns it (and
        # copied into tasks it starts): they join it. A task that outlives the transaction
        # holds a stale token, which matches no longer.
        self._open: object | None = None
        self._owner: ContextVar[object | None] = ContextVar(
            f"store_transaction_{id(self)}", default=None
        )

    @classmethod
    async def open(cls, path: str | Path, *, write_wait: float) -> Database:
        """Connect to `path` (":memory:" works); the read connection opens later."""
        writer = await aiosqlite.connect(str(path), isolation_level=None)
        try:
            await writer.execute("PRAGMA foreign_keys = ON")
            await writer.execute(f"PRAGMA busy_timeout = {int(_FILE_WAIT * 1000)}")
            if str(path) != ":memory:":
                await writer.execute("PRAGMA journal_mode = WAL")
                await writer.execute("PRAGMA synchronous = NORMAL")
                # 64 MB of page cache (the default is 2 MB): imports into a million-statement
                # file update indexes all over it; memory is taken only as pages are read
                await writer.execute("PRAGMA cache_size = -65536")
        except sqlite3.Error as error:
            await writer.close()
            raise domain_error(error) from error
        return cls(writer, None, wait=write_wait)

    async def open_reader(self, path: str | Path) -> None:
        """Open the read connection (after migrating: it must see the current schema)."""
        if str(path) == ":memory:" or self._reader is not None:
            return
        reader = await aiosqlite.connect(str(path), isolation_level=None)
        await reader.execute(f"PRAGMA busy_timeout = {int(_READ_WAIT * 1000)}")
        await reader.execute("PRAGMA query_only = ON")
        await reader.execute("PRAGMA cache_size = -65536")
        self._reader = reader

    async def close(self) -> None:
        if self._reader is not None:
            await self._reader.close()
        await self._writer.close()

    @property
    def total_changes(self) -> int:
        """Rows changed through this store's writer since it opened."""
        return self._writer.total_changes

    @property
    def in_transaction(self) -> bool:
        """Whether the calling task owns (or joined) the open transaction."""
        return self._open is not None and self._owner.get() is self._open

    async def create_function(self, name: str, arity: int, function: Callable[..., Any]) -> None:
        await self._writer.create_function(name, arity, function, deterministic=True)

    # -- reads ----------------------------------------------------------------------------

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of a query: the transaction's view in its owner, else committed rows."""
        if self.in_transaction:
            rows = await self._call(self._writer.execute_fetchall, sql, params)
        elif self._reader is not None:
            rows = await self._call(self._reader.execute_fetchall, sql, params)
        else:
            async with self._turn(begin=False):
                rows = await self._call(self._writer.execute_fetchall, sql, params)
        return list(rows)

    # -- writes (each in the caller's transaction, or in one of its own) -----------------

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> Written:
        async with self.transaction():
            cursor = await self._call(self._writer.execute, sql, params)
            return Written(cursor.lastrowid, cursor.rowcount)

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Written:
        async with self.transaction():
            cursor = await self._call(self._writer.executemany, sql, rows)
            return Written(cursor.lastrowid, cursor.rowcount)

    async def script(self, statements: Iterable[str]) -> None:
        """Run statements one by one in the caller's transaction (a migration's)."""
        for statement in statements:
            await self._call(self._writer.execute, statement, ())

    async def pragma(self, sql: str) -> None:
        """A PRAGMA that must run outside any transaction (foreign_keys), on the writer."""
        async with self._turn(begin=False):
            await self._call(self._writer.execute, sql, ())

    @asynccontextmanager
    async def transaction(self, *, wait: float | None = None) -> AsyncIterator[None]:
        """All-or-nothing: commit on success, roll back on any exception. A nested call in
        the owning task joins; other tasks wait their turn, up to `wait` seconds (by default
        the store's write wait), then get KnowledgeBaseBusy."""
        if self.in_transaction:
            yield
            return
        async with self._turn(begin=True, wait=wait):
            self._open = object()
            token = self._owner.set(self._open)
            try:
                yield
                await self._call(self._writer.execute, "COMMIT", ())
            except BaseException:
                await self._rollback()
                raise
            finally:
                self._owner.reset(token)
                self._open = None

    # -- turns ----------------------------------------------------------------------------

    @asynccontextmanager
    async def _turn(self, *, begin: bool, wait: float | None = None) -> AsyncIterator[None]:
        """Hold the writer: the lock within the wait, then (with `begin`) the file's write
        lock by BEGIN IMMEDIATE within what is left of it."""
        wait = self._wait if wait is None else wait
        deadline = asyncio.get_running_loop().time() + wait
        try:
            async with asyncio.timeout(wait):
                await self._lock.acquire()
        except TimeoutError:
            raise KnowledgeBaseBusy(wait) from None
        try:
            if begin:
                await self._begin(deadline, wait)
            yield
        finally:
            self._lock.release()

    async def _begin(self, deadline: float, wait: float) -> None:
        loop = asyncio.get_running_loop()
        pause = 0.02
        while True:
            try:
                await self._writer.execute("BEGIN IMMEDIATE")
                return
            except asyncio.CancelledError:
                await self._rollback()  # the BEGIN may still run on the connection's thread
                raise
            except sqlite3.Error as error:
                mapped = domain_error(error)
                if not isinstance(mapped, KnowledgeBaseBusy):
                    raise mapped from error
                if loop.time() + pause > deadline:
                    raise KnowledgeBaseBusy(wait) from None
            await asyncio.sleep(pause)  # another process writes: let it, then try again
            pause = min(pause * 2, 0.5)

    async def _rollback(self) -> None:
        # nothing to roll back when BEGIN or COMMIT did not happen (or COMMIT did)
        with suppress(sqlite3.Error):
            await asyncio.shield(self._writer.execute("ROLLBACK"))

    @staticmethod
    async def _call(method: Callable[..., Any], sql: str, params: Any) -> Any:
        try:
            return await method(sql, params)
        except sqlite3.Error as error:
            mapped = domain_error(error)
            if mapped is error:
                raise
            raise mapped from error


def in_chunks(values: Sequence[T]) -> Iterator[tuple[list[T], str]]:
    """`values` in slices of at most IN_CHUNK, each with its placeholders for `IN (...)`."""
    for start in range(0, len(values), IN_CHUNK):
        chunk = list(values[start : start + IN_CHUNK])
        yield chunk, ",".join("?" * len(chunk))
