"""Fixtures for retrieval tests: a fresh in-memory store and a helper to add statements."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest_asyncio

from knowledge.model import Actor, Source, StatementDraft
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import Store, open_store

AddStatement = Callable[..., Awaitable[int]]


@pytest_asyncio.fixture
async def store() -> AsyncIterator[Store]:
    opened = await open_store(":memory:", text_index=TEXT_INDEX)
    try:
        yield opened
    finally:
        await opened.close()


@pytest_asyncio.fixture
async def add(store: Store) -> AddStatement:
    async def add_statement(text: str, *, title: str | None = None, status: str = "active") -> int:
        draft = StatementDraft(text=text, source=Source(title=title))
        new_id = await store.insert(draft, Actor.cli())
        if status != "active":
            await store.update(new_id, Actor.cli(), "retire", status=status)
        return new_id

    return add_statement
