"""Choose the pair model's thresholds on held-out folds and report the out-of-fold numbers.

The checks run once with thresholds nothing clears (`PairThresholds.never()`): each claim's
result then holds what the pair model read (`ClaimResult.model`) beside the verdict the other
detectors gave, and the verdict at any thresholds follows exactly, as the check decides it:

- contradicted when a detector flags it, or its refutation score clears `refute` (the
  alignment names a differing detail) or `refute_unnamed` (it names none);
- else supported when its support score clears `support`;
- a rated claim becomes the fact-check when its same-claim score clears `same_claim`.

Claim/evidence pairs (VitaminC real dev and FEVER-Symmetric dev, pooled) are split into
`--folds` folds by revision; on each, thresholds are chosen on the other folds (the lowest
from which precision stays at or above `--precision` on those folds: flags first, then flags
where no detail is named, then support) and the held-out fold is judged with them. The
same-claim threshold is chosen likewise on the CLEF 2020 dev tweets (false alarms at most
`--false-alarms` on the other folds, recall as high as it goes). The thresholds shipped in
knowledge/data/pair_thresholds.json are chosen the same way on all folds.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import REPO_ROOT, RESULTS_DIR, eval_dir
from benchmarks.eval_pairs import DATASETS, check_all, read_pairs, scores

THRESHOLDS_FILE = REPO_ROOT / "knowledge" / "data" / "pair_thresholds.json"
FACT_CHECK = "fact_check"


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One checked claim as recorded: the other detectors' flag and the model's scores."""

    flagged: bool
    refutes: float | None
    refutes_unnamed: float | None
    supports: float | None


@dataclass(frozen=True, slots=True)
class PairRow:
    """One claim/evidence pair: its gold label, fold group and its claims' rows, summed up
    as the pair's outcome needs them (any claim flagged; every claim supported)."""

    dataset: str
    group: str
    label: str
    claims: tuple[ClaimRow, ...]
    flagged: bool = False  # by the other detectors
    refutes: float = -1.0  # the highest of its claims' scores
    refutes_unnamed: float = -1.0
    supports: float = -1.0  # the lowest of its claims' (each must be supported)

    @classmethod
    def of(cls, dataset: str, group: str, label: str, claims: tuple[ClaimRow, ...]) -> PairRow:
        def best(values: list[float | None]) -> float:
            return max((v for v in values if v is not None), default=-1.0)

        lowest = min((-1.0 if c.supports is None else c.supports for c in claims), default=-1.0)
        return cls(
            dataset,
            group,
            label,
            claims,
            any(c.flagged for c in claims),
            best([c.refutes for c in claims]),
            best([c.refutes_unnamed for c in claims]),
            lowest,
        )

    def prediction(self, t: dict[str, float]) -> str:
        if (
            self.flagged
            or self.refutes >= t["refute"]
            or self.refutes_unnamed >= t["refute_unnamed"]
        ):
            return "flagged"
        return "supported" if self.claims and self.supports >= t["support"] else "unverified"


def claim_rows(report: Any) -> tuple[ClaimRow, ...]:
    if report is None:
        return ()
    rows = []
    for claim in report.claims:
        reading = claim.model
        rows.append(
            ClaimRow(
                claim.flagged,
                reading.refutes if reading else None,
                reading.refutes_unnamed if reading else None,
                reading.supports if reading else None,
            )
        )
    return tuple(rows)


def fold_of(group: str, folds: int) -> int:
    """A stable fold for a group (its hash), so that a revision's pairs stay together."""
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def lowest_precise(
    candidates: Sequence[float], precision_at: Callable[[float], tuple[float, int]], floor: float
) -> float:
    """The lowest threshold from which precision stays >= floor at every higher candidate
    that acts on at least 20 items, or infinity."""
    chosen = math.inf
    for threshold in sorted(set(candidates), reverse=True):
        precision, acted = precision_at(threshold)
        if acted < 20:
            continue
        if precision < floor:
            break
        chosen = threshold
    return chosen


def choose_pairs(rows: list[PairRow], floor: float) -> dict[str, float]:
    """Thresholds for flags (named, then unnamed) and support, chosen on `rows`."""
    t = {"refute": math.inf, "refute_unnamed": math.inf, "support": math.inf}

    def flag_precision(key: str) -> Callable[[float], tuple[float, int]]:
        def at(threshold: float) -> tuple[float, int]:
            trial = {**t, key: threshold}
            got = [r.label for r in rows if r.prediction(trial) == "flagged"]
            return (got.count("REFUTES") / len(got) if got else 1.0), len(got)

        return at

    def support_precision(threshold: float) -> tuple[float, int]:
        trial = {**t, "support": threshold}
        got = [r.label for r in rows if r.prediction(trial) == "supported"]
        return (got.count("SUPPORTS") / len(got) if got else 1.0), len(got)

    for key, field in (("refute", "refutes"), ("refute_unnamed", "refutes_unnamed")):
        values = [getattr(c, field) for r in rows for c in r.claims]
        t[key] = lowest_precise(_grid(values), flag_precision(key), floor)
    supports = [c.supports for r in rows for c in r.claims]
    t["support"] = lowest_precise(_grid(supports), support_precision, floor)
    return t


