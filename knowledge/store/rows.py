"""Conversions between store rows and domain objects."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from knowledge.model import (
    Change,
    Review,
    Rule,
    RuleDraft,
    RuleKind,
    Source,
    Statement,
    StatementDraft,
    StatementKind,
    Status,
)

STATEMENT_COLUMNS = (
    "id, key, external_id, text, kind, event_date, valid_from, valid_until, entities, speaker, "
    "quote, source_title, source_url, source_published, status, added_by, added_at, updated_at"
)
RULE_COLUMNS = (
    "id, key, kind, pattern, explanation, applies_from, applies_until, context, evidence_id, status"
)
REVIEW_COLUMNS = (
    "statement_id, checker, rating, review_url, review_date, claimant, claim_date, language"
)
CHANGE_COLUMNS = "id, at, actor_id, actor_name, action, target, target_id, before, after, undone_by"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def statement_from_row(row: Any) -> Statement:
    return Statement(
        id=row[0],
        key=row[1],
        external_id=row[2],
        text=row[3],
        kind=StatementKind(row[4]),
        event_date=row[5],
        valid_from=row[6],
        valid_until=row[7],
        entities=tuple(json.loads(row[8] or "[]")),
        speaker=row[9],
        quote=row[10],
        source=Source(row[11], row[12], _date(row[13])),
        status=Status(row[14]),
        added_by=row[15],
        added_at=row[16],
    )


def _snapshot(columns: str, row: Any) -> dict[str, Any]:
    names = [n.strip() for n in columns.split(",")]
    return dict(zip(names, row, strict=True))


def statement_snapshot(row: Any) -> dict[str, Any]:
    """The full stored state of a statement row, for the audit log and exact undo."""
    return _snapshot(STATEMENT_COLUMNS, row)


def draft_values(draft: StatementDraft) -> dict[str, Any]:
    src = draft.source
    return {
        "key": draft.key,
        "external_id": draft.external_id,
        "text": draft.text,
        "kind": str(draft.kind),
        "event_date": draft.event_date,
        "valid_from": draft.valid_from,
        "valid_until": draft.valid_until,
        "entities": json.dumps(list(draft.entities)),
        "speaker": draft.speaker,
        "quote": draft.quote,
        "source_title": src.title,
        "source_url": src.url,
        "source_published": src.published.isoformat() if src.published else None,
    }


def rule_from_row(row: Any) -> Rule:
    return Rule(
        id=row[0],
        key=row[1],
        kind=RuleKind(row[2]),
        pattern=row[3],
        explanation=row[4],
        applies_from=_date(row[5]),
        applies_until=_date(row[6]),
        context=tuple(json.loads(row[7] or "[]")),
        evidence_id=row[8],
        status=Status(row[9]),
    )


def rule_values(draft: RuleDraft, evidence_id: int | None) -> dict[str, Any]:
    """The column values of a new rule row: the one place a rule row is built."""
    return {
        "key": draft.key,
        "kind": str(draft.kind),
        "pattern": draft.pattern,
        "explanation": draft.explanation,
        "applies_from": draft.applies_from,
        "applies_until": draft.applies_until,
        "context": json.dumps(list(draft.context)),
        "evidence_id": evidence_id,
    }


RULE_SNAPSHOT_COLUMNS = RULE_COLUMNS + ", added_by, added_at"


def rule_snapshot(row: Any) -> dict[str, Any]:
    """The full stored state of a rule row (RULE_SNAPSHOT_COLUMNS), for exact undo."""
    return _snapshot(RULE_SNAPSHOT_COLUMNS, row)


def change_from_row(row: Any) -> Change:
    return Change(
        id=row[0],
        at=row[1],
        actor_id=row[2],
        actor_name=row[3],
        action=row[4],
        target=row[5],
        target_id=row[6],
        before=json.loads(row[7]) if row[7] else None,
        after=json.loads(row[8]) if row[8] else None,
        undone_by=row[9],
    )


def review_from_row(row: Any) -> Review:
    """A claim_reviews row (REVIEW_COLUMNS) as a Review."""
    return Review(
        checker=row[1],
        rating=row[2],
        url=row[3],
        review_date=row[4],
        claimant=row[5],
        claim_date=row[6],
        language=row[7],
    )


def review_values(statement_id: int, review: Review) -> tuple[Any, ...]:
    """The claim_reviews row of a rated claim, in REVIEW_COLUMNS order."""
    return (
        statement_id,
        review.checker,
        review.rating,
        review.url,
        review.review_date,
        review.claimant,
        review.claim_date,
        review.language,
    )


def now() -> str:
    """The time as the store writes it: UTC, ISO 8601, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
