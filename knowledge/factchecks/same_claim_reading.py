"""The same-claim reading: the pair model's same-claim score for a (text, rated claim) pair,
weighed with how much of their wording the two share, as one calibrated probability.

The pair model alone reads a tweet that repeats a rated claim in its own words about as high
as one that only shares its topic; how much of the rated claim's wording the text gives sets
them apart (on held-out CLEF dev tweets, the fact-checks found at the same false alarms rise
by a sixth). A logistic regression, trained by scripts/train_same_claim_reading.py on the
pairs a check reads for CLEF 2020 train tweets, stored as data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from rapidfuzz import fuzz

from knowledge.errors import InvalidSeed
from knowledge.factchecks.same_claim_model import standardised_logistic

READING_FILE = "same_claim_reading.yaml"
FEATURES = ("pair_logit", "token_set", "partial")
_EDGE = 1e-4  # a probability is kept this far from 0 and 1 before its logit is taken


def reading_features(text: str, rated: str, same_claim: float) -> list[float]:
    """The FEATURES of one pair: the pair model's same-claim score as a logit, and how alike
    the two read as strings (word sets, and the best-matching stretch), each 0-1 and scaled
    by the text's length against the rated claim's where the text is shorter: a fragment of
    the rated claim ("Vaccines.", "5G towers.") matches it whole as a string, yet gives only
    that much of it."""
    p = min(1 - _EDGE, max(_EDGE, same_claim))
    mine, theirs = text.lower(), rated.lower()
    if not mine or not theirs:
        return [math.log(p / (1 - p)), 0.0, 0.0]
    given = min(1.0, len(mine) / len(theirs))
    return [
        math.log(p / (1 - p)),
        given * fuzz.token_set_ratio(mine, theirs) / 100,
        given * fuzz.partial_ratio(mine, theirs) / 100,
    ]


@dataclass(frozen=True, slots=True)
class SameClaimReading:
    """P(same claim) = logistic(bias + sum(weight * (feature - mean) / scale))."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, text: str, rated: str, same_claim: float) -> float:
        """The probability that `text` makes the claim `rated` states, given the pair model's
        same-claim score for the two."""
        features = reading_features(text, rated, same_claim)
        return standardised_logistic(self.weights, self.bias, self.mean, self.scale, features)

    @classmethod
    def model_alone(cls) -> SameClaimReading:
        """The reading that gives the pair model's score as it is (tests, and comparisons)."""
        return cls((1.0, 0.0, 0.0), 0.0, (0.0, 0.0, 0.0), (1.0, 1.0, 1.0))


def parse_reading(data: object) -> SameClaimReading:
    """A reading from its mapping (as knowledge/data/same_claim_reading.yaml stores it)."""
    if not isinstance(data, dict) or tuple(data.get("features") or ()) != FEATURES:
        raise InvalidSeed(
            READING_FILE,
            f"expected weights for the features {', '.join(FEATURES)}; "
            "retrain with scripts/train_same_claim_reading.py",
        )
    try:
        return SameClaimReading(
            tuple(float(w) for w in data["weights"]),
            float(data["bias"]),
            tuple(float(m) for m in data["mean"]),
            tuple(float(s) or 1.0 for s in data["scale"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidSeed(READING_FILE, f"unreadable weights ({error})") from error


@cache
def shipped_reading() -> SameClaimReading:
    """The reading shipped with the package (loaded once per process)."""
    text = resources.files("knowledge.data").joinpath(READING_FILE).read_text(encoding="utf-8")
    return parse_reading(yaml.safe_load(text))
