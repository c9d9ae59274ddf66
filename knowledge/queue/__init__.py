"""The loop back to the curators: readers ask for a claim to be checked or dispute a verdict."""

from __future__ import annotations

from knowledge.model import Request, Requester, RequestKind
from knowledge.queue.desk import CuratorQueue, claim_verdict
from knowledge.queue.model import (
    Answered,
    Dismissed,
    Filed,
    Notice,
)
from knowledge.queue.same_claim import claim_terms, same_claim

__all__ = [
    "Answered",
    "CuratorQueue",
    "Dismissed",
    "Filed",
    "Notice",
    "Request",
    "RequestKind",
    "Requester",
    "claim_terms",
    "claim_verdict",
    "same_claim",
]
