"""Texts near the seed topics, checked against the seeded knowledge base as users get it.

benchmarks/data/near_seeds.yaml holds our own texts about what the seeds cover (NATO's
Secretaries General, Finland and Sweden joining NATO, Russia's invasion of Ukraine, the Minsk
agreements, sanctions, South Korea and arms for Ukraine), each dated to the day it is written
and checked on that day:

- `true` items (news paragraphs, posts, single sentences): every 🚩 is a false accusation; a
  ✅ is the bot saying what it knows. Reported: items flagged (with the reason), supported.
- `wrong` items: one detail changed (date, weekday, person, place, number, negation, office,
  outdated title): each should be flagged, and a ✅ endorses a falsehood. Reported by kind.

Items come in batches written by people who never saw the checker; a batch marked
`tuned_on` was read while changing the checker, the others were read once, as unseen text.

    .venv/bin/python benchmarks/eval_near_seeds.py [--output FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, RESULTS_DIR

DATA = REPO_ROOT / "benchmarks" / "data" / "near_seeds.yaml"


def kind_of(what: str) -> str:
    """The kind of a wrong item's change: the first word of its `what` ("date: ...",
    "negation (in a relative clause): ...")."""
    found = re.match(r"\s*([a-z]+)", what.lower())
    return found.group(1) if found else "unnamed"


async def check_all(batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each item with its batch, and what the check made of it: flagged (with the first
    flagged claim's reason), supported."""
    import knowledge

    rows = []
    async with knowledge.open_kb(":memory:") as kb:
        for batch in batches:
            for item in batch["items"]:
                day = date.fromisoformat(str(item["date"]))
                report = await kb.check(item["text"], reference_date=day)
                flagged = report.flagged
                rows.append(
                    {
                        "batch": batch["name"],
                        "tuned_on": bool(batch.get("tuned_on")),
                        "kind": str(item["kind"]),
                        "what": item.get("what") or "",
                        "text": item["text"],
                        "flagged": bool(flagged),
                        "reason": flagged[0].reason if flagged else "",
                        "supported": any(
                            c.verdict == knowledge.Verdict.SUPPORTED for c in report.claims
                        ),
                    }
                )
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def counts(selected: list[dict[str, Any]]) -> dict[str, int]:
        return {
            "items": len(selected),
            "flagged": sum(r["flagged"] for r in selected),
            "supported": sum(r["supported"] and not r["flagged"] for r in selected),
        }

    true = [r for r in rows if r["kind"] == "true"]
    wrong = [r for r in rows if r["kind"] == "wrong"]
    kinds = Counter(kind_of(r["what"]) for r in wrong)
    return {
        "true": counts(true),
        "wrong": counts(wrong),
        "unseen": {
            "true": counts([r for r in true if not r["tuned_on"]]),
            "wrong": counts([r for r in wrong if not r["tuned_on"]]),
        },
        "by_batch": {
            name: {
                "tuned_on": next(r["tuned_on"] for r in rows if r["batch"] == name),
                "true": counts([r for r in true if r["batch"] == name]),
                "wrong": counts([r for r in wrong if r["batch"] == name]),
            }
            for name in dict.fromkeys(r["batch"] for r in rows)
        },
        "wrong_by_kind": {
            k: counts([r for r in wrong if kind_of(r["what"]) == k]) for k in sorted(kinds)
        },
        "true_flagged": [
            {"batch": r["batch"], "text": r["text"], "reason": r["reason"]}
            for r in true
            if r["flagged"]
        ],
        "wrong_supported": [
            {"batch": r["batch"], "what": r["what"], "text": r["text"]}
            for r in wrong
            if r["supported"] and not r["flagged"]
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "near_seeds.json")
    args = parser.parse_args(argv)
    batches = yaml.safe_load(DATA.read_text(encoding="utf-8"))["batches"]
    started = time.perf_counter()
    rows = asyncio.run(check_all(batches))
    result = summary(rows) | {"seconds": round(time.perf_counter() - started, 1)}
    t, w, u = result["true"], result["wrong"], result["unseen"]
    print(f"true items: {t['items']}, flagged {t['flagged']}, supported {t['supported']}")
    print(f"wrong items: {w['items']}, caught {w['flagged']}, supported {w['supported']}")
    print(
        f"unseen batches: true flagged {u['true']['flagged']} of {u['true']['items']}, "
        f"supported {u['true']['supported']}; wrong caught {u['wrong']['flagged']} of "
        f"{u['wrong']['items']}, supported {u['wrong']['supported']}"
    )
    for kind, c in result["wrong_by_kind"].items():
        print(f"  {kind:10} caught {c['flagged']:3} of {c['items']:3}, supported {c['supported']}")
    for row in result["true_flagged"]:
        print(f"  FALSE FLAG [{row['batch']}] {row['text'][:120]}\n    {row['reason'][:160]}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
