"""Candidate statements for a claim: a budgeted FTS5 query, then re-ranking by several signals."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from knowledge.retrieval.rank import Candidate, Query, combine, same_statement, signals
from knowledge.retrieval.terms import clean_text, lemmas, split_signatures
from knowledge.retrieval.vocab import Vocabulary, vocabulary


@dataclass(frozen=True, slots=True)
class _Plan:
    """Which terms go into the FTS5 query and how they are combined."""

    terms: tuple[str, ...]
    operator: str  # "OR" | "AND"


async def find_candidates(
    conn: aiosqlite.Connection,
    text: str,
    *,
    limit: int = 50,
    pool: int = 200,
    posting_budget: int = 60_000,
    max_terms: int = 16,
    title_weight: float = 0.6,
) -> list[tuple[int, float]]:
    """Ids of active statements most likely to match `text`, best first, scored in [0, 1]."""
    query_terms = lemmas(clean_text(text))
    context = lemmas(split_signatures(text)[1])
    if not query_terms:
        return []
    vocab = await vocabulary(conn, set(query_terms) | set(context))
    plan = _plan(query_terms + context, vocab, posting_budget=posting_budget, max_terms=max_terms)
    if plan is None:
        return []
    rows = await _fetch(conn, plan, size=max(pool, limit), title_weight=title_weight)
    candidates = [Candidate.of_row(row) for row in rows]
    needed = {t for c in candidates for t in c.terms + c.title}
    vocab = await vocabulary(conn, needed)
    query = Query.of(query_terms, context)
    ranked = sorted(((_score(query, c, vocab), c.id) for c in candidates), reverse=True)
    return [(statement_id, value) for value, statement_id in ranked[:limit]]


def _score(query: Query, candidate: Candidate, vocab: Vocabulary) -> float:
    return 1.0 if same_statement(query, candidate) else combine(signals(query, candidate, vocab))


def _plan(
    terms: list[str], vocab: Vocabulary, *, posting_budget: int, max_terms: int
) -> _Plan | None:
    """The rarest known terms whose posting lists fit the budget; AND them if none fits alone."""
    frequencies = vocab.frequencies
    known = sorted({t for t in terms if frequencies.get(t, 0) > 0}, key=frequencies.__getitem__)
    if not known:
        return None
    chosen: list[str] = []
    spent = 0
    for term in known[:max_terms]:
        spent += vocab.frequencies[term]
        if chosen and spent > posting_budget:
            break
        chosen.append(term)
    if len(chosen) == 1 and vocab.frequencies[chosen[0]] > posting_budget and len(known) > 1:
        return _Plan(tuple(known[:3]), "AND")
    return _Plan(tuple(chosen), "OR")


async def _fetch(
    conn: aiosqlite.Connection, plan: _Plan, *, size: int, title_weight: float
) -> list[tuple[object, ...]]:
    match = f" {plan.operator} ".join(f'"{t}"' for t in plan.terms)
    sql = (
        "SELECT s.id, s.text, s.terms, s.title_terms FROM"
        " (SELECT rowid, bm25(statements_fts, 1.0, ?) AS rank FROM statements_fts"
        "  WHERE statements_fts MATCH ? ORDER BY rank LIMIT ?) AS hit"
        " JOIN statements AS s ON s.id = hit.rowid WHERE s.status = 'active' ORDER BY hit.rank"
    )
    async with conn.execute(sql, (title_weight, match, size)) as cursor:
        return list(await cursor.fetchall())
