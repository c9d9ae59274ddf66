"""The one write path: every new statement, rule and entity (single adds, a curator's answer,
learning, seeds, imports, streamed imports) is checked as an imported record is
(formats/records.py), its duplicates skipped by one rule for statements and one for rules,
and stored in one audited transaction."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from datetime import date
from itertools import islice
from typing import Any, TypeVar

from knowledge.curator_results import ImportResult
from knowledge.errors import (
    BadRecord,
    DuplicateRule,
    DuplicateStatement,
    InvalidImport,
    InvalidPattern,
    InvalidStatement,
    StatementNotFound,
)
from knowledge.formats.records import Batch, rule_draft, statement_draft
from knowledge.model import (
    Actor,
    ChangeAction,
    Review,
    RuleDraft,
    RuleKind,
    Source,
    StatementDraft,
    StatementKind,
    Status,
)
from knowledge.store import Store

Marker = tuple[str, str]  # (what, value): what two duplicates have in common
T = TypeVar("T")
STREAM_CHUNK = 2_000  # a streamed import's records checked for duplicates and inserted at a time


# -- the duplicate rule for statements ---------------------------------------------------


def duplicate_markers(draft: StatementDraft) -> set[Marker]:
    """What makes another statement a duplicate: the same review URL for a rated claim (two
    checkers may rate the same words), else the same text, external id or key."""
    if draft.review is not None and draft.external_id:
        return {("external_id", draft.external_id)}
    markers = {("text", draft.text)}
    markers |= {("external_id", draft.external_id)} if draft.external_id else set()
    markers |= {("key", draft.key)} if draft.key else set()
    return markers


def _digest(marker: Marker) -> bytes:
    """A marker in 16 bytes: a streamed import remembers millions of them."""
    return hashlib.blake2b("\x00".join(marker).encode(), digest_size=16).digest()


async def fresh_statements(
    store: Store, drafts: Sequence[StatementDraft], seen: set[bytes]
) -> list[StatementDraft]:
    """The drafts that share no marker with a stored statement nor with a draft seen earlier
    in the same write (`seen`, which this updates)."""
    stored = await store.statements.stored_markers(drafts)
    fresh: list[StatementDraft] = []
    for draft in drafts:
        markers = duplicate_markers(draft)
        digests = {_digest(m) for m in markers}
        if digests & seen or any(m in stored for m in markers):
            continue
        seen |= digests
        fresh.append(draft)
    return fresh


async def duplicate_of(store: Store, draft: StatementDraft) -> int | None:
    """The id of a stored statement that `draft` duplicates, if any."""
    stored = await store.statements.stored_markers([draft])
    return next((stored[m] for m in sorted(duplicate_markers(draft)) if m in stored), None)


# -- the duplicate rule for rules --------------------------------------------------------


def rule_markers(kind: str, pattern: str, key: str | None) -> set[Marker]:
    """What makes another rule a duplicate: the same key, or the same kind and pattern."""
    markers = {("pattern", f"{kind} {pattern}")}
    return markers | {("key", key)} if key else markers


async def _stored_rule_markers(store: Store) -> dict[Marker, int]:
    """Keys of every rule (a retired rule is never brought back) and the kind and pattern of
    each active one, with the rule's id."""
    found: dict[Marker, int] = {}
    for rule in await store.rules.all(status=None):
        for marker in rule_markers(rule.kind, rule.pattern, rule.key):
            if marker[0] == "key" or rule.status == Status.ACTIVE:
                found.setdefault(marker, rule.id)
    return found


async def fresh_rules(store: Store, drafts: Sequence[RuleDraft]) -> list[RuleDraft]:
    """The drafts that duplicate neither a stored rule nor an earlier draft."""
    known = set(await _stored_rule_markers(store))
    fresh: list[RuleDraft] = []
    for draft in drafts:
        markers = rule_markers(draft.kind, draft.pattern, draft.key)
        if markers & known:
            continue
        known |= markers
        fresh.append(draft)
    return fresh


# -- writing -----------------------------------------------------------------------------


