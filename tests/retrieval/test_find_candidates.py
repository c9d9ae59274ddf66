"""Finding the statements a claim is about."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import aiosqlite

from knowledge.retrieval import find_candidates

AddStatement = Callable[..., Awaitable[int]]

async def test_paraphrased_claim_finds_its_statement_first(
    conn: aiosqlite.Connection, add: AddStatement
) -> None:
    await add("The harbour bridge in Lisbon was closed for repairs in March.")
    wanted = await add("The city council of Bergen voted to ban cars from the old town centre.")
    await add("Bergen's football club won the national cup after a penalty shoot-out.")
    hits = await find_candidates(conn, "Bergen councillors have voted for banning cars in the old town")
    assert hits[0][0] == wanted

async def test_identical_text_scores_one(conn: aiosqlite.Connection, add: AddStatement) -> None:
    text = "Norway's sovereign wealth fund sold its shares in three mining companies."
    wanted = await add(text, title="Wealth fund divests from miners")
    hits = await find_candidates(conn, text)
    assert hits[0] == (wanted, 1.0)

async def test_retired_statements_are_never_returned(
    conn: aiosqlite.Connection, add: AddStatement
) -> None:
    await add("The lighthouse keeper retired after forty years on the island.", status="retired")
    kept = await add("A new lighthouse keeper started work on the island this spring.")
    hits = await find_candidates(conn, "lighthouse keeper island")
    assert [statement_id for statement_id, _ in hits] == [kept]
