"""What the curators' operations return: results the bot and the CLI each render once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from knowledge.errors import CandidateNotFound
from knowledge.model import Change, Review, Rule, Source, Statement, StatementDraft

LOG_MAX = 50  # changes listed at a time
HISTORY_MAX = 100  # a statement's changes listed, newest first
LEARN_MAX = 20  # candidate statements offered from one article


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count` and the noun in the right number: "1 rule", "2 rules", "0 entities"."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One audit-log entry as curators read it: who did what to which row, and when."""

    id: int
    when: str  # UTC, to the minute: "2026-11-28 10:03"
    who: str
    actor_id: str
    action: str
    target: str  # "statement 12", "rule 3", "entities"
    reason: str | None = None
    undone_by: int | None = None

    @classmethod
    def of(cls, change: Change) -> ChangeEntry:
        reason = (change.after or {}).get("reason")
        target = f"{change.target} {change.target_id or ''}".strip()
        when = change.at[:16].replace("T", " ")
        return cls(
            change.id, when, change.actor_name, change.actor_id, str(change.action), target,
            str(reason) if reason else None, change.undone_by,
        )  # fmt: skip

    @property
    def undone(self) -> str:
        return f"undone by change {self.undone_by}" if self.undone_by else ""


@dataclass(frozen=True, slots=True)
class StatementDetails:
    """A statement's text and its labelled details (only those it has), in reading order."""

    id: int
    text: str
    details: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, statement: Statement, review: Review | None = None) -> StatementDetails:
        """Its details; a rated claim (one with a `review`) shows the rating, the checker, the
        review's date and link, and who made the claim, never passing for a fact."""
        s = statement
        added = " at ".join(str(p) for p in (s.added_by, s.added_at) if p)
        rated: tuple[tuple[str, str | None], ...] = ()
        if review is not None:
            rated = (
                ("rating", review.rating), ("checker", review.checker),
                ("reviewed", review.review_date), ("link", review.url),
                ("claimed by", review.claimant),
            )  # fmt: skip
        kind = "rated claim" if review is not None else str(s.kind)
        named = (
            ("kind", kind), *rated, ("status", str(s.status)), ("date", s.event_date),
            ("from", s.valid_from), ("until", s.valid_until),
            ("source", s.source.label() if s.source.title or s.source.url else None),
            ("speaker", s.speaker), ("quote", s.quote), ("entities", ", ".join(s.entities)),
            ("key", s.key), ("external id", s.external_id), ("added", added),
        )  # fmt: skip
        return cls(s.id, s.text, tuple((n, v) for n, v in named if v))


@dataclass(frozen=True, slots=True)
class Found:
    """One search hit: the statement, its score in [0, 1], and its review if it is a rated
    claim (then it is what a checker rated, not a fact)."""

    statement: Statement
    score: float
    review: Review | None = None

    @property
    def rating(self) -> str:
        """ "rated False by Reuters" for a rated claim, else ""."""
        if self.review is None:
            return ""
        return f"rated {self.review.rating} by {self.review.checker}"


@dataclass(frozen=True, slots=True)
class FoundList:
    """The best matches of a search, best first."""

    hits: tuple[Found, ...]


@dataclass(frozen=True, slots=True)
class StatementHistory:
    """One statement in full and its changes, newest first."""

    statement: StatementDetails
    changes: tuple[ChangeEntry, ...]


@dataclass(frozen=True, slots=True)
class LogPage:
    """The newest changes to the knowledge base, newest first."""

    changes: tuple[ChangeEntry, ...]
    asked: int  # how many the curator asked for (more than LOG_MAX are not shown)

    @property
    def heading(self) -> str:
        if not self.changes:
            return "No changes yet."
        capped = f" (at most {LOG_MAX} at a time)" if self.asked > LOG_MAX else ""
        return f"The last {plural(len(self.changes), 'change')}{capped}"


