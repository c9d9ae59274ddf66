"""Faithful retellings of learned articles: how many of their sentences are flagged?

Each article in benchmarks/data/retellings.yaml (our own retellings of the seed CNN excerpt
and of articles written near the seed topics) is learned into a fresh seeded knowledge base
(`kb.curator.learn`), then each retelling is checked on the article's day. Every retelling says what
the article says, so every flag is a false accusation. Reported: sentences, flagged, the
rate, and each flagged sentence with its reason.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, RESULTS_DIR

DATA = REPO_ROOT / "benchmarks" / "data" / "retellings.yaml"


async def _article(entry: dict[str, Any]) -> list[dict[str, str]]:
    import knowledge

    text = entry.get("text") or (REPO_ROOT / entry["file"]).read_text(encoding="utf-8")
    day = date.fromisoformat(str(entry["published"]))
    flagged = []
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.learn(text, source=entry["source"], published=day)
        for sentence in entry["retellings"]:
            report = await kb.check(sentence, reference_date=day)
            flagged += [{"text": c.text, "reason": c.reason} for c in report.flagged]
    return flagged


async def run() -> dict[str, Any]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    started = time.perf_counter()
    sentences, flagged = 0, []
    for entry in data["articles"]:
        sentences += len(entry["retellings"])
        flagged += await _article(entry)
    return {
        "sentences": sentences,
        "flagged": len(flagged),
        "rate": round(len(flagged) / max(1, sentences), 3),
        "flags": flagged,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "retellings.json")
    args = parser.parse_args()
    result = asyncio.run(run())
    print(f"{result['flagged']} of {result['sentences']} faithful retellings flagged")
    for flag in result["flags"]:
        print(f"  {flag['text']}\n    {flag['reason']}")
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
