"""How closely a checked claim and a rated claim line up: the same-claim model's inputs."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.matching import Match
from knowledge.model import Review
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import WRITTEN_FIGURE

# What the two texts share, not how the knowledge base ranks them: retrieval scores depend on
# what else is stored, and a model trained on one knowledge base must hold on another.
FEATURES = ("coverage", "precision", "token_set", "partial", "missing", "numbers_missing")


@dataclass(frozen=True, slots=True)
class RatedMatch:
    """A candidate rated claim for a checked claim: the alignment and the checker's review."""

    match: Match
    review: Review


def split_rated(
    matches: list[Match], reviews: dict[int, Review]
) -> tuple[list[Match], list[RatedMatch]]:
    """Ordinary matches (verified statements) apart from rated claims, which are never
    evidence for the ordinary detectors."""
    ordinary = [m for m in matches if m.statement.id not in reviews]
    rated = [RatedMatch(m, reviews[m.statement.id]) for m in matches if m.statement.id in reviews]
    return ordinary, rated


def pair_features(claim: Claim, rated: RatedMatch) -> list[float]:
    """The FEATURES of one (claim, rated claim) pair."""
    match = rated.match
    mine, theirs = claim.text.lower(), match.statement.text.lower()
    numbers = set(WRITTEN_FIGURE.findall(theirs)) - set(WRITTEN_FIGURE.findall(mine))
    return [
        match.coverage,
        match.precision,
        fuzz.token_set_ratio(mine, theirs) / 100,
        fuzz.partial_ratio(mine, theirs) / 100 if min(len(mine), len(theirs)) else 0.0,
        float(len(match.statement_concepts - match.shared)),
        float(len(numbers)),
    ]
