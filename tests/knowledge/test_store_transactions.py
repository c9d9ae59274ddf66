"""Transactions that concurrent tasks cannot share: each owns the store from BEGIN to COMMIT
or ROLLBACK, others wait their turn, reads see only committed rows, and a writer in another
connection makes writes wait a bounded time and then say the knowledge base is busy."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

import knowledge
from knowledge import CuratorDesk, KnowledgeBaseBusy, Requester
from knowledge.model import Actor, StatementDraft
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import open_store

ALICE = Actor(id="11", name="Alice")


class Boom(Exception):
    """A failure in the middle of a transaction."""


@pytest_asyncio.fixture(params=["file", "memory"])
async def kb(
    request: pytest.FixtureRequest, tmp_path: Path
) -> AsyncIterator[knowledge.KnowledgeBase]:
    path = tmp_path / "kb.sqlite" if request.param == "file" else ":memory:"
    async with knowledge.open_kb(path, seed=False) as fresh:
        yield fresh


async def _texts(kb: knowledge.KnowledgeBase) -> set[str]:
    return {s.text for s in await kb.store.statements.all(status=None)}


async def _held_then_failed(
    kb: knowledge.KnowledgeBase, held: asyncio.Event, go: asyncio.Event
) -> None:
    """Insert a row in a transaction, hold it until `go`, then fail: nothing may remain."""
    async with kb.store.transaction():
        await kb.store.insert(StatementDraft(text="Rolled back with its transaction."), ALICE)
        held.set()
        await go.wait()
        raise Boom


async def test_another_task_waits_and_keeps_its_own_write(kb: knowledge.KnowledgeBase) -> None:
    held, go = asyncio.Event(), asyncio.Event()
    failing = asyncio.create_task(_held_then_failed(kb, held, go))
    await held.wait()
    adding = asyncio.create_task(
        kb.curator.add("Added while another transaction was open.", actor=ALICE)
    )
    await asyncio.sleep(0.05)
    assert not adding.done()  # it waits its turn instead of joining the open transaction
    go.set()
    with pytest.raises(Boom):
        await failing
    new_id = await adding
    assert await _texts(kb) == {"Added while another transaction was open."}
    assert (await kb.get(new_id)).text == "Added while another transaction was open."
    assert [c.target_id for c in await kb.store.log.changes()] == [new_id]


async def test_reads_never_see_another_tasks_uncommitted_rows(kb: knowledge.KnowledgeBase) -> None:
    held, go = asyncio.Event(), asyncio.Event()
    failing = asyncio.create_task(_held_then_failed(kb, held, go))
    await held.wait()
    reading = asyncio.create_task(_texts(kb))
    await asyncio.sleep(0.05)
    if kb.store.path != ":memory:":  # a file has a reader of committed rows: no waiting
        assert reading.done() and reading.result() == set()
    go.set()
    with pytest.raises(Boom):
        await failing
    assert await reading == set()


async def test_nested_calls_in_one_task_join_its_transaction(kb: knowledge.KnowledgeBase) -> None:
    with pytest.raises(Boom):
        async with kb.store.transaction():
            await kb.curator.add("Joined the outer transaction.", actor=ALICE)
            assert await _texts(kb) == {"Joined the outer transaction."}  # its own rows
            raise Boom
    assert await _texts(kb) == set()


async def test_concurrent_writes_each_all_or_nothing(kb: knowledge.KnowledgeBase) -> None:
    queue = CuratorDesk(kb, per_person=50)

    async def add(n: int) -> tuple[str, object]:
        return "add", await kb.curator.add(
            f"Harbour crane number {n} was painted blue.", actor=ALICE
        )

    async def import_ok(n: int) -> tuple[str, object]:
        data = "".join(f"- text: Import {n} tram stop {i} opened.\n" for i in range(40))
        return "import", await kb.curator.import_records(
            data.encode(), filename="k.yaml", actor=ALICE
        )

    async def import_refused(n: int) -> tuple[str, object]:
        data = (
            f"statements: [{{text: Refused import {n} statement.}}]\n"
            "rules: [{pattern: minsk deal, explanation: x, evidence: no-such-key}]\n"
        )
        try:
            await kb.curator.import_records(data.encode(), filename="k.yaml", actor=ALICE)
        except knowledge.InvalidImport:
            return "refused", n
        raise AssertionError("the import should have been refused")

    async def ask(n: int) -> tuple[str, object]:
        filed = await queue.ask(
            f"The lighthouse number {n} is the tallest in the region.",
            requester=Requester(user_id=100 + n % 7, chat_id=100 + n % 7),
        )
        return "ask", filed.request.id

    jobs = [f(n) for n in range(8) for f in (add, import_ok, import_refused, ask)]
    results = await asyncio.gather(*jobs)

    texts = await _texts(kb)
    added = [r for kind, r in results if kind == "add"]
    imported = [r for kind, r in results if kind == "import"]
    assert len(await kb.store.statements.get_many(added)) == 8  # type: ignore[arg-type]
    for result in imported:
        assert isinstance(result, knowledge.ImportResult) and len(result.statement_ids) == 40
        assert len(await kb.store.statements.get_many(result.statement_ids)) == 40
    assert not any(t.startswith("Refused import") for t in texts)
    assert len(texts) == 8 + 8 * 40
    asked = {r for kind, r in results if kind == "ask"}
    assert len(asked) == 8 and all([await queue.get(int(i)) for i in asked])  # type: ignore[call-overload]
    assert (
        len(await kb.store.log.changes(100)) == 16
    )  # one audit entry per acknowledged add and import


async def test_a_writer_in_another_connection_makes_writes_busy(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    store = await open_store(path, text_index=TEXT_INDEX, write_wait=0.3)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # a CLI import in another process holds the file
        other.execute("INSERT INTO meta (key, value) VALUES ('other', '1')")
        with pytest.raises(KnowledgeBaseBusy, match="busy importing, try again in a minute"):
            await store.insert(StatementDraft(text="Waited its turn."), ALICE)
        assert await store.statements.all() == []  # reads go on meanwhile
        other.execute("COMMIT")
        new_id = await store.insert(StatementDraft(text="Waited its turn."), ALICE)
        assert (await store.statements.get(new_id)).text == "Waited its turn."
    finally:
        other.close()
        await store.close()


async def test_a_streamed_import_reads_its_records_before_it_writes(tmp_path: Path) -> None:
    reading, resume = threading.Event(), threading.Event()

    def records() -> Iterator[StatementDraft]:
        yield StatementDraft(text="Streamed statement one.")
        reading.set()
        resume.wait(10)  # still reading the file: the store must be free meanwhile
        yield StatementDraft(text="Streamed statement two.")

    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False, write_wait=0.5) as kb:
        importing = asyncio.create_task(kb.curator.import_stream(records()))
        await asyncio.to_thread(reading.wait, 10)
        try:
            added = await kb.curator.add("Added while the import was still reading.")
        finally:
            resume.set()
        result = await importing
        assert len(result.statement_ids) == 2 and added not in result.statement_ids
        assert len(await kb.store.statements.all()) == 3


async def test_opening_a_seeded_file_needs_no_write_turn(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with knowledge.open_kb(path) as kb:
        seeded = len(await kb.store.statements.all())
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # an import in another process holds the file
        async with knowledge.open_kb(path, write_wait=0.3) as kb:  # a bot or worker starting
            assert len(await kb.store.statements.all()) == seeded
    finally:
        other.execute("ROLLBACK")
        other.close()
