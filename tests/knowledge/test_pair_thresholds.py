"""The shipped pair-model thresholds: well formed, and chosen for the model file shipped."""

from __future__ import annotations

import math
from typing import Any

import pytest

from knowledge.checking.pair_reading import PairThresholds, shipped_thresholds
from knowledge.errors import InvalidSeed
from knowledge.pair_model import PairModel, packaged_same_claim_path


def test_the_shipped_thresholds_were_chosen_for_the_shipped_model() -> None:
    # A new model file needs thresholds chosen for it (benchmarks/choose_pair_thresholds.py);
    # until then checks would silently keep to the alignment model. (Empty: none chosen yet.)
    chosen_for = shipped_thresholds().model_sha256
    assert chosen_for in ("", PairModel.load().info["sha256"])


def test_the_shipped_thresholds_were_chosen_for_the_shipped_same_claim_model() -> None:
    # likewise for the model that reads rated claims: another file needs its threshold chosen
    chosen_for = shipped_thresholds().same_claim_model_sha256
    assert chosen_for == PairModel.load(packaged_same_claim_path()).info["sha256"]


def test_a_threshold_never_cleared_is_stored_as_null() -> None:
    data = {
        "model_sha256": "abc",
        "thresholds": {"refute": 0.9, "refute_unnamed": None, "support": 0.8, "same_claim": 0.7},
    }
    chosen = PairThresholds.from_dict(data)
    assert math.isinf(chosen.refute_unnamed)
    assert chosen.to_dict()["refute_unnamed"] is None
    assert chosen.to_dict()["refute"] == 0.9


def test_a_malformed_file_says_how_to_mend_it() -> None:
    with pytest.raises(InvalidSeed, match="choose_pair_thresholds"):
        PairThresholds.from_dict({"thresholds": {"refute": 0.9}})


def _pair(dataset: str, label: str, *, supported: bool = False, supports: float = 0.0) -> Any:
    from benchmarks.choose_pair_thresholds import ClaimRow, PairRow

    claim = ClaimRow(False, supported, None, None, supports)
    return PairRow.of(dataset, f"{dataset}{label}{supports}{supported}{id(claim)}", label, (claim,))


def test_the_floor_is_on_what_the_model_adds_to_the_decisions_already_made() -> None:
    # Without the model, support is right 9 times in 10 (below a 0.92 floor); the model adds
    # 30 supports it is right on above 0.95 and is often wrong below. Its threshold is chosen
    # from what it adds: the decisions already made keep their own precision.
    from benchmarks.choose_pair_thresholds import choose_pairs

    rows = [_pair("a", "SUPPORTS", supported=True) for _ in range(27)]
    rows += [_pair("a", "REFUTES", supported=True) for _ in range(3)]
    rows += [_pair("a", "SUPPORTS", supports=0.96 + i / 1000) for i in range(30)]
    rows += [_pair("a", "REFUTES", supports=0.90 + i / 1000) for i in range(30)]
    chosen = choose_pairs(rows, 0.92)
    assert 0.925 < chosen["support"] <= 0.96  # above almost all of its wrong additions


def test_each_dataset_must_keep_the_floor_on_its_own() -> None:
    # The model's additions are right in "a"; in "b" they are wrong half the time up to
    # 0.969. Pooled, "a" would hide "b": the threshold stays where "b" no longer speaks.
    from benchmarks.choose_pair_thresholds import choose_pairs

    rows = [_pair("a", "SUPPORTS", supports=0.95 + i / 1000) for i in range(40)]
    rows += [_pair("b", "SUPPORTS", supports=0.95 + i / 1000) for i in range(20)]
    rows += [_pair("b", "REFUTES", supports=0.95 + i / 1000) for i in range(20)]
    assert choose_pairs(rows, 0.92)["support"] > 0.965
    assert choose_pairs([r for r in rows if r.dataset == "a"], 0.92)["support"] == 0.95


def _tweet(name: str, known: bool, pick: str, lexical: str | None, score: float) -> Any:
    from benchmarks.choose_pair_thresholds import TweetClaim, TweetRow

    url = f"https://check.example/{name}"
    lexical_pick = None if lexical is None else (f"https://check.example/{lexical}", True)
    claim = TweetClaim(False, lexical_pick, (f"https://check.example/{pick}", True), score)
    return TweetRow(name, frozenset({url}) if known else frozenset(), (claim,))


