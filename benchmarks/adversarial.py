"""Adversarial inputs benchmark: hostile texts to check and hostile files to import.

Texts: times `KnowledgeBase.check` on the shapes of tests/robustness/shapes.py (long runs of
punctuation, spaces, tildes, quotes, one long sentence, thousands of tiny sentences, mixed
scripts, ...) at 10k, 30k and 100k characters against the seeded knowledge base, and says
whether the worst shape at 100k characters is checked within 5 s and whether time grows
about linearly with length.

Cases (`benchmarks/adversarial_cases.py`): files nested 100,000 deep (plain and under a
top-level key), a 200 MB JSON string and key, a 50 MB CSV line, JSON Lines nested too deep,
a sentence of 10,000 figures, the worst 100k-character text, and another user's one-sentence
question answered while two users' slow checks fill a two-worker pool; each in a fresh
process, so its peak RSS is its own. Writes benchmarks/results/adversarial.json.

    .venv/bin/python benchmarks/adversarial.py
    .venv/bin/python benchmarks/adversarial.py --lengths 10000,30000 --repeat 3 --no-cases
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import knowledge  # noqa: E402
from benchmarks.adversarial_cases import run_cases  # noqa: E402
from benchmarks.common import RESULTS_DIR  # noqa: E402
from tests.robustness.shapes import SHAPES  # noqa: E402

TARGET_SECONDS = 5.0
DAY = date(2023, 1, 30)
LINEAR_SLACK = 1.5  # growth counts as linear if time per character grows at most this much


async def measure(lengths: list[int], repeat: int) -> dict[str, dict[str, float]]:
    """The best of `repeat` check times, per shape and length (seconds)."""
    timings: dict[str, dict[str, float]] = {}
    async with knowledge.open_kb(":memory:") as kb:
        await kb.check("NATO troops moved to the border on Monday.", reference_date=DAY)
        for name, shape in SHAPES.items():
            timings[name] = {}
            for length in lengths:
                text = shape(length)
                best = min([await _timed(kb, text) for _ in range(repeat)])
                timings[name][str(length)] = round(best, 3)
                print(f"{name:15} {length:>7,} chars  {best:7.2f} s", flush=True)
    return timings


async def _timed(kb: knowledge.KnowledgeBase, text: str) -> float:
    start = time.perf_counter()
    try:
        await kb.check(text, reference_date=DAY)
    except knowledge.UnusableInput:
        pass  # refused input is an answer too; the shapes are built to be accepted
    return time.perf_counter() - start


def verdict(timings: dict[str, dict[str, float]], lengths: list[int]) -> dict[str, object]:
    shortest, longest = str(min(lengths)), str(max(lengths))
    worst_shape = max(timings, key=lambda name: timings[name][longest])
    worst = timings[worst_shape][longest]
    growth = {
        name: _growth(t[shortest], t[longest], int(longest) / int(shortest))
        for name, t in timings.items()
    }
    return {
        "worst_shape": worst_shape,
        "worst_seconds": worst,
        "within_target": worst <= TARGET_SECONDS,
        "per_char_growth": growth,  # time per character at the longest / at the shortest
        "linear": all(g <= LINEAR_SLACK for g in growth.values() if g is not None),
    }


def _growth(short: float, long: float, ratio: float) -> float | None:
    if short < 0.05:  # too quick to measure a ratio from
        return None
    return round(long / short / ratio, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="10000,30000,100000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--no-cases", action="store_true", help="only the text shapes")
    parser.add_argument("--only-cases", action="store_true", help="only the hostile cases")
    args = parser.parse_args(argv)
    lengths = [int(n) for n in args.lengths.split(",")]
    previous = args.out / "adversarial.json"
    result: dict[str, object] = json.loads(previous.read_text()) if previous.exists() else {}
    result.update(machine=platform.machine(), python=platform.python_version())
    result["load_average_at_start"] = [round(x, 1) for x in os.getloadavg()]
    if not args.only_cases:
        timings = asyncio.run(measure(lengths, args.repeat))
        summary = verdict(timings, lengths)
        result.update(lengths=lengths, repeat=args.repeat, seconds=timings, **summary)
        worst, met = summary["worst_seconds"], "met" if summary["within_target"] else "MISSED"
        linear = "linear" if summary["linear"] else "NOT linear"
        print(
            f"worst at {max(lengths):,} chars: {summary['worst_shape']} {worst:.2f} s "
            f"(target {TARGET_SECONDS:g} s: {met}); growth {linear}: "
            f"{summary['per_char_growth']}"
        )
    if not args.no_cases:
        result["cases"] = run_cases()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "adversarial.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
