"""Fact-checked claims: recognising a claim that fact-checkers already rated, and answering with
the rating and the link."""

from __future__ import annotations

from knowledge.factchecks.judge import (
    SameClaimScores,
    best_fact_check,
    comparable,
    denies,
    judge_fact_checks,
)
from knowledge.factchecks.model import SameClaimModel, load_model
from knowledge.factchecks.pairs import FEATURES, RatedMatch, pair_features, split_rated
from knowledge.factchecks.ratings import RatingTable, default_ratings, load_ratings

__all__ = [
    "FEATURES",
    "RatedMatch",
    "RatingTable",
    "SameClaimModel",
    "SameClaimScores",
    "best_fact_check",
    "comparable",
    "default_ratings",
    "denies",
    "judge_fact_checks",
    "load_model",
    "load_ratings",
    "pair_features",
    "split_rated",
]
