"""The relevance floor for offering a related entry under an unverified question, chosen on
CLEF CheckThat! 2020 Task 2 (English) through folds.

Every tweet of train and dev is searched against the verified claims loaded into a fresh
knowledge base (`KnowledgeBase.search`, as the bot calls it). Each tweet gives two samples:
the best hit when its relevant claim is in the base (right when that hit is relevant), and the
best hit once its relevant claims are set aside (never relevant: what a reader would be shown
when the base has nothing on their claim). On each fold the floor is the lowest score at which,
on the other folds, the best hits offered are the relevant claim at least `--precision` of the
time and, with the relevant claims set aside, at most `--offered` of the tweets are still
offered something; the held-out fold tells how often an offer is the relevant claim, how many
relevant claims are offered, and how often something is offered when nothing relevant is there.
The bot's default (knowledge/related.py RELATED_FLOOR) is the median of the folds' floors.
Prints a table and writes benchmarks/results/related_floor.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import knowledge
from benchmarks.common import RESULTS_DIR, eval_dir
from benchmarks.eval_retrieval import DATASET, Dataset, load


@dataclass(frozen=True, slots=True)
class Sample:
    """The score of a best hit and whether it was relevant; `query` groups a tweet's two."""

    query: str
    score: float
    relevant: bool
    natural: bool = True  # the best hit as found (False: the best once the gold is set aside)


async def samples(data: Dataset) -> list[Sample]:
    with tempfile.TemporaryDirectory() as folder:
        async with knowledge.open_kb(Path(folder) / "kb.sqlite", seed=False) as kb:
            await kb.curator.add_many(
                [
                    knowledge.StatementDraft(
                        text=text, source=knowledge.Source(title=title or None), external_id=key
                    )
                    for key, (text, title) in data.claims.items()
                ]
            )
            found: list[Sample] = []
            for tweet_id, text in data.tweets.items():
                hits = await _hits(kb, text)
                wanted = data.relevant[tweet_id]
                if hits:
                    found.append(Sample(tweet_id, hits[0][1], hits[0][0] in wanted))
                others = [score for key, score in hits if key not in wanted]
                if others:
                    found.append(Sample(tweet_id, others[0], False, natural=False))
            return found


async def _hits(kb: knowledge.KnowledgeBase, text: str) -> list[tuple[str, float]]:
    """The entries `KnowledgeBase.search` finds for the text, best first, with their scores."""
    return [(str(s.external_id), score) for s, score in await kb.search(text, limit=20)]


def choose_floor(train: list[Sample], precision: float, offered: float) -> float:
    """The lowest score at which (a) the best hits at or above it are the relevant claim at
    least `precision` of the time and (b) with the relevant claims set aside, something is
    still offered for at most `offered` of the tweets."""
    natural = [s for s in train if s.natural]
    aside = [s for s in train if not s.natural]
    for floor in sorted({s.score for s in train}):
        shown = [s for s in natural if s.score >= floor]
        right = sum(s.relevant for s in shown)
        wrong_share = sum(s.score >= floor for s in aside) / max(1, len(aside))
        if shown and right / len(shown) >= precision and wrong_share <= offered:
            return floor
    return 1.01


def evaluate(test: list[Sample], floor: float) -> dict[str, float]:
    """On held-out tweets: how often the offer is the relevant claim, how many relevant
    claims are offered, and how often something is offered when the base has nothing on it."""
    natural = [s for s in test if s.natural]
    aside = [s for s in test if not s.natural]
    offered = [s for s in natural if s.score >= floor]
    right = sum(s.relevant for s in offered)
    return {
        "floor": floor,
        "offered": len(offered),
        "precision": right / len(offered) if offered else 1.0,
        "recall": right / max(1, len(natural)),
        "offered_with_nothing_relevant": sum(s.score >= floor for s in aside) / max(1, len(aside)),
    }


def folds(found: list[Sample], k: int, seed: int) -> list[tuple[list[Sample], list[Sample]]]:
    queries = sorted({s.query for s in found})
    random.Random(seed).shuffle(queries)
    part = {q: i % k for i, q in enumerate(queries)}
    return [
        ([s for s in found if part[s.query] != i], [s for s in found if part[s.query] == i])
        for i in range(k)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--precision", type=float, default=0.95)
    parser.add_argument("--offered", type=float, default=0.1)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    root = eval_dir() / DATASET
    if not root.exists():
        print(f"skipped: {root} is missing")
        return 0
    found: list[Sample] = []
    for split in ("train", "dev"):
        found += asyncio.run(samples(load(root, split)))
    per_fold = [
        evaluate(test, choose_floor(train, args.precision, args.offered))
        for train, test in folds(found, args.folds, args.seed)
    ]
    for n, row in enumerate(per_fold, start=1):
        print(
            f"fold {n}: floor {row['floor']:.3f}  offered {row['offered']:4.0f}  "
            f"precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"offered with nothing relevant {row['offered_with_nothing_relevant']:.3f}"
        )
    floor = statistics.median(row["floor"] for row in per_fold)
    summary = {
        "dataset": DATASET,
        "splits": ["train", "dev"],
        "samples": len(found),
        "relevant_samples": sum(s.relevant for s in found),
        "target_precision": args.precision,
        "max_offered_with_nothing_relevant": args.offered,
        "score": "KnowledgeBase.search (retrieval score in [0, 1])",
        "folds": per_fold,
        "held_out_precision": statistics.fmean(r["precision"] for r in per_fold),
        "held_out_recall": statistics.fmean(r["recall"] for r in per_fold),
        "held_out_offered_with_nothing_relevant": statistics.fmean(
            r["offered_with_nothing_relevant"] for r in per_fold
        ),
        "chosen_floor": floor,
    }
    print(
        f"floor (median of folds) {floor:.3f}: held-out precision "
        f"{summary['held_out_precision']:.3f}, recall {summary['held_out_recall']:.3f}, "
        f"offered with nothing relevant {summary['held_out_offered_with_nothing_relevant']:.3f}"
    )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "related_floor.json").write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
