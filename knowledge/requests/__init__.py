"""The loop back to the curators: readers ask for a claim to be checked or dispute a verdict."""

from __future__ import annotations

from knowledge.model import Request, Requester, RequestKind
from knowledge.requests.desk import CuratorDesk, claim_verdict
from knowledge.requests.grouping import claim_terms, same_claim
from knowledge.requests.outcomes import (
    Answered,
    Dismissed,
    Filed,
    Notice,
)

__all__ = [
    "Answered",
    "CuratorDesk",
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
