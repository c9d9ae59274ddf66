"""How a detail the claim gives otherwise than the record is told in a finding."""

from __future__ import annotations

from knowledge.checking.align import DetailKind, Difference
from knowledge.model import FindingKind


def describe(difference: Difference) -> tuple[FindingKind, str]:
    """The finding's kind and message for one differing detail."""
    said, recorded = difference.said, difference.recorded
    if difference.kind == DetailKind.DATE:
        return FindingKind.TIMELINE, f"Says {said} where the record has {recorded}."
    if difference.kind in (DetailKind.NUMBER, DetailKind.BOUND):
        return FindingKind.SWAP, f"Says “{said}” where the record has “{recorded}”."
    if difference.kind in (DetailKind.POLARITY, DetailKind.ANTONYM):
        return FindingKind.POLARITY, f"Says “{said}” where the record says “{recorded}”."
    what = {DetailKind.PERSON: "person", DetailKind.PLACE: "place"}.get(difference.kind, "name")
    return FindingKind.SWAP, f"Names {said} where the record has {recorded} (another {what})."
