"""Test helper: raw rows read from a store, for the few tests that compare stored values
exactly (code outside knowledge/store never reads the connection)."""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.store import Store


async def raw_rows(
    store: Store, sql: str, params: Sequence[object] = ()
) -> list[tuple[object, ...]]:
    """The rows `sql` reads, as plain tuples."""
    return [tuple(row) for row in await store._db.fetch(sql, params)]
