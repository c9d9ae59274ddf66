"""Fixtures for retrieval tests: a fresh in-memory store and a helper to add statements."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import aiosqlite
import pytest_asyncio

from knowledge.retrieval import index_terms, title_terms
from knowledge.store.schema import MIGRATIONS

AddStatement = Callable[..., Awaitable[int]]


@pytest_asyncio.fixture
async def conn() -> AsyncIterator[aiosqlite.Connection]:
    async with aiosqlite.connect(":memory:") as connection:
        await connection.executescript(MIGRATIONS[0])
        yield connection


@pytest_asyncio.fixture
async def add(conn: aiosqlite.Connection) -> AddStatement:
    async def add_statement(text: str, *, title: str | None = None, status: str = "active") -> int:
        cursor = await conn.execute(
            "INSERT INTO statements (text, kind, source_title, status, added_at, updated_at,"
            " terms, title_terms) VALUES (?, 'fact', ?, ?, '2024-01-01', '2024-01-01', ?, ?)",
            (text, title, status, index_terms(text), title_terms(title)),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    return add_statement
