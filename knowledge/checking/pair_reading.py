"""The pair-model stage: each claim read together with its closest candidates by the learned
cross-encoder (`knowledge.pair_model`), all of a check's pairs in one batch, and the
thresholds that turn its scores into verdicts.

The cheap stages choose the pairs: a candidate is read with the claim only when the alignment
finds the two about the same thing (it does not only aim at the claim's event, and they share
words or details), and so are the claim's best-retrieved rated claims; at most two of each
per claim and twelve pairs per check, every claim's best pair first (a claim left unread is
judged by the alignment model). The alignment still names the differing detail in a
finding; the model decides whether that difference makes the claim wrong, whether everything
in the claim is supported, and whether a sentence makes the claim that fact-checkers rated.
Below the thresholds (`data/pair_thresholds.json`, chosen on held-out folds by
`benchmarks/choose_pair_thresholds.py`) the claim stays unverified, and the scores it got are
in the result.
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import zip_longest
from pathlib import Path
from typing import Any, Protocol

from knowledge.checking.align import Alignment, DetailKind
from knowledge.checking.wording import describe
from knowledge.errors import InvalidSeed, InvalidSetting
from knowledge.factchecks import RatedMatch
from knowledge.factchecks.same_claim_reading import SameClaimReading, shipped_reading
from knowledge.matching import Match
from knowledge.model import Evidence, Finding, FindingKind, ModelReading, Verdict
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features
from knowledge.pair_model import (
    PairModel,
    PairModelUnavailable,
    PairScores,
    packaged_same_claim_path,
)
from knowledge.resources import lexicon

THRESHOLDS_FILE = "pair_thresholds.json"
MODES = ("on", "off", "auto")
PER_CLAIM = 2  # candidates, and rated claims, read with each claim (the best by the cheap stages)
BUDGET = 12  # pairs read per check at most (a pair costs ~17 ms of CPU on a busy 2-core machine)


class PairScorer(Protocol):
    """What reads (first text, second text) pairs: `knowledge.pair_model.PairModel`."""

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]: ...


@dataclass(frozen=True, slots=True)
class PairThresholds:
    """From which score the model's reading decides: a flag naming a differing detail (`refute`), a
    flag where the alignment names none (`refute_unnamed`), support (`support`) and the same
    claim as a rated one (`same_claim`). `model_sha256` names the model file they were chosen
    for, `same_claim_model_sha256` the same-claim model's. The model adds to the alignment
    model's decisions, which stand as they are: an infinite threshold (none reached the
    precision wanted) means the model adds nothing of that kind. One exception: the alignment
    model's support for a claim with words the candidate lacks (a synonym and a changed fact
    look alike to an alignment: "murder" beside "manslaughter") stands only where the model's
    support score for that candidate reaches `confirm` (0: always; infinite: never). `by_kind`
    holds thresholds for a flag where every detail the alignment names is of one kind ("number":
    a figure given otherwise), chosen for that kind alone: where one kind is read more surely
    than the others, its flags need not wait for theirs."""

    refute: float
    refute_unnamed: float
    support: float
    same_claim: float
    model_sha256: str = ""
    confirm: float = 0.0
    by_kind: dict[str, float] = field(default_factory=dict)
    same_claim_model_sha256: str = ""

    @classmethod
    def never(cls) -> PairThresholds:
        """Thresholds nothing clears: the model reads and reports, and the alignment model
        decides alone (the threshold script records its readings so)."""
        return cls(math.inf, math.inf, math.inf, math.inf)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairThresholds:
        try:
            chosen = data["thresholds"]
            return cls(
                _threshold(chosen["refute"]),
                _threshold(chosen["refute_unnamed"]),
                _threshold(chosen["support"]),
                _threshold(chosen["same_claim"]),
                str(data.get("model_sha256", "")),
                _threshold(chosen["confirm"]) if "confirm" in chosen else 0.0,
                {
                    kind.value: _threshold(chosen[key])
                    for kind in DetailKind
                    if (key := f"refute_{kind.value}") in chosen
                },
                str(data.get("same_claim_model_sha256", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidSeed(
                THRESHOLDS_FILE,
                f"{error}: expected thresholds refute, refute_unnamed, support and same_claim; "
                "re-run benchmarks/choose_pair_thresholds.py",
            ) from error

    def may_decide(self, alignment: Alignment) -> bool:
        """Whether the model's reading of a candidate so aligned can change a verdict at these
        thresholds: a refutation where the alignment names a differing detail, else a
        refutation, support or confirmation where it names none."""
        if alignment.differences:
            return not math.isinf(self.refute_for(alignment))
        confirming = self.confirm > 0 and bool(alignment.uncovered_words)
        return confirming or not (math.isinf(self.support) and math.isinf(self.refute_unnamed))

    def refute_for(self, alignment: Alignment) -> float:
        """The threshold a refutation of a candidate so aligned must reach: `refute_unnamed`
        where the alignment names no differing detail, else `refute`, or the threshold of
        the one kind its differing details are of where that is lower."""
        if not alignment.differences:
            return self.refute_unnamed
        if alignment.another_time:
            return math.inf  # another event or period: nothing to contradict
        kind = alignment.difference_kind
        return self.refute if kind is None else min(self.refute, self.by_kind.get(kind, math.inf))

    def to_dict(self) -> dict[str, float | None]:
        return {
            "refute": _finite(self.refute),
            **{f"refute_{kind}": _finite(value) for kind, value in sorted(self.by_kind.items())},
            "refute_unnamed": _finite(self.refute_unnamed),
            "support": _finite(self.support),
            "same_claim": _finite(self.same_claim),
            "confirm": _finite(self.confirm),
        }


def _threshold(value: object) -> float:
    """A stored threshold: a number, or null for one never cleared."""
    return math.inf if value is None else float(value)  # type: ignore[arg-type]


def _finite(value: float) -> float | None:
    return None if math.isinf(value) else round(value, 4)


@cache
def shipped_thresholds() -> PairThresholds:
    """The thresholds shipped in knowledge/data/pair_thresholds.json (read once)."""
    text = resources.files("knowledge.data").joinpath(THRESHOLDS_FILE).read_text("utf-8")
    return PairThresholds.from_dict(json.loads(text))


class LazyPairModel:
    """The pair model, loaded on first use and then kept (one per worker process): loading
    it costs about a second, which no start-up should pay before it is needed."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._model: PairModel | None = None
        self._lock = threading.Lock()

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[PairScores]:
        return self.model().score(pairs) if pairs else []

    def model(self) -> PairModel:
        """The loaded model; raises PairModelUnavailable when its files are missing."""
        with self._lock:
            if self._model is None:
                self._model = PairModel.load(self._path)
            return self._model

    @property
    def loaded(self) -> bool:
        return self._model is not None