async def add_statement(store: Store, draft: StatementDraft, actor: Actor) -> int:
    """Store one statement unless it duplicates a stored one (DuplicateStatement)."""
    async with store.transaction():
        existing = await duplicate_of(store, draft)
        if existing is not None:
            stored = await store.statements.get(existing)
            raise DuplicateStatement(existing, retired=stored.status == Status.RETIRED)
        return await store.insert(draft, actor)


async def add_rule(store: Store, draft: RuleDraft, actor: Actor) -> int:
    """Store one rule unless it duplicates a stored one (DuplicateRule)."""
    async with store.transaction():
        stored = await _stored_rule_markers(store)
        for marker in sorted(rule_markers(draft.kind, draft.pattern, draft.key)):
            if marker in stored:
                raise DuplicateRule(stored[marker])
        return await insert_rule(store, draft, actor)


async def insert_rule(
    store: Store, draft: RuleDraft, actor: Actor, *, texts: Mapping[str, str] | None = None
) -> int:
    """Insert a rule, its evidence resolved to a statement id (StatementNotFound if none)."""
    cited = draft.evidence
    evidence = None if cited is None else await cited_statement(store, cited, texts=texts)
    return await store.insert_rule(draft, evidence, actor)


async def cited_statement(
    store: Store, evidence: str | int, *, texts: Mapping[str, str] | None = None
) -> int:
    """The id of the statement a rule cites: by id (an active one), by key or by exact text.
    `texts` gives the text of keys in the same write: a draft skipped as a duplicate of a
    statement stored under another key is found by its text."""
    if isinstance(evidence, int) or evidence.isdigit():
        statement = await store.statements.get(int(evidence))
        if statement.status != Status.ACTIVE:
            raise StatementNotFound(f"{evidence} (retired)")
        return statement.id
    keyed = await store.statements.by_key(evidence)
    if keyed is not None:
        return keyed.id
    text = (texts or {}).get(evidence, evidence)
    found = await duplicate_of(store, StatementDraft(text=text))
    if found is None:
        raise StatementNotFound(repr(evidence))
    return found


async def store_batch(
    store: Store, batch: Batch, actor: Actor, *, action: ChangeAction = ChangeAction.IMPORT
) -> ImportResult:
    """Store a validated batch all or nothing, duplicates skipped; raises InvalidImport if a
    rule cites a statement that is neither stored nor in the batch."""
    async with store.transaction():
        before = await store.log.last_change_id()
        fresh = await fresh_statements(store, batch.statements, set())
        rules = await fresh_rules(store, batch.rules)
        texts = {d.key: d.text for d in batch.statements if d.key}
        await _check_evidence(store, rules, batch.statements)
        entity_ids = await store.add_entities(batch.entities, actor)
        ids = (await store.insert_many(fresh, actor, action=action)) if fresh else []
        rule_ids = [await insert_rule(store, r, actor, texts=texts) for r in rules]
        changes = await store.log.changes_after(before)
    duplicates = len(batch.statements) - len(fresh) + len(batch.rules) - len(rules)
    ratings = tuple(d.review.rating for d in fresh if d.review is not None)
    return ImportResult(ids, rule_ids, entity_ids, duplicates, ratings, changes)


async def store_seed(store: Store, batch: Batch, actor: Actor) -> ImportResult:
    """Seeds, as an import: entities already stored first take their names and aliases from
    the seeds (the seeds own them), all in one transaction."""
    async with store.transaction():
        stored = {e.id: e for e in await store.entities.all()}
        for entity in batch.entities:
            if entity.id in stored and stored[entity.id] != entity:
                await store.entities.put(entity)
        return await store_batch(store, batch, actor, action=ChangeAction.SEED)