@dataclass(frozen=True, slots=True)
class RuleList:
    """The active rules, each with its terms: when it applies and what backs it."""

    rules: tuple[Rule, ...]

    @property
    def heading(self) -> str:
        return f"{plural(len(self.rules), 'active rule')}" if self.rules else "No rules yet."

    @staticmethod
    def terms(rule: Rule) -> tuple[tuple[str, str], ...]:
        named = (
            ("from", str(rule.applies_from or "")), ("until", str(rule.applies_until or "")),
            ("evidence", f"#{rule.evidence_id}" if rule.evidence_id else ""),
            ("context", ", ".join(rule.context)),
        )  # fmt: skip
        return tuple((n, v) for n, v in named if v)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import added, and how many records were skipped as duplicates."""

    statement_ids: list[int] = field(default_factory=list)
    rule_ids: list[int] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    duplicates: int = 0
    ratings: tuple[str, ...] = ()  # the rating of each new rated claim (among statement_ids)
    change_ids: tuple[int, ...] = ()  # the audit-log changes it made, oldest first

    @property
    def added(self) -> int:
        return len(self.statement_ids) + len(self.rule_ids) + len(self.entity_ids)

    @property
    def summary(self) -> str:
        """ "Imported 1 rated claim (False), 0 statements, 0 rules and 0 entities; …"."""
        plain = len(self.statement_ids) - len(self.ratings)
        rated = ""
        if self.ratings:
            counts = Counter(self.ratings)
            each = ", ".join(
                name if len(counts) == 1 and n == 1 else f"{n:,} {name}"
                for name, n in counts.most_common()
            )
            rated = f"{plural(len(self.ratings), 'rated claim')} ({each}), "
        return (
            f"Imported {rated}{plural(plain, 'statement')}, "
            f"{plural(len(self.rule_ids), 'rule')} and "
            f"{plural(len(self.entity_ids), 'entity', 'entities')}; "
            f"skipped {plural(self.duplicates, 'duplicate')}."
        )


@dataclass(frozen=True, slots=True)
class KnowledgeStats:
    """Counts by kind and status, the last change and the size of the knowledge-base file."""

    statements: dict[str, int]
    rules: dict[str, int]
    entities: int
    last_change: Change | None
    file_bytes: int | None

    @property
    def rows(self) -> tuple[tuple[str, str], ...]:
        """Every figure as a (label, value) row, in the order curators read them."""
        rows = [(f"statements {n}", f"{c:,}") for n, c in sorted(self.statements.items())]
        rows += [(f"rules {n}", f"{c:,}") for n, c in sorted(self.rules.items())]
        rows.append(("entities", f"{self.entities:,}"))
        if self.last_change is not None:
            last = ChangeEntry.of(self.last_change)
            rows.append(
                (
                    "last change",
                    f"{last.id}: {last.action} {last.target} by {last.who}, {last.when}",
                )
            )
        size = f"{self.file_bytes / 1000:,.0f} kB" if self.file_bytes else "in memory"
        rows.append(("file size", size))
        return tuple(rows)


@dataclass(frozen=True, slots=True)
class LearnProposal:
    """Candidate statements from a trusted article, numbered from 1, none stored yet."""

    drafts: tuple[StatementDraft, ...]
    published: date
    source: Source
    left_out: int = 0  # candidates past LEARN_MAX, not offered

    @property
    def heading(self) -> str:
        if not self.drafts:
            return "I found no factual sentences to learn in that text."
        more = f"; {self.left_out} more left out (learn a shorter excerpt)" if self.left_out else ""
        return (
            f"{plural(len(self.drafts), 'candidate statement')}, dates read as of "
            f"{self.published.isoformat()}{more}:"
        )

    def chosen(self, numbers: Iterable[int]) -> tuple[StatementDraft, ...]:
        """The drafts numbered `numbers` (from 1), each once, in order."""
        picked = sorted(set(numbers))
        for number in picked:
            if not 1 <= number <= len(self.drafts):
                raise CandidateNotFound(number, len(self.drafts))
        return tuple(self.drafts[n - 1] for n in picked)


@dataclass(frozen=True, slots=True)
class Learned:
    """What learning the chosen candidates added, and how many were known already."""

    ids: tuple[int, ...]
    duplicates: int
    change_id: int | None = None  # the change that stored them (None when nothing was new)

    @property
    def summary(self) -> str:
        listed = ", ".join(f"#{i}" for i in self.ids) or "none new"
        known = f"; {self.duplicates} already known" if self.duplicates else ""
        return f"Learned {plural(len(self.ids), 'statement')}: {listed}{known}."