MAX_BUDGET = 2000  # a setting's ceiling: even a whole 100k-character article reads within it


def pair_budget(value: str | None) -> int:
    """The pairs a check may read, from a setting's text (None or empty: the default)."""
    if value is None or not value.strip():
        return BUDGET
    try:
        budget = int(value)
    except ValueError:
        budget = -1
    if not 1 <= budget <= MAX_BUDGET:
        raise InvalidSetting(
            "FACTCHECK_PAIR_BUDGET", value, f"use a whole number from 1 to {MAX_BUDGET}"
        )
    return budget


class PairReader:
    """The pair-model stage of a check: the model (loaded on first use, once) and the
    thresholds that turn its scores into verdicts.

    `mode` is "on" (the model must be there), "auto" (used when its files are there and the
    shipped thresholds were chosen for it; else the check keeps to the alignment model) or
    "off". `scorer` and `thresholds` replace the packaged models and the shipped thresholds
    (the threshold script reads with thresholds nothing clears; tests pass a fake scorer).
    Pairs of a claim and a candidate statement are read by the pair model (`path`, default
    the packaged one), pairs of a text and a rated claim by the same-claim model
    (`same_path`, default the packaged one), a model of the same kind trained for that score
    alone; a `scorer` given reads both unless a `same_scorer` is given too.
    Each claim is read with at most `per_claim` candidates and as many rated claims, a check
    with at most `budget` pairs (every claim's best first); a claim left unread is judged by
    the alignment model.
    """

    def __init__(
        self,
        mode: str = "auto",
        *,
        scorer: PairScorer | None = None,
        same_scorer: PairScorer | None = None,
        thresholds: PairThresholds | None = None,
        path: Path | None = None,
        same_path: Path | None = None,
        per_claim: int = PER_CLAIM,
        budget: int = BUDGET,
        reading: SameClaimReading | None = None,
    ) -> None:
        if mode not in MODES:
            raise InvalidSetting("FACTCHECK_PAIR_MODEL", mode, "use on, off or auto")
        self.mode = mode
        self.per_claim = per_claim
        self.budget = budget
        self._scorer = scorer
        self._same_scorer = same_scorer
        self._thresholds = thresholds
        self._reading = reading
        self._lazy = LazyPairModel(path)
        self._same_lazy = LazyPairModel(same_path or packaged_same_claim_path())
        self._usable: bool | None = None if mode != "off" else False
        self._held = False

    @contextmanager
    def held(self) -> Iterator[None]:
        """Checks inside keep to the alignment model and load nothing (a worker's warm-up
        check, which its start waits for)."""
        self._held = True
        try:
            yield
        finally:
            self._held = False

    def load(self) -> None:
        """Load the model now, if it is to be used and not loaded yet (a started worker, before
        its first check). Raises as the first check would: PairModelUnavailable when it must
        be there and is not."""
        if self._usable is None and self._scorer is None:
            self._usable = self._check_usable()

    def read(self, claims: list[ClaimToRead]) -> list[ClaimPairs | None] | None:
        """What the model read for each claim (one batch; None for a claim the check's budget
        left unread), or None when the model is off."""
        if self._usable is False or self._held:
            return None
        if (
            self._usable is None
            and self._scorer is None
            and not any(c.pairs(self.per_claim) for c in claims)
        ):
            return None  # nothing to read: the model is not loaded for it
        scorer = self._ready()
        if scorer is None:
            return None
        return read_pairs(
            scorer,
            claims,
            self._chosen(),
            same_scorer=self._same_scorer_for(scorer),
            per_claim=self.per_claim,
            budget=self.budget,
            reading=self._reading,
        )

    def left_unread(
        self, claims: list[ClaimToRead], read: list[ClaimPairs | None] | None
    ) -> list[bool]:
        """For each claim, whether it had close statements or rated claims to read and the
        check's budget left every one of them unread (never, when the model is off): what
        `read` gives as None (`ClaimToRead.scored`)."""
        if read is None:
            return [False] * len(claims)
        return [pairs is None for pairs in read]

    def _same_scorer_for(self, scorer: PairScorer) -> PairScorer:
        """What reads the (text, rated claim) pairs beside `scorer`."""
        if self._same_scorer is not None:
            return self._same_scorer
        return scorer if self._scorer is not None else self._same_lazy

    def _chosen(self) -> PairThresholds:
        return self._thresholds or shipped_thresholds()

    def _ready(self) -> PairScorer | None:
        if self._scorer is not None:
            return self._scorer
        if self._usable is None:
            self._usable = self._check_usable()
        return self._lazy if self._usable else None

    def _check_usable(self) -> bool:
        """Load the two models; whether the thresholds in use were chosen for them."""
        try:
            model = self._lazy.model()
            same = self._same_lazy.model()
        except PairModelUnavailable:
            if self.mode == "on":
                raise
            return False
        if self._thresholds is not None:
            return True
        shipped = shipped_thresholds()
        chosen_for = (shipped.model_sha256, shipped.same_claim_model_sha256)
        if all(chosen_for) and chosen_for == (
            str(model.info.get("sha256", "")),
            str(same.info.get("sha256", "")),
        ):
            return True
        if self.mode == "on":
            raise InvalidSeed(
                THRESHOLDS_FILE,
                "its thresholds were chosen for another pair or same-claim model file; "
                "re-run benchmarks/choose_pair_thresholds.py",
            )
        return False


