"""Term counts are the store's: cached per store, refreshed on a change, bounded in size."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from knowledge.model import Actor
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import Store, open_store
from knowledge.store.terms import TermCounts

AddStatement = Callable[..., Awaitable[int]]


async def test_a_new_statement_is_counted_at_the_next_look_up(
    store: Store, add: AddStatement
) -> None:
    await add("The ferry to the island leaves at dawn.")
    assert (await store.terms.vocabulary({"ferry"})).frequencies["ferry"] == 1
    await add("A second ferry was bought for the winter.")
    assert (await store.terms.vocabulary({"ferry"})).frequencies["ferry"] == 2


async def test_a_retired_statement_is_no_longer_counted(store: Store, add: AddStatement) -> None:
    first = await add("The lighthouse was painted red.")
    await add("The old lighthouse keeper retired.")
    assert (await store.terms.vocabulary({"lighthouse"})).frequencies["lighthouse"] == 2
    await store.update(first, Actor.cli(), "retire", status="retired")
    vocab = await store.terms.vocabulary({"lighthouse"})
    assert (vocab.frequencies["lighthouse"], vocab.documents) == (1, 1)


async def test_each_store_keeps_its_own_counts(add: AddStatement, store: Store) -> None:
    await add("The glacier shrank by a third.")
    other = await open_store(":memory:", text_index=TEXT_INDEX)
    try:
        assert (await other.terms.vocabulary({"glacier"})).frequencies["glacier"] == 0
        assert (await store.terms.vocabulary({"glacier"})).frequencies["glacier"] == 1
    finally:
        await other.close()


async def test_the_cache_starts_again_rather_than_grow_past_its_bound(
    store: Store, add: AddStatement
) -> None:
    await add("The tram line reached the harbour.")
    counts = TermCounts(store._db, max_terms=50)
    asked = {f"word{n}" for n in range(200)}
    full = await counts.vocabulary(asked)
    assert len(full.frequencies) == 200  # one look-up is answered whole
    again = await counts.vocabulary({"tram"})
    assert again.frequencies == {"tram": 1}  # the next starts from an empty cache
