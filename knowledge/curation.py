"""The curator: everything that reads or changes the knowledge base for its curators (adding,
learning, editing and retiring statements, rules, undo, import, export and statistics); each
change is one audited transaction through writing.py."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from knowledge import writing
from knowledge.checking.view import KnowledgeView
from knowledge.curator_results import (
    HISTORY_MAX,
    LEARN_MAX,
    LOG_MAX,
    ChangeEntry,
    Found,
    FoundList,
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
    ChangeNotFound,
    InvalidImport,
    InvalidStatement,
    RuleNotFound,
    StatementNotFound,
)
from knowledge.factchecks import RatingTable
from knowledge.formats import MAX_IMPORT_BYTES, Batch, export_yaml, read_import
from knowledge.formats.stream import CountingReader, stream_records
from knowledge.formats.wording import RATING_WORDING, reads_as_rating
from knowledge.inputs import vet_text
from knowledge.learned import learned_key
from knowledge.model import (
    Actor,
    ChangeAction,
    Review,
    Rule,
    RuleKind,
    Source,
    Statement,
    StatementDraft,
    StatementKind,
    Status,
)
from knowledge.nlp.claims import Claim, extract_claims
from knowledge.nlp.dates import find_dateline
from knowledge.nlp.dating import dating
from knowledge.nlp.furniture import dateline_length
from knowledge.nlp.speakers import article_speakers
from knowledge.resources import lexicon
from knowledge.retrieval import search_statements
from knowledge.store import Store

_SHOWN = 20  # bad records named in the error; the rest are counted


class Curator:
    """Curators' operations on top of the store; every change is one audited transaction."""

    def __init__(self, store: Store, view: KnowledgeView, *, ratings: RatingTable) -> None:
        self.store = store
        self._view = view  # the pipeline and entity labels, to read a trusted article
        self._ratings = ratings

    # -- what curators read -------------------------------------------------------------

    async def statement_history(self, statement_id: int) -> StatementHistory:
        """One statement in full with its changes, newest first."""
        statement = await self.store.statements.get(statement_id)
        review = (await self.store.reviews.of([statement_id])).get(statement_id)
        changes = await self.store.log.changes(HISTORY_MAX, target_id=statement_id)
        return StatementHistory(
            StatementDetails.of(statement, review), tuple(ChangeEntry.of(c) for c in changes)
        )

    async def details(self, statement_id: int) -> StatementDetails:
        """One statement (or rated claim) with its labelled details."""
        statement = await self.store.statements.get(statement_id)
        review = (await self.store.reviews.of([statement_id])).get(statement_id)
        return StatementDetails.of(statement, review)

    async def find(self, text: str, *, limit: int = 10) -> FoundList:
        """The best matches for `text`, rated claims with their rating."""
        hits = await search_statements(self.store, text, limit=limit)
        reviews = await self.store.reviews.of(s.id for s, _ in hits)
        return FoundList(tuple(Found(s, score, reviews.get(s.id)) for s, score in hits))

    async def log_page(self, count: int = 20) -> LogPage:
        """The newest `count` changes (at most LOG_MAX), newest first."""
        changes = await self.store.log.changes(max(1, min(count, LOG_MAX)))
        return LogPage(tuple(ChangeEntry.of(c) for c in changes), asked=count)

    async def rule_list(self) -> RuleList:
        return RuleList(tuple(await self.store.rules.all()))

    # -- adding, learning, editing and retiring statements -------------------------------

    async def add(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        external_id: str | None = None,
        event_date: date | str | None = None,
        valid_from: date | str | None = None,
        valid_until: date | str | None = None,
        kind: StatementKind | str | None = None,
        speaker: str | None = None,
        quote: str | None = None,
        entities: tuple[str, ...] = (),
        review: Review | None = None,
        actor: Actor | None = None,
    ) -> int:
        """Store one statement and return its id; with a `review`, a rated claim: `text` is
        the claim as rated, never taken as verified. A verified statement given no kind and no
        dates is dated by its own words, as an imported one is (formats/records.py)."""
        draft = writing.statement_of(
            text,
            source=source,
            external_id=external_id,
            event_date=event_date,
            valid_from=valid_from,
            valid_until=valid_until,
            kind=kind,
            speaker=speaker,
            quote=quote,
            entities=entities,
            review=review,
        )
        return await writing.add_statement(self.store, draft, actor or Actor.cli())

    async def add_many(
        self,
        drafts: list[StatementDraft],
        *,
        actor: Actor | None = None,
        action: ChangeAction | str = ChangeAction.IMPORT,
    ) -> tuple[list[int], int]:
        """Store new statements in one transaction; returns (new ids, duplicates skipped)."""
        batch = Batch(statements=list(drafts))
        who = actor or Actor.cli()
        stored = await writing.store_batch(self.store, batch, who, action=ChangeAction(action))
        return stored.statement_ids, stored.duplicates

    async def propose(
        self, text: str, *, source: Source | str | None = None, published: date | None = None
    ) -> list[StatementDraft]:
        """Candidate statements from a trusted article, relative dates resolved, not stored."""
        text = vet_text(text)
        nlp = await self._view.refresh()
        reference = published or find_dateline(text) or date.today()
        src = _source(source)
        if src.published is None:
            src = replace(src, published=published)
        claims = extract_claims(nlp(text), reference, lexicon(), nlp=nlp)
        speakers = article_speakers(claims, self._view.labels, lexicon())
        drafts = [
            _draft_from_claim(
                c, src, self._view.labels, dateline=_dateline_before(text, c), speaker=speaker
            )
            for c, speaker in zip(claims, speakers, strict=True)
            if c.check_worthy
        ]
        return [d for d in drafts if not reads_as_rating(d.text)]  # reports of ratings aside

    async def learn(
        self,
        text: str,
        *,
        source: Source | str | None = None,
        published: date | None = None,
        actor: Actor | None = None,
    ) -> list[int]:
        """Learn a trusted article: its factual sentences become statements; returns new ids."""
        drafts = await self.propose(text, source=source, published=published)
        ids, _ = await self.add_many(drafts, actor=actor, action=ChangeAction.LEARN)
        return ids

    async def edit(self, statement_id: int, text: str, *, actor: Actor | None = None) -> Statement:
        text = " ".join((text or "").split())
        if not text:
            raise InvalidStatement("text", "the new text is empty")
        rated = await self.store.reviews.of([statement_id])
        if statement_id not in rated and reads_as_rating(text):
            raise InvalidStatement("statement", f"“{text[:80]}” {RATING_WORDING}")
        await self.store.update(statement_id, actor or Actor.cli(), ChangeAction.EDIT, text=text)
        return await self.store.statements.get(statement_id)

    async def retire(
        self, statement_id: int, reason: str | None = None, *, actor: Actor | None = None
    ) -> Statement:
        statement = await self.store.statements.get(statement_id)
        if statement.status == Status.RETIRED:
            raise StatementNotFound(f"{statement_id} (already retired)")
        await self.store.update(
            statement_id,
            actor or Actor.cli(),
            ChangeAction.RETIRE,
            reason=reason,
            status=Status.RETIRED,
        )
        return await self.store.statements.get(statement_id)

    def rating_class(self, rating: str) -> str:
        """The class of a published rating (false, misleading, mixed, unproven, satire, true,
        or "other" when the rating table does not know it)."""
        return self._ratings.classify(rating)

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
        batch = Batch(statements=list(proposal.chosen(numbers)))
        who = actor or Actor.cli()
        stored = await writing.store_batch(self.store, batch, who, action=ChangeAction.LEARN)
        changes = stored.change_ids
        return Learned(
            tuple(stored.statement_ids), stored.duplicates, changes[0] if changes else None
        )

    # -- rules --------------------------------------------------------------------------

    async def add_rule(
        self,
        pattern: str,
        *,
        explanation: str,
        kind: RuleKind | str = RuleKind.OUTDATED,
        applies_from: date | str | None = None,
        applies_until: date | str | None = None,
        context: tuple[str, ...] = (),
        evidence_id: int | None = None,
        key: str | None = None,
        actor: Actor | None = None,
    ) -> int:
        """Add an outdated-reference or contradiction rule; the pattern is a safe phrase."""
        draft = writing.rule_of(
            pattern,
            explanation=explanation,
            kind=kind,
            applies_from=applies_from,
            applies_until=applies_until,
            context=context,
            evidence=evidence_id,
            key=key,
        )
        return await writing.add_rule(self.store, draft, actor or Actor.cli())

    async def rule(self, rule_id: int) -> Rule:
        for rule in await self.store.rules.all(status=None):
            if rule.id == rule_id:
                return rule
        raise RuleNotFound(rule_id)

    async def remove_rule(self, rule_id: int, *, actor: Actor | None = None) -> Rule:
        """Retire a rule (it stays in the history); returns it as it was."""
        rule = await self.rule(rule_id)
        if rule.status != Status.ACTIVE:
            raise RuleNotFound(f"{rule_id} (already removed)")
        await self.store.retire_rule(rule_id, actor or Actor.cli())
        return rule

    # -- undo ---------------------------------------------------------------------------

    async def last_change_of(self, target_id: int, target: str = "statement") -> int | None:
        """The newest change to a statement (or a rule): the id /kb_undo takes to revert it."""
        return await self.store.log.last_change_of(target_id, target)

    async def revert(self, change_id: int, *, actor: Actor | None = None) -> int:
        """Undo one change exactly; returns the id of the 'undo' change. Given the id of a
        statement (or rule) that no change has, ChangeNotFound names that one's last change."""
        try:
            return await self.store.undo(change_id, actor or Actor.cli())
        except ChangeNotFound:
            for target in ("statement", "rule"):
                last = await self.store.log.last_change_of(change_id, target)
                if last is not None:
                    raise ChangeNotFound(change_id, target=target, last_change=last) from None
            raise

    # -- statistics and export ----------------------------------------------------------

    async def stats(self) -> KnowledgeStats:
        rules: dict[str, int] = {}
        for rule in await self.store.rules.all(status=None):
            name = f"{rule.kind}/{rule.status}"
            rules[name] = rules.get(name, 0) + 1
        return KnowledgeStats(
            statements=await self.store.statements.counts(),
            rules=rules,
            entities=len(await self.store.entities.all()),
            last_change=await self.store.log.last_change(),
            file_bytes=_file_size(self.store.path),
        )

    async def export_yaml(self) -> str:
        """Active statements, active rules and entities as YAML that imports back unchanged."""
        rules = await self.store.rules.all()
        evidence = await self.store.statements.get_many(
            r.evidence_id for r in rules if r.evidence_id
        )
        statements = await self.store.statements.all()
        reviews = await self.store.reviews.of(s.id for s in statements)
        return export_yaml(statements, rules, await self.store.entities.all(), evidence, reviews)

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
        return await writing.store_batch(self.store, batch, actor or Actor.cli())

    async def import_file(
        self,
        path: Path,
        *,
        actor: Actor | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        stream_above: int = MAX_IMPORT_BYTES,
    ) -> ImportResult:
        """Import a file of any size all or nothing: files up to `stream_above` bytes as
        `import_records`, larger ones (JSON, JSON-LD, DataFeed, JSON Lines, CSV) in two passes
        over the file, so that memory stays bounded whatever its size: every record is read
        and checked first (a bad file is refused before the knowledge base is touched), then
        read again and stored a chunk at a time in one transaction. `progress(bytes read, file
        size, "checking" or "storing")` is called as it goes."""
        size = path.stat().st_size
        if size <= stream_above and path.suffix.lower() not in (".jsonl", ".ndjson"):
            return await self.import_records(path.read_bytes(), filename=path.name, actor=actor)

        def records(stage: str) -> Iterator[StatementDraft | BadRecord]:
            with path.open("rb") as raw:
                reader = CountingReader(raw)
                for chunk in writing.batched(
                    stream_records(reader, filename=path.name), writing.STREAM_CHUNK
                ):
                    yield from chunk
                    if progress is not None:
                        progress(reader.done, size, stage)

        await asyncio.to_thread(_check_all, records("checking"))
        return await writing.store_stream(
            self.store,
            _drafts_only(records("storing")),
            actor or Actor.cli(),
            chunk=writing.STREAM_CHUNK,
            read_in_thread=True,
        )

    async def import_stream(
        self,
        records: Iterable[StatementDraft | BadRecord],
        *,
        actor: Actor | None = None,
    ) -> ImportResult:
        """Import statements all or nothing, duplicates skipped; any bad record rejects the
        whole import (InvalidImport names the first few) and nothing changes. Every record is
        read and checked (in a thread) before the write begins: a slow or bad source never
        holds the knowledge base; the write is one transaction, a chunk at a time. (The
        records are held in memory meanwhile: a file is imported with `import_file`, which
        reads it twice instead.)"""
        drafts = await asyncio.to_thread(_read_all, records)
        return await writing.store_stream(self.store, drafts, actor or Actor.cli())


