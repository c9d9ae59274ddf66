"""Performance benchmark: check latency, throughput, import rate and memory at 10k-1M statements.

Builds synthetic knowledge bases (benchmarks/synthetic.py, plus the seeds and the CLEF 2020
verified claims when ../shared/eval is present), measures the engine in a fresh process per
size, and compares it side by side with two baselines on the same data: brute-force rapidfuzz
`process.extract` over every statement and an in-memory BM25 index (bm25s).

    .venv/bin/python benchmarks/perf.py                    # 10k, 100k, 1M (about 15 minutes)
    .venv/bin/python benchmarks/perf.py --quick            # a small smoke run
    .venv/bin/python benchmarks/perf.py --sizes 10000,100000 --out benchmarks/results
    .venv/bin/python benchmarks/perf.py --pair-model off,on   # the learned pair model off and on

Each size is measured once per pair-model setting (default: off and on, in the same run), each
in a fresh process: with it on, also the model's load time and a 100,000-character article.

Built files are cached in $TMPDIR/factcheck-perf (with the import rate measured when built);
pass --rebuild to build them again.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, RESULTS_DIR, eval_dir, read_tsv  # noqa: E402

REFERENCE = date(2023, 1, 30)
BUILD_VERSION = 5  # bump when the synthetic data changes, so cached files are rebuilt
BATCH = 20_000
CANDIDATES = 12  # as many candidates as kb.check looks at per claim
BRUTE_SAMPLE_AT = 200_000  # above this size, brute force runs on a sample of claims
BRUTE_SAMPLE = 4

TARGETS = {
    "p95_rewritten_ms_at_1M": 150.0,
    "peak_rss_mb_at_1M": 1024.0,
    "import_per_s_at_1M": 10_000.0,
    "pool_articles_per_s_at_100k": 30.0,
    "latency_ratio_1M_vs_10k": 3.0,
    "startup_s": 3.0,
    # the learned pair model on (issue 19), against the same run with it off
    "pair_model_p95_rewritten_ms_at_1M": 300.0,
    "pair_model_100k_ratio_on_vs_off": 2.0,
    "pair_model_load_s": 1.5,
    "pair_model_worker_rss_mb_added": 200.0,
}


# -- building the knowledge bases -------------------------------------------------------


def verified_claims() -> list[tuple[str, str, str]]:
    """The CLEF 2020 task 2 verified claims (id, text, title), or [] when the data is absent."""
    path = eval_dir() / "clef2020-task2-en" / "verified_claims.docs.tsv"
    if not path.exists():
        return []
    return [(row[0], row[1], row[2]) for row in read_tsv(path) if len(row) >= 3]


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def _build(path: Path, size: int, claims: list[tuple[str, str, str]]) -> dict[str, Any]:
    import knowledge
    from benchmarks.synthetic import claim_drafts, synthetic_drafts

    async with knowledge.open_kb(path) as kb:
        seeded = sum((await kb.store.statements.counts()).values())
        real = list(claim_drafts(claims[: max(0, min(len(claims), size // 5))]))
        drafts = _chain(real, synthetic_drafts(max(0, size - seeded - len(real))))
        spent, cpu, stored = 0.0, 0.0, 0
        for batch in _batches(drafts, BATCH):
            started, cpu_started = time.perf_counter(), time.process_time()
            ids, _ = await kb.curator.add_many(batch)
            spent += time.perf_counter() - started
            cpu += time.process_time() - cpu_started
            stored += len(ids)
        total = sum((await kb.store.statements.counts()).values())
    return {
        "statements": total,
        "imported": stored,
        "import_s": spent,
        "import_per_s": stored / spent if spent else 0.0,
        "import_per_cpu_s": stored / cpu if cpu else 0.0,
        "verified_claims": len(real),
    }


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def knowledge_base(size: int, cache: Path, *, rebuild: bool) -> tuple[Path, dict[str, Any]]:
    """The built file for `size` statements and how its import went (cached between runs)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"kb-{size}-v{BUILD_VERSION}.sqlite"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists() and not rebuild:
        info = json.loads(meta.read_text())
        return path, {**info, "cached": True}
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    info = asyncio.run(_build(path, size, verified_claims()))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    meta.write_text(json.dumps(info))
    return path, {**info, "cached": False}


