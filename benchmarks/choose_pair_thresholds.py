"""Choose the pair model's thresholds on held-out folds and report the out-of-fold numbers.

The checks run once with thresholds nothing clears (`PairThresholds.never()`): each claim's
result then holds what the pair model read (`ClaimResult.model`) beside the verdict the
alignment model and the detectors gave alone, and the verdict at any thresholds follows
exactly, as the check decides it (the model adds to those decisions, it never undoes one):

- contradicted when the alignment model or a detector flags it, or its refutation score
  clears `refute` (the alignment names a differing detail) or `refute_unnamed` (it names none);
- else supported when the alignment model supports it or its support score clears `support`;
- a rated claim becomes the fact-check when its same-claim score clears `same_claim` (the
  model's best rated claim), else when the feature model takes one.

Claim/evidence pairs (VitaminC real dev and FEVER-Symmetric dev, pooled) are split into
`--folds` folds by revision; on each, thresholds are chosen on the other folds (the lowest
from which the pairs the model adds, those it turns flagged or supported, keep precision at
or above `--flag-precision` (flags: first where the alignment names a differing detail, then
where it names none) or `--precision` (support) on those folds, in each dataset on its own)
and the held-out fold is judged with them. The
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
from knowledge.checking.align import DetailKind

THRESHOLDS_FILE = REPO_ROOT / "knowledge" / "data" / "pair_thresholds.json"
# Kinds of differing detail with a refutation threshold of their own.
KINDS = tuple(kind.value for kind in DetailKind)
_SPEAKS = 10  # additions from which a dataset's precision counts in choosing a threshold
FACT_CHECK = "fact_check"


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One checked claim as recorded: the verdict without the model (flagged, supported) and
    the model's scores."""

    flagged: bool
    supported: bool
    refutes: float | None
    refutes_unnamed: float | None
    supports: float | None
    confirms: float | None = None  # the alignment model's support rests on a reworded claim
    # the best refutation score against candidates differing in details of one kind, by kind
    refutes_by_kind: tuple[tuple[str, float], ...] = ()

    def flagged_at(self, t: dict[str, float]) -> bool:
        return (
            self.flagged
            or (self.refutes is not None and self.refutes >= t["refute"])
            or (self.refutes_unnamed is not None and self.refutes_unnamed >= t["refute_unnamed"])
            or any(v >= t.get(f"refute_{kind}", math.inf) for kind, v in self.refutes_by_kind)
        )

    def supported_at(self, t: dict[str, float]) -> bool:
        confirmed = self.confirms is None or self.confirms >= t.get("confirm", 0.0)
        return (self.supported and confirmed) or (
            self.supports is not None and self.supports >= t["support"]
        )


@dataclass(frozen=True, slots=True)
class PairRow:
    """One claim/evidence pair: its gold label, fold group and its claims' rows (the pair is
    flagged when any claim is, supported when every claim is)."""

    dataset: str
    group: str
    label: str
    claims: tuple[ClaimRow, ...]

    @classmethod
    def of(cls, dataset: str, group: str, label: str, claims: tuple[ClaimRow, ...]) -> PairRow:
        return cls(dataset, group, label, claims)

    def prediction(self, t: dict[str, float]) -> str:
        if any(c.flagged_at(t) for c in self.claims):
            return "flagged"
        if self.claims and all(c.supported_at(t) for c in self.claims):
            return "supported"
        return "unverified"


