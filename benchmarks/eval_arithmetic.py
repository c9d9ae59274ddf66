"""The arithmetic detector on real text: how often does it flag a sentence nobody changed?

The detector needs no statement (a sentence's own figures against the change it tells of
them), so any text can test it. Every text of the evaluation data that sets figures side by
side in the words it reads ("from", "than the") is checked against an empty knowledge base:
VitaminC and FEVER-Symmetric evidence (Wikipedia sentences) and claims, SummEdits news
articles and summaries, CLEF verified claims and tweets (train and dev), and the retellings
benchmark's articles and sentences. Its findings are listed with the text's source and
label, so that a reader can see each one: on evidence, articles, SummEdits documents and
faithful or added sentences they are false alarms; on claims labelled REFUTES, on SummEdits
summaries labelled inconsistent and on wrong retellings they may be right.

    python benchmarks/eval_arithmetic.py [--limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml

from benchmarks.common import REPO_ROOT, RESULTS_DIR, eval_dir, read_tsv
from benchmarks.eval_pairs import detokenise

_CUE = re.compile(r"\bfrom\b|\bthan the\b", re.IGNORECASE)
_PAIR_FILES = (
    "vitaminc-real-dev.jsonl",
    "vitaminc-real-train.jsonl",
    "vitaminc-synthetic.jsonl",
    "fever-symmetric-dev.jsonl",
)
# sources whose texts are true as far as anyone knows: a finding there is a false alarm
TRUE_SOURCES = ("evidence", "article", "summedits document", "faithful", "addition")


def texts(root: Path) -> list[tuple[str, str]]:
    """(source, text) for every text of the evaluation data that the detector can read."""
    found: list[tuple[str, str]] = []
    for name in _PAIR_FILES:
        path = root / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                found.append(("evidence", detokenise(row["evidence"])))
                found.append((f"claim {row['label']}", detokenise(row["claim"])))
    summedits = root / "summedits-news-evaluation.json"
    if summedits.is_file():
        for item in json.loads(summedits.read_text(encoding="utf-8")):
            found.append(("summedits document", item["doc"]))
            label = "consistent" if item["label"] == 1 else "inconsistent"
            found.append((f"summedits summary {label}", item["summary"]))
    claims = root / "clef2020-task2-en" / "verified_claims.docs.tsv"
    if claims.is_file():
        found += [("clef verified claim", row[1]) for row in read_tsv(claims) if len(row) > 1]
    for split in ("train", "dev"):
        tweets = root / "clef2020-task2-en" / split / "tweets.queries.tsv"
        if tweets.is_file():
            found += [("clef tweet", row[1]) for row in read_tsv(tweets) if len(row) > 1]
    retellings = yaml.safe_load(
        (REPO_ROOT / "benchmarks" / "data" / "retellings.yaml").read_text(encoding="utf-8")
    )["articles"]
    for entry in retellings:
        article = entry.get("text") or (REPO_ROOT / entry["file"]).read_text(encoding="utf-8")
        found.append(("article", article))
        found += [("faithful", s) for s in entry["retellings"]]
        found += [("addition", s) for s in entry.get("additions", ())]
        found += [(f"wrong {e['kind']}", e["text"]) for e in entry.get("errors", ())]
    return [(source, text) for source, text in dict.fromkeys(found) if _CUE.search(text)]


async def scan(items: list[tuple[str, str]]) -> tuple[list[dict[str, str]], float]:
    import knowledge

    flagged = []
    started = time.perf_counter()
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        for source, text in items:
            try:
                report = await kb.check(text)
            except knowledge.UnusableInput:
                continue
            for claim in report.claims:
                for finding in claim.findings:
                    if finding.kind == knowledge.FindingKind.ARITHMETIC:
                        flagged.append(
                            {"source": source, "claim": claim.text, "why": finding.message}
                        )
    return flagged, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N texts")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "arithmetic.json")
    args = parser.parse_args(argv)
    root = eval_dir()
    if not root.is_dir():
        print(f"skipped: no evaluation data at {root}")
        return 0
    items = texts(root)[: args.limit]
    flagged, seconds = asyncio.run(scan(items))
    by_source = Counter(source for source, _ in items)
    hits = Counter(f["source"] for f in flagged)
    false_alarms = [f for f in flagged if f["source"] in TRUE_SOURCES]
    result = {
        "texts": len(items),
        "texts_by_source": dict(sorted(by_source.items())),
        "flagged_by_source": dict(sorted(hits.items())),
        "false_alarms": len(false_alarms),
        "flagged": flagged,
        "seconds": round(seconds, 1),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(json.dumps({k: v for k, v in result.items() if k != "flagged"}, indent=1))
    for f in flagged:
        print(f"  [{f['source']}] {f['claim'][:120]}\n    {f['why']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