# -- measuring the engine, in a fresh process per size -----------------------------------


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _latencies(kb: Any, text: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds (all threads of this process) of each check."""
    spent, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        await kb.check(text, reference_date=REFERENCE)
        spent.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return spent, cpu


class _RssWatch:
    """The largest resident set of any process below this one, sampled in a thread."""

    def __init__(self) -> None:
        import psutil

        self.peak = 0
        self._me = psutil.Process()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            for child in self._me.children(recursive=True):
                try:
                    self.peak = max(self.peak, child.memory_info().rss)
                except Exception:  # noqa: BLE001 - a worker may exit between listing and reading
                    continue

    def __enter__(self) -> _RssWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def article_100k() -> str:
    """A 100,000-character article (the input limit): the 4k article's paragraphs repeated."""
    from benchmarks.synthetic import article_4k

    text = article_4k()
    return (text + "\n\n") * (100_000 // (len(text) + 2)) + text[: 100_000 % (len(text) + 2) - 1]


async def _measure(
    path: str, spawned_at: float, runs: int, articles: int, options: dict[str, int]
) -> dict[str, Any]:
    import knowledge
    from benchmarks.synthetic import article_4k
    from knowledge.pool import CheckPool
    from knowledge.retrieval import find_candidates

    mode = os.environ.get("FACTCHECK_PAIR_MODEL", "auto")
    out: dict[str, Any] = {"pair_model": mode}
    if mode == "on":
        from knowledge.pair_model import PairModel

        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        PairModel.load()
        out["pair_model_load_s"] = time.perf_counter() - started
        out["pair_model_rss_mb"] = (
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss_before
        )

    if options:  # a what-if run: other retrieval defaults, in this process only (not the pool)
        assert find_candidates.__kwdefaults__ is not None
        find_candidates.__kwdefaults__.update(options)

    rewritten = (REPO_ROOT / "seeds" / "articles" / "rewritten.txt").read_text()
    long_article = article_4k()
    async with knowledge.open_kb(path, seed=False) as kb:
        await kb.check(rewritten, reference_date=REFERENCE)
        out["startup_s"] = time.time() - spawned_at
        out["rss_after_first_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        for name, text in (("rewritten", rewritten), ("article_4k", long_article)):
            report = await kb.check(text, reference_date=REFERENCE)
            spent, cpu = await _latencies(kb, text, runs)
            claims = [c.text for c in report.claims]
            out[name] = {
                "chars": len(text),
                "claims": claims,
                "p50_ms": _percentile(spent, 0.5),
                "p95_ms": _percentile(spent, 0.95),
                "p50_cpu_ms": _percentile(cpu, 0.5),
                "p95_cpu_ms": _percentile(cpu, 0.95),
                "mean_ms": statistics.fmean(spent),
                "engine_top": [
                    [s.id for s, _ in await kb.search(c, limit=CANDIDATES)] for c in claims
                ],
            }
        huge = article_100k()
        spent, _ = await _latencies(kb, huge, 3)
        out["article_100k"] = {"chars": len(huge), "p50_ms": _percentile(spent, 0.5)}
        out["clef_at_scale"] = await clef_at_scale(kb)
        mix = [rewritten, long_article, (REPO_ROOT / "seeds/articles/cnn_excerpt.txt").read_text()]
        texts = [mix[i % len(mix)] for i in range(articles)]
        started = time.perf_counter()
        for text in texts:
            await kb.check(text, reference_date=REFERENCE)
        out["articles_per_s_1proc"] = len(texts) / (time.perf_counter() - started)
        out["phases_ms"] = await _phases(kb, mix)
    out["peak_rss_mb_main"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with _RssWatch() as watch:
        async with CheckPool(path, workers=2) as pool:
            await asyncio.gather(*(pool.check(t, reference_date=REFERENCE) for t in mix * 2))
            started = time.perf_counter()
            await asyncio.gather(*(pool.check(t, reference_date=REFERENCE) for t in texts))
            out["articles_per_s_pool"] = len(texts) / (time.perf_counter() - started)
    out["peak_rss_mb_worker"] = watch.peak / 2**20
    out["peak_rss_mb"] = max(out["peak_rss_mb_main"], out["peak_rss_mb_worker"])
    return out


async def _phases(kb: Any, mix: list[str], rounds: int = 3) -> dict[str, float]:
    """Where a check's time goes: wall ms per article of the mix in each stage of the check
    pipeline, observed through its stage hook (this process only, after the other timings)."""
    from knowledge.checking.runner import StageTimes

    times = StageTimes()
    started = time.perf_counter()
    for _ in range(rounds):
        for text in mix:
            await kb.check(text, reference_date=REFERENCE, stages=times)
    whole = 1000 * (time.perf_counter() - started) / (rounds * len(mix))
    per = {name: 1000 * seconds / (rounds * len(mix)) for name, seconds in times.seconds.items()}
    return {"total": whole, **per, "the rest": whole - sum(per.values())}


async def clef_at_scale(kb: Any) -> dict[str, Any] | None:
    """CLEF 2020 dev MAP@5 of `kb.search(tweet, limit=5)` inside this knowledge base, over the
    tweets whose verified claims it holds: does retrieval still find them among many more
    statements (the accuracy benchmark has only the 10,375 verified claims)?"""
    from benchmarks.eval_retrieval import DATASET, average_precision, load

    root = eval_dir() / DATASET
    if not (root / "dev").exists():
        return None
    data = load(root, "dev")
    wanted = sorted({c for ids in data.relevant.values() for c in ids})
    held = await kb.store.statements.held_external_ids(wanted)
    scores, cpu_started = [], time.process_time()
    tweets = [(t, text) for t, text in data.tweets.items() if data.relevant[t] <= held]
    for tweet_id, text in tweets:
        ranked = [str(s.external_id) for s, _ in await kb.search(text, limit=5)]
        scores.append(average_precision(ranked, data.relevant[tweet_id], depth=5))
    spent = time.process_time() - cpu_started
    return {
        "tweets": len(scores),
        "of_tweets": len(data.tweets),
        "map@5": statistics.fmean(scores) if scores else None,
        "cpu_ms_per_query": 1000 * spent / len(scores) if scores else None,
    }


def measure_engine(
    path: Path, *, runs: int, articles: int, options: list[str], pair_model: str = "auto"
) -> dict[str, Any]:
    """Run the engine measurements in a fresh interpreter; start-up includes its imports
    (and, with the pair model on, its load on the first check that reads pairs)."""
    spawned_at = time.time()
    extra = [a for o in options for a in ("--retrieval-option", o)]
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            str(path),
            "--spawned-at",
            repr(spawned_at),
            "--runs",
            str(runs),
            "--articles",
            str(articles),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FACTCHECK_PAIR_MODEL": pair_model},
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring {path} failed:\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the baselines, on the same statements and the same claims ----------------------------


def _statements(path: Path) -> tuple[list[int], list[str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, text FROM statements WHERE status = 'active'").fetchall()
    return [r[0] for r in rows], [r[1] for r in rows]


def brute_force(ids: list[int], texts: list[str], claims: list[str]) -> dict[str, Any]:
    """rapidfuzz process.extract over every statement for each claim (sampled when large).

    The scorer is token_sort_ratio on lower-cased text: WRatio, the default, scores short
    statements that happen to share a few words with the claim at 90 (partial matching), so
    its "best match" would be the shortest seed statement for nearly every claim.
    """
    from rapidfuzz import fuzz, process, utils

    sample = claims if len(texts) <= BRUTE_SAMPLE_AT else claims[:BRUTE_SAMPLE]
    best: list[int] = []
    scores: list[float] = []
    started = time.perf_counter()
    for claim in sample:
        found = process.extract(
            claim,
            texts,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            limit=CANDIDATES,
        )
        best.append(ids[found[0][2]] if found else -1)
        scores.append(found[0][1] if found else 0.0)
    per_claim = (time.perf_counter() - started) * 1000 / max(1, len(sample))
    return {
        "per_claim_ms": per_claim,
        "article_ms": per_claim * len(claims),
        "best": best,
        "best_scores": scores,
        "sampled_claims": len(sample),
        "extrapolated": len(sample) < len(claims),
    }


def bm25_baseline(texts: list[str], claims: list[str]) -> dict[str, Any]:
    """An in-memory bm25s index over every statement: build time and per-article query time."""
    import bm25s

    started = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
    built = time.perf_counter() - started
    started = time.perf_counter()
    for claim in claims:
        tokens = bm25s.tokenize([claim], stopwords="en", show_progress=False)
        retriever.retrieve(tokens, k=CANDIDATES, show_progress=False)
    return {"index_s": built, "article_ms": (time.perf_counter() - started) * 1000}


STRONG = 75.0  # a brute-force best match scoring below this is rarely the same statement


def recall_of_brute_best(
    engine_top: list[list[int]], brute_best: list[int], scores: list[float], *, floor: float = 0.0
) -> tuple[int, int]:
    """(found, counted): claims whose brute-force best statement (scoring >= floor) is among
    the engine's candidates, and claims counted."""
    pairs = [
        (top, best)
        for top, best, score in zip(engine_top, brute_best, scores, strict=False)
        if score >= floor
    ]
    return sum(best in top for top, best in pairs), len(pairs)


def baselines(path: Path, engine: dict[str, Any]) -> dict[str, Any]:
    ids, texts = _statements(path)
    out: dict[str, Any] = {}
    for name in ("rewritten", "article_4k"):
        claims = engine[name]["claims"]
        brute = brute_force(ids, texts, claims)
        bm25 = bm25_baseline(texts, claims) if name == "rewritten" else None
        top = engine[name]["engine_top"]
        out[name] = {
            "brute": brute,
            "bm25": bm25,
            "recall": recall_of_brute_best(top, brute["best"], brute["best_scores"]),
            "recall_strong": recall_of_brute_best(
                top, brute["best"], brute["best_scores"], floor=STRONG
            ),
        }
    return out


# -- one size, all sizes, output ----------------------------------------------------------


def run_size(
    size: int, cache: Path, *, quick: bool, rebuild: bool, options: list[str], modes: list[str]
) -> list[dict[str, Any]]:
    """One result per pair-model setting; the baselines measured once, shown on each."""
    path, built = knowledge_base(size, cache, rebuild=rebuild)
    engines = [
        measure_engine(
            path,
            runs=5 if quick else 12,
            articles=6 if quick else 60,
            options=options,
            pair_model=mode,
        )
        for mode in modes
    ]
    compared = baselines(path, engines[0])
    return [
        {
            "size": size,
            "file_mb": path.stat().st_size / 2**20,
            "build": built,
            "engine": engine,
            "baselines": compared,
        }
        for engine in engines
    ]


def summary_rows(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        e, b = r["engine"], r["baselines"]
        rw, rb = e["rewritten"], b["rewritten"]
        rows.append(
            {
                "pair_model": e.get("pair_model", "auto"),
                "pair_model_load_s": e.get("pair_model_load_s"),
                "p50_100k_ms": (e.get("article_100k") or {}).get("p50_ms"),
                "statements": r["build"]["statements"],
                "import_per_s": r["build"]["import_per_s"],
                "import_per_cpu_s": r["build"].get("import_per_cpu_s", 0.0),
                "file_mb": r["file_mb"],
                "p50_ms": rw["p50_ms"],
                "p95_ms": rw["p95_ms"],
                "p50_cpu_ms": rw["p50_cpu_ms"],
                "p95_cpu_ms": rw["p95_cpu_ms"],
                "p50_4k_ms": e["article_4k"]["p50_ms"],
                "p95_4k_ms": e["article_4k"]["p95_ms"],
                "per_s_1proc": e["articles_per_s_1proc"],
                "per_s_pool": e["articles_per_s_pool"],
                "peak_rss_mb": e["peak_rss_mb"],
                "peak_rss_mb_worker": e["peak_rss_mb_worker"],
                "startup_s": e["startup_s"],
                "brute_ms": rb["brute"]["article_ms"],
                "brute_extrapolated": rb["brute"]["extrapolated"],
                "brute_ratio": rb["brute"]["article_ms"] / rw["p50_ms"],
                "bm25_ms": rb["bm25"]["article_ms"],
                "bm25_index_s": rb["bm25"]["index_s"],
                "bm25_ratio": rb["bm25"]["article_ms"] / rw["p50_ms"],
                "recall": _share(b, "recall"),
                "recall_strong": _share(b, "recall_strong"),
                "strong_claims": (
                    b["rewritten"]["recall_strong"][1] + b["article_4k"]["recall_strong"][1]
                ),
                "phases_ms": e.get("phases_ms"),
                "clef_map5": (e.get("clef_at_scale") or {}).get("map@5"),
                "clef_tweets": (e.get("clef_at_scale") or {}).get("tweets", 0),
            }
        )
    return rows


def _share(compared: dict[str, Any], key: str) -> float:
    found = sum(compared[name][key][0] for name in ("rewritten", "article_4k"))
    counted = sum(compared[name][key][1] for name in ("rewritten", "article_4k"))
    return found / counted if counted else 1.0


def targets(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Each target with the measured value and whether it holds (None when not measured)."""
    big = _closest(rows, 1_000_000)
    mid = _closest(rows, 100_000)
    small = _closest(rows, 10_000)
    measured = {
        "p95_rewritten_ms_at_1M": big and big["p95_ms"],
        "peak_rss_mb_at_1M": big and big["peak_rss_mb"],
        "import_per_s_at_1M": big and big["import_per_s"],
        "pool_articles_per_s_at_100k": mid and mid["per_s_pool"],
        "latency_ratio_1M_vs_10k": big and small and big["p50_ms"] / small["p50_ms"],
        "startup_s": max((r["startup_s"] for r in rows), default=None),
        **_pair_model_measured(rows),
    }
    out = {}
    for name, goal in TARGETS.items():
        value = measured[name]
        higher_is_better = name.startswith(("import", "pool"))
        met = None if value is None else (value >= goal if higher_is_better else value <= goal)
        out[name] = {"target": goal, "measured": value, "met": met}
    return out


def _pair_model_measured(rows: list[dict[str, Any]]) -> dict[str, float | None]:
    """The pair model's targets: on against off at the largest size measured both ways."""
    on = [r for r in rows if r["pair_model"] == "on"]
    off = {r["statements"]: r for r in rows if r["pair_model"] == "off"}
    big = _closest(on, 1_000_000)
    both = [r for r in on if r["statements"] in off]
    largest = max(both, key=lambda r: r["statements"], default=None)
    before = off[largest["statements"]] if largest else None
    return {
        "pair_model_p95_rewritten_ms_at_1M": big and big["p95_ms"],
        "pair_model_100k_ratio_on_vs_off": largest
        and before
        and largest["p50_100k_ms"] / before["p50_100k_ms"],
        "pair_model_load_s": max((r["pair_model_load_s"] or 0.0 for r in on), default=None),
        "pair_model_worker_rss_mb_added": largest
        and before
        and largest["peak_rss_mb_worker"] - before["peak_rss_mb_worker"],
    }


def _closest(rows: list[dict[str, Any]], size: int) -> dict[str, Any] | None:
    found = [r for r in rows if 0.9 * size <= r["statements"] <= 1.1 * size]
    return found[0] if found else None


def print_table(rows: list[dict[str, Any]], goals: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="kb.check performance (rewritten seed article unless noted)")
    columns = [
        ("pair_model", "{}"),
        ("statements", "{:,}"),
        ("import_per_s", "{:,.0f}"),
        ("import_per_cpu_s", "{:,.0f}"),
        ("file_mb", "{:.0f}"),
        ("p50_ms", "{:.0f}"),
        ("p95_ms", "{:.0f}"),
        ("p95_cpu_ms", "{:.0f}"),
        ("p95_4k_ms", "{:.0f}"),
        ("per_s_1proc", "{:.1f}"),
        ("per_s_pool", "{:.1f}"),
        ("peak_rss_mb", "{:.0f}"),
        ("p50_100k_ms", "{:.0f}"),
        ("pair_model_load_s", "{:.2f}"),
        ("startup_s", "{:.2f}"),
        ("brute_ratio", "{:.1f}x"),
        ("bm25_ratio", "{:.2f}x"),
        ("recall", "{:.0%}"),
        ("recall_strong", "{:.0%}"),
        ("strong_claims", "{}"),
        ("clef_map5", "{:.3f}"),
        ("clef_tweets", "{}"),
    ]
    for name, _ in columns:
        table.add_column(name, justify="right")
    for row in rows:
        table.add_row(
            *("-" if row[name] is None else fmt.format(row[name]) for name, fmt in columns)
        )
    console = Console(width=220)
    console.print(table)
    console.print(
        "brute_ratio / bm25_ratio: baseline time per article / engine p50 (same run). "
        "recall: share of claims whose brute-force best match is among the engine's "
        f"top {CANDIDATES} candidates; recall_strong: the same over the "
        f"strong_claims whose best brute-force score is at least {STRONG:.0f}. "
        "clef_map5: CLEF 2020 dev MAP@5 of kb.search inside this knowledge base, over "
        "the clef_tweets whose verified claims it holds."
    )
    if any(r["brute_extrapolated"] for r in rows):
        console.print(
            f"Brute force above {BRUTE_SAMPLE_AT:,} statements: timed on "
            f"{BRUTE_SAMPLE} claims, extrapolated to the article; recall on those."
        )
    for name, goal in goals.items():
        mark = {True: "met", False: "MISSED", None: "not measured"}[goal["met"]]
        value = "-" if goal["measured"] is None else f"{goal['measured']:,.2f}"
        console.print(f"  {name}: {value} (target {goal['target']:,}) {mark}")


def markdown(rows: list[dict[str, Any]], goals: dict[str, Any], *, seconds: float) -> str:
    """The table and the targets as Markdown, for the README's Performance section."""
    head = (
        "| pair model | statements | import /s (per CPU-s) | file MB | p50 / p95 ms "
        "| p95 ms, 4k chars | p50 ms, 100k chars | model load s "
        "| articles/s 1 proc / pool | peak RSS MB | start-up s | brute force | bm25s "
        "| brute best in top 12 (best scoring >= 75) | CLEF dev MAP@5 inside (tweets) |"
    )
    lines = [head, "|" + "---|" * head.count(" |")]
    for r in rows:
        star = "*" if r["brute_extrapolated"] else ""
        lines.append(
            f"| {r['pair_model']} | {r['statements']:,} "
            f"| {r['import_per_s']:,.0f} ({r['import_per_cpu_s']:,.0f}) "
            f"| {r['file_mb']:.0f} | {r['p50_ms']:.0f} / {r['p95_ms']:.0f} | {r['p95_4k_ms']:.0f} "
            f"| {_ms(r['p50_100k_ms'])} | {_s(r['pair_model_load_s'])} "
            f"| {r['per_s_1proc']:.1f} / {r['per_s_pool']:.1f} | {r['peak_rss_mb']:.0f} "
            f"| {r['startup_s']:.2f} | {r['brute_ms']:,.0f} ms{star} ({r['brute_ratio']:.0f}x) "
            f"| {r['bm25_ms']:.0f} ms ({r['bm25_ratio']:.2f}x) | {r['recall']:.0%} "
            f"({r['recall_strong']:.0%} of {r['strong_claims']}) | {_clef(r)} |"
        )
    lines.append("")
    for name, goal in goals.items():
        mark = {True: "met", False: "**missed**", None: "not measured"}[goal["met"]]
        value = "-" if goal["measured"] is None else f"{goal['measured']:,.1f}"
        lines.append(f"- {name}: {value} (target {goal['target']:,}): {mark}")
    for r in rows:
        phases = r.get("phases_ms")
        if phases:
            parts = ", ".join(f"{name} {ms:.0f}" for name, ms in phases.items() if name != "total")
            lines.append(
                f"- where a check's time goes at {r['statements']:,} statements (ms per "
                f"article of the mix, {phases['total']:.0f} in all): {parts}"
            )
    lines.append(
        f"\nWhole run: {seconds / 60:.1f} minutes. * brute force timed on "
        f"{BRUTE_SAMPLE} claims and extrapolated."
    )
    return "\n".join(lines) + "\n"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _clef(row: dict[str, Any]) -> str:
    if row.get("clef_map5") is None:
        return "-"
    return f"{row['clef_map5']:.3f} ({row['clef_tweets']})"


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["statements"] for r in rows]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.plot(sizes, [r["p50_ms"] for r in rows], "o-", label="engine p50 (rewritten)")
    ax.plot(sizes, [r["p95_ms"] for r in rows], "o--", label="engine p95 (rewritten)")
    ax.plot(sizes, [r["p95_4k_ms"] for r in rows], "s:", label="engine p95 (4,000 chars)")
    ax.plot(sizes, [r["brute_ms"] for r in rows], "^-", label="brute-force rapidfuzz")
    ax.plot(sizes, [r["bm25_ms"] for r in rows], "v-", label="bm25s in memory (query only)")
    ax.axhline(150, color="grey", linewidth=0.8, linestyle="--", label="150 ms target")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("statements in the knowledge base")
    ax.set_ylabel("time per article (ms)")
    ax.set_title("Checking the rewritten seed article")
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--quick", action="store_true", help="small sizes, few repetitions")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-perf"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the knowledge bases again")
    parser.add_argument(
        "--pair-model", default="off,on", help="pair-model settings to measure, in one run"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--spawned-at", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, default=30, help=argparse.SUPPRESS)
    parser.add_argument(
        "--retrieval-option",
        action="append",
        default=[],
        metavar="NAME=INT",
        help="what-if: another find_candidates default, e.g. posting_budget=8000 "
        "(in-process measurements only; the worker pool keeps the defaults)",
    )
    args = parser.parse_args(argv)
    if args.measure:
        options = {k: int(v) for k, v in (o.split("=", 1) for o in args.retrieval_option)}
        result = asyncio.run(
            _measure(args.measure, args.spawned_at, args.runs, args.articles, options)
        )
        print(json.dumps(result))
        return 0
    sizes = (
        [2_000, 10_000]
        if args.quick and args.sizes == parser.get_default("sizes")
        else [int(s) for s in args.sizes.split(",")]
    )
    started = time.perf_counter()
    load_at_start = os.getloadavg()
    results = []
    for size in sizes:
        results += run_size(
            size,
            args.cache,
            quick=args.quick,
            rebuild=args.rebuild,
            options=args.retrieval_option,
            modes=args.pair_model.split(","),
        )
        print(
            f"{size:,} statements measured after {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    rows = summary_rows(results)
    goals = targets(rows)
    print_table(rows, goals)
    args.out.mkdir(parents=True, exist_ok=True)
    document = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": load_at_start,
            "load_average_at_end": os.getloadavg(),
            "note": "2 cores shared with other jobs: compare ratios",
        },
        "retrieval_options": args.retrieval_option,
        "quick": args.quick,
        "seconds": time.perf_counter() - started,
        "rows": rows,
        "targets": goals,
        "results": results,
    }
    (args.out / "perf.json").write_text(json.dumps(document, indent=2, default=str))
    plot(rows, args.out / "perf.png")
    (args.out / "perf.md").write_text(markdown(rows, goals, seconds=document["seconds"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
