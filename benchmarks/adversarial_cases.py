"""Hostile imports and checks for benchmarks/adversarial.py, each run in a fresh process so that
its time and peak RSS are its own.

    .venv/bin/python -m benchmarks.adversarial_cases CASE FOLDER   (one case; prints JSON)
"""

from __future__ import annotations

import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT

DEEP = 100_000
HUGE_TOKEN = 200_000_000  # bytes of one JSON string or key
HUGE_LINE = 50_000_000  # bytes of one CSV line
DAY = date(2023, 1, 30)
TARGETS = {"import": (2.0, 300.0), "check": (5.0, None), "pool": (1.0, None)}  # s, MB
_CHUNK = 1 << 20


def _write(path: Path, head: bytes, fill: bytes, count: int, tail: bytes) -> Path:
    """A file of `head`, `count` bytes of `fill` repeated, then `tail`, written a MB at a time."""
    with path.open("wb") as out:
        out.write(head)
        block = fill * (_CHUNK // len(fill))
        for _ in range(count // len(block)):
            out.write(block)
        out.write(fill * ((count % len(block)) // len(fill)))
        out.write(tail)
    return path


def _nested(folder: Path, name: str, head: bytes, tail: bytes) -> Path:
    level = b'[{"abcdefgh": '  # 1.5 MB in all: over the 1 MB at which imports are streamed
    body = level * DEEP + b"1" + b"}]" * DEEP
    (folder / name).write_bytes(head + body + tail)
    return folder / name


FILES: dict[str, Callable[[Path], Path]] = {
    "deep_json": lambda f: _nested(f, "deep.json", b"", b""),
    "deep_json_under_key": lambda f: _nested(f, "deep_key.json", b'{"x": ', b"}"),
    "deep_jsonl": lambda f: _write(f / "deep.jsonl", b"", b"[", DEEP, b"]" * DEEP + b"\n"),
    "huge_json_string": lambda f: _write(
        f / "string.json", b'[{"text": "', b"a", HUGE_TOKEN, b'"}]'
    ),
    "huge_json_key": lambda f: _write(f / "key.json", b'[{"', b"k", HUGE_TOKEN, b'": 1}]'),
    "huge_csv_line": lambda f: _write(f / "line.csv", b"text\n", b"a", HUGE_LINE, b"\n"),
}


def numbers_sentence(count: int = 10_000) -> str:
    """One sentence of `count` figures ("0 men, 1 cars, ..."), under 100k characters."""
    words = ("men", "cars")
    figures = ", ".join(f"{i % 97} {words[i % 2]}" for i in range(count))
    return f"The report said that {figures} moved to the border."


def _texts() -> dict[str, Callable[[], str]]:
    from tests.robustness.shapes import SHAPES

    return {
        "sentence_10k_figures": numbers_sentence,
        "text_100k_tiny_sentences": lambda: SHAPES["tiny_sentences"](100_000),
        "text_100k_one_sentence": lambda: SHAPES["one_sentence"](100_000),
    }


POOL_CASES = {"pool_one_slow_check": 1, "pool_two_slow_checks": 2}  # slow users, 2 workers
CASES = [*FILES, "sentence_10k_figures", "text_100k_tiny_sentences", "text_100k_one_sentence"]
CASES += list(POOL_CASES)


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited from the
    parent that started it)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _import(path: Path, folder: Path) -> tuple[str, float]:
    """What importing `path` ends with, and the seconds `import_file` took (the CLI's call)."""
    import knowledge

    async with knowledge.open_kb(str(folder / f"{path.stem}.sqlite"), seed=False) as kb:
        start = time.perf_counter()
        try:
            result = await kb.curator.import_file(path)
        except knowledge.InvalidImport as error:
            return f"refused: {str(error).splitlines()[0]}", time.perf_counter() - start
        return f"imported {len(result.statement_ids)}", time.perf_counter() - start


async def _check(text: str) -> tuple[str, float]:
    import knowledge

    async with knowledge.open_kb(":memory:") as kb:
        await kb.check("NATO troops moved to the border on Monday.", reference_date=DAY)
        start = time.perf_counter()
        try:
            report = await kb.check(text, reference_date=DAY)
        except knowledge.UnusableInput as error:
            return f"refused: {error}", time.perf_counter() - start
        return f"{len(report.claims)} claims", time.perf_counter() - start


async def _pool(slow_users: int, folder: Path) -> tuple[str, float]:
    """Seconds until a third user's one-sentence question is answered while `slow_users`
    users' 10k-figure sentences run in a two-worker pool."""
    import knowledge

    db = folder / "pool.sqlite"
    async with knowledge.CheckPool(db, workers=2) as pool:
        slow = [
            asyncio.create_task(pool.check(numbers_sentence(), user=u, reference_date=DAY))
            for u in range(slow_users)
        ]
        await asyncio.sleep(0.2)
        start = time.perf_counter()
        report = await pool.check("NATO troops moved to the border on Monday.", user="innocent")
        answered = time.perf_counter() - start
        busy = sum(1 for task in slow if not task.done())
        await asyncio.gather(*slow)
    return f"{len(report.claims)} claim(s); {busy} slow check(s) still running", answered


def _child(name: str, folder: Path) -> dict[str, object]:
    import knowledge  # noqa: F401  (imported before measuring: its size is everyone's)

    if name in FILES:
        path = FILES[name](folder)
        size = path.stat().st_size
        before = _peak_mb()
        outcome, seconds = asyncio.run(_import(path, folder))
        path.unlink()
        return {"kind": "import", "bytes": size, "outcome": outcome, "seconds": seconds,
                "rss_before_mb": before, "peak_rss_mb": _peak_mb()}  # fmt: skip
    if name in POOL_CASES:
        outcome, seconds = asyncio.run(_pool(POOL_CASES[name], folder))
        return {"kind": "pool", "outcome": outcome, "seconds": seconds, "peak_rss_mb": _peak_mb()}
    text = _texts()[name]()
    before = _peak_mb()
    outcome, seconds = asyncio.run(_check(text))
    return {"kind": "check", "chars": len(text), "outcome": outcome, "seconds": seconds,
            "rss_before_mb": before, "peak_rss_mb": _peak_mb()}  # fmt: skip


def run_cases(names: list[str] | None = None) -> dict[str, dict[str, object]]:
    """Each case in a fresh process: its result, with whether it met its targets."""
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-adversarial-") as folder:
        for name in names or CASES:
            done = subprocess.run(
                [sys.executable, "-m", "benchmarks.adversarial_cases", name, folder],
                capture_output=True,
                cwd=REPO_ROOT,
                timeout=900,
                check=False,
            )
            lines = done.stdout.decode().strip().splitlines()
            if done.returncode or not lines:
                tail = done.stderr.decode().strip().splitlines()[-1:]
                result: dict[str, object] = {"outcome": f"failed: {tail}", "met": False}
            else:
                result = json.loads(lines[-1])
                result["met"] = _met(result)
            results[name] = result
            print(f"{name:26} {_line(result)}", flush=True)
    return results


def _met(result: dict[str, object]) -> bool:
    seconds_target, rss_target = TARGETS[str(result["kind"])]
    seconds, rss = float(result["seconds"]), float(result["peak_rss_mb"])  # type: ignore[arg-type]
    return seconds <= seconds_target and (rss_target is None or rss <= rss_target)


def _line(result: dict[str, object]) -> str:
    if "seconds" not in result:
        return str(result["outcome"])
    return (
        f"{float(result['seconds']):7.2f} s  peak {float(result['peak_rss_mb']):6.0f} MB  "  # type: ignore[arg-type]
        f"{'met' if result['met'] else 'MISSED'}  {result['outcome']}"
    )


def main(argv: list[str]) -> int:
    if len(argv) == 2:
        result = _child(argv[0], Path(argv[1]))
        print(
            json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()})
        )
        return 0
    run_cases(argv or None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