@dataclass(frozen=True, slots=True)
class ClaimPairs:
    """What the model read for one claim: scores by candidate (the match's identity) and
    same-claim readings by rated claim (its statement id: the model's score weighed with the
    wording the pair shares, `factchecks.same_claim_reading`)."""

    thresholds: PairThresholds
    scores: dict[int, PairScores] = field(default_factory=dict)
    same_claim: dict[int, float] = field(default_factory=dict)

    def findings(self, aligned: list[tuple[Match, Alignment]]) -> list[Finding]:
        """A finding for each candidate the model reads as contradicting the claim: naming
        each detail the alignment finds different, or saying that the record says otherwise
        where it names none."""
        findings = []
        for match, alignment in aligned:
            refutes = self._refutes(match, alignment)
            if refutes is None or alignment.unnamed_subject:
                continue
            cited = (Evidence.of(match.statement),)
            confidence = round(refutes, 3)  # to the places the JSON keeps
            if alignment.differences and refutes >= self.thresholds.refute_for(alignment):
                findings += [
                    Finding(kind, message, cited, Verdict.CONTRADICTED, confidence)
                    for kind, message in map(describe, alignment.differences)
                ]
            elif not alignment.differences and refutes >= self.thresholds.refute_unnamed:
                message = f"The record says otherwise: “{match.statement.text}”"
                findings.append(
                    Finding(
                        FindingKind.CONTRADICTION, message, cited, Verdict.CONTRADICTED, confidence
                    )
                )
        return findings

    def backing(self, aligned: list[tuple[Match, Alignment]]) -> list[tuple[float, Match]]:
        """Candidates that support the claim, best first: the model's support score clears
        its threshold and the alignment finds no detail given otherwise and every figure and
        date given (a word-for-word restatement needs no model)."""
        found = [(self._supports(m, a), m) for m, a in aligned]
        return sorted(
            ((p, m) for p, m in found if p is not None and p >= self.thresholds.support),
            key=lambda pair: -pair[0],
        )

    def reading(
        self, aligned: list[tuple[Match, Alignment]], *, asserted: bool = True
    ) -> ModelReading | None:
        """The best scores the model gave this claim, with the thresholds (for the JSON);
        refutation scores only for a claim put as fact (no other can be contradicted)."""
        refuted = [(r, a) for m, a in aligned if (r := self._refutes(m, a)) is not None]
        refuted = refuted if asserted else []
        supports = [s for m, a in aligned if (s := self._supports(m, a)) is not None]
        if not refuted and not supports and not self.same_claim:
            return None
        named = [r for r, a in refuted if a.differences]
        unnamed = [r for r, a in refuted if not a.differences]
        by_kind: dict[str, float] = {}
        for r, a in refuted:
            if (kind := a.difference_kind) is not None:
                by_kind[kind] = max(r, by_kind.get(kind, 0.0))
        return ModelReading(
            refutes=max(named, default=None),
            refutes_unnamed=max(unnamed, default=None),
            supports=max(supports, default=None),
            same_claim=max(self.same_claim.values(), default=None),
            thresholds=self.thresholds.to_dict(),
            refutes_by_kind=by_kind,
        )

    def confirms(self, match: Match, alignment: Alignment) -> bool:
        """Whether the alignment model's support from this candidate stands: the claim has no
        word the candidate lacks, or the model's support score for it reaches `confirm`."""
        if not alignment.uncovered_words:
            return True
        scores = self.scores.get(id(match))
        return scores is not None and scores.supports >= self.thresholds.confirm

    def confirming(self, match: Match) -> float:
        """The model's support score for a candidate (0 where it did not read it)."""
        scores = self.scores.get(id(match))
        return 0.0 if scores is None else scores.supports

    def _refutes(self, match: Match, alignment: Alignment) -> float | None:
        """The refutation score against a candidate (the thresholds differ for one in which
        the alignment names a differing detail and one in which it names none)."""
        scores = self.scores.get(id(match))
        return None if scores is None else scores.refutes

    def _supports(self, match: Match, alignment: Alignment) -> float | None:
        """The support score of a candidate that gives no detail of the claim otherwise and
        each of its figures and dates in some form (one it leaves out may be the one the
        claim gets wrong: "completed in 1899" beside "stands on the Champ de Mars"), each
        city the claim tells as a place where it names that city's country, and no one the
        claim leaves out where the claim names someone it does not ("Norway sent 40
        delegates" beside "Sweden sent 40 delegates"), nor a near copy with a word turned into
        its opposite ("signed after the elections" beside "signed before the elections")."""
        if alignment.settles_support:
            return 1.0
        scores = self.scores.get(id(match))
        if (
            scores is None
            or alignment.differences
            or alignment.missing_figures
            or alignment.narrower_places
            or alignment.bars_support
            or _names_beyond(alignment, match.features) > _refers_back(match.statement.text)
        ):
            return None
        return scores.supports


