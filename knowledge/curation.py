"""Curating the knowledge base: rules, import/export and statistics (mixed into KnowledgeBase)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import aiosqlite

from knowledge.curator_results import (
    HISTORY_MAX,
    LEARN_MAX,
    LOG_MAX,
    ChangeEntry,
    ImportResult,
    KnowledgeStats,
    Learned,
    LearnProposal,
    LogPage,
    RuleList,
    StatementDetails,
    StatementHistory,
)
from knowledge.errors import (
    BadRecord,
    InvalidImport,
    InvalidStatement,
    KnowledgeError,
    RuleNotFound,
    StatementNotFound,
)
from knowledge.formats import (
    MAX_IMPORT_BYTES,
    Batch,
    RuleDraft,
    export_yaml,
    iso_date,
    read_import,
)
from knowledge.formats.records import RULE_KINDS
from knowledge.formats.stream import CountingReader, stream_records
from knowledge.model import Actor, Rule, Source, Statement, StatementDraft
from knowledge.nlp.patterns import compile_pattern

if TYPE_CHECKING:
    from knowledge.store import Store

T = TypeVar("T")
_CHUNK = 2_000  # records read, checked for duplicates and inserted at a time
_SHOWN = 20  # bad records named in the error; the rest are counted


class CurationMixin:
    """Curators' operations on top of the store; every change is one audited transaction."""

    store: Store

    if TYPE_CHECKING:  # defined by KnowledgeBase

        async def propose(
            self, text: str, *, source: Source | str | None = None, published: date | None = None
        ) -> list[StatementDraft]: ...

        async def add_many(
            self, drafts: list[StatementDraft], *, actor: Actor | None = None, action: str = ...
        ) -> tuple[list[int], int]: ...

    # -- what curators read -------------------------------------------------------------

    async def statement_history(self, statement_id: int) -> StatementHistory:
        """One statement in full with its changes, newest first."""
        statement = await self.store.get(statement_id)
        changes = await self.store.changes(HISTORY_MAX, target_id=statement_id)
        return StatementHistory(
            StatementDetails.of(statement), tuple(ChangeEntry.of(c) for c in changes)
        )

    async def log_page(self, count: int = 20) -> LogPage:
        """The newest `count` changes (at most LOG_MAX), newest first."""
        changes = await self.store.changes(max(1, min(count, LOG_MAX)))
        return LogPage(tuple(ChangeEntry.of(c) for c in changes), asked=count)

    async def rule_list(self) -> RuleList:
        return RuleList(tuple(await self.store.rules()))

    # -- learning a trusted article, with the curator's choice ---------------------------

    async def learn_proposal(
        self,
        text: str,
        *,
        published: date,
        source: Source | str | None = None,
        limit: int | None = LEARN_MAX,
    ) -> LearnProposal:
        """The first `limit` (None: all) candidate statements of a trusted article; nothing is
        stored."""
        drafts = await self.propose(text, source=source, published=published)
        kept = tuple(drafts if limit is None else drafts[:limit])
        origin = kept[0].source if kept else Source(published=published)
        return LearnProposal(kept, published, origin, left_out=len(drafts) - len(kept))

    async def learn_chosen(
        self, proposal: LearnProposal, numbers: Iterable[int], *, actor: Actor | None = None
    ) -> Learned:
        """Store the candidates numbered `numbers` (from 1) in one transaction."""
        chosen = list(proposal.chosen(numbers))
        ids, duplicates = await self.add_many(chosen, actor=actor, action="learn")
        return Learned(tuple(ids), duplicates)

    # -- rules --------------------------------------------------------------------------

    async def add_rule(
        self,
        pattern: str,
        *,
        explanation: str,
        kind: str = "outdated",
        applies_from: date | str | None = None,
        applies_until: date | str | None = None,
        context: tuple[str, ...] = (),
        evidence_id: int | None = None,
        key: str | None = None,
        actor: Actor | None = None,
    ) -> int:
        """Add an outdated-reference or contradiction rule; the pattern is a safe phrase."""
        pattern = " ".join((pattern or "").split())
        compile_pattern(pattern)
        explanation = " ".join((explanation or "").split())
        if not explanation:
            raise InvalidStatement("explanation", "say why the phrase is outdated or wrong")
        if kind not in RULE_KINDS:
            raise InvalidStatement("kind", f"{kind!r}: use 'outdated' or 'contradiction'")
        if evidence_id is not None:
            await self._active_statement(evidence_id)
        values = {
            "key": key, "kind": kind, "pattern": pattern, "explanation": explanation,
            "applies_from": _rule_day(applies_from, "applies_from"),
            "applies_until": _rule_day(applies_until, "applies_until"),
            "context": json.dumps(list(context)), "evidence_id": evidence_id,
        }  # fmt: skip
        return await self.store.insert_rule(values, actor or Actor.cli())

    async def rule(self, rule_id: int) -> Rule:
        for rule in await self.store.rules(status=None):
            if rule.id == rule_id:
                return rule
        raise RuleNotFound(rule_id)

    async def remove_rule(self, rule_id: int, *, actor: Actor | None = None) -> Rule:
        """Retire a rule (it stays in the history); returns it as it was."""
        rule = await self.rule(rule_id)
        if rule.status != "active":
            raise RuleNotFound(f"{rule_id} (already removed)")
        await self.store.retire_rule(rule_id, actor or Actor.cli())
        return rule

    async def _active_statement(self, statement_id: int) -> Statement:
        statement = await self.store.get(statement_id)
        if statement.status != "active":
            raise StatementNotFound(f"{statement_id} (retired)")
        return statement

    # -- undo ---------------------------------------------------------------------------

    async def revert(self, change_id: int, *, actor: Actor | None = None) -> int:
        """Undo one change exactly; returns the id of the 'undo' change."""
        try:
            return await self.store.undo(change_id, actor or Actor.cli())
        except aiosqlite.IntegrityError:
            raise KnowledgeError(
                f"Change {change_id} cannot be undone: a rule cites a statement it would remove. "
                "Undo or remove that rule first."
            ) from None

    # -- statistics and export ----------------------------------------------------------

    async def stats(self) -> KnowledgeStats:
        rules: dict[str, int] = {}
        for rule in await self.store.rules(status=None):
            name = f"{rule.kind}/{rule.status}"
            rules[name] = rules.get(name, 0) + 1
        return KnowledgeStats(
            statements=await self.store.counts(),
            rules=rules,
            entities=len(await self.store.entities()),
            last_change=await self.store.last_change(),
            file_bytes=_file_size(self.store.path),
        )

    async def export_yaml(self) -> str:
        """Active statements, active rules and entities as YAML that imports back unchanged."""
        rules = await self.store.rules()
        evidence = await self.store.get_many(r.evidence_id for r in rules if r.evidence_id)
        statements = await self.store.statements()
        reviews = await self.store.reviews(s.id for s in statements)
        return export_yaml(statements, rules, await self.store.entities(), evidence, reviews)

    # -- import -------------------------------------------------------------------------

    async def import_records(
        self, data: bytes, *, filename: str = "", actor: Actor | None = None
    ) -> ImportResult:
        """Import a file all or nothing; duplicates (same text, external id or key) are skipped.

        Raises InvalidImport, listing each bad record, and then nothing has changed.
        """
        # Parsed in a thread: a slow or refused file never holds the caller's event loop.
        batch = await asyncio.to_thread(read_import, data, filename=filename)
        return await self.import_batch(batch, actor=actor)

    async def import_batch(self, batch: Batch, *, actor: Actor | None = None) -> ImportResult:
        who = actor or Actor.cli()
        fresh, duplicates = await self._fresh_statements(batch.statements)
        rules, rule_duplicates = await self._fresh_rules(batch.rules)
        await self._check_evidence(rules, fresh)
        async with self.store.transaction():
            entity_ids = await self.store.add_entities(batch.entities, who)
            ids = (await self.store.insert_many(fresh, who, action="import")) if fresh else []
            rule_ids = [await self._insert_rule(r, who) for r in rules]
        return ImportResult(ids, rule_ids, entity_ids, duplicates + rule_duplicates)

    async def import_file(
        self,
        path: Path,
        *,
        actor: Actor | None = None,
        progress: Callable[[int, int], None] | None = None,
        stream_above: int = MAX_IMPORT_BYTES,
    ) -> ImportResult:
        """Import a file of any size all or nothing: files up to `stream_above` bytes as
        `import_records`, larger ones (JSON, JSON-LD, DataFeed, JSON Lines, CSV) one record at
        a time; `progress(bytes read, file size)` is called as it goes."""
        size = path.stat().st_size
        if size <= stream_above and path.suffix.lower() not in (".jsonl", ".ndjson"):
            return await self.import_records(path.read_bytes(), filename=path.name, actor=actor)
        with path.open("rb") as raw:
            reader = CountingReader(raw)
            return await self.import_stream(
                stream_records(reader, filename=path.name),
                actor=actor,
                done=(lambda: progress(reader.done, size)) if progress else None,
            )

    async def import_stream(
        self,
        records: Iterable[StatementDraft | BadRecord],
        *,
        actor: Actor | None = None,
        done: Callable[[], None] | None = None,
    ) -> ImportResult:
        """Import statements one chunk at a time in one transaction, duplicates skipped; any bad
        record rejects the whole import (InvalidImport names the first few) and nothing changes."""
        problems: list[BadRecord] = []
        bad = duplicates = 0
        seen: set[bytes] = set()
        ids: list[int] = []
        async with self.store.bulk_insert(actor or Actor.cli()) as insert:
            for chunk in batched(records, _CHUNK):
                drafts = [r for r in chunk if isinstance(r, StatementDraft)]
                errors = [r for r in chunk if isinstance(r, BadRecord)]
                bad += len(errors)
                problems += errors[: _SHOWN - len(problems)]
                if not bad:
                    fresh = await self._fresh_chunk(drafts, seen)
                    duplicates += len(drafts) - len(fresh)
                    ids += await insert(fresh)
                if done is not None:
                    done()
            if bad:
                raise InvalidImport(
                    problems,
                    summary=f"Import rejected, nothing was imported: {bad:,} bad record(s)",
                )
            if not ids and not duplicates:
                raise InvalidImport([], summary="The file holds no statements.")
        return ImportResult(ids, [], [], duplicates)

    async def _fresh_chunk(
        self, drafts: list[StatementDraft], seen: set[bytes]
    ) -> list[StatementDraft]:
        """The drafts of a chunk that are neither stored nor earlier in the import."""
        texts, external_ids = await self.store.stored_markers(drafts)
        fresh = []
        for draft in drafts:
            markers = {
                hashlib.blake2b(m.encode(), digest_size=16).digest()
                for m in duplicate_markers(draft)
            }
            stored = (
                (not _by_review(draft) and draft.text in texts)
                or draft.external_id in external_ids
                or (bool(draft.key) and await self.store.by_key(draft.key or ""))
            )
            if markers & seen or stored:
                continue
            seen |= markers
            fresh.append(draft)
        return fresh

    async def _fresh_statements(
        self, drafts: list[StatementDraft]
    ) -> tuple[list[StatementDraft], int]:
        fresh: list[StatementDraft] = []
        seen: set[str] = set()
        for draft in drafts:
            markers = duplicate_markers(draft)
            if markers & seen or await self._stored(draft):
                continue
            seen |= markers
            fresh.append(draft)
        return fresh, len(drafts) - len(fresh)

    async def _stored(self, draft: StatementDraft) -> bool:
        if _by_review(draft):  # two checkers may rate the same words: one rated claim each
            return await self.store.external_id_exists(draft.external_id or "")
        if await self.store.duplicate_of(draft) is not None:
            return True
        return bool(draft.key) and await self.store.by_key(draft.key or "") is not None

    async def _fresh_rules(self, drafts: list[RuleDraft]) -> tuple[list[RuleDraft], int]:
        known = {(r.kind, r.pattern) for r in await self.store.rules()}
        fresh: list[RuleDraft] = []
        for draft in drafts:
            same_key = bool(draft.key) and await self.store.rule_key_exists(draft.key or "")
            if same_key or (draft.kind, draft.pattern) in known:
                continue
            known.add((draft.kind, draft.pattern))
            fresh.append(draft)
        return fresh, len(drafts) - len(fresh)

    async def _check_evidence(self, rules: list[RuleDraft], fresh: list[StatementDraft]) -> None:
        incoming = {d.key for d in fresh if d.key} | {d.text for d in fresh}
        problems: list[BadRecord] = []
        for position, rule in enumerate(rules, start=1):
            if rule.evidence is None or str(rule.evidence) in incoming:
                continue
            if await self._evidence_id(rule.evidence) is None:
                problems.append(
                    BadRecord(
                        position,
                        "evidence",
                        f"{rule.evidence!r} is not a statement key, text or id",
                    )
                )
        if problems:
            raise InvalidImport(
                problems,
                summary="Import rejected, nothing was imported: "
                "rules cite evidence that does not exist",
            )

    async def _evidence_id(self, evidence: str | int) -> int | None:
        if isinstance(evidence, int) or str(evidence).isdigit():
            try:
                return (await self._active_statement(int(evidence))).id
            except StatementNotFound:
                return None
        found = await self.store.by_key(str(evidence))
        if found is not None:
            return found.id
        return await self.store.duplicate_of(StatementDraft(text=str(evidence)))

    async def _insert_rule(self, draft: RuleDraft, actor: Actor) -> int:
        evidence = await self._evidence_id(draft.evidence) if draft.evidence is not None else None
        values: dict[str, Any] = {
            "key": draft.key, "kind": draft.kind, "pattern": draft.pattern,
            "explanation": draft.explanation, "applies_from": draft.applies_from,
            "applies_until": draft.applies_until, "context": json.dumps(list(draft.context)),
            "evidence_id": evidence,
        }  # fmt: skip
        return await self.store.insert_rule(values, actor)


def _by_review(draft: StatementDraft) -> bool:
    """Whether a draft is a rated claim with a review URL: its duplicates share that URL."""
    return draft.review is not None and bool(draft.external_id)


def duplicate_markers(draft: StatementDraft) -> set[str]:
    """What makes another draft a duplicate: the same review URL for a rated claim, else the
    same text, external id or key."""
    if _by_review(draft):
        return {f"ext:{draft.external_id}"}
    markers = {f"text:{draft.text}"}
    markers |= {f"ext:{draft.external_id}"} if draft.external_id else set()
    markers |= {f"key:{draft.key}"} if draft.key else set()
    return markers


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _rule_day(value: date | str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    iso = iso_date(value)
    if iso is None or len(iso) != 10:
        raise InvalidStatement(name, f"{value!r} is not a date like 2022-02-24")
    return iso


def _file_size(path: str) -> int | None:
    if path == ":memory:" or not os.path.exists(path):
        return None
    return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))