def claim_rows(report: Any) -> tuple[ClaimRow, ...]:
    if report is None:
        return ()
    rows = []
    for claim in report.claims:
        reading = claim.model
        rows.append(
            ClaimRow(
                claim.flagged,
                str(claim.verdict) == "supported",
                reading.refutes if reading else None,
                reading.refutes_unnamed if reading else None,
                reading.supports if reading else None,
                reading.confirms if reading else None,
                tuple(sorted(reading.refutes_by_kind.items())) if reading else (),
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


def choose_pairs(
    rows: list[PairRow], floor: float, flag_floor: float | None = None
) -> dict[str, float]:
    """Thresholds for flags (named, then unnamed) and support, chosen on `rows`: each the
    lowest from which what the model adds (the pairs it turns flagged, or supported, that
    were not before) keeps precision >= floor in every dataset (`flag_floor` for flags, a
    public accusation, when given). The decisions without the model stand as they are and
    keep their own precision, so the floor is on the model's additions. One of them is held
    to the model's reading: the alignment model's support for a claim with words its candidate
    lacks stands from the `confirm` threshold on the model's support score, the lowest that
    keeps the precision of the supports it keeps >= floor in every dataset."""
    t = {"refute": math.inf, "refute_unnamed": math.inf, "support": math.inf, "confirm": 0.0}
    t |= {f"refute_{kind}": math.inf for kind in KINDS}

    def added_precision(key: str, outcome: str, gold: str) -> Callable[[float], tuple[float, int]]:
        before = [r.prediction(t) for r in rows]

        def at(threshold: float) -> tuple[float, int]:
            trial = {**t, key: threshold}
            got: dict[str, list[bool]] = {}
            for r, was in zip(rows, before, strict=True):
                if was != outcome and r.prediction(trial) == outcome:
                    got.setdefault(r.dataset, []).append(r.label == gold)
            return _weakest(got)

        return at

    def kept_precision(threshold: float) -> tuple[float, int]:
        trial = {**t, "confirm": threshold}
        got: dict[str, list[bool]] = {}
        for r in rows:
            resting = any(c.confirms is not None for c in r.claims)
            if resting and r.prediction(trial) == "supported":
                got.setdefault(r.dataset, []).append(r.label == "SUPPORTS")
        return _weakest(got)

    flags = floor if flag_floor is None else flag_floor
    for key, field, outcome, gold, wanted in (
        ("refute", "refutes", "flagged", "REFUTES", flags),
        *((f"refute_{kind}", kind, "flagged", "REFUTES", flags) for kind in KINDS),
        ("refute_unnamed", "refutes_unnamed", "flagged", "REFUTES", flags),
        ("confirm", "confirms", "", "", floor),
        ("support", "supports", "supported", "SUPPORTS", floor),
    ):
        values = [_score(c, field) for r in rows for c in r.claims]
        precise = kept_precision if key == "confirm" else added_precision(key, outcome, gold)
        t[key] = lowest_precise(_grid(values), precise, wanted)
    return t


def _score(claim: ClaimRow, field: str) -> float | None:
    """A claim's score by name: a field of the row, or a kind's refutation score."""
    if field in KINDS:
        return dict(claim.refutes_by_kind).get(field)
    value: float | None = getattr(claim, field)
    return value


def _weakest(got: dict[str, list[bool]]) -> tuple[float, int]:
    """The lowest precision among the datasets (each its own: pooled, the larger set would
    hide a smaller one's errors and vice versa; one with a handful of items is too noisy to
    speak), and how many items in all."""
    shares = [sum(v) / len(v) for v in got.values() if len(v) >= _SPEAKS]
    return min(shares, default=1.0), sum(map(len, got.values()))


def _grid(values: Sequence[float | None]) -> list[float]:
    """Candidate thresholds: the scores seen, thinned to at most 400 quantiles."""
    seen = sorted(v for v in values if v is not None)
    if len(seen) <= 400:
        return seen
    return [seen[int(i * (len(seen) - 1) / 399)] for i in range(400)]


def pairs_out_of_fold(
    rows: list[PairRow], folds: int, floor: float, flag_floor: float | None = None
) -> dict[str, Any]:
    """Each fold judged with thresholds chosen on the others; scores per dataset."""
    predictions: dict[int, str] = {}
    per_fold = []
    for k in range(folds):
        train = [r for r in rows if fold_of(r.dataset + r.group, folds) != k]
        t = choose_pairs(train, floor, flag_floor)
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
class TweetClaim:
    """One claim of a tweet: whether the other detectors flag it, the fact-check the feature
    model takes without the pair model (`lexical`) and the pair model's best rated claim
    (`model`), each as (review URL, whether the claim is contradicted by it), and the pair
    model's same-claim score for its best."""

    other: bool
    lexical: tuple[str, bool] | None
    model: tuple[str, bool] | None
    score: float

    def pick(self, t: float) -> tuple[str, bool] | None:
        """The fact-check the check takes at threshold t: where the model read the claim's
        rated claims it decides (its best at or above t; below, the feature model's pick only
        where the claim denies it, which the rated-False CLEF claims never contradict), and
        elsewhere and at an infinite t (no threshold shipped) the feature model does."""
        if self.model is None or math.isinf(t):
            return self.lexical
        if self.score >= t:
            return self.model
        return self.lexical if self.lexical is not None and not self.lexical[1] else None


@dataclass(frozen=True, slots=True)
class TweetRow:
    """One CLEF tweet: whether its claim is in the knowledge base (the review URLs of its
    gold claims; empty for an unknown tweet), and its claims."""

    tweet: str
    known: frozenset[str]
    claims: tuple[TweetClaim, ...]

    def hit(self, t: float) -> bool:
        return any(
            (p := c.pick(t)) is not None and p[0] in self.known and p[1] for c in self.claims
        )

    def alarm(self, t: float) -> bool:
        return any(c.other or ((p := c.pick(t)) is not None and p[1]) for c in self.claims)


def fact_check_of(claim: Any) -> tuple[tuple[str, bool] | None, bool]:
    """The claim's fact-check (review URL, contradicted), and whether other findings flag it."""
    checks = [f for f in claim.findings if str(f.kind) == FACT_CHECK and f.fact_check]
    others = [f for f in claim.findings if str(f.kind) != FACT_CHECK]
    other_flag = any(str(f.verdict) in ("contradicted", "outdated") for f in others)
    if not checks:
        return None, other_flag
    return (checks[0].fact_check.review.url, str(checks[0].verdict) == "contradicted"), other_flag


def tweet_claims(lexical: Sequence[Any], read: Sequence[Any]) -> tuple[TweetClaim, ...]:
    """A tweet's claims from two runs: the pair model's same-claim decision off (`lexical`),
    and taking the model's best rated claim whatever its score (`read`). A sentence that is
    not check-worthy is a claim of the second run only, where the model reads it as a rated
    claim (`knowledge.checking.stages.Read.aside`)."""
    alone_at = {(c.start, c.end): c for c in lexical}
    rows = []
    for with_model in read:
        alone = alone_at.get((with_model.start, with_model.end))
        lexical_pick, other = fact_check_of(alone) if alone is not None else (None, False)
        score = with_model.model.same_claim if with_model.model is not None else None
        model_pick = fact_check_of(with_model)[0] if score is not None else None
        rows.append(TweetClaim(other, lexical_pick, model_pick, score or 0.0))
    return tuple(rows)


async def record_tweets(
    folder: Path,
    split: str,
    refute: dict[str, float],
    model: Path | None,
    same_model: Path | None = None,
) -> list[TweetRow]:
    """The split's tweets checked twice with the flag and support thresholds given: with the
    same-claim threshold out of reach (the feature model decides), and at 0 (the model's best
    rated claim is always taken, with its score)."""
    from benchmarks.eval_known_claims import _checked, known_claims_kb
    from knowledge.checking.pair_reading import PairReader, PairThresholds

    runs = []
    for same in (math.inf, 0.0):
        thresholds = PairThresholds(
            refute["refute"],
            refute["refute_unnamed"],
            refute["support"],
            same,
            by_kind={k: refute[f"refute_{k}"] for k in KINDS if f"refute_{k}" in refute},
        )
        reader = PairReader("on", thresholds=thresholds, path=model, same_path=same_model)
        found: dict[str, tuple[frozenset[str], Any]] = {}
        async with known_claims_kb(folder / "clef2020-task2-en", split, reader) as (kb, setup, _):
            for tweet in sorted(setup.data.tweets, key=int):  # type: ignore[attr-defined]
                text = setup.data.tweets[tweet]  # type: ignore[attr-defined]
                known = frozenset(setup.known.get(tweet, ()))  # type: ignore[attr-defined]
                found[tweet] = (known, await _checked(kb, text))
        runs.append(found)
    lexical, read = runs
    return [
        TweetRow(tweet, known, tweet_claims(results, read[tweet][1]))
        for tweet, (known, results) in lexical.items()
    ]


def choose_same_claim(rows: list[TweetRow], ceiling: float) -> float:
    """The same-claim threshold that finds most known tweets' fact-checks while false alarms
    on unknown tweets stay <= ceiling (ties: fewer false alarms, then the higher threshold);
    infinite (the feature model decides alone) when it measures at least as well."""
    known = [r for r in rows if r.known]
    unknown = [r for r in rows if not r.known]
    candidates = [math.inf] + sorted(
        {c.score for r in rows for c in r.claims if c.model is not None}, reverse=True
    )
    best: tuple[int, int, float] | None = None  # (hits, -alarms, threshold)
    for threshold in candidates:
        alarms = sum(r.alarm(threshold) for r in unknown)
        if alarms > ceiling * len(unknown):
            continue
        measured = (sum(r.hit(threshold) for r in known), -alarms, threshold)
        if best is None or measured[:2] > best[:2]:
            best = measured
    return math.inf if best is None else best[2]


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
    parser.add_argument(
        "--precision", type=float, default=0.92, help="floor on training folds, support"
    )
    parser.add_argument(
        "--flag-precision", type=float, default=0.94, help="floor on training folds, flags"
    )
    parser.add_argument("--false-alarms", type=float, default=0.045, help="ceiling, same-claim")
    parser.add_argument("--limit", type=int, default=None, help="at most N pairs per dataset")
    parser.add_argument(
        "--model", type=Path, default=None, help="a model folder (default: packaged)"
    )
    parser.add_argument(
        "--same-model",
        type=Path,
        default=None,
        help="a same-claim model folder (default: packaged)",
    )
    parser.add_argument(
        "--same-claim-only",
        action="store_true",
        help="keep the shipped pair thresholds and choose the same-claim threshold alone "
        "(after a change to how rated claims are read: the pairs' readings do not depend on it)",
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
    from knowledge.pair_model import PairModel, packaged_same_claim_path

    info = PairModel.load(args.model).info
    same_info = PairModel.load(args.same_model or packaged_same_claim_path()).info
    if args.same_claim_only:
        return same_claim_only(folder, args, str(info.get("sha256", "")), same_info)
    rows = asyncio.run(record_pairs(folder, args.limit, args.model))
    if not rows:
        return 0
    pairs = pairs_out_of_fold(rows, args.folds, args.precision, args.flag_precision)
    chosen = choose_pairs(rows, args.precision, args.flag_precision)
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
    same, chosen["same_claim"] = same_claim_choice(folder, args, chosen)
    how = {
        "script": "benchmarks/choose_pair_thresholds.py",
        "folds": args.folds,
        "precision_floor_on_training_folds": args.precision,
        "flag_precision_floor_on_training_folds": args.flag_precision,
        "false_alarm_ceiling_on_training_folds": args.false_alarms,
        "pairs": "VitaminC real dev + FEVER-Symmetric dev, pooled, folds by revision",
        "same_claim": "CLEF 2020 Task 2 dev tweets (eval_known_claims setup), folds by tweet",
    }
    result = {
        "model": info,
        "same_claim_model": same_info,
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
            "same_claim_model_sha256": str(same_info.get("sha256", "")),
            "how": how,
            "thresholds": result["thresholds"],
            "out_of_fold": {"pairs": pairs["out_of_fold"], "same_claim": same["out_of_fold"]},
        }
        THRESHOLDS_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote {THRESHOLDS_FILE}")
    return 0


def same_claim_choice(
    folder: Path, args: argparse.Namespace, chosen: dict[str, float]
) -> tuple[dict[str, Any], float]:
    """The dev tweets checked at the `chosen` pair thresholds: the same-claim threshold's
    out-of-fold scores, and the threshold chosen on all of them (with its in-sample scores)."""
    tweets = asyncio.run(record_tweets(folder, "dev", chosen, args.model, args.same_model))
    same = tweets_out_of_fold(tweets, args.folds, args.false_alarms)
    threshold = choose_same_claim(tweets, args.false_alarms)
    same["in_sample"] = tweet_scores(tweets, threshold)
    print(json.dumps({"same_claim": same, "chosen": threshold}, indent=1))
    return same, threshold


def same_claim_only(
    folder: Path, args: argparse.Namespace, model_sha256: str, same_info: dict[str, object]
) -> int:
    """Choose the same-claim threshold with the shipped pair thresholds kept; rewrite only its
    parts of the data file and of the results file (and the same-claim model's sha256). The
    shipped thresholds must have been chosen for the pair model read (its sha256); `same_info`
    is the same-claim model's `PairModel.info`."""
    data = json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    if data.get("model_sha256") != model_sha256:
        raise SystemExit(
            f"{THRESHOLDS_FILE} was chosen for another pair model file; "
            "run without --same-claim-only to choose every threshold for this one"
        )
    chosen = {k: math.inf if v is None else float(v) for k, v in data["thresholds"].items()}
    same, threshold = same_claim_choice(folder, args, chosen)
    if args.output.is_file():
        result = json.loads(args.output.read_text(encoding="utf-8"))
        result["same_claim_model"] = same_info
        result["thresholds"]["same_claim"] = _shown(threshold)
        result["same_claim"] = same
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.no_write:
        data["same_claim_model_sha256"] = str(same_info.get("sha256", ""))
        data["thresholds"]["same_claim"] = _shown(threshold)
        data["out_of_fold"]["same_claim"] = same["out_of_fold"]
        THRESHOLDS_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"Wrote {THRESHOLDS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
