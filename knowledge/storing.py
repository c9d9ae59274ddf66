"""The one write path: validated drafts from seeds, imports and single adds, duplicates
skipped by one rule for statements and one for rules, stored in one audited transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from knowledge.curator_results import ImportResult
from knowledge.errors import (
    BadRecord,
    DuplicateRule,
    DuplicateStatement,
    InvalidImport,
    StatementNotFound,
)
from knowledge.formats.records import Batch
from knowledge.model import Actor, ChangeAction, RuleDraft, StatementDraft, Status
from knowledge.store import Store

Marker = tuple[str, str]  # (what, value): what two duplicates have in common


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
