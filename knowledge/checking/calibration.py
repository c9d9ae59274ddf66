"""The calibrated verdict model: probabilities from an alignment, and the thresholds that
turn them into findings.

Two logistic regressions read an `Alignment`'s feature vector: one gives the probability that
a claim differing from a statement in some detail is refuted by it, the other that a claim
differing in none is supported by it. Their weights and thresholds live in
`knowledge/data/verdict_model.json`, written by `scripts/train_verdict_model.py` from the
public claim/evidence pairs, with thresholds chosen there for precision on held-out folds.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from knowledge.checking.align import FEATURE_NAMES, Alignment
from knowledge.errors import InvalidSeed


@dataclass(frozen=True, slots=True)
class Logistic:
    """A logistic regression: bias and one weight per feature."""

    bias: float
    weights: tuple[float, ...]

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, slots=True)
class VerdictModel:
    """Probabilities of refutation and support, and the thresholds for acting on them."""

    refute: Logistic
    support: Logistic
    refute_threshold: float
    support_threshold: float
    detector_confidence: dict[str, float]  # finding kind -> confidence of that detector
    flag_floor: float = 0.5  # detector findings less confident than this are dropped

    def refuted(self, alignment: Alignment) -> float:
        """Probability that the statement refutes the claim (0 when no detail differs, or when
        the claim names someone or something the statement does not: then it is about
        another subject, whatever else differs)."""
        if not alignment.differences or alignment.uncovered_names:
            return 0.0
        return self.refute.probability(alignment.vector())

    def supported(self, alignment: Alignment) -> float:
        """Probability that the statement supports the claim (0 unless every detail of the
        claim is given, and given the same way, by the statement)."""
        if alignment.differences or alignment.uncovered or alignment.embedded:
            return 0.0
        if alignment.settles_support:
            return 1.0
        return self.support.probability(alignment.vector())

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> VerdictModel:
        listed = data.get("features", ())
        names = tuple(listed) if isinstance(listed, list | tuple) else ()
        if names != FEATURE_NAMES:
            raise InvalidSeed(
                "verdict_model.json",
                "its features are not the aligner's; re-run the training script",
            )
        return cls(
            _logistic(data["refute"]),
            _logistic(data["support"]),
            float(data["refute_threshold"]),  # type: ignore[arg-type]
            float(data["support_threshold"]),  # type: ignore[arg-type]
            {str(k): float(v) for k, v in dict(data.get("detector_confidence") or {}).items()},  # type: ignore[call-overload]
            float(data.get("flag_floor", 0.5)),  # type: ignore[arg-type]
        )


def _logistic(data: object) -> Logistic:
    assert isinstance(data, dict)
    return Logistic(float(data["bias"]), tuple(float(w) for w in data["weights"]))


@cache
def verdict_model() -> VerdictModel:
    """The shipped model (read once)."""
    text = resources.files("knowledge.data").joinpath("verdict_model.json").read_text("utf-8")
    return VerdictModel.from_dict(json.loads(text))
