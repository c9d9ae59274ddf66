"""A learned pair model: contradiction / support / not enough info, and "same claim"."""

from knowledge.errors import PairModelUnavailable
from knowledge.pair_model.runtime import (
    PairModel,
    PairScores,
    packaged_path,
    packaged_same_claim_path,
)

__all__ = [
    "PairModel",
    "PairModelUnavailable",
    "PairScores",
    "packaged_path",
    "packaged_same_claim_path",
]
