"""The same-claim model: a calibrated logistic regression over pair features, stored as data."""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from knowledge.errors import InvalidSeed
from knowledge.factchecks.pairs import FEATURES

MODEL_FILE = "same_claim.yaml"


@dataclass(frozen=True, slots=True)
class SameClaimModel:
    """P(same claim) = logistic(bias + sum(weight * (feature - mean) / scale)); a pair is
    taken as the same claim from `threshold` on (chosen on training data, precision first)."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float

    def probability(self, features: list[float]) -> float:
        return standardised_logistic(self.weights, self.bias, self.mean, self.scale, features)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
            "threshold": self.threshold,
        }


def standardised_logistic(
    weights: tuple[float, ...],
    bias: float,
    mean: tuple[float, ...],
    scale: tuple[float, ...],
    features: list[float],
) -> float:
    """logistic(bias + sum(weight * (feature - mean) / scale)), kept off overflow."""
    z = bias + sum(
        w * (x - m) / s for w, x, m, s in zip(weights, features, mean, scale, strict=True)
    )
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(data: dict[str, Any] | None = None) -> SameClaimModel:
    """The model shipped in knowledge/data/same_claim.yaml (or given as a mapping)."""
    if data is None:
        text = resources.files("knowledge.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    if not isinstance(data, dict) or tuple(data.get("features") or ()) != FEATURES:
        raise InvalidSeed(
            MODEL_FILE,
            f"expected weights for the features {', '.join(FEATURES)}; "
            "retrain with benchmarks/train_same_claim.py",
        )
    return SameClaimModel(
        tuple(float(w) for w in data["weights"]),
        float(data["bias"]),
        tuple(float(m) for m in data["mean"]),
        tuple(float(s) or 1.0 for s in data["scale"]),
        float(data["threshold"]),
    )
