"""Retellings of learned articles: are faithful ones left alone and wrong ones caught?

Each article in benchmarks/data/retellings.yaml (our own retellings of the seed CNN excerpt
and of articles written near the seed topics) is learned into a fresh seeded knowledge base
(`kb.curator.learn`), then each retelling is checked on the article's day.

- Faithful retellings say what the article says: every flag is a false accusation, and a ✅
  is the bot saying so. Reported: sentences, flagged (each with its reason), supported.
- Wrong retellings (`errors`) get one detail of the article wrong, of a named kind (weekday,
  date, number, place, person, role swap, negation, ...): each should be flagged, and a ✅ is
  an endorsed falsehood. Reported by kind: caught, supported (wrong), and the misses. They
  are split in two halves by a stable hash of the sentence ("dev" and "held out"): change the
  checker looking at the dev half only, and read the held-out half as the honest number.
- Additions (`additions`) tell of the article's topic what the article never reports (a
  background fact, a figure for something it never counts, someone it never names): the
  knowledge base cannot know them, so each should be left unverified; a 🚩 is a false
  accusation, a ✅ an endorsement of what nothing backs.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
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
HALVES = ("dev", "held_out")


def half(sentence: str) -> str:
    """The half a wrong retelling belongs to, by a stable hash of its text."""
    return "dev" if hashlib.sha256(sentence.encode()).digest()[0] % 2 == 0 else "held_out"


Rows = list[dict[str, Any]]


async def _article(entry: dict[str, Any]) -> tuple[Rows, Rows, Rows]:
    """Each faithful retelling, wrong retelling and addition of one article, checked: text,
    verdict, reason."""
    import knowledge

    text = entry.get("text") or (REPO_ROOT / entry["file"]).read_text(encoding="utf-8")
    day = date.fromisoformat(str(entry["published"]))
    faithful, wrong, added = [], [], []
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.learn(text, source=entry["source"], published=day)
        for sentence in entry["retellings"]:
            faithful.append(await _checked(kb, sentence, day))
        for error in entry.get("errors", ()):
            wrong.append(await _checked(kb, error["text"], day) | {"kind": error["kind"]})
        for sentence in entry.get("additions", ()):
            added.append(await _checked(kb, sentence, day))
    return faithful, wrong, added


async def _checked(kb: Any, sentence: str, day: date) -> dict[str, Any]:
    report = await kb.check(sentence, reference_date=day)
    flagged = report.flagged
    reasons = [c.reason for c in flagged] or [c.reason for c in report.claims]
    return {
        "text": sentence,
        "flagged": bool(flagged),
        "supported": bool(report.claims)
        and all(str(c.verdict) == "supported" for c in report.claims),
        "reason": reasons[0] if reasons else "",
    }


def _tally(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "sentences": len(rows),
        "caught": sum(r["flagged"] for r in rows),
        "supported": sum(r["supported"] for r in rows),
    }


async def run() -> dict[str, Any]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    started = time.perf_counter()
    faithful: Rows = []
    wrong: Rows = []
    added: Rows = []
    for entry in data["articles"]:
        told, erred, more = await _article(entry)
        faithful += told
        wrong += erred
        added += more
    flags = [{"text": r["text"], "reason": r["reason"]} for r in faithful if r["flagged"]]
    for row in wrong:
        row["half"] = half(row["text"])
    kinds = sorted({r["kind"] for r in wrong})
    return {
        "sentences": len(faithful),
        "flagged": len(flags),
        "rate": round(len(flags) / max(1, len(faithful)), 3),
        "supported": sum(r["supported"] for r in faithful),
        "flags": flags,
        "errors": {
            "all": _tally(wrong),
            **{name: _tally([r for r in wrong if r["half"] == name]) for name in HALVES},
            "by_kind": {k: _tally([r for r in wrong if r["kind"] == k]) for k in kinds},
            "endorsed": [r for r in wrong if r["supported"]],
            "missed": [r for r in wrong if not r["flagged"]],
        },
        "additions": {
            "sentences": len(added),
            "flagged": sum(r["flagged"] for r in added),
            "supported": sum(r["supported"] for r in added),
            "wrong": [r for r in added if r["flagged"] or r["supported"]],
        },
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "retellings.json")
    parser.add_argument(
        "--show-held-out", action="store_true", help="also list the held-out half's misses"
    )
    args = parser.parse_args()
    result = asyncio.run(run())
    print(
        f"{result['flagged']} of {result['sentences']} faithful retellings flagged, "
        f"{result['supported']} supported"
    )
    for flag in result["flags"]:
        print(f"  {flag['text']}\n    {flag['reason']}")
    added = result["additions"]
    print(
        f"{added['flagged']} of {added['sentences']} additions flagged, "
        f"{added['supported']} supported"
    )
    for row in added["wrong"]:
        print(f"  {row['text']}\n    {row['reason']}")
    errors = result["errors"]
    for name in ("all", *HALVES):
        tally = errors[name]
        print(
            f"wrong retellings ({name}): {tally['caught']} of {tally['sentences']} caught, "
            f"{tally['supported']} supported"
        )
    for kind, tally in errors["by_kind"].items():
        caught, supported = tally["caught"], tally["supported"]
        print(f"  {kind}: {caught} of {tally['sentences']} caught, {supported} supported")
    for row in errors["missed"]:
        if row["half"] == "dev" or args.show_held_out:
            print(f"  missed [{row['kind']}, {row['half']}] {row['text']}\n    {row['reason']}")
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