def test_the_same_claim_threshold_is_taken_only_where_the_model_measures_better() -> None:
    # The feature model finds 2 of 10 known tweets and alarms on 1 of 10 unknown ones; the
    # pair model, deciding alone, finds 6 with no alarm above 0.9 and alarms below it.
    from benchmarks.choose_pair_thresholds import choose_same_claim

    rows = [_tweet(f"k{i}", True, f"k{i}", f"k{i}" if i < 2 else None, 0.95) for i in range(6)]
    rows += [_tweet(f"k{i}", True, "other", None, 0.5) for i in range(6, 10)]
    rows += [_tweet(f"u{i}", False, "other", "other" if i == 0 else None, 0.8) for i in range(10)]
    assert choose_same_claim(rows, 0.05) == 0.95
    # a model that finds no more than the feature model is not taken
    weak = [_tweet(f"k{i}", True, f"k{i}", f"k{i}", 0.95) for i in range(2)]
    weak += [_tweet(f"k{i}", True, "other", f"k{i}" if i < 4 else None, 0.5) for i in range(2, 10)]
    weak += [_tweet(f"u{i}", False, "other", None, 0.8) for i in range(10)]
    assert math.isinf(choose_same_claim(weak, 0.05))


def test_a_kind_read_more_surely_gets_a_threshold_of_its_own() -> None:
    # Flags naming a figure are right from 0.5 on; flags naming a date are wrong half the
    # time at any score. The kind's own threshold lets the figures through, and the date
    # flags stay unflagged, as does the threshold for any named detail.
    from benchmarks.choose_pair_thresholds import ClaimRow, PairRow, choose_pairs

    def flag_row(label: str, kind: str, score: float, n: int) -> Any:
        claim = ClaimRow(False, False, score, None, None, None, ((kind, score),))
        return PairRow.of("a", f"{label}{kind}{score}{n}", label, (claim,))

    rows = [flag_row("REFUTES", "number", 0.5 + i / 100, i) for i in range(40)]
    rows += [flag_row("SUPPORTS", "number", 0.2 + i / 100, i) for i in range(20)]
    rows += [
        flag_row(label, "date", 0.6 + i / 100, i)
        for i in range(30)
        for label in ("REFUTES", "SUPPORTS")
    ]
    chosen = choose_pairs(rows, 0.92, 0.94)
    assert 0.3 < chosen["refute_number"] <= 0.5  # above most of its wrong flags
    assert math.isinf(chosen["refute_date"]) and math.isinf(chosen["refute"])


def test_a_kinds_threshold_is_read_back_and_used_only_for_that_kind() -> None:
    data = {
        "model_sha256": "abc",
        "thresholds": {
            "refute": None,
            "refute_number": 0.5,
            "refute_unnamed": 0.99,
            "support": 0.9,
            "same_claim": 0.9,
        },
    }
    chosen = PairThresholds.from_dict(data)
    assert chosen.by_kind == {"number": 0.5}
    assert chosen.to_dict()["refute_number"] == 0.5
    assert PairThresholds.from_dict({**data, "thresholds": chosen.to_dict()}) == chosen


def test_the_unseen_pairs_are_the_ones_the_model_was_not_trained_on() -> None:
    # benchmarks/eval_pairs.py calls these pairs unseen: they must be exactly the revisions
    # the shipped model's training run held out, as many as its record counts.
    import json

    from benchmarks.common import eval_dir
    from benchmarks.eval_pairs import TRAINING_RECORD, UNSEEN, held_out_share, unseen_pairs

    share = held_out_share()
    assert share is not None
    counts = json.loads(TRAINING_RECORD.read_text(encoding="utf-8"))["counts"]
    found = [eval_dir() / name for name in UNSEEN.values() if (eval_dir() / name).is_file()]
    if not found:
        pytest.skip("the public evaluation data is not here (set FACTCHECK_EVAL_DIR)")
    for path in found:
        held = unseen_pairs(path, share)
        assert len(held) == counts[f"{path.stem} held out"]
