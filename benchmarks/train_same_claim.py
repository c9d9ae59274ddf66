"""Train the same-claim model (knowledge/data/same_claim.yaml) on the CLEF 2020 train split.

Pairs are (claim of a tweet, rated claim retrieved for it) in the known-claims set-up of
eval_known_claims.py; a pair is positive when the rated claim is the tweet's gold claim. A
logistic regression (L2, standardised features) gives calibrated probabilities; the threshold is
the lowest at which at most 5% of the tweets whose claim is not in the knowledge base would be
flagged, i.e. cite a wrong fact-check.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

import numpy as np
import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, eval_dir
from benchmarks.eval_known_claims import REFERENCE, Setup, known_claims_kb, review_url
from benchmarks.eval_retrieval import DATASET
from knowledge import KnowledgeBase

MODEL_PATH = REPO_ROOT / "knowledge" / "data" / "same_claim.yaml"
FALSE_ALARMS = 0.05
SIGNS = (1, 1, 1, 1, -1, -1)  # of each FEATURES weight: shared things help, missing ones hurt

Pairs = list[tuple[str, list[float], bool]]  # (tweet id, features, is the gold claim)


async def collect(kb: KnowledgeBase, setup: Setup) -> Pairs:
    """Every (claim, rated candidate) pair the check path sees, with its features (a tweet the
    check refuses, e.g. not in English, gives none)."""
    from knowledge.errors import KnowledgeError
    from knowledge.factchecks import pair_features
    from knowledge.factchecks.verdicts import comparable

    pairs: Pairs = []
    for tweet, text in setup.data.tweets.items():
        gold = {review_url(c) for c in setup.data.relevant[tweet]}
        try:
            weighed_claims = await kb.candidates(text, reference_date=REFERENCE)
        except KnowledgeError:
            continue
        for weighed in weighed_claims:
            features = [(r, pair_features(weighed.claim, r)) for r in weighed.rated]
            pairs += [(tweet, f, r.review.url in gold) for r, f in features if comparable(f)]
    return pairs


def fit(
    x: np.ndarray,
    y: np.ndarray,
    signs: np.ndarray,
    *,
    l2: float = 1.0,
    steps: int = 3000,
    rate: float = 0.5,
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    """Logistic regression by projected gradient descent on standardised features, each weight
    kept to its sign: more in common never lowers the probability, more missing never raises
    it (CLEF's paraphrases share few words, and an unconstrained fit learns to ignore what
    is missing, which matches same-topic claims that say something else)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    weights, bias = np.zeros(z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ weights + bias)))
        weights -= rate * (z.T @ (p - y) / len(y) + l2 * weights / len(y))
        bias -= rate * float(np.mean(p - y))
        weights = np.where(signs * weights < 0, 0.0, weights)
    return weights, bias, mean, scale


def threshold(pairs: Pairs, probabilities: np.ndarray, setup: Setup) -> tuple[float, float]:
    """The lowest threshold flagging at most FALSE_ALARMS of the tweets with no claim in the
    KB, and the recall it leaves on the others (best pair of the tweet is its gold claim)."""
    best: dict[str, tuple[float, bool]] = {}
    for (tweet, _, gold), p in zip(pairs, probabilities, strict=True):
        if tweet not in best or p > best[tweet][0]:
            best[tweet] = (float(p), gold)
    unknown = sorted((best.get(t, (0.0, False))[0] for t in setup.unknown), reverse=True)
    allowed = int(FALSE_ALARMS * len(unknown))
    cut = unknown[allowed] + 1e-6 if allowed < len(unknown) else 0.0
    hits = sum(1 for t in setup.known if best.get(t, (0.0, False)) >= (cut, True))
    return cut, hits / max(1, len(setup.known))


async def train(root: Path) -> dict[str, object]:
    from knowledge.factchecks import FEATURES

    async with known_claims_kb(root, "train") as (kb, setup, _):
        pairs = await collect(kb, setup)
    x = np.array([f for _, f, _ in pairs])
    y = np.array([float(g) for _, _, g in pairs])
    weights, bias, mean, scale = fit(x, y, np.array(SIGNS))
    probabilities = 1 / (1 + np.exp(-(((x - mean) / scale) @ weights + bias)))
    cut, recall = threshold(pairs, probabilities, setup)
    print(
        f"{len(pairs)} pairs ({int(y.sum())} positive); threshold {cut:.3f}, "
        f"train recall {recall:.3f} at <= {FALSE_ALARMS:.0%} false alarms"
    )
    return {
        "features": list(FEATURES),
        "weights": [round(float(w), 4) for w in weights],
        "bias": round(bias, 4),
        "mean": [round(float(m), 4) for m in mean],
        "scale": [round(float(s), 4) for s in scale],
        "threshold": round(cut, 4),
        "trained_on": f"{DATASET} train, {len(pairs)} pairs",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = parser.parse_args(argv)
    root = eval_dir() / DATASET
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return 0
    model = asyncio.run(train(root))
    text = (
        "# The same-claim model, written by benchmarks/train_same_claim.py; do not edit.\n"
        + yaml.safe_dump(model, sort_keys=False, default_flow_style=None, width=100)
    )
    if args.dry_run:
        print(text)
    else:
        MODEL_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
