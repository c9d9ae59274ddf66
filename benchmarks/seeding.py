"""Start-up cost of the seeds: seeding a fresh knowledge base, and re-seeding one (every start).

    .venv/bin/python benchmarks/seeding.py              # median of 15 runs of each
    .venv/bin/python benchmarks/seeding.py --runs 30

Prints the numbers and writes benchmarks/results/seeding.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR  # noqa: E402
from knowledge.retrieval import TEXT_INDEX  # noqa: E402
from knowledge.seeding import seed  # noqa: E402
from knowledge.store import Store, open_store  # noqa: E402


async def _timed(store: Store) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds (all threads: SQLite runs in aiosqlite's) of one seed."""
    wall, cpu = time.perf_counter(), time.process_time()
    await seed(store)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


async def _measure(runs: int) -> dict[str, float]:
    """Seeding a fresh store, then seeding it again (nothing to add): medians of `runs`."""
    timings: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            store = await open_store(Path(folder) / f"kb{run}.sqlite", text_index=TEXT_INDEX)
            try:
                for name in ("seed_fresh", "reseed"):
                    wall, cpu = await _timed(store)
                    timings.setdefault(f"{name}_ms_median", []).append(wall)
                    timings.setdefault(f"{name}_cpu_ms_median", []).append(cpu)
            finally:
                await store.close()
    medians = {name: round(statistics.median(values), 1) for name, values in timings.items()}
    return {"runs": runs, **medians}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "seeding.json")
    args = parser.parse_args()
    asyncio.run(_measure(1))  # warm-up: imports, spaCy-free but YAML and SQLite caches
    result = asyncio.run(_measure(args.runs))
    print(json.dumps(result, indent=2))
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
