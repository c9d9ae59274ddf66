"""Fact-checked claims: recognising a claim that fact-checkers already rated, and answering with
the rating and the link."""

from __future__ import annotations

from knowledge.factchecks.pairs import FEATURES, RatedMatch, pair_features, split_rated
from knowledge.factchecks.ratings import RatingTable, default_ratings, load_ratings
from knowledge.factchecks.same_claim_model import SameClaimModel, load_model
from knowledge.factchecks.verdicts import (
    SameClaimScores,
    best_fact_check,
    comparable,
    judge_fact_checks,
)

__all__ = [
    "FEATURES",
    "RatedMatch",
    "RatingTable",
    "SameClaimModel",
    "SameClaimScores",
    "best_fact_check",
    "comparable",
    "default_ratings",
    "judge_fact_checks",
    "load_model",
    "load_ratings",
    "pair_features",
    "split_rated",
]
