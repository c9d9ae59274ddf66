"""The domain's value objects: statements, rules, findings, verdicts and reports."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """What the knowledge base says about one claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    OUTDATED = "outdated"
    UNVERIFIED = "unverified"


class StatementKind(StrEnum):
    """A reported event (dated) or a background fact (possibly with a validity window)."""

    EVENT = "event"
    FACT = "fact"


class Status(StrEnum):
    """Where a statement or a rule is in its life: in use, or retired (kept for the history)."""

    ACTIVE = "active"
    RETIRED = "retired"


class RuleKind(StrEnum):
    """What a rule's phrase is from its date on: out of date, or contradicted by the record."""

    OUTDATED = "outdated"
    CONTRADICTION = "contradiction"


class ChangeAction(StrEnum):
    """What a change in the audit log did."""

    ADD = "add"
    IMPORT = "import"
    SEED = "seed"
    LEARN = "learn"
    EDIT = "edit"
    RETIRE = "retire"
    REMOVE = "remove"
    UNDO = "undo"


class FindingKind(StrEnum):
    """Which detector produced a finding."""

    TIMELINE = "timeline"
    OUTDATED = "outdated"
    SWAP = "swap"
    POLARITY = "polarity"
    MISQUOTE = "misquote"
    MISATTRIBUTION = "misattribution"
    BACKGROUND = "background"
    AGE = "age"
    CALENDAR = "calendar"  # a weekday beside a date it does not fall on
    OFFICE = "office"  # an office one person holds at a time, given to another on the day
    PLACE = "place"  # a recorded event told at a place apart from the record's
    LIFE = "life"  # a birth or death told on another date or at another place than the record's
    ARITHMETIC = "arithmetic"  # a sentence's own figures break the change it tells of them
    FACT_CHECK = "fact_check"
    CONTRADICTION = "contradiction"  # the pair model reads the record as saying otherwise


@dataclass(frozen=True, slots=True)
class Source:
    """Where a statement comes from."""

    title: str | None = None
    url: str | None = None
    published: date | None = None

    @classmethod
    def named(cls, value: str) -> Source:
        """A source given as one string: its URL when it is a web link, else its title."""
        value = value.strip()
        return cls(url=value) if value.startswith(("http://", "https://")) else cls(title=value)

    def label(self) -> str:
        parts = [p for p in (self.title, self.url) if p]
        text = " — ".join(parts) if parts else "unknown source"
        return f"{text} ({self.published.isoformat()})" if self.published else text


@dataclass(frozen=True, slots=True)
class Statement:
    """A verified statement in the knowledge base."""

    id: int
    text: str
    kind: StatementKind = StatementKind.FACT
    event_date: str | None = None  # ISO date, possibly partial: "2022", "2022-05", "2022-05-18"
    valid_from: str | None = None
    valid_until: str | None = None
    entities: tuple[str, ...] = ()
    speaker: str | None = None
    quote: str | None = None
    source: Source = field(default_factory=Source)
    status: Status = Status.ACTIVE
    key: str | None = None
    external_id: str | None = None
    added_by: str | None = None
    added_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "kind": str(self.kind),
            "event_date": self.event_date,
            "valid_from": self.valid_from,
            "valid_until": self.valid_until,
            "entities": list(self.entities),
            "speaker": self.speaker,
            "quote": self.quote,
            "source": {
                "title": self.source.title,
                "url": self.source.url,
                "published": self.source.published.isoformat() if self.source.published else None,
            },
            "status": str(self.status),
            "key": self.key,
            "external_id": self.external_id,
            "added_by": self.added_by,
            "added_at": self.added_at,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    """A data-driven rule: a phrase pattern that is outdated or contradicted from a date on."""

    id: int
    kind: RuleKind
    pattern: str
    explanation: str
    applies_from: date | None = None
    applies_until: date | None = None
    context: tuple[str, ...] = ()  # entity ids of which one must be in the claim or article
    evidence_id: int | None = None
    key: str | None = None
    status: Status = Status.ACTIVE


@dataclass(frozen=True, slots=True)
class Evidence:
    """A statement cited in support of a finding."""

    id: int
    text: str
    source: str
    url: str | None = None

    @classmethod
    def of(cls, statement: Statement) -> Evidence:
        return cls(statement.id, statement.text, statement.source.label(), statement.source.url)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "source": self.source, "url": self.url}