# A statement opening with one of these tells of someone its source names ("She started
# acting in 1993"): a claim may give that one name ("Jenna Jameson started acting in 1993").
_REFERRING = frozenset({"he", "she", "it", "they", "his", "her", "its", "their"})


def _names_beyond(alignment: Alignment, statement: Features) -> int:
    """The names of the claim's that the statement never gives, leaving aside a country or
    nationality ("Former Dutch prime minister Mark Rutte" beside "Mark Rutte": it describes
    one the statement names), a capitalised word the statement writes in lower case
    ("Tsunami warnings were lifted"), and a name the statement gives in part: one of its
    names is the name's last word, or begins with its first ("Michael Owen" beside "Owen",
    "Fluminense FC" beside "Fluminense Football Club"; not "the Woodland Trust" beside "the
    Canal Trust")."""
    places = lexicon().places
    written = set(_words(statement.text))
    named = [_words(m.text) for m in statement.entities]

    def described(name: str) -> bool:
        words = _words(name)
        return (
            name.lower() in places
            or set(words) <= written
            or any(n == words[-1:] or n[:1] == words[:1] for n in named if n)
        )

    return sum(1 for name in alignment.names_not_given if not described(name))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())  # "RTÉ1" is one word, not "rt" and "1"


def _refers_back(text: str) -> int:
    """How many names of the claim's a statement may stand for without naming them: one
    where it opens with a pronoun, else none (a claim naming someone the statement never
    names tells more than it: "Lagarde, flanked by Luis de Guindos, told reporters")."""
    first = text.split(maxsplit=1)[0].strip("\"'“‘(").lower() if text.strip() else ""
    return int(first in _REFERRING)


