"""Judging one claim: align it with its candidates, then decide with calibrated confidence.

A candidate yields a finding only when the calibrated model says it tells the same thing as
the claim and differs in a checkable detail (the finding names that detail); it supports the
claim only when every detail of the claim agrees with it. The data-driven detectors (rules,
background facts, event dates, quotes, learned articles) add their findings, but rules and
background facts never fire on what the claim does not assert, or on a historical mention.
Flags below their confidence threshold are dropped: the claim is then unverified.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from knowledge.checking.align import Alignment, DetailKind, align
from knowledge.checking.calibration import VerdictModel
from knowledge.checking.pair_reading import ClaimPairs, about_the_same
from knowledge.checking.wording import describe
from knowledge.detectors import run_detectors
from knowledge.detectors.timeline import agreeing_onset
from knowledge.learned import is_learned
from knowledge.matching import CheckContext, Match, anaphor_entities
from knowledge.model import (
    ClaimResult,
    Evidence,
    Finding,
    FindingKind,
    ModelReading,
    StatementKind,
    Verdict,
)
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features
from knowledge.nlp.modality import Modality
from knowledge.nlp.places import a_place
from knowledge.nlp.speakers import claimed_speaker, may_be_one, speaker_name, unnamed_speaker
from knowledge.nlp.titles import retitled_among

ALIGNED = 6  # candidates aligned per claim (the best by retrieval and concept overlap)
_SUPPORT_CITED = 2
# Detector findings that only make sense for what the claim asserts as current fact.
_DATING = frozenset({FindingKind.TIMELINE, FindingKind.LIFE})  # kinds naming a wrong date
_SELF_GATED = frozenset({FindingKind.OUTDATED, FindingKind.BACKGROUND})
# Findings about what someone said, or who held an office: the person may differ, that is
# the finding.
_ABOUT_QUOTES = frozenset({FindingKind.MISQUOTE, FindingKind.MISATTRIBUTION, FindingKind.OFFICE})


def judge(
    claim: Claim,
    matches: list[Match],
    context: CheckContext,
    model: VerdictModel,
    *,
    alignments: Alignments | None = None,
    pairs: ClaimPairs | None = None,
    unread: bool = False,
) -> ClaimResult:
    """The verdict on one claim, its findings (each with a confidence) and its evidence.

    With `pairs` (what the pair model read for this claim), the model decides whether a
    candidate contradicts or supports the claim; without, the calibrated alignment model does
    (`unread`: the model would have read close statements, but the check's budget was spent).
    """
    alignments = alignments or Alignments(claim, context)
    aligned = [(m, alignments.of(m)) for m in matches[:ALIGNED]]
    reading = pairs.reading(aligned, asserted=claim.asserted) if pairs is not None else None
    if pairs is None and unread:
        reading = ModelReading(unread=True)
    findings = _from_pairs(_apart_from_closer(aligned), model, pairs) if claim.asserted else []
    accepted = _accepted(aligned, model)
    backers = _backing(accepted, aligned, pairs, _onsets(claim, aligned, context, model))
    unattributed = [m for _, m in backers if _spoken_by_another(claim, m, context)]
    backing = [
        (p, m)
        for p, m in backers
        if not _retitled_by_source(claim, m, context) and all(m is not u for u in unattributed)
    ]
    if reading is not None and pairs is not None:
        reading = replace(reading, confirms=_confirms(accepted, pairs))
    if _given_whole(backing, aligned):  # a backing statement gives every detail of the claim
        findings = []  # the same way: one that differs tells of another event (Sweden's
        # accession beside Finland's), since the knowledge base does not contradict itself;
        # the detectors still judge the claim
    evidence = _EvidenceKinds.of(matches, context)
    detected = [
        f
        for f in (_calibrated(f, model) for f in run_detectors(claim, matches, context))
        if _admissible(f, claim, model, evidence.cites_learned(f))
        and _about_the_claim(f, evidence, alignments, claim.features)
    ]
    if not _given_whole(backing, aligned):
        if claim.asserted:
            findings += _told_otherwise(aligned, model, detected)
        findings += _turned_round(aligned, model, evidence, asserted=claim.asserted)
    findings = _deduplicated(_dated_once(findings, detected) + detected)
    if findings:
        verdict = (
            Verdict.CONTRADICTED
            if any(f.verdict == Verdict.CONTRADICTED for f in findings)
            else Verdict.OUTDATED
        )
        return ClaimResult(
            claim.text,
            claim.start,
            claim.end,
            verdict,
            tuple(findings),
            (),
            findings[0].message,
            model=reading,
        )
    if backing:  # every detail of the claim, modal words aside, is in the evidence
        support = tuple(Evidence.of(m.statement) for _, m in backing[:_SUPPORT_CITED])
        reason = f"Agrees with: {backing[0][1].statement.text}"
        return ClaimResult(
            claim.text,
            claim.start,
            claim.end,
            Verdict.SUPPORTED,
            (),
            support,
            reason,
            round(backing[0][0], 3),
            model=reading,
        )
    return ClaimResult(
        claim.text,
        claim.start,
        claim.end,
        Verdict.UNVERIFIED,
        (),
        (),
        _unattributed(claim, unattributed) or _unjudged(claim, aligned) or _silence(reading),
        model=reading,
    )


def _unattributed(claim: Claim, unattributed: list[Match]) -> str:
    """Why a claim that a statement would back stays unverified where the statement does not
    record its words as the speaker's the claim names; "" for none."""
    name = speaker_name(claim)
    if not unattributed or name is None:
        return ""
    return (
        f"The record tells this, but not as said by {name.text}: “{unattributed[0].statement.text}”"
    )


def _apart_from_closer(
    aligned: list[tuple[Match, Alignment]],
) -> list[tuple[Match, Alignment]]:
    """The candidates that may contradict the claim: each but one giving otherwise a figure
    or date that a closer candidate gives the same way (the article's sentence that retells
    "expects inflation to rise to about 2.75% later this year" gives it so; another, where
    inflation "fell to 2% in May", tells another figure)."""
    kept: list[tuple[Match, Alignment]] = []
    alike: set[int] = set()
    for match, alignment in aligned:
        if not any(d.at in alike for d in alignment.differences if d.at >= 0):
            kept.append((match, alignment))
        alike |= alignment.alike
    return kept


def _from_pairs(
    aligned: list[tuple[Match, Alignment]], model: VerdictModel, pairs: ClaimPairs | None
) -> list[Finding]:
    """The alignment model's findings and those the pair model adds (each cleared the
    threshold chosen for its precision; duplicates are merged later)."""
    found = _from_alignment(aligned, model)
    return found if pairs is None else found + pairs.findings(aligned)


def _accepted(
    aligned: list[tuple[Match, Alignment]], model: VerdictModel
) -> list[tuple[float, Match, Alignment]]:
    """The candidates the alignment model takes as support, with their probability; never
    one that cannot support the claim (`Alignment.bars_support`: "Prime Minister Mark Carney
    opened the bridge" beside "Prime Minister Mark Rutte opened the bridge" gives every word
    and detail but the person)."""
    return [
        (p, m, a)
        for m, a in aligned
        if not a.bars_support and (p := model.supported(a)) >= model.support_threshold
    ]


def _backing(
    accepted: list[tuple[float, Match, Alignment]],
    aligned: list[tuple[Match, Alignment]],
    pairs: ClaimPairs | None,
    onsets: list[tuple[float, Match]],
) -> list[tuple[float, Match]]:
    """Candidates that support the claim, best first, with their probability: those the
    alignment model accepts (where the pair model read the claim, confirmed by it), those
    the pair model adds, and recorded states whose start or end the claim tells on the
    record's day (`onsets`), each candidate once."""
    best: dict[int, tuple[float, Match]] = {}
    found = [(p, m) for p, m, a in accepted if pairs is None or pairs.confirms(m, a)]
    found += pairs.backing(aligned) if pairs is not None else []
    found += onsets
    for probability, match in found:
        if id(match) not in best or probability > best[id(match)][0]:
            best[id(match)] = (probability, match)
    return sorted(best.values(), key=lambda pair: -pair[0])


def _retitled_by_source(claim: Claim, match: Match, context: CheckContext) -> bool:
    """Whether the article a learned statement comes from gives a person another title than
    the claim gives them, in no sentence the claim's ("Investigating judge Hélène Marchal
    said ..." beside a quote of hers, where the article calls her "Lyon prosecutor"): the
    sentence cannot back the claim, which tells more of her than the article."""
    record = context.record_of(match.statement)
    return record is not None and retitled_among(claim.features, record.features)


def _spoken_by_another(claim: Claim, match: Match, context: CheckContext) -> bool:
    """Whether the statement records its words as another person's than the one the claim
    names as speaking ("Marinos said no aircraft had been grounded" beside the article's "He
    also said ...", of Kostakis), or as someone's it names only as "he" or "she": it cannot
    back the claim, whose report of who said it is part of what it says."""
    recorded = match.statement.speaker
    record = context.record_of(match.statement)
    texts = record.features if record is not None else ()
    claimed = claimed_speaker(claim, texts, context.entity_labels, context.lexicon)
    if claimed is None:
        return False
    if recorded:
        return not may_be_one(claimed, recorded)
    return unnamed_speaker(match.features)  # "He said ...", whoever he is


def _onsets(
    claim: Claim, aligned: list[tuple[Match, Alignment]], context: CheckContext, model: VerdictModel
) -> list[tuple[float, Match]]:
    """Recorded states whose start or end the claim tells, on the record's day and otherwise
    in the record's words ("took office as ... on 1 October 2024" beside "has been ... since
    1 October 2024"), with the timeline's confidence."""
    confidence = model.detector_confidence.get(str(FindingKind.TIMELINE), 0.0)
    return [(confidence, m) for m, a in aligned if agreeing_onset(claim, m, a, context)]


def _confirms(accepted: list[tuple[float, Match, Alignment]], pairs: ClaimPairs) -> float | None:
    """The pair model's best support score among the candidates the alignment model backs in
    other words (the claim has words they lack), when only such candidates back the claim
    (None otherwise): the score its `confirm` threshold is held against."""
    if not accepted or any(not a.uncovered_words for _, _, a in accepted):
        return None
    return max(pairs.confirming(m) for _, m, _ in accepted)


def _given_whole(
    backing: list[tuple[float, Match]], aligned: list[tuple[Match, Alignment]]
) -> bool:
    """Whether a candidate that backs the claim gives every one of its details, and each
    the same way (the pair model may back a paraphrase that leaves out a name, or gives a
    date only as a bound: that does not show a candidate that differs to be another event)."""
    backed = {id(match) for _, match in backing}
    return any(
        id(match) in backed and not alignment.differences and not alignment.uncovered
        for match, alignment in aligned
    )


_TOLD_AS = {
    Modality.DENIED: "denied",
    Modality.ATTRIBUTED: "what some say",
    Modality.CONDITIONAL: "a condition",
    Modality.WISHED: "a wish",
    Modality.FUTURE: "what is to come",
    Modality.HEDGED: "uncertain",
    Modality.POSSIBLE: "a possibility",
}


def _unjudged(claim: Claim, aligned: list[tuple[Match, Alignment]]) -> str:
    """Why a claim not put as fact is unverified though a statement is about the same thing
    ("The hall can seat more than 500 people." beside "The hall can seat up to 500
    people."): its card must not say that the knowledge base has nothing on it; "" for any
    other claim."""
    if claim.asserted:
        return ""
    # a statement that never names what the claim names, and gives none of its names,
    # figures or dates, is about another subject ("Eiffel Tower repainting begins next month"
    # beside "Russia began its invasion ..."), whatever words the two share
    close = next(
        (
            m
            for m, a in aligned
            if about_the_same(a) and (a.matched_details or not a.uncovered_names)
        ),
        None,
    )
    if close is None:
        return ""
    told = _TOLD_AS.get(claim.modality, "not a fact")
    return (
        f"This is told as {told}, not as a fact, so it is not judged against the closest "
        f"statement: “{close.statement.text}”"
    )


def _silence(reading: ModelReading | None) -> str:
    """Why an unverified claim is unverified: the model's scores that fell short of a
    threshold (one with no threshold decides nothing, so it is not shown as missing it)."""
    if reading is not None and reading.unread:
        return (
            "The knowledge base has statements close to this, but this check did not read "
            "them: it reads a limited number per message. Check this sentence on its own."
        )
    if reading is None or not reading.read_statements:
        return "Nothing in the knowledge base supports or contradicts this."
    said = ", ".join(
        f"{name} {value:.2f} (needs {threshold:.2f})"
        for name, key, value in (
            ("contradiction", "refute", reading.refutes),
            *(
                (f"contradiction in a {kind}", f"refute_{kind}", value)
                for kind, value in sorted(reading.refutes_by_kind.items())
            ),
            ("contradiction", "refute_unnamed", reading.refutes_unnamed),
            ("support", "support", reading.supports),
        )
        if value is not None and (threshold := reading.thresholds.get(key)) is not None
    )
    closest = "The closest statements neither clearly support nor contradict this"
    return f"{closest}: {said}." if said else f"{closest}."


class Alignments:
    """The claim aligned with each candidate, each pair aligned once per check (keyed by the
    sentences compared, so a sentence an article repeats is aligned once)."""

    def __init__(self, claim: Claim, context: CheckContext) -> None:
        self._claim = claim
        self._context = context
        self._anaphors = anaphor_entities(claim, context.lexicon)
        self._sentence = _Hashed((claim.features, self._anaphors))

    def of(self, match: Match) -> Alignment:
        known = self._context.alignments
        # a statement's features by identity: the value keeps them, so the id stays theirs
        topic = match.statement.source.title or ""
        key = (self._sentence, id(match.features), topic)
        hit = known.get(key)
        if hit is not None and hit[0] is match.features:
            found: Alignment = hit[1]
            return found
        found = align(
            self._claim.features,
            match.features,
            antonyms=self._context.lexicon.antonyms,
            contrasts=self._context.lexicon.contrasts,
            labels=self._context.entity_labels,
            claim_context=self._anaphors,
            topic=topic,
        )
        known[key] = (match.features, found)
        return found


class _Hashed:
    """A value whose hash is computed once (a claim's features are large to hash)."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: object) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Hashed) and self._hash == other._hash and self.value == other.value
        )


@dataclass(frozen=True, slots=True)
class _EvidenceKinds:
    """What each candidate is, for judging the detectors' findings: a rule's own evidence, a
    sentence of a learned article, or an ordinary statement."""

    by_id: dict[int, Match]
    rule_evidence: frozenset[int]
    learned: frozenset[int]
    labels: dict[str, str]  # the knowledge base's entity labels

    @classmethod
    def of(cls, matches: list[Match], context: CheckContext) -> _EvidenceKinds:
        return cls(
            {m.statement.id: m for m in matches},
            frozenset(r.evidence_id for r, _ in context.rules if r.evidence_id),
            frozenset(m.statement.id for m in matches if is_learned(m.statement)),
            context.entity_labels,
        )

    def succession(self, match: Match, alignment: Alignment, claim: Features) -> bool:
        """Whether the statement gives an office held over a term and every name it lacks is
        someone the candidates give that office, or a place: the one it passed from or to,
        or where ("Mark Rutte took over from Jens Stoltenberg as NATO Secretary General on
        Monday at a ceremony in Brussels" beside "Mark Rutte has been NATO Secretary General
        since 1 October 2024")."""
        if match.statement.kind != StatementKind.FACT:
            return False
        offices = {e for e in match.statement_entities if self.labels.get(e) == "ROLE"}
        given = {  # the people the candidates give one of those offices
            e
            for m in self.by_id.values()
            if offices & m.statement_entities
            for e in m.statement_entities
            if self.labels.get(e) == "PERSON"
        }
        lacking = [m for m in claim.entities if m.text in alignment.names_not_given]
        return (
            bool(given)
            and len(lacking) == alignment.uncovered_names
            and all(m.id in given or a_place(m.text) for m in lacking)
        )

    def cites_learned(self, finding: Finding) -> bool:
        return any(e.id in self.learned for e in finding.evidence)


def _from_alignment(
    aligned: list[tuple[Match, Alignment]], model: VerdictModel, *, same_event: bool = False
) -> list[Finding]:
    """What the statements that refute the claim name, told against the closest of them
    only: where one differs in a single detail, one that differs in that and in the place
    and the date is another event ("Names Finland where the record has Sweden"); so is one
    that gives the time otherwise and any other detail too, unless the claim is known to
    tell the same event (`same_event`: then its details but the time are named; the
    timeline tells the time)."""
    refuting = [
        (confidence, match, alignment)
        for match, alignment in aligned
        if (confidence := model.refuted(alignment)) >= model.refute_threshold
        and (same_event or not alignment.another_time)
    ]
    fewest = min((len(a.differences) for _, _, a in refuting), default=0)
    findings = []
    for confidence, match, alignment in refuting:
        if len(alignment.differences) > fewest:
            continue
        cited = (Evidence.of(match.statement),)
        for difference in alignment.differences:
            if same_event and difference.kind == DetailKind.DATE:
                continue
            kind, message = describe(difference)
            findings.append(Finding(kind, message, cited, Verdict.CONTRADICTED, confidence))
    return findings


def _told_otherwise(
    aligned: list[tuple[Match, Alignment]], model: VerdictModel, detected: list[Finding]
) -> list[Finding]:
    """The other details of a recorded event that the timeline finds the claim tells on the
    wrong day: given another time, a candidate is taken for another event, unless the
    timeline takes the claim for this one ("on Friday, 1,580 passengers" beside "on
    Wednesday, 1,850 passengers")."""
    told = {e.id for f in detected if f.kind == FindingKind.TIMELINE for e in f.evidence}
    same = [(m, a) for m, a in aligned if m.statement.id in told and a.another_time]
    return _from_alignment(same, model, same_event=True)


def _turned_round(
    aligned: list[tuple[Match, Alignment]],
    model: VerdictModel,
    evidence: _EvidenceKinds,
    *,
    asserted: bool,
) -> list[Finding]:
    """Who did it to whom, told the other way round (`Alignment.turned_round`: "Chelsea beat
    Manchester City 2-0" beside "Manchester City beat Chelsea 2-0"), against the closest
    statement that tells it so. A claim told as to come is judged only against a learned
    article's sentence, which it retells as told ("Stoltenberg will succeed Rutte")."""
    for match, alignment in aligned:
        if alignment.turned_round and (asserted or match.statement.id in evidence.learned):
            problem = f"Turns round who did what: the record has “{match.statement.text}”"
            cited = (Evidence.of(match.statement),)
            confidence = model.detector_confidence.get(str(FindingKind.SWAP), 0.0)
            return [Finding(FindingKind.SWAP, problem, cited, Verdict.CONTRADICTED, confidence)]
    return []


def _about_the_claim(
    finding: Finding, evidence: _EvidenceKinds, alignments: Alignments, claim: Features
) -> bool:
    """A detector's finding stands only on evidence about what the claim says: a rule's own
    evidence always; a learned article's sentence (judged against the whole article); a
    background fact only where the claim asserts what the fact denies; any other statement
    only when it tells the same proposition as the claim (a start or end of an office may
    name who it passed from or to)."""
    for cited in finding.evidence:
        match = evidence.by_id.get(cited.id)
        if cited.id in evidence.rule_evidence or match is None or cited.id in evidence.learned:
            continue
        if finding.kind == FindingKind.LIFE:
            continue  # the detector read the birth or death as the record's person's own
        alignment = alignments.of(match)
        if finding.kind == FindingKind.BACKGROUND:
            if not any(d.kind == DetailKind.POLARITY for d in alignment.differences):
                return False
        elif finding.kind == FindingKind.PLACE:
            if alignment.embedded or alignment.uncovered_names > 1:
                return False  # the place the claim gives otherwise is the one name allowed
        elif (
            finding.kind == FindingKind.TIMELINE
            and not alignment.embedded
            and evidence.succession(match, alignment, claim)
        ):
            continue  # the office passed from or to someone else the record gives it
        elif finding.kind not in _ABOUT_QUOTES and not _same_proposition(alignment):
            return False
    return True


def _same_proposition(alignment: Alignment) -> bool:
    """Whether a candidate can be the same event or state as the claim: it does not only aim
    at the claim's event ("applied to join"), and names no one the claim leaves out."""
    return not alignment.embedded and not alignment.uncovered_names


def _calibrated(finding: Finding, model: VerdictModel) -> Finding:
    return replace(finding, confidence=model.detector_confidence.get(str(finding.kind), 0.0))


def _admissible(finding: Finding, claim: Claim, model: VerdictModel, learned: bool) -> bool:
    """A detector's finding stands when its confidence clears the floor and the claim asserts
    what it is judged on (`learned`: the finding cites a learned article)."""
    if finding.confidence < model.flag_floor:
        return False
    if finding.kind in (FindingKind.AGE, FindingKind.LIFE):  # an age or birth told beside a
        return True  # name ("Rutte, 57, said") is put as fact however the sentence puts the
        # rest; the life detector reads whether its own words are
    if finding.kind in (FindingKind.CALENDAR, FindingKind.ARITHMETIC):  # a day is wrong
        # whatever is said to happen on it ("will open on Thursday, 9 January"), figures
        # whatever is said of their change ("is expected to rise to 5% from 7%"), unless asked
        return not claim.question
    if finding.kind in _SELF_GATED:  # the rules and background detectors read the claim's
        # modality span by span ("Sweden, a NATO applicant, is expected to join")
        return not claim.historical
    if learned:  # a retelling keeps the article's own modality: it is compared as told
        return True
    return claim.asserted


def _dated_once(findings: list[Finding], detected: list[Finding]) -> list[Finding]:
    """The alignment's findings, less a date it names against a statement whose date the
    timeline detector names too: the detector tells it in the event's terms ("Says “since 1
    October 2023”, but this began on Tuesday 1 October 2024")."""
    dated = {e.id for f in detected if f.kind in _DATING for e in f.evidence}
    return [
        f
        for f in findings
        if f.kind != FindingKind.TIMELINE or not {e.id for e in f.evidence} & dated
    ]


def _deduplicated(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per message and piece of evidence, most confident first."""
    seen: set[tuple[str, tuple[int, ...]]] = set()
    kept = []
    for finding in sorted(findings, key=lambda f: -f.confidence):
        key = (finding.message, tuple(e.id for e in finding.evidence))
        if key not in seen:
            seen.add(key)
            kept.append(finding)
    return kept
