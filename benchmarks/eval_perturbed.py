"""Near copies of real sentences with one detail changed: is any of them supported?

Each VitaminC real dev evidence that is one sentence of at most 300 characters is stored alone
in a knowledge base (as `eval_pairs.py` does), then checked in four changed forms, each made
by a fixed rule written here:

- year: its first year (1900-2029) three years earlier;
- figure: its first figure of two digits or more that counts something ("sold 1,735,880
  copies"; a year, a score or a number in a name aside), three times as large;
- name: its one name from the lists of `eval_known_claims.NEIGHBOUR_NAMES` swapped for
  another of its list;
- opposite: its first word of `knowledge/data/antonyms.yaml` (or the listed past tenses)
  turned into its opposite.

The changed sentence no longer says what the stored one says, so a ✅ from it is wrong (the
changed sentence may happen to be true, but the stored sentence does not show it). Reported
per change: how many sentences, the share supported (wrong) and the share flagged (what a
user wants: the change named). The sentences as stored, checked unchanged, give the support
rate to compare with. Swapping two names of a sentence was tried as a fifth change and
dropped: without a parser the swaps mostly broke names up ("Hill on the Castle").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR, eval_dir
from benchmarks.eval_known_claims import opposed, opposite_words, renamed
from benchmarks.eval_pairs import DATASETS, REFERENCE, Pair, check_all, outcome, read_pairs

LIMIT = 300  # sentences per change

_YEAR = re.compile(r"\b(19\d\d|20[0-2]\d)\b")
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_CALENDAR = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def moved_year(text: str) -> str | None:
    found = _YEAR.search(text)
    if found is None:
        return None
    return text[: found.start()] + str(int(found.group(0)) - 3) + text[found.end() :]


_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d{2,})(?=\s+[a-z%]|%)")


def moved_figure(text: str) -> str | None:
    """The first figure of two digits or more that counts something (a lower-case word or a
    per cent sign follows it, a lower-case word leads to it: "sold 1,735,880 copies"), three
    times as large; not a year, a score ("81/100") or part of a name ("Treo 600")."""
    for found in _FIGURE.finditer(text):
        before = text[: found.start()].split()[-1:]
        glued = text[found.start() - 1 : found.start()] in ("/", ".", ",", "-")
        named = bool(before) and not before[0][:1].islower()  # "Treo 600", "June 23"
        if _YEAR.fullmatch(found.group(1)) or glued or named:
            continue
        value = int(found.group(1).replace(",", "")) * 3
        written = f"{value:,}" if "," in found.group(1) else str(value)
        return text[: found.start()] + written + text[found.end() :]
    return None


def changes() -> dict[str, Callable[[str], str | None]]:
    opposites = opposite_words()
    return {
        "unchanged": lambda text: text,
        "year": moved_year,
        "figure": moved_figure,
        "name": renamed,
        "opposite": lambda text: opposed(text, opposites),
    }


def sentences(path: Path) -> list[Pair]:
    """One pair per distinct one-sentence evidence of at most 300 characters, in file order."""
    seen: set[str] = set()
    chosen = []
    for pair in read_pairs(path):
        text = pair.evidence.strip()
        if text in seen or len(text) > 300 or re.search(r"[.!?]\s+[A-Z]", text[:-1]):
            continue
        seen.add(text)
        chosen.append(pair)
    return chosen


async def measure(pairs: list[Pair]) -> dict[str, dict[str, float | int]]:
    results: dict[str, dict[str, float | int]] = {}
    for kind, change in changes().items():
        changed = [
            Pair(p.pair_id, p.group, other, p.evidence, "REFUTES", p.page)
            for p in pairs
            if (other := change(p.evidence.strip())) is not None
        ]
        changed = changed[:: max(1, len(changed) // LIMIT)][:LIMIT]
        reports = await check_all(changed, progress=False)
        verdicts = [
            "unverified" if r is None else outcome([c.verdict.value for c in r.claims])
            for r in reports
        ]
        results[kind] = {
            "sentences": len(changed),
            "supported": round(verdicts.count("supported") / max(1, len(changed)), 3),
            "flagged": round(verdicts.count("flagged") / max(1, len(changed)), 3),
        }
        print(f"{kind}: {results[kind]}")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "perturbed.json")
    args = parser.parse_args(argv)
    path = eval_dir() / DATASETS["vitaminc"]
    if not path.is_file():
        print(f"skipped: {path} not found (set FACTCHECK_EVAL_DIR)")
        return 0
    started = time.perf_counter()
    results = asyncio.run(measure(sentences(path)))
    summary = {
        "dataset": "VitaminC real dev, one-sentence evidences",
        "reference_date": REFERENCE.isoformat(),
        "seconds": round(time.perf_counter() - started, 1),
        "results": results,
    }
    args.output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
