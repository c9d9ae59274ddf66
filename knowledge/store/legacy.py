"""The old wording of rated claims ("X rated as “False” the claim that “…”"), as imports and
curators' answers stored them before rated claims existed: migration 10 reads it to turn
such statements into rated claims, and new statements in that wording are refused."""

from __future__ import annotations

import re

_LEGACY = re.compile(
    r"(?P<checker>.+?) rated as “(?P<rating>.+?)” the claim(?: by (?P<claimant>.+?))?"
    r" that “(?P<claim>.+)”(?: \(claim made (?P<claim_date>\d{4}-\d{2}-\d{2})\))?\.",
    re.S,
)


def legacy_review(text: str | None, part: str) -> str | None:
    """One part (checker, rating, claimant, claim, claim_date) of a statement worded the way
    ClaimReview imports were worded before rated claims existed, or None."""
    found = _LEGACY.fullmatch(text or "")
    if found is None:
        return None
    return found.group(part)
