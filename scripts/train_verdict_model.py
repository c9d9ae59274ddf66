"""Train the calibrated verdict model (knowledge/data/verdict_model.json) from public pairs.

Data: VitaminC real (dev part) and FEVER-Symmetric (dev) claim/evidence pairs from
../shared/eval. (Same-page pairs from other revisions were tried as "unrelated" negatives and
dropped: other revisions of one fact often refute each other, so the labels were wrong.)

Two logistic regressions over the aligner's features: refuted (pairs whose claim differs from
the evidence in some detail; positive = REFUTES) and supported (pairs where it differs in none
and leaves no detail uncovered; positive = SUPPORTS). Thresholds are chosen on out-of-fold
predictions (5 folds grouped by revision) as the lowest that keep precision at the target, and
the held-out precision and recall are printed and stored beside the weights. The final weights
are fitted on all pairs.

    python scripts/train_verdict_model.py            # writes knowledge/data/verdict_model.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import eval_dir  # noqa: E402
from benchmarks.eval_pairs import DATASETS, Pair, read_pairs  # noqa: E402

OUTPUT = ROOT / "knowledge" / "data" / "verdict_model.json"
REFERENCE = date(2020, 12, 31)
FOLDS = 5
# The detectors that judge against curated data (outdated-reference rules, background facts,
# dated events, recorded quotes, learned articles) are not fitted here: their findings get
# this confidence, a curators' policy rather than a measurement (see README, Verdicts).
DETECTOR_CONFIDENCE = {
    "outdated": 0.95,
    "background": 0.9,
    "timeline": 0.9,
    "misquote": 0.9,
    "misattribution": 0.9,
    "swap": 0.9,
    "polarity": 0.9,
    "age": 0.95,  # arithmetic on a curated birth date
    "calendar": 0.95,  # arithmetic on the calendar
    "office": 0.9,
    "place": 0.9,  # a recorded event told at a place apart from the record's
    "life": 0.9,  # a birth or death told on another date or at another place than the record's
    "arithmetic": 0.95,  # a sentence's own figures against the change it tells of them
}


@dataclass(frozen=True, slots=True)
class Row:
    group: str
    vector: tuple[float, ...]
    differs: bool
    eligible: bool  # may be supported: no difference, nothing uncovered, not embedded
    label: str  # SUPPORTS | REFUTES | NOT ENOUGH INFO


def featurise(pairs: list[Pair]) -> list[Row]:
    from knowledge.checking.align import align
    from knowledge.nlp.features import sentence_features
    from knowledge.nlp.pipeline import build_nlp
    from knowledge.resources import lexicon

    nlp = build_nlp([])
    antonyms = lexicon().antonyms
    rows = []
    for pair in pairs:
        claim = sentence_features(nlp(pair.claim)[:], REFERENCE)
        statement = sentence_features(nlp(pair.evidence)[:], REFERENCE)
        a = align(claim, statement, antonyms=antonyms, labels={})
        rows.append(
            Row(
                pair.group,
                a.vector(),
                bool(a.differences) and not a.uncovered_names,
                not (a.differences or a.uncovered or a.embedded),
                pair.label,
            )
        )
    return rows


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1e-3, steps: int = 3000) -> np.ndarray:
    """Logistic regression by gradient descent (bias first), L2 on the weights."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(x1.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        grad = x1.T @ (p - y) / len(y)
        grad[1:] += l2 * w[1:]
        w -= 1.0 * grad
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(w[0] + x @ w[1:])))


def out_of_fold(rows: list[Row], positive: str, keep: str) -> tuple[np.ndarray, np.ndarray]:
    """Held-out probabilities for the rows a model judges (`keep`: 'differs' or 'eligible')."""
    chosen = [r for r in rows if getattr(r, keep)]
    groups = sorted({r.group for r in chosen})
    random.Random(11).shuffle(groups)
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    x = np.array([r.vector for r in chosen])
    y = np.array([r.label == positive for r in chosen], dtype=float)
    p = np.zeros(len(chosen))
    folds = np.array([fold_of[r.group] for r in chosen])
    for k in range(FOLDS):
        w = fit(x[folds != k], y[folds != k])
        p[folds == k] = predict(w, x[folds == k])
    return p, y


def threshold(p: np.ndarray, y: np.ndarray, target: float) -> float:
    """The lowest threshold whose held-out precision (over everything above it) >= target."""
    order = np.argsort(-p)
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(p) + 1)
    ok = [i for i in range(len(p)) if precision[i] >= target and i >= 19]
    if not ok:
        return 1.0
    return float(p[order][max(ok)])


def report(
    name: str, rows: list[Row], p: np.ndarray, y: np.ndarray, cut: float, positive: str, keep: str
) -> dict[str, float]:
    chosen = [r for r in rows if getattr(r, keep)]
    total_pos = sum(r.label == positive for r in rows)
    above = p >= cut
    tp = float((y[above] == 1).sum())
    result = {
        "threshold": round(cut, 4),
        "precision": tp / max(1, above.sum()),
        "recall": tp / max(1, total_pos),
        "judged": len(chosen),
    }
    print(
        f"{name}: held-out precision {result['precision']:.3f}, recall {result['recall']:.3f}"
        f" at {cut:.3f} ({int(above.sum())} of {len(chosen)} judged)"
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--precision", type=float, default=0.92, help="held-out precision each threshold must keep"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    import spacy  # noqa: F401

    warnings.filterwarnings("ignore", message=r".*W036")
    folder = eval_dir()
    pairs: list[Pair] = []
    for filename in DATASETS.values():
        path = folder / filename
        if not path.is_file():
            print(f"{path} not found (set FACTCHECK_EVAL_DIR)")
            return 2
        pairs += read_pairs(path)
    print(f"{len(pairs)} pairs")
    rows = featurise(pairs)
    from knowledge.checking.align import FEATURE_NAMES

    result: dict[str, object] = {"features": list(FEATURE_NAMES)}
    held_out = {}
    for name, positive, keep in (
        ("refute", "REFUTES", "differs"),
        ("support", "SUPPORTS", "eligible"),
    ):
        p, y = out_of_fold(rows, positive, keep)
        cut = threshold(p, y, args.precision)
        held_out[name] = report(name, rows, p, y, cut, positive, keep)
        chosen = [r for r in rows if getattr(r, keep)]
        w = fit(
            np.array([r.vector for r in chosen]),
            np.array([r.label == positive for r in chosen], dtype=float),
        )
        result[name] = {
            "bias": round(float(w[0]), 5),
            "weights": [round(float(v), 5) for v in w[1:]],
        }
        result[f"{name}_threshold"] = round(cut, 4)
    result["detector_confidence"] = DETECTOR_CONFIDENCE
    result["flag_floor"] = 0.5
    result["held_out"] = held_out
    result["trained_on"] = {
        "pairs": len(pairs),
        "precision_target": args.precision,
        "data": list(DATASETS.values()) + ["same-page hard negatives"],
    }
    args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"Wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
