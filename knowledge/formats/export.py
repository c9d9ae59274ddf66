"""Writing the knowledge base as one YAML document that the importer takes back unchanged."""

from __future__ import annotations

from typing import Any

import yaml

from knowledge.model import Entity, Review, Rule, Statement

FORMAT = "factcheck-kb"
VERSION = 1


def _compact(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def statement_record(statement: Statement, review: Review | None = None) -> dict[str, Any]:
    source = statement.source
    return _compact({
        "key": statement.key,
        "external_id": statement.external_id,
        "kind": str(statement.kind),
        "text": statement.text,
        "event_date": statement.event_date,
        "valid_from": statement.valid_from,
        "valid_until": statement.valid_until,
        "entities": list(statement.entities),
        "speaker": statement.speaker,
        "quote": statement.quote,
        "source": _compact({
            "title": source.title,
            "url": source.url,
            "published": source.published.isoformat() if source.published else None,
        }),
        "review": _compact(review.to_dict()) if review else None,
    })  # fmt: skip


def rule_record(rule: Rule, evidence: Statement | None) -> dict[str, Any]:
    return _compact({
        "key": rule.key,
        "kind": str(rule.kind),
        "pattern": rule.pattern,
        "applies_from": rule.applies_from.isoformat() if rule.applies_from else None,
        "applies_until": rule.applies_until.isoformat() if rule.applies_until else None,
        "context": list(rule.context),
        "explanation": rule.explanation,
        "evidence": (evidence.key or evidence.text) if evidence else None,
    })  # fmt: skip


def entity_record(entity: Entity) -> dict[str, Any]:
    return _compact(
        {
            "id": entity.id,
            "label": entity.label,
            "name": entity.name,
            "aliases": list(entity.aliases),
        }
    )


def export_yaml(
    statements: list[Statement],
    rules: list[Rule],
    entities: list[Entity],
    evidence: dict[int, Statement],
    reviews: dict[int, Review] | None = None,
) -> str:
    """The whole knowledge base (active statements and rules, entities) as YAML text."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "entities": [entity_record(e) for e in entities],
        "statements": [statement_record(s, (reviews or {}).get(s.id)) for s in statements],
        "rules": [rule_record(r, evidence.get(r.evidence_id or 0)) for r in rules],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
