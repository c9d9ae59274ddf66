"""The curators' desk: filing readers' asks and disputes, answering them, and telling who asked."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from knowledge.errors import RequestNotFound, RequestRefused, UnusableInput
from knowledge.factchecks.ratings import OTHER
from knowledge.model import (
    Actor,
    ClaimResult,
    FactCheck,
    Report,
    Request,
    Requester,
    RequestKind,
    Review,
    Source,
    Verdict,
)
from knowledge.requests.grouping import claim_terms, same_claim
from knowledge.requests.outcomes import (
    Answered,
    Dismissed,
    Filed,
    Notice,
)

if TYPE_CHECKING:
    from knowledge.kb import KnowledgeBase

Check = Callable[..., Awaitable[Report]]  # check(text, reference_date=…) -> Report

_SEVERITY = (Verdict.CONTRADICTED, Verdict.OUTDATED, Verdict.SUPPORTED)
_NOTHING = "Nothing in the knowledge base supports or contradicts this."


def claim_verdict(report: Report) -> tuple[Verdict, str]:
    """One verdict for a re-checked claim: its most serious, unverified when none is found."""
    verdict, reason, _ = claim_outcome(report)
    return verdict, reason


def claim_outcome(report: Report) -> tuple[Verdict, str, FactCheck | None]:
    """The verdict of a re-checked claim (its most serious, unverified when none is found),
    why, and the fact-check it rests on or is shown beside (a rated claim it repeats)."""
    for verdict in _SEVERITY:
        for claim in report.claims:
            if claim.verdict == verdict:
                return verdict, claim.reason, _fact_check(claim)
    checked = next((c for c in report.claims if _fact_check(c) is not None), None)
    if checked is not None:
        return Verdict.UNVERIFIED, checked.reason, _fact_check(checked)
    return Verdict.UNVERIFIED, _NOTHING, None


def _fact_check(claim: ClaimResult) -> FactCheck | None:
    return next((f.fact_check for f in claim.findings if f.fact_check is not None), None)


class CuratorDesk:
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
        self.table = kb.requests
        self.expiry_days = expiry_days
        self.per_person = per_person
        self.max_open = max_open
        self.claim_chars = claim_chars
        self.reason_chars = reason_chars
        # requests a curator is answering now: the follow-up sweep leaves them to the answer,
        # which tells their readers with the curator's words (the sweep would tell them first,
        # without those words, as soon as the answer's statement is stored)
        self._answering: set[int] = set()

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
        # one transaction: two people asking the same claim at once join one request
        async with self.table.transaction():
            found = await self._same(kind, verdict, text, terms)
            await self._within_limits(who, opening=found is None)
            values: dict[str, Any] = {
                "kind": str(kind),
                "claim": text,
                "terms": " ".join(terms),
                "verdict": str(verdict),
                "reference_date": reference_date.isoformat() if reference_date else None,
                # the verdict was just given against this version: re-check after a change
                "checked_version": await self.table.kb_version(),
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

    async def dismiss(self, request_id: int, *, actor: Actor) -> Dismissed:
        """Close a request without an answer and forget who filed it. Those who disputed a
        verdict are returned, to be told in one line that it stands; askers are not messaged."""
        filed = await self.table.close(request_id, "dismissed", "dismissed", _by(actor))
        request = await self.table.get(request_id)
        return Dismissed(request, filed if request.kind == RequestKind.DISPUTE else ())

    async def answer(
        self,
        request_id: int,
        *,
        check: Check,
        text: str | None = None,
        rating: str | None = None,
        source: Source | str | None = None,
        checker: str | None = None,
        actor: Actor,
        **fields: Any,
    ) -> Answered:
        """Answer a request with a new statement, or with a rated claim (the request's claim,
        who rated it how, when and where), re-check its claim and close it; the notice goes to
        everyone who filed it."""
        request = await self.table.get(request_id)
        if request.status != "open":
            raise RequestNotFound(request_id, closed=True)
        if text and rating:
            raise RequestRefused(
                "Answer with a statement or with a rating of the claim, not both: a rating "
                "rates the reader's claim as they worded it."
            )
        if not text and not rating:
            raise RequestRefused("Answer with a statement, or with a rating of the claim.")
        self._answering.add(request_id)
        try:
            return await self._answer(request, check, text, rating, source, checker, actor, fields)
        finally:
            self._answering.discard(request_id)

    async def _answer(
        self,
        request: Request,
        check: Check,
        text: str | None,
        rating: str | None,
        source: Source | str | None,
        checker: str | None,
        actor: Actor,
        fields: dict[str, Any],
    ) -> Answered:
        request_id = request.id
        if text:
            statement_id = await self.kb.curator.add(text, source=source, actor=actor, **fields)
        else:  # answer() made sure there is one or the other
            statement_id = await self._add_rated(
                request, rating or "", source, checker, actor, fields
            )
        change_id = await self.kb.curator.last_change_of(statement_id)
        try:
            report = await check(request.claim, reference_date=request.reference_date)
            verdict, reason, fact_check = claim_outcome(report)
        except UnusableInput as error:  # the answer still stands; the check has no verdict
            verdict, reason, fact_check = Verdict.UNVERIFIED, error.reason, None
        version = await self.table.kb_version()
        try:
            recipients = await self.table.close(
                request_id, "answered", str(verdict), _by(actor), version=version
            )
            closed_meanwhile = False
        except RequestNotFound:
            # Closed since we looked (another process's follow-up sweep found the answer just
            # stored and told its readers, or another curator closed it): the answer is stored
            # all the same, and is reported as stored, with no one left to tell.
            recipients, closed_meanwhile = (), True
        notice = Notice(
            request.id,
            request.kind,
            request.claim,
            request.verdict,
            verdict,
            reason,
            text or None,
            recipients,
            fact_check,
        )
        rated = rating.strip() if rating else None
        return Answered(statement_id, notice, change_id, rated, closed_meanwhile=closed_meanwhile)

    async def _add_rated(
        self,
        request: Request,
        rating: str,
        source: Source | str | None,
        checker: str | None,
        actor: Actor,
        fields: dict[str, Any],
    ) -> int:
        """Store the request's claim as a rated claim, through the one write path."""
        rating = " ".join(rating.split())
        if self.kb.curator.rating_class(rating) == OTHER:
            raise RequestRefused(
                f"I don't know the rating “{rating[:60]}”: use False, Misleading, Mixed, "
                "Unproven, Satire or True (or add the checker's wording to ratings.yaml). "
                "Nothing was stored."
            )
        origin = source if isinstance(source, Source) else Source.named(source or "")
        who = " ".join((checker or origin.title or _host(origin.url) or "").split())
        review = Review(
            checker=who or "The curators",
            rating=rating,
            url=origin.url,
            review_date=date.today().isoformat(),
            claim_date=str(fields.get("event_date")) if fields.get("event_date") else None,
        )
        title = origin.title or review.label
        return await self.kb.curator.add(
            request.claim,
            source=Source(title=title, url=origin.url, published=date.today()),
            review=review,
            actor=actor,
            **{"external_id": origin.url, **{k: v for k, v in fields.items() if v}},
        )

    async def follow_up(self, check: Check, *, batch: int = 50) -> list[Notice]:
        """Re-check requests not yet checked against the current knowledge base: close the open
        ones whose verdict moved, and correct answered ones whose verdict moved since their
        askers were told (an answer undone or corrected). Returns what filers must be told. At
        most `batch` claims are checked per call (call again while it returns a full batch)."""
        version = await self.table.kb_version()
        notices: list[Notice] = []
        unchanged: list[int] = []
        for request in await self.table.stale(version, limit=batch):
            if request.id in self._answering:  # its answer tells its readers
                continue
            outcome = await self._recheck(check, request, request.verdict)
            if outcome is None:
                unchanged.append(request.id)
                continue
            verdict, reason, fact_check = outcome
            recipients = await self.table.close(
                request.id, "answered", str(verdict), "recheck", version=version
            )
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
                    fact_check,
                )
            )
        room = batch - len(notices) - len(unchanged)
        for request in await self.table.answered_stale(version, limit=max(room, 0)):
            if request.id in self._answering:
                continue
            notice = await self._correction(check, request, version)
            if notice is None:
                unchanged.append(request.id)
            else:
                notices.append(notice)
        await self.table.mark_checked(unchanged, version)
        return notices

    async def _recheck(
        self, check: Check, request: Request, told: Verdict
    ) -> tuple[Verdict, str, FactCheck | None] | None:
        """The claim's verdict now, or None when it is still `told` (or cannot be checked)."""
        try:
            report = await check(request.claim, reference_date=request.reference_date)
        except UnusableInput:  # the claim cannot be checked on its own: keep it waiting
            return None
        outcome = claim_outcome(report)
        return None if outcome[0] == told else outcome

    async def _correction(self, check: Check, request: Request, version: int) -> Notice | None:
        """A correction for those told an answer whose verdict has moved since."""
        told = Verdict(request.outcome) if request.outcome in set(Verdict) else None
        if told is None:
            return None
        outcome = await self._recheck(check, request, told)
        if outcome is None:
            return None
        verdict, reason, fact_check = outcome
        await self.table.correct(request.id, str(verdict), version)
        recipients = await self.table.told(request.id)
        return Notice(
            request.id,
            request.kind,
            request.claim,
            told,
            verdict,
            reason,
            None,
            recipients,
            fact_check,
            correction=True,
        )

    async def prune(self, *, now: datetime | None = None) -> int:
        """Forget filings older than the expiry (and requests nobody waits for any more)."""
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.expiry_days)
        return await self.table.prune(cutoff.replace(microsecond=0).isoformat())


def _host(url: str | None) -> str | None:
    """The site of a review's address, as its checker when none is named: "reuters.com"."""
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def _by(actor: Actor) -> str:
    return f"{actor.name} ({actor.id})"