def _check_all(records: Iterable[StatementDraft | BadRecord]) -> int:
    """How many drafts the records hold, or InvalidImport naming the first bad records (only
    those are kept: the drafts are counted, not held)."""
    problems: list[BadRecord] = []
    bad = drafts = 0
    for record in records:
        if isinstance(record, BadRecord):
            bad += 1
            if len(problems) < _SHOWN:
                problems.append(record)
        else:
            drafts += 1
    if bad:
        raise InvalidImport(
            problems, summary=f"Import rejected, nothing was imported: {bad:,} bad record(s)"
        )
    if not drafts:
        raise InvalidImport([], summary="The file holds no statements.")
    return drafts


def _read_all(records: Iterable[StatementDraft | BadRecord]) -> list[StatementDraft]:
    """Every draft of an import, or InvalidImport naming the first bad records."""
    held = list(records)
    _check_all(held)
    return [r for r in held if isinstance(r, StatementDraft)]


def _drafts_only(records: Iterable[StatementDraft | BadRecord]) -> Iterator[StatementDraft]:
    """The drafts of a file read a second time; a bad record now (the file changed since it
    was checked) rejects the import, and the transaction it is read in is rolled back."""
    for record in records:
        if isinstance(record, BadRecord):
            raise InvalidImport(
                [record],
                summary="Import rejected, nothing was imported: the file changed while it was "
                "being imported",
            )
        yield record


