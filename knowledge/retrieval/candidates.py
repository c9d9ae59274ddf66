"""Candidate statements for a claim: a cost-bounded FTS5 query, then re-ranking."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from knowledge.retrieval.rank import Candidate, Query, combine, same_statement, signals
from knowledge.retrieval.terms import (
    clean_text,
    lemma,
    lemmas,
    run_together_tags,
    split_signatures,
)
from knowledge.store.vocab import Vocabulary

if TYPE_CHECKING:
    from knowledge.model import Statement
    from knowledge.store import Store


@dataclass(frozen=True, slots=True)
class Plan:
    """An FTS5 match expression and whether ranking its matches by BM25 is affordable."""

    match: str
    ranked: bool


async def find_candidates(
    store: Store,
    text: str,
    *,
    limit: int = 50,
    pool: int = 32,
    posting_budget: int = 800,
    max_terms: int = 32,
    rarest: int = 3,
    title_weight: float = 0.6,
) -> list[tuple[int, float]]:
    """Ids of active statements most likely to match `text`, best first, scored in [0, 1].

    The FTS5 query only touches the claim's rarest terms, so its cost stays bounded however
    large the knowledge base is: at most `posting_budget` rows are ranked by BM25.
    """
    body = lemmas(clean_text(text))
    context = lemmas(split_signatures(text)[1])
    if not body:
        return []
    vocab = await store.terms.vocabulary(set(body) | set(context))
    body = await _split_compounds(store, body, run_together_tags(text), vocab)
    plan = plan_query(
        body + context, vocab, posting_budget=posting_budget, max_terms=max_terms, rarest=rarest
    )
    if plan is None:
        return []
    rows = await store.index.matches(
        plan.match, ranked=plan.ranked, size=max(pool, limit), title_weight=title_weight
    )
    query = Query.of(body, context, vocab)
    lengths = vocab.mean_lengths
    scored = ((_score(query, Candidate.of_row(row), lengths), int(row[0])) for row in rows)
    ranked = sorted(scored, key=lambda pair: (-pair[0], pair[1]))
    return [(statement_id, value) for value, statement_id in ranked[:limit]]


async def _split_compounds(
    store: Store,
    terms: list[str],
    tags: set[str],
    vocab: Vocabulary,
    *,
    shortest: int = 5,
    name_part: int = 4,
) -> list[str]:
    """Replace a run-together tag the knowledge base never uses ("tentcity") by two words it
    does use ("tent city"), choosing the split whose rarer half is the most common; failing
    that, by the split with the longest half it uses, both halves `name_part` letters or more
    ("annasvensson" -> "anna svensson" when only "svensson" is known)."""
    df = vocab.frequencies
    unknown = {t for t in terms if t in tags and len(t) >= shortest and not df.get(t)}
    if not unknown:
        return terms
    splits = {t: [(lemma(t[:i]), lemma(t[i:])) for i in range(2, len(t) - 1)] for t in unknown}
    parts = {part for pairs in splits.values() for pair in pairs for part in pair}
    df = (await store.terms.vocabulary(parts)).frequencies
    best: dict[str, tuple[str, str]] = {}
    for term, pairs in splits.items():
        scored = [(min(df[a], df[b]), a, b) for a, b in pairs if df[a] and df[b]]
        if scored:
            _, a, b = max(scored)
            best[term] = (a, b)
            continue
        named = [(len(a if df[a] else b), a, b) for a, b in pairs if df[a] or df[b]]
        named = [n for n in named if min(len(n[1]), len(n[2])) >= name_part]
        if named:  # a name the knowledge base knows half of
            _, a, b = max(named)
            best[term] = (a, b)
    return [part for t in terms for part in (best.get(t) or (t,))]


def _score(query: Query, candidate: Candidate, mean_lengths: tuple[float, float]) -> float:
    if same_statement(query, candidate):
        return 1.0
    return combine(signals(query, candidate, mean_lengths))


def plan_query(
    terms: list[str],
    vocab: Vocabulary,
    *,
    posting_budget: int,
    max_terms: int,
    rarest: int,
    walk_ratio: float = 20.0,
) -> Plan | None:
    """Choose what to ask FTS5 for, by document frequency, within a cost budget.

    Cost is counted in rows ranked by BM25 (the expensive part, about 3.5 us a row here);
    walking a posting list to intersect it costs about 1/`walk_ratio` of that per entry
    (measured: about 1/22). Rare terms are ORed while they
    fit; the next `rarest` terms are added as pairs (both must match) while the pairs fit. A
    claim made only of common words falls back to the newest rows holding all of its three
    rarest terms, unranked.
    """
    df = vocab.frequencies
    known = sorted({t for t in terms if df.get(t, 0) > 0}, key=lambda t: (df[t], t))
    if not known:
        return None
    parts: list[str] = []
    spent = 0.0
    for term in known[:max_terms]:
        if spent + df[term] > posting_budget:
            break
        parts.append(_quoted(term))
        spent += df[term]
    rest = known[len(parts) : len(parts) + rarest]
    for a, b in combinations(rest, 2):
        cost = df[a] * df[b] / max(vocab.documents, 1) + (df[a] + df[b]) / walk_ratio
        if spent + cost <= posting_budget:
            parts.append(f"({_quoted(a)} AND {_quoted(b)})")
            spent += cost
    if not parts:
        return Plan(" AND ".join(_quoted(t) for t in known[:3]), ranked=False)
    return Plan(" OR ".join(parts), ranked=True)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


async def search_statements(
    store: Store, text: str, *, limit: int = 10
) -> list[tuple[Statement, float]]:
    """Active statements that best match `text`, best first, with scores in [0, 1]."""
    if not text.strip():
        return []
    found = await find_candidates(store, text, limit=limit)
    statements = await store.statements.get_many(i for i, _ in found)
    return [(statements[i], s) for i, s in found if i in statements][:limit]
