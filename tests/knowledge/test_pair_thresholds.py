"""The shipped pair-model thresholds: well formed, and chosen for the model file shipped."""

from __future__ import annotations

import math

import pytest

from knowledge.checking.pair_reading import PairThresholds, shipped_thresholds
from knowledge.errors import InvalidSeed
from knowledge.pair_model import PairModel


def test_the_shipped_thresholds_were_chosen_for_the_shipped_model() -> None:
    # A new model file needs thresholds chosen for it (benchmarks/choose_pair_thresholds.py);
    # until then checks would silently keep to the alignment model. (Empty: none chosen yet.)
    chosen_for = shipped_thresholds().model_sha256
    assert chosen_for in ("", PairModel.load().info["sha256"])


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