def _grid(values: Sequence[float | None]) -> list[float]:
    """Candidate thresholds: the scores seen, thinned to at most 400 quantiles."""
    seen = sorted(v for v in values if v is not None)
    if len(seen) <= 400:
        return seen
    return [seen[int(i * (len(seen) - 1) / 399)] for i in range(400)]


def pairs_out_of_fold(rows: list[PairRow], folds: int, floor: float) -> dict[str, Any]:
    """Each fold judged with thresholds chosen on the others; scores per dataset."""
    predictions: dict[int, str] = {}
    per_fold = []
    for k in range(folds):
        train = [r for r in rows if fold_of(r.dataset + r.group, folds) != k]
        t = choose_pairs(train, floor)
        per_fold.append({key: _shown(v) for key, v in t.items()})
        for n, row in enumerate(rows):
            if fold_of(row.dataset + row.group, folds) == k:
                predictions[n] = row.prediction(t)
    by_dataset = {}
    for name in sorted({r.dataset for r in rows}):
        chosen = [n for n, r in enumerate(rows) if r.dataset == name]
        by_dataset[name] = scores((rows[n].label, predictions[n]) for n in chosen)
    return {"per_fold_thresholds": per_fold, "out_of_fold": by_dataset}


def _shown(value: float) -> float | None:
    return None if math.isinf(value) else round(value, 4)


async def record_pairs(folder: Path, limit: int | None, model: Path | None) -> list[PairRow]:
    from benchmarks.eval_pairs import sample
    from knowledge.checking.pair_reading import PairReader, PairThresholds

    rows = []
    for name, filename in DATASETS.items():
        path = folder / filename
        if not path.is_file():
            print(f"Skipping {name}: {path} not found.")
            continue
        pairs = sample(read_pairs(path), limit)
        reader = PairReader("on", thresholds=PairThresholds.never(), path=model)
        reports = await check_all(pairs, pair_model=reader)
        rows += [
            PairRow.of(name, p.group, p.label, claim_rows(r))
            for p, r in zip(pairs, reports, strict=True)
        ]
        print(f"recorded {name}: {len(pairs)} pairs", file=sys.stderr)
    return rows


@dataclass(frozen=True, slots=True)
class TweetRow:
    """One CLEF tweet: whether its claim is in the knowledge base, and per claim the other
    detectors' flag and the best rated claim (its review URL, whether the claim would be
    contradicted by it, and the same-claim score)."""

    tweet: str
    known: frozenset[str]  # review URLs of its gold claims in the KB (empty: unknown tweet)
    claims: tuple[tuple[bool, str | None, bool, float], ...]

    def hit(self, t: float) -> bool:
        return any(url in self.known and bad and s >= t for _, url, bad, s in self.claims)

    def alarm(self, t: float) -> bool:
        return any(
            other or (url is not None and bad and s >= t) for other, url, bad, s in self.claims
        )


def tweet_claims(results: Sequence[Any]) -> tuple[tuple[bool, str | None, bool, float], ...]:
    rows = []
    for claim in results:
        checks = [f for f in claim.findings if str(f.kind) == FACT_CHECK and f.fact_check]
        others = [f for f in claim.findings if str(f.kind) != FACT_CHECK]
        other_flag = any(str(f.verdict) in ("contradicted", "outdated") for f in others)
        if checks:
            best = checks[0]
            bad = str(best.verdict) == "contradicted"
            rows.append((other_flag, best.fact_check.review.url, bad, best.confidence))
        else:
            rows.append((other_flag, None, False, 0.0))
    return tuple(rows)


async def record_tweets(
    folder: Path, split: str, refute: dict[str, float], model: Path | None
) -> list[TweetRow]:
    """The split's tweets checked with the same-claim threshold at 0 (the best rated claim is
    always taken, with its score) and the flag and support thresholds given."""
    from benchmarks.eval_known_claims import _checked, known_claims_kb
    from knowledge.checking.pair_reading import PairReader, PairThresholds

    # as shipped: a decision with no threshold falls back to the older model
    thresholds = PairThresholds(refute["refute"], refute["refute_unnamed"], refute["support"], 0.0)
    reader = PairReader("on", thresholds=thresholds, path=model)
    rows = []
    async with known_claims_kb(folder / "clef2020-task2-en", split, reader) as (kb, setup, _):
        for tweet in sorted(setup.data.tweets, key=int):  # type: ignore[attr-defined]
            results = await _checked(kb, setup.data.tweets[tweet])  # type: ignore[attr-defined]
            known = frozenset(setup.known.get(tweet, ()))  # type: ignore[attr-defined]
            rows.append(TweetRow(tweet, known, tweet_claims(results)))
    return rows


def choose_same_claim(rows: list[TweetRow], ceiling: float) -> float:
    """The lowest same-claim threshold whose false-alarm rate stays <= ceiling."""
    unknown = [r for r in rows if not r.known]
    candidates = sorted({s for r in rows for _, _, _, s in r.claims if s > 0})
    chosen = math.inf
    for threshold in reversed(candidates):
        if sum(r.alarm(threshold) for r in unknown) / max(1, len(unknown)) > ceiling:
            break
        chosen = threshold
    return chosen


