"""Factual consistency on SummEdits (news): does the engine flag summaries a trusted doc refutes?"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import RESULTS_DIR, eval_dir

DATASET = "summedits-news-evaluation.json"
FALLBACK_PUBLISHED = date(2023, 3, 1)  # the four SummEdits news articles are from early 2023
PUBLISHED = {"SummaC-Conv": 61.9, "QAFactEval": 74.4, "GPT-4": 83.3}
FLAGGED = frozenset({"contradicted", "outdated"})


@dataclass(frozen=True, slots=True)
class Outcome:
    """The engine's verdicts on one item's summary, next to the item's gold label."""

    item_id: str
    consistent: bool  # gold: 1 = consistent with the doc
    edit_types: tuple[str, ...]
    verdicts: tuple[str, ...]
    reasons: tuple[str, ...]

    def flagged(self, *, strict: bool) -> bool:
        """Predicted inconsistent: a claim contradicted or outdated (strict: or unverified)."""
        bad = FLAGGED | {"unverified"} if strict else FLAGGED
        return any(v in bad for v in self.verdicts)


def published_date(doc: str) -> date:
    """The article's date: its dateline, else the latest full date it mentions, else a fixed one."""
    from knowledge.nlp.dates import find_dateline, find_dates

    found = find_dateline(doc)
    if found is not None:
        return found
    days = [d.value.as_date() for d in find_dates(doc) if d.kind == "date" and d.value]
    days = [d for d in days if d is not None and d.year >= 2000]
    return max(days, default=FALLBACK_PUBLISHED)


async def judge(item: dict[str, object]) -> Outcome:
    """A fresh, unseeded knowledge base learns the doc, then checks the summary."""
    import knowledge

    doc, summary = str(item["doc"]), str(item["summary"])
    when = published_date(doc)
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.learn(doc, source=f"summedits:{item['id']}", published=when)
        report = await kb.check(summary, reference_date=when)
    return Outcome(
        str(item["id"]),
        int(str(item["label"])) == 1,
        tuple(str(t) for t in item.get("edit_types") or ()),  # type: ignore[attr-defined]
        tuple(c.verdict.value for c in report.claims),
        tuple(c.reason for c in report.claims),
    )


def scores(outcomes: list[Outcome], *, strict: bool) -> dict[str, object]:
    """Balanced accuracy, recall per class, and per edit type the share of items caught."""
    good = [o for o in outcomes if o.consistent]
    bad = [o for o in outcomes if not o.consistent]
    kept = statistics.fmean(not o.flagged(strict=strict) for o in good) if good else 0.0
    caught = statistics.fmean(o.flagged(strict=strict) for o in bad) if bad else 0.0
    types = sorted({t for o in bad for t in o.edit_types})
    per_type = {
        t: {"items": n, "caught": statistics.fmean(o.flagged(strict=strict) for o in of)}
        for t in types
        for of in [[o for o in bad if t in o.edit_types]]
        for n in [len(of)]
    }
    return {
        "balanced_accuracy": 100 * (kept + caught) / 2,
        "recall_consistent": 100 * kept,
        "recall_inconsistent": 100 * caught,
        "per_edit_type": {
            t: {"items": v["items"], "caught": 100 * v["caught"]}  # type: ignore[operator]
            for t, v in per_type.items()
        },
    }


def _print_table(results: dict[str, dict[str, object]], *, items: int, seconds: float) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"SummEdits news, evaluation split ({items} items, {seconds:.0f} s)")
    table.add_column("measure", no_wrap=True)
    for name in results:
        table.add_column(name, justify="right", no_wrap=True)
    rows = ["balanced_accuracy", "recall_consistent", "recall_inconsistent"]
    for row in rows:
        table.add_row(
            row.replace("_", " "),
            *(
                f"{float(r[row]):.1f}"  # type: ignore[arg-type]
                for r in results.values()
            ),
        )
    types = sorted({t for r in results.values() for t in r["per_edit_type"]})  # type: ignore[attr-defined]
    for t in types:
        cells = []
        for r in results.values():
            entry = r["per_edit_type"][t]  # type: ignore[index]
            cells.append(f"{entry['caught']:.1f} (n={entry['items']})")
        table.add_row(f"caught: {t}", *cells)
    Console().print(table)
    published = Table(title="Published balanced accuracy, SummEdits news (for comparison)")
    published.add_column("system")
    published.add_column("balanced accuracy", justify="right")
    for name, value in PUBLISHED.items():
        published.add_row(name, f"{value:.1f}")
    Console().print(published)


async def run(path: Path, *, limit: int | None) -> tuple[dict[str, object], list[Outcome]]:
    items = json.loads(path.read_text(encoding="utf-8"))[:limit]
    started = time.perf_counter()
    outcomes = [await judge(item) for item in items]
    seconds = time.perf_counter() - started
    results = {
        "engine (contradicted/outdated)": scores(outcomes, strict=False),
        "engine (+ unverified)": scores(outcomes, strict=True),
    }
    _print_table(results, items=len(outcomes), seconds=seconds)
    summary = {
        "dataset": "SummEdits news (salesforce/factualNLG), evaluation split",
        "items": len(outcomes),
        "seconds": seconds,
        "results": results,
        "published_balanced_accuracy": PUBLISHED,
    }
    return summary, outcomes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N items")
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "consistency.json")
    parser.add_argument(
        "--details",
        type=Path,
        default=None,
        help="also write each item's verdicts here (for error analysis)",
    )
    args = parser.parse_args(argv)
    path = eval_dir() / DATASET
    if not path.is_file():
        print(f"Skipping: {path} not found (set FACTCHECK_EVAL_DIR to the shared eval folder).")
        return 0
    import spacy  # noqa: F401  (spaCy sets its own warning filters on import; ours go after)

    warnings.filterwarnings("ignore", message=r".*W036")  # an unseeded KB has no entity patterns
    summary, outcomes = asyncio.run(run(path, limit=args.limit))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {args.output}")
    if args.details:
        rows = [
            {
                "id": o.item_id,
                "consistent": o.consistent,
                "edit_types": o.edit_types,
                "verdicts": o.verdicts,
                "reasons": o.reasons,
            }
            for o in outcomes
        ]
        args.details.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