def about_the_same(alignment: Alignment) -> bool:
    """Whether the cheap stages find a candidate about the same thing as the claim: it does
    not only aim at the claim's event, and the two share words or details."""
    return not alignment.embedded and bool(
        alignment.shared_words or alignment.matched_details or alignment.differences
    )


@dataclass(frozen=True, slots=True)
class ClaimToRead:
    """One claim's part of the batch: its text, the candidates to read with it and the
    rated claims to compare it with; for the claim closest to the rated claim found for a
    whole short message, that message and rated claim (`message`), read together first."""

    claim: Claim
    aligned: list[tuple[Match, Alignment]]
    rated: list[RatedMatch]
    message: tuple[str, RatedMatch] | None = None

    def pairs(self, per_claim: int) -> list[tuple[str, str]]:
        """The pairs to read, best first: the best candidate, the best rated claim, the
        second candidate, and so on (at most `per_claim` of each)."""
        text = claim_text(self.claim)
        read = [(text, m.features.text) for m, _ in self._read(per_claim)]
        rated = [pair for _, pair in self._rated_pairs(per_claim)]
        ranked = [p for rank in zip_longest(read, rated) for p in rank if p is not None]
        return list(dict.fromkeys(ranked))

    def statement_pairs(self, per_claim: int) -> set[tuple[str, str]]:
        """The (claim, candidate statement) pairs to read."""
        text = claim_text(self.claim)
        return {(text, m.features.text) for m, _ in self._read(per_claim)}

    def rated_pairs(self, per_claim: int) -> set[tuple[str, str]]:
        """The (text, rated claim) pairs to read."""
        return {pair for _, pair in self._rated_pairs(per_claim)}

    def decisive(self, per_claim: int, thresholds: PairThresholds) -> set[tuple[str, str]]:
        """Of the pairs to read, those whose reading can change a verdict at `thresholds`
        (read first when the check's budget cannot read them all)."""
        text = claim_text(self.claim)
        found = {
            (text, m.features.text) for m, a in self._read(per_claim) if thresholds.may_decide(a)
        }
        if not math.isinf(thresholds.same_claim):
            found |= {pair for _, pair in self._rated_pairs(per_claim)}
        return found

    def scored(
        self,
        per_claim: int,
        scores: dict[tuple[str, str], PairScores],
        thresholds: PairThresholds,
        reading: SameClaimReading,
    ) -> ClaimPairs | None:
        """What the model read for this claim, each rated claim's same-claim score weighed
        with the wording the pair shares (`reading`); None when it wanted pairs read and the
        check's budget left none of them (then the alignment model judges it, as without the
        model)."""
        text = claim_text(self.claim)
        read = {
            id(m): scores[key]
            for m, _ in self._read(per_claim)
            if (key := (text, m.features.text)) in scores
        }
        same: dict[int, float] = {}
        for rated_id, pair in self._rated_pairs(per_claim):
            if pair in scores:  # a rated claim read several ways counts its best reading
                found = reading.probability(*pair, scores[pair].same_claim)
                same[rated_id] = max(same.get(rated_id, 0.0), found)
        if not read and not same and self.pairs(per_claim):
            return None
        return ClaimPairs(thresholds, read, same)

    def _rated_pairs(self, per_claim: int) -> list[tuple[int, tuple[str, str]]]:
        """The (text, rated claim) pairs to read, best first, each with the rated claim's
        statement id: the whole message with its rated claim, then each of the claim's best
        rated claims with the claim and with what a report in it says."""
        found = [self.message] if self.message is not None else []
        found += [(said, r) for r in self._rated(per_claim) for said in said_texts(self.claim)]
        return [(r.match.statement.id, (text, r.match.statement.text)) for text, r in found]

    def _read(self, per_claim: int) -> list[tuple[Match, Alignment]]:
        """The candidates to read with the claim: about the same thing, those that give (or
        give otherwise) more of the claim's details first, then by retrieval score. A
        statement of the claim's event with its date beats one that shares a rarer word
        ("Russian troops invaded Ukraine on 24 February 2022": "Russia began its invasion
        ... on 24 February 2022" before "NATO has not deployed troops to Ukraine")."""
        chosen = [(m, a) for m, a in self.aligned if about_the_same(a)]
        return sorted(chosen, key=lambda pair: (len(pair[1].uncovered), -pair[0].score))[:per_claim]

    def _rated(self, per_claim: int) -> list[RatedMatch]:
        # the model reads figures too ("COVID-19" is "the coronavirus"): no numbers filter
        return sorted(self.rated, key=lambda r: -r.match.score)[:per_claim]


