"""The curators' queue's same-claim rule: how often it merges claims that differ (it must
not) and how often it groups a tweet with the claim a fact-checker wrote for it."""

from __future__ import annotations

import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR, eval_dir, read_tsv
from knowledge.requests import same_claim


def contradicting_pairs(root: Path) -> list[tuple[str, str]]:
    """VitaminC: two claims about one evidence sentence, one it supports and one it refutes,
    so they cannot be the same claim (they usually differ in one detail)."""
    by_evidence: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for line in (root / "vitaminc-real-dev.jsonl").read_text().splitlines():
        row = json.loads(line)
        by_evidence[row["evidence"]][row["label"]].add(" ".join(row["claim"].split()))
    return [
        (a, b)
        for labels in by_evidence.values()
        for a in labels["SUPPORTS"]
        for b in labels["REFUTES"]
        if a != b
    ]


def same_case_pairs(root: Path) -> list[tuple[str, str]]:
    """VitaminC: distinct claims written about one Wikipedia revision (mostly different)."""
    by_case: dict[str, set[str]] = defaultdict(set)
    for line in (root / "vitaminc-real-dev.jsonl").read_text().splitlines():
        row = json.loads(line)
        by_case[row["case_id"]].add(" ".join(row["claim"].split()))
    return [pair for claims in by_case.values() for pair in combinations(sorted(claims), 2)]


def clef_pairs(
    root: Path, *, seed: int = 13
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """CLEF 2020 dev: each tweet with the claim that fact-checks it, and with a random other."""
    clef = root / "clef2020-task2-en"
    claims = {row[0]: row[1] for row in read_tsv(clef / "verified_claims.docs.tsv")}
    tweets = {row[0]: row[1] for row in read_tsv(clef / "dev" / "tweets.queries.tsv")}
    pairs = [
        line.split()
        for line in (clef / "dev" / "tweet-vclaim-pairs.qrels").read_text().splitlines()
        if line.strip()
    ]
    matched = [(tweets[t], claims[c]) for t, _, c, _ in pairs if t in tweets and c in claims]
    others = random.Random(seed).sample(sorted(claims), len(matched))
    unrelated = [(tweet, claims[o]) for (tweet, _), o in zip(matched, others, strict=True)]
    return matched, unrelated


def merge_rate(pairs: list[tuple[str, str]], *, differing: int = 0) -> dict[str, float | int]:
    started = time.perf_counter()
    merged = sum(same_claim(a, b, differing=differing) for a, b in pairs)
    spent = time.perf_counter() - started
    return {
        "pairs": len(pairs),
        "merged": merged,
        "rate": round(merged / len(pairs), 4) if pairs else 0.0,
        "us_per_pair": round(spent / max(len(pairs), 1) * 1e6, 1),
    }


def main() -> None:
    root = eval_dir()
    if not root.is_dir():
        print(f"skipped: no evaluation data at {root}")
        return
    matched, unrelated = clef_pairs(root)
    sets = {
        "vitaminc supports-vs-refutes (must not merge)": contradicting_pairs(root),
        "vitaminc same revision (mostly different)": same_case_pairs(root),
        "clef tweet vs a random claim (must not merge)": unrelated,
        "clef tweet vs its fact-checked claim (grouping would be welcome)": matched,
    }
    results: dict[str, dict[str, dict[str, float | int]]] = {}
    for differing in (0, 1):  # 0 is the default; 1 lets one word differ
        setting = f"differing={differing}"
        results[setting] = {name: merge_rate(p, differing=differing) for name, p in sets.items()}
        for name, numbers in results[setting].items():
            print(
                f"{setting} {name}: {numbers['merged']}/{numbers['pairs']} merged "
                f"({numbers['rate']:.2%}), {numbers['us_per_pair']} us a pair"
            )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "same_claim.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
