"""Answering a claim that repeats a rated claim with the fact-checkers' rating."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

from knowledge.factchecks.pairs import FEATURES, RatedMatch, pair_features
from knowledge.factchecks.ratings import FALSE_CLASSES, RatingTable
from knowledge.factchecks.same_claim_model import SameClaimModel
from knowledge.model import ClaimResult, Evidence, FactCheck, Finding, FindingKind, Verdict
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features
from knowledge.nlp.negation import plainly_negated
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


class Stance(StrEnum):
    """How a claim stands to a rated claim it is read as: it makes it, it denies it, or a
    negation one of them has leaves that open."""

    REPEATS = "repeats"
    DENIES = "denies"
    UNCLEAR = "unclear"


def _no_polarity(_: RatedMatch) -> bool:
    return False


def best_fact_check(
    claim: Claim,
    rated: list[RatedMatch],
    model: SameClaimModel,
    read: SameClaimScores | None = None,
    polarity: Callable[[RatedMatch], bool] = _no_polarity,
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
            kept = stance(claim, pick, polarity(pick)) != Stance.REPEATS or (
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


def stance(claim: Claim, rated: RatedMatch, polarity_differs: bool = False) -> Stance:
    """How the claim stands to the rated claim. It denies it where it uses a debunking word
    ("myth", "hoax") the rated claim does not, or where one of them is negated, the other not,
    and the alignment finds a word both use negated in one only (`polarity_differs`: "5G
    towers do not spread COVID-19"). A negation only one of them has that bears on none of
    the other's words denies nothing the other says ("a couple sleeping on concrete with no
    water" beside "a photograph depicts a homeless couple sleeping on concrete"): it repeats
    it. Any other negation one has and the other lacks ("No one said Obama met Rouhani", "El
    Paso was never one of the most dangerous cities") leaves open whether it denies the rated
    claim or only reports it, as does a question asking the opposite of the rated claim or
    whether it is a myth; a question asking what the rated claim says repeats it (a post
    that asks it pushes it)."""
    cues = debunking_cues()
    debunks = has_phrase(claim.text, cues) and not has_phrase(rated.match.statement.text, cues)
    mine, theirs = claim.features, rated.match.features
    if claim.question:  # it asks: one that asks the opposite, or asks if it is a myth, denies
        # nothing ("Does Trump know the words to the anthem?" beside "... did not know ...")
        return Stance.UNCLEAR if debunks or mine.negated != theirs.negated else Stance.REPEATS
    if debunks:
        return Stance.DENIES
    if mine.negated == theirs.negated:
        return Stance.REPEATS
    if polarity_differs:
        return Stance.DENIES
    negated, other = (mine, theirs) if mine.negated else (theirs, mine)
    return Stance.REPEATS if _bears_elsewhere(negated, other) else Stance.UNCLEAR


def _bears_elsewhere(negated: Features, other: Features) -> bool:
    """Whether the negations of `negated` each deny a word `other` never uses
    (`plainly_negated`)."""
    bears_on = plainly_negated(negated)
    return bears_on is not None and not (bears_on & other.content)


def judge_fact_checks(
    claim: Claim,
    result: ClaimResult,
    rated: list[RatedMatch],
    *,
    ratings: RatingTable,
    model: SameClaimModel,
    read: SameClaimScores | None = None,
    polarity: Callable[[RatedMatch], bool] = _no_polarity,
) -> ClaimResult:
    """The claim's result once fact-checks are taken into account: a false or misleading
    rating contradicts it, a true one supports it (a denial turns either round), and any other
    rating, or a claim whose negation leaves open whether it denies the rated claim
    (`stance`), is shown as context beside the ordinary verdict. `polarity` tells whether the
    alignment finds a word both use negated in one only."""
    found = best_fact_check(claim, rated, model, read, polarity)
    if found is None:
        return result
    best, probability = found
    rating_class = ratings.classify(best.review.rating)
    standing = stance(claim, best, polarity(best))
    denied = standing == Stance.DENIES
    if standing != Stance.UNCLEAR and (rating_class in FALSE_CLASSES or rating_class == "true"):
        agrees = (rating_class == "true") != denied
        verdict = Verdict.SUPPORTED if agrees else Verdict.CONTRADICTED
    else:
        verdict = Verdict.UNVERIFIED
    finding = _finding(best, rating_class, verdict, probability, standing)
    return _combine(result, finding)


def _finding(
    rated: RatedMatch, rating_class: str, verdict: Verdict, probability: float, standing: Stance
) -> Finding:
    review, statement = rated.review, rated.match.statement
    message = f"Rated {review.rating} by {review.checker}"
    message += f", {review.review_date}" if review.review_date else ""
    message += f": “{_shortened(statement.text)}”"
    if standing == Stance.DENIES:
        message += " (the message denies the rated claim)"
    elif standing == Stance.UNCLEAR:
        message += " (whether the message denies it or repeats it is unclear)"
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
