"""Answering a claim that repeats a rated claim with the fact-checkers' rating."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml

from knowledge.factchecks.pairs import FEATURES, RatedMatch, pair_features
from knowledge.factchecks.ratings import FALSE_CLASSES, RatingTable
from knowledge.factchecks.same_claim_model import SameClaimModel
from knowledge.model import ClaimResult, Evidence, FactCheck, Finding, FindingKind, Verdict
from knowledge.nlp.claims import Claim
from knowledge.resources import has_phrase

_CLAIM_CHARS = 160  # of the rated claim quoted in the finding's message


@cache
def debunking_cues() -> tuple[str, ...]:
    text = resources.files("knowledge.data").joinpath("debunking.yaml").read_text("utf-8")
    return tuple(yaml.safe_load(text)["cues"])


@dataclass(frozen=True, slots=True)
class SameClaimScores:
    """The pair model's same-claim scores for a claim's rated claims (by statement id) and
    the score from which a rated claim is taken as the same claim."""

    scores: Mapping[int, float]
    threshold: float
    # whether the claim gives all of a rated claim's words and details (asked only of the
    # feature model's pick below the threshold: it aligns the two)
    covers: Callable[[RatedMatch], bool] = lambda _: False


# Below the pair model's threshold, a rated claim the claim gives all of is kept only if the
# pair model does not read them as different claims either.
COVERED_SCORE = 0.5


def best_fact_check(
    claim: Claim,
    rated: list[RatedMatch],
    model: SameClaimModel,
    read: SameClaimScores | None = None,
) -> tuple[RatedMatch, float] | None:
    """The rated claim most likely the same as `claim`, with that probability, if above the
    threshold. Where the pair model read the claim with its rated claims (`read` holds their
    scores) it decides: its best one if it clears its threshold (on held-out tweets it finds
    three times the fact-checks the feature model finds, with fewer false alarms). Below it,
    the feature model's pick stands only for a claim that denies it, which no rating can flag
    (the pair model, trained on tweets that make claims, reads "the claim that X is a myth"
    as another claim than X), or that gives all its words and details (`read.covers`: "Residents
    were shocked when X"). Elsewhere, and when no same-claim threshold ships for the pair
    model, the feature model decides."""
    by_features = _feature_pick(claim, rated, model)
    if read is not None:
        scored = [
            (r, read.scores[r.match.statement.id])
            for r in rated
            if r.match.statement.id in read.scores
        ]
        if scored:
            picked = max(scored, key=lambda pair: pair[1])
            if picked[1] >= read.threshold:
                return picked
            if by_features is None:
                return None
            pick = by_features[0]
            kept = denies(claim, pick) or (
                read.scores.get(pick.match.statement.id, 0.0) >= COVERED_SCORE and read.covers(pick)
            )
            return by_features if kept else None
    return by_features


def _feature_pick(
    claim: Claim, rated: list[RatedMatch], model: SameClaimModel
) -> tuple[RatedMatch, float] | None:
    scored = [(r, model.probability(f)) for r in rated if comparable(f := pair_features(claim, r))]
    best = max(scored, key=lambda pair: pair[1], default=None)
    return best if best is not None and best[1] >= model.threshold else None


def comparable(features: list[float]) -> bool:
    """A rated claim whose figures or years the claim does not mention is another claim
    ("closed in 2021" is not "carried 60 million passengers in 2019")."""
    return features[FEATURES.index("numbers_missing")] == 0


def denies(claim: Claim, rated: RatedMatch) -> bool:
    """Whether the claim says the opposite of the rated claim: a negation one has and the other
    lacks, or a debunking word ("myth", "hoax") the rated claim does not use."""
    if claim.features.negated != rated.match.features.negated:
        return True
    cues = debunking_cues()
    return bool(has_phrase(claim.text, cues)) and not has_phrase(rated.match.statement.text, cues)


def judge_fact_checks(
    claim: Claim,
    result: ClaimResult,
    rated: list[RatedMatch],
    *,
    ratings: RatingTable,
    model: SameClaimModel,
    read: SameClaimScores | None = None,
) -> ClaimResult:
    """The claim's result once fact-checks are taken into account: a false or misleading
    rating contradicts it, a true one supports it (a denial turns either round), and any other
    rating is shown as context beside the ordinary verdict."""
    found = best_fact_check(claim, rated, model, read)
    if found is None:
        return result
    best, probability = found
    rating_class = ratings.classify(best.review.rating)
    denied = denies(claim, best)
    if rating_class in FALSE_CLASSES or rating_class == "true":
        agrees = (rating_class == "true") != denied
        verdict = Verdict.SUPPORTED if agrees else Verdict.CONTRADICTED
    else:
        verdict = Verdict.UNVERIFIED
    finding = _finding(best, rating_class, verdict, probability, denied)
    return _combine(result, finding)


def _finding(
    rated: RatedMatch, rating_class: str, verdict: Verdict, probability: float, denied: bool
) -> Finding:
    review, statement = rated.review, rated.match.statement
    message = f"Rated {review.rating} by {review.checker}"
    message += f", {review.review_date}" if review.review_date else ""
    message += f": “{_shortened(statement.text)}”"
    if denied:
        message += " (the message denies the rated claim)"
    evidence = Evidence(statement.id, statement.text, review.label, review.url)
    fact_check = FactCheck(statement.id, statement.text, review, rating_class)
    return Finding(FindingKind.FACT_CHECK, message, (evidence,), verdict, probability, fact_check)


def _shortened(text: str, limit: int = _CLAIM_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _combine(result: ClaimResult, finding: Finding) -> ClaimResult:
    """A contradicting fact-check decides; a supporting one decides unless a detector flagged
    the claim; context is added to whatever the detectors said."""
    if finding.verdict == Verdict.CONTRADICTED:
        others = tuple(f for f in result.findings if f.verdict != Verdict.UNVERIFIED)
        return replace(
            result,
            verdict=Verdict.CONTRADICTED,
            findings=(finding, *others),
            support=(),
            reason=finding.message,
        )
    if finding.verdict == Verdict.SUPPORTED and not result.flagged:
        return replace(
            result,
            verdict=Verdict.SUPPORTED,
            findings=(finding,),
            support=(*finding.evidence, *result.support)[:2],
            reason=finding.message,
        )
    reason = finding.message if result.verdict == Verdict.UNVERIFIED else result.reason
    return replace(result, findings=(*result.findings, finding), reason=reason)