def _file_size(path: str) -> int | None:
    if path == ":memory:" or not os.path.exists(path):
        return None
    return sum(os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))


def _source(source: Source | str | None) -> Source:
    if source is None:
        return Source()
    if isinstance(source, Source):
        return source
    return Source.named(source)


def _dateline_before(text: str, claim: Claim) -> str:
    """The dateline the sentence of `claim` opens with in `text` ("KOUROU, French Guiana, 13
    March 2025 – "), which the claim leaves out; "" for none."""
    line = text.rfind("\n", 0, claim.start) + 1
    lead = text[line : claim.start]
    if not lead.strip() or dateline_length(lead.lstrip() + claim.text) != len(lead.lstrip()):
        return ""
    return " ".join(lead.split()) + " "


def _draft_from_claim(
    claim: Claim,
    source: Source,
    labels: dict[str, str],
    *,
    dateline: str = "",
    speaker: str | None = None,
) -> StatementDraft:
    """A statement from an article's claim; the dateline its sentence opens with is kept in
    the text (its place is where the article was filed from), the key is the claim's own. Its
    speaker is the person a quotation's words are from, else `speaker` (who it reports as
    speaking)."""
    features = claim.features
    told = dating(features.text, features.dates)
    quote = max(features.quotes, key=lambda q: len(q.text), default=None)
    quoted = next(
        (
            m.id
            for m in features.entities
            if labels.get(m.id) == "PERSON" and quote and not quote.start <= m.start < quote.end
        ),
        None,
    )
    speaker = quoted or speaker
    return StatementDraft(
        text=dateline + claim.text,
        kind=StatementKind.EVENT if told.event_date else StatementKind.FACT,
        event_date=told.event_date,
        valid_from=told.valid_from,
        valid_until=told.valid_until,
        entities=tuple(sorted(i for i in features.entity_ids if i in labels)),
        speaker=speaker,
        quote=quote.text if quote else None,
        source=source,
        key=learned_key(source, claim.text),
    )
