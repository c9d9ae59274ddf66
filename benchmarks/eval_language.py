"""Language identification: how often real English text (claims, tweets, summaries) is refused."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR, eval_dir, read_tsv
from knowledge.nlp.language import english_probability, looks_english


def english_sets(root: Path) -> dict[str, list[str]]:
    """Texts nobody here wrote, all English: short claims, evidence sentences, tweets."""
    sets: dict[str, list[str]] = {}
    for name in ("vitaminc-real-dev.jsonl", "fever-symmetric-dev.jsonl"):
        rows = [json.loads(line) for line in (root / name).read_text().splitlines() if line]
        sets[name] = [t for r in rows for t in (r["claim"], r.get("evidence") or "") if t.strip()]
    clef = root / "clef2020-task2-en"
    sets["clef tweets"] = [
        row[1]
        for split in ("train", "dev")
        for row in read_tsv(clef / split / "tweets.queries.tsv")
    ]
    summedits = json.loads((root / "summedits-news-evaluation.json").read_text())
    sets["summedits summaries"] = [item["summary"] for item in summedits]
    return sets


def main() -> None:
    root = eval_dir()
    if not root.is_dir():
        print(f"skipped: no evaluation data at {root}")
        return
    english_probability("warm up")  # load the model outside the timings
    results = {}
    for name, texts in english_sets(root).items():
        started = time.perf_counter()
        refused = [t for t in texts if not looks_english(t)]
        elapsed = time.perf_counter() - started
        results[name] = {
            "texts": len(texts),
            "refused": len(refused),
            "ms_per_text": round(elapsed / len(texts) * 1e3, 3),
            "refused_examples": refused[:5],
        }
        print(
            f"{name}: refused {len(refused)}/{len(texts)}, "
            f"{results[name]['ms_per_text']} ms per text"
        )
    (RESULTS_DIR / "language.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