async def store_stream(
    store: Store,
    drafts: Iterable[StatementDraft],
    actor: Actor,
    *,
    chunk: int = STREAM_CHUNK,
    read_in_thread: bool = False,
) -> ImportResult:
    """A streamed import's checked drafts stored all or nothing in one transaction, a chunk at
    a time, duplicates skipped (a digest of each marker remembered, not the draft); the
    full-text index is filled once at the end, with one audit-log entry for all. With
    `read_in_thread`, each chunk is taken from `drafts` in a thread (a file being parsed):
    an error raised while reading rolls the whole import back."""
    seen: set[bytes] = set()
    ids: list[int] = []
    ratings: list[str] = []
    duplicates = 0
    changes: tuple[int, ...] = ()
    async with store.transaction():  # the import's change id is read in its turn
        before = await store.log.last_change_id()
        async with store.bulk_insert(actor) as insert:
            parts = batched(drafts, chunk)
            while part := await _next_part(parts, in_thread=read_in_thread):
                fresh = await fresh_statements(store, part, seen)
                duplicates += len(part) - len(fresh)
                ids += await insert(fresh)
                ratings += [d.review.rating for d in fresh if d.review is not None]
        if ids:
            changes = await store.log.changes_after(before)
    return ImportResult(ids, [], [], duplicates, tuple(ratings), changes[:1])


async def _next_part(parts: Iterator[list[T]], *, in_thread: bool) -> list[T]:
    if in_thread:
        return await asyncio.to_thread(next, parts, [])
    return next(parts, [])


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


async def _check_evidence(
    store: Store, rules: list[RuleDraft], statements: list[StatementDraft]
) -> None:
    """Every rule cites a statement that is stored or in the same batch."""
    incoming = {d.key for d in statements if d.key} | {d.text for d in statements}
    problems: list[BadRecord] = []
    for position, rule in enumerate(rules, start=1):
        if rule.evidence is None or str(rule.evidence) in incoming:
            continue
        try:
            await cited_statement(store, rule.evidence)
        except StatementNotFound:
            problem = f"{rule.evidence!r} is not a statement key, text or id"
            problems.append(BadRecord(position, "evidence", problem))
    if problems:
        raise InvalidImport(
            problems,
            summary="Import rejected, nothing was imported: "
            "rules cite evidence that does not exist",
        )


# -- one set of checks for new entries given field by field --------------------------------


def statement_of(
    text: str,
    *,
    source: Source | str | None = None,
    external_id: str | None = None,
    event_date: date | str | int | None = None,
    valid_from: date | str | int | None = None,
    valid_until: date | str | int | None = None,
    kind: StatementKind | str | None = None,
    speaker: str | None = None,
    quote: str | None = None,
    entities: Sequence[str] = (),
    review: Review | None = None,
) -> StatementDraft:
    """A statement given field by field (kb.curator.add, a curator's answer), checked as an imported
    record is (`records.statement_draft`); InvalidStatement names the first problem."""
    record = {
        "text": text,
        "kind": kind,
        "event_date": event_date,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "entities": list(entities),
        "speaker": speaker,
        "quote": quote,
        "source": _source_record(source),
        "external_id": external_id,
        "review": _given(asdict(review)) if review is not None else None,
    }
    problems: list[BadRecord] = []
    draft = statement_draft(_given(record), 1, problems)
    if draft is None:
        raise InvalidStatement(problems[0].field, problems[0].problem)
    return draft


def rule_of(
    pattern: str,
    *,
    explanation: str,
    kind: RuleKind | str | None = None,
    applies_from: date | str | None = None,
    applies_until: date | str | None = None,
    context: Sequence[str] = (),
    evidence: int | str | None = None,
    key: str | None = None,
) -> RuleDraft:
    """A rule given field by field (kb.curator.add_rule), checked as an imported rule is
    (`records.rule_draft`: the one place rule kinds and patterns are checked); InvalidPattern
    or InvalidStatement names the first problem."""
    record = {
        "pattern": pattern,
        "explanation": explanation,
        "kind": kind,
        "applies_from": applies_from,
        "applies_until": applies_until,
        "context": list(context),
        "evidence": evidence,
        "key": key,
    }
    problems: list[BadRecord] = []
    draft = rule_draft(_given(record), 1, problems)
    if draft is None:
        first = problems[0]
        if first.field == "pattern":
            raise InvalidPattern(" ".join((pattern or "").split()), first.problem)
        raise InvalidStatement(first.field, first.problem)
    return draft


def _given(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields given: a record leaves out what it does not say."""
    return {name: value for name, value in record.items() if value not in (None, "", [])}


def _source_record(source: Source | str | None) -> dict[str, Any] | str | None:
    if not isinstance(source, Source):
        return source
    published = source.published.isoformat() if source.published else None
    return _given({"title": source.title, "url": source.url, "published": published})