def tweet_scores(rows: list[TweetRow], t: float) -> dict[str, float | int]:
    known = [r for r in rows if r.known]
    unknown = [r for r in rows if not r.known]
    return {
        "tweets_known": len(known),
        "tweets_unknown": len(unknown),
        "recall": round(sum(r.hit(t) for r in known) / max(1, len(known)), 3),
        "false_alarms": round(sum(r.alarm(t) for r in unknown) / max(1, len(unknown)), 3),
    }


def tweets_out_of_fold(rows: list[TweetRow], folds: int, ceiling: float) -> dict[str, Any]:
    hits = alarms = 0
    chosen = []
    for k in range(folds):
        train = [r for r in rows if fold_of(r.tweet, folds) != k]
        t = choose_same_claim(train, ceiling)
        chosen.append(_shown(t))
        held = [r for r in rows if fold_of(r.tweet, folds) == k]
        hits += sum(r.hit(t) for r in held if r.known)
        alarms += sum(r.alarm(t) for r in held if not r.known)
    known = sum(bool(r.known) for r in rows)
    return {
        "per_fold_thresholds": chosen,
        "out_of_fold": {
            "tweets_known": known,
            "tweets_unknown": len(rows) - known,
            "recall": round(hits / max(1, known), 3),
            "false_alarms": round(alarms / max(1, len(rows) - known), 3),
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--precision", type=float, default=0.92, help="floor on training folds")
    parser.add_argument("--false-alarms", type=float, default=0.04, help="ceiling, same-claim")
    parser.add_argument("--limit", type=int, default=None, help="at most N pairs per dataset")
    parser.add_argument(
        "--model", type=Path, default=None, help="a model folder (default: packaged)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS_DIR / "pair_thresholds.json")
    parser.add_argument("--no-write", action="store_true", help="do not write the data file")
    parser.add_argument(
        "--pairs-json",
        type=Path,
        default=None,
        help="also write eval_pairs.py's results file for the chosen thresholds, computed from "
        "the recorded readings (the check's own decision rule, so the same numbers as a run)",
    )
    args = parser.parse_args(argv)
    folder = eval_dir()
    import spacy  # noqa: F401  (spaCy sets its own warning filters on import; ours go after)

    warnings.filterwarnings("ignore", message=r".*W036")
    from knowledge.pair_model import PairModel

    info = PairModel.load(args.model).info
    rows = asyncio.run(record_pairs(folder, args.limit, args.model))
    if not rows:
        return 0
    pairs = pairs_out_of_fold(rows, args.folds, args.precision)
    chosen = choose_pairs(rows, args.precision)
    in_sample = {
        name: scores((r.label, r.prediction(chosen)) for r in rows if r.dataset == name)
        for name in sorted({r.dataset for r in rows})
    }
    print(json.dumps({"pairs": pairs, "chosen": chosen, "in_sample": in_sample}, indent=1))
    if args.pairs_json and any(not math.isinf(v) for v in chosen.values()):
        from benchmarks.eval_pairs import REFERENCE, TARGETS

        document = {
            "reference_date": REFERENCE.isoformat(),
            "limit": args.limit,
            "targets": TARGETS,
            "results": in_sample,
            "how": "from the readings recorded by benchmarks/choose_pair_thresholds.py with "
            "the thresholds it ships",
        }
        args.pairs_json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    tweets = asyncio.run(record_tweets(folder, "dev", chosen, args.model))
    same = tweets_out_of_fold(tweets, args.folds, args.false_alarms)
    chosen["same_claim"] = choose_same_claim(tweets, args.false_alarms)
    same["in_sample"] = tweet_scores(tweets, chosen["same_claim"])
    print(json.dumps({"same_claim": same, "chosen": chosen["same_claim"]}, indent=1))
    how = {
        "script": "benchmarks/choose_pair_thresholds.py",
        "folds": args.folds,
        "precision_floor_on_training_folds": args.precision,
        "false_alarm_ceiling_on_training_folds": args.false_alarms,
        "pairs": "VitaminC real dev + FEVER-Symmetric dev, pooled, folds by revision",
        "same_claim": "CLEF 2020 Task 2 dev tweets (eval_known_claims setup), folds by tweet",
    }
    result = {
        "model": info,
        "how": how,
        "thresholds": {k: _shown(v) for k, v in chosen.items()},
        "pairs": pairs,
        "pairs_in_sample": in_sample,
        "same_claim": same,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.no_write:
        data = {
            "about": "Thresholds on the pair model's scores (knowledge/checking/pair_reading.py), "
            "chosen on all folds by benchmarks/choose_pair_thresholds.py; out-of-fold numbers "
            "in benchmarks/results/pair_thresholds.json.",
            "model_sha256": str(info.get("sha256", "")),
            "how": how,
            "thresholds": result["thresholds"],
            "out_of_fold": {"pairs": pairs["out_of_fold"], "same_claim": same["out_of_fold"]},
        }
        THRESHOLDS_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote {THRESHOLDS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
