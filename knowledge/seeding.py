"""Loading the curated seed knowledge (seeds/*.yaml) into a store, idempotently."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from knowledge.errors import InvalidSeed, KnowledgeError
from knowledge.model import Actor, Entity, Source, StatementDraft, StatementKind
from knowledge.nlp.dates import partial_iso
from knowledge.nlp.patterns import compile_pattern
from knowledge.store import Store

SEED_ACTOR = Actor(id="seed", name="seed data")


def default_seed_dir() -> Path:
    """`seeds/` beside the package (a source checkout or an editable install)."""
    return Path(__file__).resolve().parent.parent / "seeds"


def _read(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidSeed(str(path), f"cannot read: {exc}") from exc
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InvalidSeed(str(path), f"expected a list of mappings under {key!r}")
    return items


def _iso(value: Any, where: str) -> str | None:
    try:
        return partial_iso(value)
    except ValueError as exc:
        raise InvalidSeed(where, str(exc)) from exc


def source_from(data: Any, where: str) -> Source:
    if data is None:
        return Source()
    if isinstance(data, str):
        return Source.named(data)
    if not isinstance(data, dict):
        raise InvalidSeed(where, "source must be a mapping with title, url, published")
    published = _iso(data.get("published"), where)
    return Source(
        data.get("title"),
        data.get("url"),
        date.fromisoformat(published) if published and len(published) == 10 else None,
    )


def draft_from(item: dict[str, Any], where: str) -> StatementDraft:
    """A statement draft from one YAML mapping, validated."""
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidSeed(where, "every statement needs a non-empty 'text'")
    kind = item.get("kind", "fact")
    if kind not in ("event", "fact"):
        raise InvalidSeed(where, f"kind must be 'event' or 'fact', not {kind!r}")
    return StatementDraft(
        text=" ".join(text.split()),
        kind=StatementKind(kind),
        event_date=_iso(item.get("event_date"), where),
        valid_from=_iso(item.get("valid_from"), where),
        valid_until=_iso(item.get("valid_until"), where),
        entities=tuple(item.get("entities") or ()),
        speaker=item.get("speaker"),
        quote=item.get("quote"),
        source=source_from(item.get("source"), where),
        key=item.get("key"),
        external_id=item.get("external_id"),
    )


async def seed(store: Store, directory: Path | None = None) -> int:
    """Add whatever seed statements, entities and rules are missing; returns how many added.

    Statements and rules are matched by key, so a retired one is never brought back.
    """
    directory = directory or default_seed_dir()
    if not directory.is_dir():
        raise KnowledgeError(f"Seed folder {directory} not found.")
    added = 0
    async with store.transaction():
        for item in _read(directory / "entities.yaml", "entities"):
            await store.put_entity(_entity(item, str(directory / "entities.yaml")))
        where = str(directory / "statements.yaml")
        items = _read(Path(where), "statements")
        drafts = [draft_from(i, f"{where}: {i.get('key')}") for i in items]
        missing = [d for d in drafts if d.key and await store.by_key(d.key) is None]
        if missing:
            await store.insert_many(missing, SEED_ACTOR, action="seed")
            added += len(missing)
        added += await _seed_rules(store, directory / "rules.yaml")
    return added


def _entity(item: dict[str, Any], where: str) -> Entity:
    try:
        return Entity(
            str(item["id"]),
            str(item["label"]),
            str(item["name"]),
            tuple(str(a) for a in item.get("aliases") or ()),
        )
    except KeyError as exc:
        raise InvalidSeed(where, f"entity {item!r} lacks {exc}") from exc


async def _seed_rules(store: Store, path: Path) -> int:
    added = 0
    for item in _read(path, "rules"):
        where = f"{path}: {item.get('key')}"
        if await store.rule_key_exists(str(item.get("key"))):
            continue
        compile_pattern(str(item.get("pattern", "")))
        evidence = await store.by_key(str(item.get("evidence")))
        if item.get("evidence") and evidence is None:
            raise InvalidSeed(where, f"evidence {item.get('evidence')!r} is not a statement key")
        await store.insert_rule(
            {
                "key": item.get("key"),
                "kind": item.get("kind", "outdated"),
                "pattern": item["pattern"],
                "explanation": " ".join(str(item.get("explanation", "")).split()),
                "applies_from": _iso(item.get("applies_from"), where),
                "applies_until": _iso(item.get("applies_until"), where),
                "context": json.dumps(list(item.get("context") or [])),
                "evidence_id": evidence.id if evidence else None,
            },
            SEED_ACTOR,
        )
        added += 1
    return added
