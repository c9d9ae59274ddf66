"""Bot start-up as a user sees it: `python -m bot` started against the fake Bot API server on
127.0.0.1 (the one the tests use), with a message already waiting.

Measured from the process's start: when it first asks for updates (it is polling), and when
the waiting message's report arrives (the check workers had to start first). Each checkout
given runs `--runs` times, alternating, in the same run of this script, so that a baseline
(another checkout of this repository, e.g. a `git worktree` of an older commit) is measured on
the same machine at the same time:

    python benchmarks/startup.py --baseline /tmp/before --runs 5

Results go to benchmarks/results/startup.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import REPO_ROOT, RESULTS_DIR

sys.path.append(str(REPO_ROOT / "tests"))  # fake_telegram, after the packages
from fake_telegram import FakeTelegram  # noqa: E402

TOKEN = "123456789:" + "S" * 35
TARGET_S = 3.0  # issue 19: bot start-up under 3 s
VERDICTS = ("🚩", "✅", "⏳", "❔")


async def _seeded(folder: Path) -> Path:
    import knowledge

    path = folder / "seeded.sqlite"
    async with knowledge.open_kb(str(path)):
        pass
    return path


def _copy(seeded: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{seeded}{suffix}").exists():
            shutil.copy(f"{seeded}{suffix}", f"{target}{suffix}")
    return target


async def one_start(checkout: Path, db: Path, workers: int, article: str) -> dict[str, float]:
    """Seconds from spawn to the first getUpdates and to the waiting message's report."""
    fake = FakeTelegram(TOKEN)
    await fake.start()
    user = fake.user("Ada")
    chat = fake.private_chat(user)
    fake.send(chat, article, sender=user)  # waiting before the bot starts
    env = {
        **os.environ,
        "PYTHONPATH": str(checkout),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": fake.base_url,
        "TELEGRAM_BASE_FILE_URL": fake.base_file_url,
        "FACTCHECK_DB": str(db),
        "CHECK_WORKERS": str(workers),
        "POLL_TIMEOUT": "1",
        "LOG_LEVEL": "WARNING",
    }
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=db.parent, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    polling = report = None
    try:
        async with asyncio.timeout(120):
            while report is None:
                now = time.perf_counter() - started
                if polling is None and any(name == "getupdates" for name, _ in fake.calls):
                    polling = now
                sent = fake.sent_to(chat)
                if sent and any(mark in sent[-1].text for mark in VERDICTS):
                    report = now
                if process.returncode is not None:
                    raise RuntimeError("the bot exited during start-up")
                await asyncio.sleep(0.01)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGINT)
            try:
                async with asyncio.timeout(30):
                    await process.wait()
            except TimeoutError:
                process.kill()
                await process.wait()
        errors = (await process.stderr.read()).decode() if process.stderr else ""
        await fake.stop()
    if polling is None or report is None:
        raise RuntimeError(f"no report: {errors[-500:]}")
    return {"polling_s": polling, "first_report_s": report}


async def measure(checkouts: dict[str, Path], runs: int, workers: int) -> dict[str, Any]:
    article = (REPO_ROOT / "seeds" / "articles" / "rewritten.txt").read_text()
    found: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as tmp:
        folder = Path(tmp)
        seeded = await _seeded(folder)
        for run in range(runs):
            for name, checkout in checkouts.items():
                db = _copy(seeded, folder, f"{name}-{run}.sqlite")
                found[name].append(await one_start(checkout, db, workers, article))
                print(name, run, found[name][-1], flush=True)
    return {
        name: {
            "runs": rows,
            "polling_s_median": statistics.median(r["polling_s"] for r in rows),
            "first_report_s_median": statistics.median(r["first_report_s"] for r in rows),
        }
        for name, rows in found.items()
    }


def _commit(checkout: Path) -> str:
    """The checkout's commit, with "+" when it has changes not committed."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=checkout, capture_output=True, text=True)
        return done.stdout.strip()

    return git("rev-parse", "--short", "HEAD") + ("+" if git("status", "--porcelain") else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout, measured alongside")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2, help="CHECK_WORKERS (the default)")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "startup.json")
    args = parser.parse_args(argv)
    checkouts = {"this checkout": REPO_ROOT}
    if args.baseline:
        checkouts["baseline"] = args.baseline.resolve()
    results = asyncio.run(measure(checkouts, args.runs, args.workers))
    document = {
        "target_polling_s": TARGET_S,
        "workers": args.workers,
        "runs": args.runs,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg()[0],
        "checkouts": {name: str(path) for name, path in checkouts.items()},
        "commits": {name: _commit(path) for name, path in checkouts.items()},
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    for name, result in results.items():
        print(
            f"{name}: polling after {result['polling_s_median']:.2f} s, first report after "
            f"{result['first_report_s_median']:.2f} s (medians of {args.runs})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