def claim_text(claim: Claim) -> str:
    """What the model reads of a claim: the statement it makes (a question put as one)."""
    return claim.statement or claim.text


def said_texts(claim: Claim) -> tuple[str, ...]:
    """What the model compares with rated claims: the claim's statement, and in a report
    ("X, a new report claims", "according to a viral post, X") also what was said, since
    fact-checkers rate either the words ("X") or that someone said them ("Cruz said X"); the
    higher same-claim score of the two counts."""
    text = claim_text(claim)
    speech = claim.speech
    said = speech.content.strip() if speech is not None else ""
    return (text, said) if said and said != text else (text,)


def _scored_apart(
    chosen: list[tuple[str, str]],
    claims: list[ClaimToRead],
    per_claim: int,
    scorer: PairScorer,
    same_scorer: PairScorer,
) -> dict[tuple[str, str], PairScores]:
    """The chosen pairs' scores: a (text, rated claim) pair's same-claim score from
    `same_scorer`, every other score from `scorer` (a pair that is both is read by both)."""
    rated = set().union(*(c.rated_pairs(per_claim) for c in claims))
    statements = set().union(*(c.statement_pairs(per_claim) for c in claims))
    by_pair = [p for p in chosen if p in statements or p not in rated]
    by_same = [p for p in chosen if p in rated]
    scored = dict(zip(by_pair, scorer.score(by_pair), strict=True))
    for pair, found in zip(by_same, same_scorer.score(by_same), strict=True):
        read = scored.get(pair)
        scored[pair] = found if read is None else replace(read, same_claim=found.same_claim)
    return scored


def read_pairs(
    scorer: PairScorer,
    claims: list[ClaimToRead],
    thresholds: PairThresholds,
    *,
    same_scorer: PairScorer | None = None,
    per_claim: int = PER_CLAIM,
    budget: int = BUDGET,
    reading: SameClaimReading | None = None,
) -> list[ClaimPairs | None]:
    """The claims' pairs read in one batch, each distinct pair once, at most `budget` of them:
    every claim's best pair first, then every claim's second, and so on, those whose reading
    can change a verdict at `thresholds` before the others (a pair in which the alignment
    names a differing detail decides nothing while no `refute` threshold ships). Same-claim
    scores are weighed by `reading` (the shipped one unless given). A (text, rated claim)
    pair is read by `same_scorer` where one is given, the others by `scorer`."""
    wanted = [c.pairs(per_claim) for c in claims]
    ranked = list(dict.fromkeys(p for rank in zip_longest(*wanted) for p in rank if p is not None))
    if len(ranked) > budget:
        decisive = set().union(*(c.decisive(per_claim, thresholds) for c in claims))
        ranked.sort(key=lambda pair: pair not in decisive)  # stable: the order above within
    chosen = ranked[:budget]
    if same_scorer is None or same_scorer is scorer:
        scored = dict(zip(chosen, scorer.score(chosen), strict=True))
    else:
        scored = _scored_apart(chosen, claims, per_claim, scorer, same_scorer)
    weighed = reading or shipped_reading()
    return [claim.scored(per_claim, scored, thresholds, weighed) for claim in claims]
