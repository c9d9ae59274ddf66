"""Validating one imported record (a mapping) into a statement or rule draft, field by field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from knowledge.errors import BadRecord, InvalidDate, InvalidPattern
from knowledge.formats.guards import control_characters, kind_of, quoted
from knowledge.formats.wording import RATING_WORDING, reads_as_rating
from knowledge.model import (
    Entity,
    Review,
    RuleDraft,
    RuleKind,
    Source,
    StatementDraft,
    StatementKind,
)
from knowledge.nlp.dates import find_dates, iso_date
from knowledge.nlp.dating import Dating, dating
from knowledge.nlp.patterns import compile_pattern

STATEMENT_FIELDS = frozenset({
    "text", "kind", "event_date", "valid_from", "valid_until", "entities", "speaker", "quote",
    "source", "key", "external_id", "review",
})  # fmt: skip
REVIEW_FIELDS = frozenset({
    "checker", "rating", "url", "review_date", "claimant", "claim_date", "language",
})  # fmt: skip
RULE_FIELDS = frozenset({
    "key", "kind", "pattern", "explanation", "applies_from", "applies_until", "context",
    "evidence",
})  # fmt: skip
MAX_TEXT = 2000
Kind = TypeVar("Kind", bound=StrEnum)


@dataclass
class Batch:
    """What one import file holds, validated: statements, rules, entities and the problems."""

    statements: list[StatementDraft] = field(default_factory=list)
    rules: list[RuleDraft] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    problems: list[BadRecord] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.statements) + len(self.rules) + len(self.entities)


class _Fields:
    """Reads typed fields of one record, collecting a BadRecord for each problem."""

    def __init__(self, item: dict[str, Any], position: int, problems: list[BadRecord]) -> None:
        self.item = item
        self.position = position
        self.problems = problems

    def bad(self, name: str, problem: str) -> None:
        self.problems.append(BadRecord(self.position, name, problem))

    def text(self, name: str, *, required: bool = False) -> str | None:
        value = self.item.get(name)
        if value is None or value == "":
            if required:
                self.bad(name, "is missing; it must be non-empty text")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.bad(name, f"is {kind_of(value)} where text was expected")
            return None
        flat = " ".join(str(value).split())
        if len(flat) > MAX_TEXT:
            self.bad(name, f"is {len(flat)} characters long; the limit is {MAX_TEXT}")
            return None
        if required and not flat:
            self.bad(name, "is missing; it must be non-empty text")
        return flat or None

    def web_address(self, name: str) -> str | None:
        """Text that must be an http(s) address (a link users may be sent to)."""
        url = self.text(name)
        if url and not url.lower().startswith(("http://", "https://")):
            self.bad(name, f"{quoted(url)} is not an http(s) address")
            return None
        return url

    def day(self, name: str, *, full: bool = False) -> str | None:
        """An ISO date, partial ("2023", "2023-01") unless `full`; see `iso_date`."""
        try:
            return iso_date(self.item.get(name), field=name, full=full)
        except InvalidDate as error:
            self.bad(name, error.problem)
            return None

    def choice(self, name: str, kinds: type[Kind], default: Kind) -> Kind:
        """One of a closed set of values (an enum's), `default` when not given."""
        value = self.item.get(name)
        if value is None or value == "":
            return default
        try:
            return kinds(value)
        except ValueError:
            allowed = " or ".join(repr(str(k)) for k in kinds)
            self.bad(name, f"must be {allowed}, not {quoted(value)}")
            return default

    def names(self, name: str) -> tuple[str, ...]:
        value = self.item.get(name)
        if value is None or value == "":
            return ()
        if isinstance(value, str):
            value = [v for v in value.replace(";", ",").split(",")]
        if not isinstance(value, list):
            self.bad(name, f"is {kind_of(value)} where a list of names was expected")
            return ()
        odd = [v for v in value if not isinstance(v, str)]
        if odd:
            self.bad(name, f"holds {kind_of(odd[0])} where a list of names was expected")
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def clean(self) -> None:
        """Refuse control characters anywhere in the record (before any duplicate check)."""
        for name, problem in control_characters(self.item):
            self.bad(name, problem)

    def unknown(self, known: frozenset[str]) -> None:
        for name in self.item:
            if name not in known:
                self.bad(str(name), f"is not a known field (known: {', '.join(sorted(known))})")


def statement_draft(item: Any, position: int, problems: list[BadRecord]) -> StatementDraft | None:
    """The draft for one statement record, or None (with problems added) if it is bad."""
    if not isinstance(item, dict):
        problems.append(BadRecord(position, "(record)", "must be a mapping of field: value"))
        return None
    before = len(problems)
    fields = _Fields(item, position, problems)
    fields.clean()
    fields.unknown(STATEMENT_FIELDS)
    text = fields.text("text", required=True)
    told = _told_dates(item, text)
    dated = StatementKind.EVENT if item.get("event_date") or told.event_date else StatementKind.FACT
    draft = StatementDraft(
        text=text or "",
        kind=fields.choice("kind", StatementKind, dated),
        event_date=fields.day("event_date") or told.event_date,
        valid_from=fields.day("valid_from") or told.valid_from,
        valid_until=fields.day("valid_until") or told.valid_until,
        entities=fields.names("entities"),
        speaker=fields.text("speaker"),
        quote=fields.text("quote"),
        source=_source(item.get("source"), fields),
        key=fields.text("key"),
        external_id=fields.text("external_id"),
        review=_review(item.get("review"), fields),
    )
    if text and draft.review is None and reads_as_rating(text):
        fields.bad("text", RATING_WORDING)
    return draft if len(problems) == before else None


def _told_dates(item: dict[str, Any], text: str | None) -> Dating:
    """The days a verified statement given no kind and no dates tells in its own words
    (nlp/dating.py): "Finland joined NATO on 4 April 2023" is that day's event, so the
    timeline can tell a wrong date for it. Given fields are never second-guessed."""
    given = ("kind", "event_date", "valid_from", "valid_until", "review")
    if not text or any(item.get(name) not in (None, "") for name in given):
        return Dating()
    return dating(text, find_dates(text))


def _review(value: Any, fields: _Fields) -> Review | None:
    """A rated claim's review: checker and rating required, the rest optional."""
    if value is None or value == "":
        return None
    if not isinstance(value, dict):
        fields.bad("review", "must be a mapping with checker, rating, url, review_date, …")
        return None
    inner = _Fields(value, fields.position, fields.problems)
    inner.unknown(REVIEW_FIELDS)
    checker, rating = inner.text("checker", required=True), inner.text("rating", required=True)
    review_date, claim_date = (
        inner.day("review_date", full=True),
        inner.day("claim_date", full=True),
    )
    if not (checker and rating):
        return None
    return Review(
        checker,
        rating,
        inner.web_address("url"),
        review_date,
        inner.text("claimant"),
        claim_date,
        inner.text("language"),
    )


def _source(value: Any, fields: _Fields) -> Source:
    if value is None or value == "":
        return Source()
    if isinstance(value, str):
        return Source.named(value)
    if not isinstance(value, dict):
        fields.bad("source", "must be a URL, a title, or a mapping with title, url, published")
        return Source()
    inner = _Fields(value, fields.position, fields.problems)
    inner.unknown(frozenset({"title", "url", "published"}))
    published = inner.day("published")
    if published and len(published) != 10:
        fields.bad("source.published", f"{quoted(published)} must be a full date like 2023-01-30")
        published = None
    return Source(
        inner.text("title"),
        inner.web_address("url"),
        date.fromisoformat(published) if published else None,
    )


def rule_draft(item: Any, position: int, problems: list[BadRecord]) -> RuleDraft | None:
    """The draft for one rule record, its pattern compiled, or None if it is bad."""
    if not isinstance(item, dict):
        problems.append(BadRecord(position, "(rule)", "must be a mapping of field: value"))
        return None
    before = len(problems)
    fields = _Fields(item, position, problems)
    fields.clean()
    fields.unknown(RULE_FIELDS)
    pattern = fields.text("pattern", required=True) or ""
    if pattern:
        try:
            compile_pattern(pattern)
        except InvalidPattern as error:
            fields.bad("pattern", error.problem)
    evidence = item.get("evidence")
    if evidence is not None and (isinstance(evidence, bool) or not isinstance(evidence, str | int)):
        fields.bad("evidence", "must be a statement key, its exact text, or its id")
        evidence = None
    draft = RuleDraft(
        pattern=pattern,
        explanation=fields.text("explanation", required=True) or "",
        kind=fields.choice("kind", RuleKind, RuleKind.OUTDATED),
        applies_from=fields.day("applies_from", full=True),
        applies_until=fields.day("applies_until", full=True),
        context=fields.names("context"),
        evidence=evidence,
        key=fields.text("key"),
    )
    return draft if len(problems) == before else None


def entity(item: Any, position: int, problems: list[BadRecord]) -> Entity | None:
    """An entity record: id, label, name and aliases."""
    if not isinstance(item, dict):
        problems.append(BadRecord(position, "(entity)", "must be a mapping of field: value"))
        return None
    before = len(problems)
    fields = _Fields(item, position, problems)
    fields.clean()
    fields.unknown(frozenset({"id", "label", "name", "aliases"}))
    ident, label, name = (fields.text(n, required=True) for n in ("id", "label", "name"))
    aliases = fields.names("aliases")
    if len(problems) > before or not (ident and label and name):
        return None
    return Entity(ident, label, name, aliases)
