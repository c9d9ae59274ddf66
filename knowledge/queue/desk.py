"""The curators' queue: filing asks and disputes, answering them, and telling who asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from knowledge.errors import RequestNotFound, RequestRefused, UnusableInput
from knowledge.model import Actor, Report, Source, Verdict
from knowledge.queue.model import Answered, Filed, Notice, Request, Requester, RequestKind
from knowledge.queue.same_claim import claim_terms, same_claim
from knowledge.store.requests import RequestTable

if TYPE_CHECKING:
    from knowledge.kb import KnowledgeBase

Check = Callable[..., Awaitable[Report]]  # check(text, reference_date=…) -> Report

_SEVERITY = (Verdict.CONTRADICTED, Verdict.OUTDATED, Verdict.SUPPORTED)


def claim_verdict(report: Report) -> tuple[Verdict, str]:
    """One verdict for a re-checked claim: its most serious, unverified when none is found."""
    for verdict in _SEVERITY:
        for claim in report.claims:
            if claim.verdict == verdict:
                return verdict, claim.reason
    return Verdict.UNVERIFIED, "Nothing in the knowledge base supports or contradicts this."


class CuratorQueue:
    """Readers' asks and disputes, grouped by claim, until the knowledge base answers them."""

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        expiry_days: int = 30,
        per_person: int = 20,
        max_open: int = 5000,
        claim_chars: int = 1000,
        reason_chars: int = 300,
    ) -> None:
        self.kb = kb
        self.table = RequestTable(kb.store)
        self.expiry_days = expiry_days
        self.per_person = per_person
        self.max_open = max_open
        self.claim_chars = claim_chars
        self.reason_chars = reason_chars

    # -- filing ---------------------------------------------------------------------------

    async def ask(
        self, claim: str, *, requester: Requester, reference_date: date | None = None
    ) -> Filed:
        """Ask the curators to check an unverified claim; people asking the same claim in
        other words join one request."""
        return await self._file(
            RequestKind.ASK, claim, Verdict.UNVERIFIED, requester, reference_date, None
        )

    async def dispute(
        self,
        claim: str,
        verdict: Verdict | str,
        reason: str,
        *,
        requester: Requester,
        reference_date: date | None = None,
    ) -> Filed:
        """Tell the curators a verdict looks wrong, with a one-line reason."""
        why = " ".join((reason or "").split())
        if not why:
            raise RequestRefused("Say in one line what is wrong with the verdict.")
        if len(why) > self.reason_chars:
            raise RequestRefused(
                f"Please keep the reason under {self.reason_chars} characters "
                f"(it has {len(why)}); nothing was filed."
            )
        return await self._file(
            RequestKind.DISPUTE, claim, Verdict(verdict), requester, reference_date, why
        )

    async def _file(
        self,
        kind: RequestKind,
        claim: str,
        verdict: Verdict,
        who: Requester,
        reference_date: date | None,
        reason: str | None,
    ) -> Filed:
        text = " ".join((claim or "").split())[: self.claim_chars]
        terms = claim_terms(text)
        if not terms:
            raise RequestRefused("That claim has no words I can file; nothing was filed.")
        found = await self._same(kind, verdict, text, terms)
        await self._within_limits(who, opening=found is None)
        values: dict[str, Any] = {
            "kind": str(kind),
            "claim": text,
            "terms": " ".join(terms),
            "verdict": str(verdict),
            "reference_date": reference_date.isoformat() if reference_date else None,
            # the verdict was just given against this version: re-check after the next change
            "checked_version": await self.kb.store.kb_version(),
        }
        request_id, repeated = await self.table.file(found, values, who, reason)
        return Filed(await self.table.get(request_id), opened=found is None, repeated=repeated)

    async def _same(
        self, kind: RequestKind, verdict: Verdict, text: str, terms: list[str]
    ) -> int | None:
        for request_id, other in await self.table.similar_open(kind, verdict, terms):
            if same_claim(text, other):
                return int(request_id)
        return None

    async def _within_limits(self, who: Requester, *, opening: bool) -> None:
        if await self.table.open_of(who.user_id) >= self.per_person:
            raise RequestRefused(
                f"You have {self.per_person} requests waiting for the "
                "curators; please wait for their answers before filing more."
            )
        if opening and await self.table.open_count() >= self.max_open:
            raise RequestRefused("The curators' queue is full; please try again in a few days.")

    # -- reading --------------------------------------------------------------------------

    async def most_asked(
        self, kind: RequestKind | str = RequestKind.ASK, *, limit: int = 10
    ) -> list[Request]:
        return await self.table.most_asked(RequestKind(kind), limit=limit)

    async def get(self, request_id: int) -> Request:
        return await self.table.get(request_id)

    # -- closing --------------------------------------------------------------------------

    async def dismiss(self, request_id: int, *, actor: Actor) -> Request:
        """Close a request without an answer; nobody is messaged, who asked is forgotten."""
        await self.table.close(request_id, "dismissed", "dismissed", _by(actor))
        return await self.table.get(request_id)

    async def answer(
        self,
        request_id: int,
        *,
        check: Check,
        text: str | None = None,
        rating: str | None = None,
        source: Source | str | None = None,
        actor: Actor,
        **fields: Any,
    ) -> Answered:
        """Answer a request with a new statement (or a rated claim: who rated the claim how),
        re-check its claim and close it; the notice goes to everyone who filed it."""
        request = await self.table.get(request_id)
        if request.status != "open":
            raise RequestNotFound(request_id, closed=True)
        statement = text or _rated(request.claim, rating, source)
        quote = request.claim if rating and not text else None
        statement_id = await self.kb.add(
            statement, source=source, quote=quote, actor=actor, **fields
        )
        try:
            report = await check(request.claim, reference_date=request.reference_date)
            verdict, reason = claim_verdict(report)
        except UnusableInput as error:  # the answer still stands; the check has no verdict
            verdict, reason = Verdict.UNVERIFIED, error.reason
        recipients = await self.table.close(request_id, "answered", str(verdict), _by(actor))
        notice = Notice(
            request.id,
            request.kind,
            request.claim,
            request.verdict,
            verdict,
            reason,
            statement,
            recipients,
        )
        return Answered(statement_id, notice)

    async def follow_up(self, check: Check, *, batch: int = 50) -> list[Notice]:
        """Re-check open requests not yet checked against the current knowledge base; close
        those whose verdict moved and return what their filers must be told. At most `batch`
        claims are checked per call (call again while it returns a full batch's worth)."""
        version = await self.kb.store.kb_version()
        notices: list[Notice] = []
        unchanged: list[int] = []
        for request in await self.table.stale(version, limit=batch):
            try:
                report = await check(request.claim, reference_date=request.reference_date)
            except UnusableInput:  # the claim cannot be checked on its own: keep it waiting
                unchanged.append(request.id)
                continue
            verdict, reason = claim_verdict(report)
            if verdict == request.verdict:
                unchanged.append(request.id)
                continue
            recipients = await self.table.close(request.id, "answered", str(verdict), "recheck")
            notices.append(
                Notice(
                    request.id,
                    request.kind,
                    request.claim,
                    request.verdict,
                    verdict,
                    reason,
                    None,
                    recipients,
                )
            )
        await self.table.mark_checked(unchanged, version)
        return notices

    async def prune(self, *, now: datetime | None = None) -> int:
        """Forget filings older than the expiry (and requests nobody waits for any more)."""
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.expiry_days)
        return await self.table.prune(cutoff.replace(microsecond=0).isoformat())


def _rated(claim: str, rating: str | None, source: Source | str | None) -> str:
    if not rating:
        raise RequestRefused("Answer with a statement, or with a rating of the claim.")
    who = source.title if isinstance(source, Source) else None
    if isinstance(source, str) and not source.startswith(("http://", "https://")):
        who = source
    said = claim.rstrip(".!?")
    return f"{who or 'The curators'} rated as “{rating.strip()}” the claim that “{said}”."


def _by(actor: Actor) -> str:
    return f"{actor.name} ({actor.id})"
