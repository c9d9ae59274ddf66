"""Train the same-claim reading (knowledge/data/same_claim_reading.yaml) on CLEF 2020 train.

Each CLEF train tweet is checked in the known-claims set-up of benchmarks/eval_known_claims.py
(the verified claims imported as rated claims, the gold claims of every other tweet held out),
and every (text, rated claim) pair the check reads is recorded with the packaged same-claim
model's score (knowledge/data/same_claim_model/). A pair is positive when the rated claim is one
of the tweet's gold claims (or a twin in the same words). A logistic regression over
`knowledge.factchecks.same_claim_reading.FEATURES` (L2, standardised features, every weight kept
non-negative: a higher model score or more shared wording never lowers the probability) gives
the reading. No dev tweet is read: the threshold on the reading is chosen on dev folds by
benchmarks/choose_pair_thresholds.py. `read_texts` gives the same kind of pairs, more of them
per claim, as training pairs for the same-claim model (scripts/train_pair_model.py --task same).

    python scripts/train_same_claim_reading.py            # writes the data file
    python scripts/train_same_claim_reading.py --no-write # reports only
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import eval_dir  # noqa: E402
from benchmarks.eval_known_claims import (  # noqa: E402
    REFERENCE,
    gold_with_twins,
    known_claims_kb,
)
from benchmarks.eval_retrieval import DATASET  # noqa: E402
from benchmarks.train_same_claim import fit  # noqa: E402
from knowledge.checking.pair_reading import BUDGET, PER_CLAIM  # noqa: E402
from knowledge.pair_model import PairScores  # noqa: E402

OUTPUT = ROOT / "knowledge" / "data" / "same_claim_reading.yaml"
SPLIT = "train"
L2 = 0.01
READ_PER_CLAIM = 4  # rated claims per claim read for the same-claim model's training pairs
READ_BUDGET = 40


class Recorder:
    """A model (the packaged pair model unless `path` names another), recording every pair it
    reads with its same-claim score; it reads every pair of a check, a text with a rated claim
    and a claim with a candidate statement alike."""

    def __init__(self, path: Path | None = None) -> None:
        from knowledge.checking.pair_reading import LazyPairModel

        self._model = LazyPairModel(path)
        self.read: dict[tuple[str, str], float] = {}

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]:
        found = self._model.score(pairs)
        for pair, scores in zip(pairs, found, strict=True):
            self.read[pair] = scores.same_claim
        return found


async def record_texts(
    folder: Path,
    split: str,
    *,
    per_claim: int = PER_CLAIM,
    budget: int = BUDGET,
    model: Path | None = None,
) -> list[tuple[str, str, str, bool, float]]:
    """(tweet id, text, rated claim, positive, the same-claim score of `model`) for every
    (text, rated claim) pair a check reads for the split's tweets, `per_claim` rated claims per
    claim at most. Which pairs a check reads does not depend on the scores."""
    from knowledge.checking.pair_reading import PairReader
    from knowledge.errors import KnowledgeError

    recorder = Recorder(model)
    reader = PairReader("on", scorer=recorder, per_claim=per_claim, budget=budget)
    rows: list[tuple[str, str, str, bool, float]] = []
    async with known_claims_kb(folder, split, reader) as (kb, setup, _):
        data = setup.data
        gold = gold_with_twins(data)
        rated_texts = {data.claims[c][0] for c in data.claims}
        for tweet in sorted(data.tweets, key=int):
            recorder.read.clear()
            try:
                await kb.check(data.tweets[tweet], reference_date=REFERENCE)  # type: ignore[attr-defined]
            except KnowledgeError:
                continue
            golds = {data.claims[c][0] for c in gold[tweet]} if tweet in setup.known else set()
            for (text, second), same in recorder.read.items():
                if second in rated_texts:
                    rows.append((tweet, text, second, second in golds, same))
    return rows


def read_texts(split: str) -> list[tuple[str, str, str, bool]]:
    """(tweet id, text, rated claim, positive) for the pairs a check reads for the split's
    tweets, with up to READ_PER_CLAIM rated claims per claim (more pairs to train on than a
    check reads: its best two and the next ones, hard negatives all)."""
    found = asyncio.run(
        record_texts(eval_dir() / DATASET, split, per_claim=READ_PER_CLAIM, budget=READ_BUDGET)
    )
    return [(tweet, text, rated, positive) for tweet, text, rated, positive, _ in found]


async def record(folder: Path) -> list[tuple[str, list[float], bool]]:
    """(tweet id, features, positive) for every (text, rated claim) pair read in the split."""
    from knowledge.factchecks.same_claim_reading import reading_features
    from knowledge.pair_model import packaged_same_claim_path

    found = await record_texts(folder, SPLIT, model=packaged_same_claim_path())
    return [
        (tweet, reading_features(text, rated, same), positive)
        for tweet, text, rated, positive, same in found
    ]


def reading_of(x: np.ndarray, y: np.ndarray) -> dict[str, object]:
    """The logistic regression of benchmarks/train_same_claim.py (projected gradient descent
    on standardised features), every weight kept non-negative; the mapping the data file
    stores."""
    from knowledge.factchecks.same_claim_reading import FEATURES

    signs = np.ones(x.shape[1])
    w, b, mean, scale = fit(x, y, signs, l2=L2 * len(y), steps=4000, rate=0.1)
    return {
        "features": list(FEATURES),
        "weights": [round(float(v), 4) for v in w],
        "bias": round(b, 4),
        "mean": [round(float(v), 4) for v in mean],
        "scale": [round(float(v), 4) for v in scale],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="report, do not write the file")
    args = parser.parse_args(argv)
    folder = eval_dir() / DATASET
    if not folder.is_dir():
        print(f"skipped: {folder} not found")
        return 0
    rows = asyncio.run(record(folder))
    x = np.array([r[1] for r in rows])
    y = np.array([float(r[2]) for r in rows])
    model = reading_of(x, y)
    positives, tweets = int(y.sum()), len({r[0] for r in rows})
    model["trained_on"] = (
        f"clef2020-task2-en {SPLIT}: {len(rows)} pairs read for {tweets} tweets, "
        f"{positives} of them a tweet's gold claim"
    )
    print(yaml.safe_dump(model, sort_keys=False))
    if not args.no_write:
        header = "# The same-claim reading, written by scripts/train_same_claim_reading.py.\n"
        OUTPUT.write_text(header + yaml.safe_dump(model, sort_keys=False), encoding="utf-8")
        print(f"Wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