@dataclass(frozen=True, slots=True)
class Review:
    """How a fact-checker rated a claim: the rating as published, who, where and when."""

    checker: str
    rating: str
    url: str | None = None
    review_date: str | None = None  # ISO date
    claimant: str | None = None
    claim_date: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def label(self) -> str:
        """The review as a link reads: the checker's name and "fact-check", once ("Reuters
        fact-check", never "Reuters Fact Check fact check")."""
        name = _FACT_CHECK_SUFFIX.sub("", self.checker).strip() or self.checker
        return f"{name} fact-check"


_FACT_CHECK_SUFFIX = re.compile(r"[\s:–—-]*\bfact[\s-]?check(?:ing|er|s)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class FactCheck:
    """A rated claim matched by a checked claim: the claim as the checker worded it, the review
    and the rating's class (false, misleading, mixed, true, unproven, satire or other)."""

    statement_id: int
    claim: str
    review: Review
    rating_class: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement_id": self.statement_id,
            "claim": self.claim,
            "rating_class": self.rating_class,
            "review": self.review.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactCheck:
        return cls(
            int(data["statement_id"]),
            str(data["claim"]),
            Review(**data["review"]),
            str(data["rating_class"]),
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency found in a claim, with a moderator-readable message."""

    kind: FindingKind
    message: str
    evidence: tuple[Evidence, ...] = ()
    verdict: Verdict = Verdict.CONTRADICTED
    confidence: float = 1.0  # calibrated probability that the finding is right
    fact_check: FactCheck | None = None  # the rated claim behind a fact_check finding

    def to_dict(self) -> dict[str, Any]:
        data = {
            "kind": str(self.kind),
            "verdict": str(self.verdict),
            "confidence": round(self.confidence, 3),
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.fact_check is not None:
            data["fact_check"] = self.fact_check.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class ModelReading:
    """What the learned pair model read for one claim: its best scores against the claim's
    closest candidates (None where it read none) and the thresholds they had to clear."""

    refutes: float | None = None  # against a candidate the alignment finds differing
    refutes_unnamed: float | None = None  # against one where the alignment names no difference
    supports: float | None = None
    same_claim: float | None = None  # with the closest rated claim (the same-claim reading)
    thresholds: dict[str, float | None] = field(default_factory=dict)
    # its support for the candidates the alignment model backs in other words (the claim has
    # words they lack), when only such candidates back it: what confirmed or withheld that
    confirms: float | None = None
    # close statements were found but the check's pair budget left them unread: the
    # alignment model alone judged the claim
    unread: bool = False
    # the best refutation score against candidates whose differing details are all of one
    # kind ("number"), by kind: each is held against that kind's threshold
    refutes_by_kind: dict[str, float] = field(default_factory=dict)

    @property
    def read_statements(self) -> bool:
        """Whether the model read the claim with statements (not only with rated claims)."""
        return (self.refutes, self.refutes_unnamed, self.supports) != (None, None, None)

    def __post_init__(self) -> None:
        # kept to 4 places, as the JSON has them: a report read in a worker process and sent
        # back is then equal to the same report read in process
        for name in ("refutes", "refutes_unnamed", "supports", "same_claim", "confirms"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, round(float(value), 4))
        rounded = {kind: round(float(v), 4) for kind, v in self.refutes_by_kind.items()}
        object.__setattr__(self, "refutes_by_kind", rounded)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "refutes": self.refutes,
            "refutes_unnamed": self.refutes_unnamed,
            "supports": self.supports,
            "same_claim": self.same_claim,
            "thresholds": dict(self.thresholds),
        }
        if self.confirms is not None:
            data["confirms"] = self.confirms
        if self.unread:
            data["unread"] = True
        if self.refutes_by_kind:
            data["refutes_by_kind"] = dict(self.refutes_by_kind)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelReading:
        return cls(
            data.get("refutes"),
            data.get("refutes_unnamed"),
            data.get("supports"),
            data.get("same_claim"),
            dict(data.get("thresholds") or {}),
            data.get("confirms"),
            bool(data.get("unread", False)),
            dict(data.get("refutes_by_kind") or {}),
        )


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """One checked claim: where it is in the input, its verdict and why."""

    text: str
    start: int
    end: int
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    support: tuple[Evidence, ...] = ()
    reason: str = ""
    confidence: float | None = None  # of a supported verdict (findings carry their own)
    model: ModelReading | None = None  # what the pair model read, when it read the claim

    @property
    def flagged(self) -> bool:
        return self.verdict in (Verdict.CONTRADICTED, Verdict.OUTDATED)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "verdict": str(self.verdict),
            "confidence": self.confidence,
            "reason": self.reason,
            "findings": [f.to_dict() for f in self.findings],
            "support": [e.to_dict() for e in self.support],
        }
        if self.model is not None:
            data["model"] = self.model.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """The result of checking one article."""

    reference_date: date
    reference_date_source: str  # "explicit" | "dateline" | "today"
    claims: tuple[ClaimResult, ...]
    skipped: int = 0  # sentences judged not check-worthy (opinions, boilerplate)

    @property
    def summary(self) -> dict[str, int]:
        counts = {v.value: 0 for v in Verdict}
        for claim in self.claims:
            counts[claim.verdict.value] += 1
        return counts

    @property
    def flagged(self) -> list[ClaimResult]:
        return [c for c in self.claims if c.flagged]

    def to_dict(self) -> dict[str, Any]:
        return {
            "reference_date": self.reference_date.isoformat(),
            "reference_date_source": self.reference_date_source,
            "claims": [c.to_dict() for c in self.claims],
            "summary": self.summary,
            "skipped": self.skipped,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report (e.g. one computed in a worker process)."""

        def evidence(items: list[dict[str, Any]]) -> tuple[Evidence, ...]:
            return tuple(Evidence(e["id"], e["text"], e["source"], e.get("url")) for e in items)

        claims = tuple(
            ClaimResult(
                text=c["text"],
                start=c["start"],
                end=c["end"],
                verdict=Verdict(c["verdict"]),
                findings=tuple(
                    Finding(
                        FindingKind(f["kind"]),
                        f["message"],
                        evidence(f["evidence"]),
                        Verdict(f.get("verdict", "contradicted")),
                        float(f.get("confidence", 1.0)),
                        FactCheck.from_dict(f["fact_check"]) if f.get("fact_check") else None,
                    )
                    for f in c["findings"]
                ),
                support=evidence(c.get("support", [])),
                reason=c.get("reason", ""),
                confidence=c.get("confidence"),
                model=ModelReading.from_dict(c["model"]) if c.get("model") else None,
            )
            for c in data["claims"]
        )
        return cls(
            date.fromisoformat(data["reference_date"]),
            data.get("reference_date_source", "explicit"),
            claims,
            data.get("skipped", 0),
        )


@dataclass(frozen=True, slots=True)
class StatementDraft:
    """A statement not yet stored: what `add`, `learn` and imports hand to the store."""

    text: str
    kind: StatementKind = StatementKind.FACT
    event_date: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    entities: tuple[str, ...] = ()
    speaker: str | None = None
    quote: str | None = None
    source: Source = field(default_factory=Source)
    key: str | None = None
    external_id: str | None = None
    review: Review | None = None  # set for a rated claim: the text is the claim as rated


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A rule not yet stored; `evidence` names a statement by key, exact text or id."""

    pattern: str
    explanation: str
    kind: RuleKind = RuleKind.OUTDATED
    applies_from: str | None = None  # full ISO dates
    applies_until: str | None = None
    context: tuple[str, ...] = ()
    evidence: str | int | None = None
    key: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change: a Telegram user, or the local command-line user."""

    id: str
    name: str

    @classmethod
    def cli(cls) -> Actor:
        import getpass

        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = "unknown"
        return cls(id=f"cli:{user}", name=user)


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the audit log."""

    id: int
    at: str
    actor_id: str
    actor_name: str
    action: str
    target: str
    target_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    undone_by: int | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing the knowledge base knows, with the names it goes by."""

    id: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, EVENT, ROLE, MISC
    name: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


# -- the curators' queue: one request per claim, and who filed it ---------------------


class RequestKind(StrEnum):
    """An ask (please check this unverified claim) or a dispute (this verdict looks wrong)."""

    ASK = "ask"
    DISPUTE = "dispute"


@dataclass(frozen=True, slots=True)
class Requester:
    """Who filed a request and where to tell them: a Telegram user and chat (ids only), and
    the interface language they were answered in (None: the source language)."""

    user_id: int
    chat_id: int
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """One claim in the queue, with how many people filed it and their one-line reasons."""

    id: int
    kind: RequestKind
    claim: str
    verdict: Verdict  # the verdict the claim had when it was filed
    reference_date: date | None
    status: str  # open, answered or dismissed
    opened_at: str
    count: int = 0
    last_asked: str | None = None
    reasons: tuple[str, ...] = ()
    outcome: str | None = None
