"""Value objects of the curators' requests: what filing, answering and dismissing a request
return (the requests themselves, stored rows, are in knowledge/model.py)."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.model import FactCheck, Request, Requester, RequestKind, Verdict


@dataclass(frozen=True, slots=True)
class Filed:
    """What filing did: the request it joined (or opened), and whether this person is new."""

    request: Request
    opened: bool  # a new request was opened for this claim
    repeated: bool  # this person had already filed the same claim


@dataclass(frozen=True, slots=True)
class Notice:
    """A message owed to everyone who filed a request: the claim's verdict now."""

    request_id: int
    kind: RequestKind
    claim: str
    before: Verdict
    verdict: Verdict
    reason: str  # what the check says now ("Agrees with: …")
    answer: str | None  # the curators' own statement, when they answered with one
    recipients: tuple[Requester, ...]
    fact_check: FactCheck | None = None  # the rating the verdict rests on (or is shown beside)
    correction: bool = False  # they were told `before` as the answer; it has changed since


@dataclass(frozen=True, slots=True)
class Answered:
    """A curator's answer: the statement it added and the notice for the askers."""

    statement_id: int
    notice: Notice
    change_id: int | None = None  # the audit-log change that stored it (what /kb_undo takes)
    rating: str | None = None  # set when the answer is a rated claim
    closed_meanwhile: bool = False  # closed by someone else while answering (readers were told)


@dataclass(frozen=True, slots=True)
class Dismissed:
    """A request closed without an answer, and who disputed it (told that the verdict stands)."""

    request: Request
    recipients: tuple[Requester, ...]
