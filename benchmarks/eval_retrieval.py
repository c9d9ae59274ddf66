"""Verified-claim retrieval on CLEF CheckThat! 2020 Task 2 (English): engine vs two baselines."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR, eval_dir, read_tsv

DATASET = "clef2020-task2-en"
Ranker = Callable[[str], Awaitable[list[str]]]


@dataclass(frozen=True, slots=True)
class Dataset:
    """Verified claims (id -> (claim, title)), tweets (id -> text) and relevant claim ids."""

    claims: dict[str, tuple[str, str]]
    tweets: dict[str, str]
    relevant: dict[str, set[str]]


def load(root: Path, split: str) -> Dataset:
    claims = {row[0]: (row[1], row[2]) for row in read_tsv(root / "verified_claims.docs.tsv")}
    tweets = {row[0]: row[1] for row in read_tsv(root / split / "tweets.queries.tsv")}
    relevant: dict[str, set[str]] = {}
    for line in (root / split / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            relevant.setdefault(parts[0], set()).add(parts[2])
    return Dataset(claims, {t: tweets[t] for t in relevant if t in tweets}, relevant)


def average_precision(ranked: Sequence[str], relevant: set[str], *, depth: int) -> float:
    hits, total = 0, 0.0
    for position, item in enumerate(ranked[:depth], start=1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), depth) if relevant else 0.0


def reciprocal_rank(ranked: Sequence[str], relevant: set[str]) -> float:
    return next((1.0 / i for i, item in enumerate(ranked, start=1) if item in relevant), 0.0)


async def measure(name: str, rank: Ranker, data: Dataset) -> dict[str, float | str]:
    """MAP@1, MAP@5, MRR (over the top 50), Recall@5 and per-query latency of one ranker."""
    ap1, ap5, rr, r5, times = [], [], [], [], []
    for tweet_id, text in data.tweets.items():
        started = time.perf_counter()
        ranked = await rank(text)
        times.append(time.perf_counter() - started)
        wanted = data.relevant[tweet_id]
        ap1.append(average_precision(ranked, wanted, depth=1))
        ap5.append(average_precision(ranked, wanted, depth=5))
        rr.append(reciprocal_rank(ranked[:50], wanted))
        r5.append(len(wanted & set(ranked[:5])) / len(wanted))
    return {
        "system": name,
        "map@1": statistics.fmean(ap1),
        "map@5": statistics.fmean(ap5),
        "mrr": statistics.fmean(rr),
        "recall@5": statistics.fmean(r5),
        "ms_per_query": 1000 * statistics.fmean(times),
    }


def bm25_ranker(data: Dataset) -> Ranker:
    import bm25s

    ids = list(data.claims)
    model = bm25s.BM25()
    corpus = [data.claims[i][0] for i in ids]
    model.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False)

    async def rank(text: str) -> list[str]:
        tokens = bm25s.tokenize([text], stopwords="en", show_progress=False)
        found, _ = model.retrieve(tokens, k=50, show_progress=False)
        return [ids[int(i)] for i in found[0]]

    return rank


def fuzzy_ranker(data: Dataset) -> Ranker:
    from rapidfuzz import fuzz, process

    choices = {claim_id: text for claim_id, (text, _) in data.claims.items()}

    async def rank(text: str) -> list[str]:
        found = process.extract(text, choices, scorer=fuzz.token_set_ratio, limit=50)
        return [key for _, _, key in found]

    return rank


async def engine_ranker(
    data: Dataset, path: Path, stack: AsyncExitStack, *, use_kb: bool
) -> tuple[Ranker, float]:
    """Load the claims into a fresh knowledge base; return its ranker and the load time."""
    started = time.perf_counter()
    load_into = _kb_search if use_kb else _direct_search
    rank = await load_into(data, path, stack)
    return rank, time.perf_counter() - started


async def _kb_search(data: Dataset, path: Path, stack: AsyncExitStack) -> Ranker:
    """The engine as users get it: `KnowledgeBase.add_many` then `KnowledgeBase.search`."""
    import knowledge

    kb = await stack.enter_async_context(knowledge.open_kb(path, seed=False))
    drafts = [
        knowledge.StatementDraft(
            text=text, source=knowledge.Source(title=title or None), external_id=claim_id
        )
        for claim_id, (text, title) in data.claims.items()
    ]
    await kb.curator.add_many(drafts)

    async def search(text: str) -> list[str]:
        hits = await kb.search(text, limit=50)
        return [str(statement.external_id) for statement, _ in hits]

    return search


async def _direct_search(data: Dataset, path: Path, stack: AsyncExitStack) -> Ranker:
    """Only the store and the retrieval module: rows inserted as one import, then
    `find_candidates` (no statements read back, no KnowledgeBase)."""
    import knowledge
    from knowledge.retrieval import TEXT_INDEX, find_candidates
    from knowledge.store import open_store

    store = await open_store(path, text_index=TEXT_INDEX)
    stack.push_async_callback(store.close)
    drafts = [
        knowledge.StatementDraft(
            text=text, source=knowledge.Source(title=title or None), external_id=claim_id
        )
        for claim_id, (text, title) in data.claims.items()
    ]
    await store.insert_many(drafts, knowledge.Actor.cli())
    external = {s.id: str(s.external_id) for s in await store.statements.all()}

    async def search(text: str) -> list[str]:
        return [external[i] for i, _ in await find_candidates(store, text, limit=50)]

    return search


def _print_table(results: list[dict[str, float | str]], *, split: str, loaded: float) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"CLEF 2020 Task 2 (en), {split} split; engine load {loaded:.1f} s")
    columns = ("map@1", "map@5", "mrr", "recall@5", "ms_per_query")
    table.add_column("system")
    for column in columns:
        table.add_column(column, justify="right")
    for row in results:
        cells = (f"{float(row[c]):.{1 if c == 'ms_per_query' else 3}f}" for c in columns)
        table.add_row(str(row["system"]), *cells)
    Console().print(table)


async def run(root: Path, *, split: str, use_kb: bool, baselines: bool) -> dict[str, object]:
    data = load(root, split)
    with tempfile.TemporaryDirectory() as folder:
        async with AsyncExitStack() as stack:
            path = Path(folder) / "kb.sqlite"
            rank, loaded = await engine_ranker(data, path, stack, use_kb=use_kb)
            name = "engine (KnowledgeBase.search)" if use_kb else "engine (retrieval only)"
            results = [await measure(name, rank, data)]
    if baselines:
        results.append(await measure("bm25s (claim text)", bm25_ranker(data), data))
        results.append(await measure("rapidfuzz token_set_ratio", fuzzy_ranker(data), data))
    _print_table(results, split=split, loaded=loaded)
    return {
        "dataset": DATASET,
        "split": split,
        "queries": len(data.tweets),
        "claims": len(data.claims),
        "engine": "knowledge.open_kb" if use_kb else "knowledge.retrieval",
        "engine_load_seconds": loaded,
        "claims_per_second": len(data.claims) / loaded if loaded else None,
        "results": results,
    }


def _synthetic_rows(count: int, *, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """(text, terms, title_terms) of made-up statements: words drawn with Zipf frequencies."""
    from knowledge.retrieval.terms import _stop_words, lemma_table

    rng = random.Random(seed)
    stop = _stop_words()
    words = sorted({w for w in lemma_table().values() if w.isalpha() and w not in stop})
    rng.shuffle(words)
    words = words[:30_000]
    weights = list(itertools.accumulate(1.0 / rank for rank in range(1, len(words) + 1)))
    for _ in range(count):
        text = rng.choices(words, cum_weights=weights, k=rng.randint(8, 18))
        title = rng.choices(words, cum_weights=weights, k=rng.randint(4, 9))
        yield " ".join(text).capitalize() + ".", " ".join(text), " ".join(title)


def build_synthetic(path: Path, count: int) -> None:
    """A knowledge base of `count` synthetic statements at `path` (reused when it exists)."""
    if path.exists():
        if asyncio.run(_statement_count(path)) == count:
            return
        path.unlink()
    asyncio.run(_fill_synthetic(path, count))


async def _statement_count(path: Path) -> int:
    from knowledge.retrieval import TEXT_INDEX
    from knowledge.store import open_store

    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        return sum((await store.statements.counts()).values())
    finally:
        await store.close()


async def _fill_synthetic(path: Path, count: int, *, chunk: int = 10_000) -> None:
    import knowledge
    from knowledge.retrieval import TEXT_INDEX
    from knowledge.store import open_store

    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        async with store.bulk_insert(knowledge.Actor.cli()) as insert:
            rows = _synthetic_rows(count)
            while batch := list(itertools.islice(rows, chunk)):
                await insert(
                    [
                        knowledge.StatementDraft(text=text, source=knowledge.Source(title=title))
                        for text, _, title in batch
                    ]
                )
    finally:
        await store.close()


async def time_candidates(path: Path, *, queries: int = 60, limit: int = 12) -> dict[str, object]:
    """find_candidates latency for claims of common words, with rare words, with mid ones."""
    from knowledge.retrieval import TEXT_INDEX, find_candidates
    from knowledge.store import open_store

    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        vocab = await store.index.terms_by_frequency()
        rng = random.Random(1)
        common, middle, rare = vocab[:40], vocab[200:3000], vocab[10_000:]
        kinds: dict[str, Callable[[], list[str]]] = {
            "common words only": lambda: rng.sample(common, 8),
            "common + 2 rare words": lambda: rng.sample(common, 6) + rng.sample(rare, 2),
            "common + 4 mid-frequency words": lambda: rng.sample(common, 5) + rng.sample(middle, 4),
        }
        report: dict[str, object] = {}
        for name, make in kinds.items():
            claims = [" ".join(make()) for _ in range(queries)]
            for label in ("first pass", "second pass"):
                times = [await _timed(find_candidates(store, c, limit=limit)) for c in claims]
                report[f"{name}, {label}"] = _latency(times)
    finally:
        await store.close()
    return report


async def _timed(call: Awaitable[object]) -> float:
    started = time.perf_counter()
    await call
    return 1000 * (time.perf_counter() - started)


def _latency(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": round(p95, 2)}


def run_scale(count: int, output: Path) -> int:
    """Time find_candidates on a synthetic knowledge base of `count` statements."""
    # built through the store since the store owns its SQL (files built before are not reused)
    path = Path(tempfile.gettempdir()) / f"factcheck-retrieval-{count}-v2.sqlite"
    started = time.perf_counter()
    build_synthetic(path, count)
    print(f"synthetic knowledge base: {path} ({time.perf_counter() - started:.0f} s)")
    timings = asyncio.run(time_candidates(path))
    for name, numbers in timings.items():
        print(f"{name:45s} {numbers}")
    report = json.loads(output.read_text()) if output.exists() else {}
    report["scale"] = {"statements": count, "find_candidates": timings}
    output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {output}")
    return 0


def _has_kb() -> bool:
    try:
        import knowledge
    except ImportError:
        return False
    return hasattr(knowledge, "open_kb")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument(
        "--engine",
        choices=("auto", "kb", "retrieval"),
        default="auto",
        help="kb: through knowledge.open_kb; retrieval: knowledge.retrieval directly",
    )
    parser.add_argument("--no-baselines", action="store_true", help="measure the engine only")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "retrieval.json")
    parser.add_argument(
        "--scale",
        type=int,
        metavar="N",
        help="instead: time find_candidates on N synthetic statements (built once in the temp dir)",
    )
    args = parser.parse_args(argv)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if args.scale:
        return run_scale(args.scale, args.output)
    root = eval_dir() / DATASET
    if not root.is_dir():
        print(f"Evaluation data not found at {root}; set FACTCHECK_EVAL_DIR. Skipping.")
        return 0
    use_kb = args.engine == "kb" or (args.engine == "auto" and _has_kb())
    baselines = not args.no_baselines
    report = asyncio.run(run(root, split=args.split, use_kb=use_kb, baselines=baselines))
    if args.output.exists() and "scale" in (previous := json.loads(args.output.read_text())):
        report["scale"] = previous["scale"]
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
