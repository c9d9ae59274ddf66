"""schema.org ClaimReview (JSON / JSON-LD, as fact-checking sites publish it) into statement drafts.

A review becomes one dated statement in our own words: who rated which claim how, citing the
review's URL (also its external id, so importing the same review twice is a duplicate).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.errors import BadRecord
from knowledge.formats.records import Batch, iso_date
from knowledge.model import Source, StatementDraft, StatementKind


def _types(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def _nodes(document: Any) -> list[Any]:
    if isinstance(document, dict) and isinstance(document.get("@graph"), list):
        return list(document["@graph"])
    return list(document) if isinstance(document, list) else [document]


def is_claimreview(document: Any) -> bool:
    """Whether `document` is ClaimReview JSON(-LD): one review, a list of them, or a @graph."""
    nodes = _nodes(document)
    return bool(nodes) and any("ClaimReview" in _types(n) for n in nodes)


def read_claimreviews(document: Any) -> Batch:
    batch = Batch()
    for position, node in enumerate(_nodes(document), start=1):
        if "ClaimReview" not in _types(node):
            batch.problems.append(BadRecord(position, "@type", "expected \"ClaimReview\""))
            continue
        draft = _review(node, position, batch.problems)
        if draft is not None:
            batch.statements.append(draft)
    return batch


def _review(
    node: dict[str, Any], position: int, problems: list[BadRecord]
) -> StatementDraft | None:
    before = len(problems)
    claim = _text(node.get("claimReviewed"))
    if not claim:
        problems.append(BadRecord(position, "claimReviewed", "is missing; it must be text"))
    rating = _rating(node.get("reviewRating"))
    if not rating:
        problems.append(BadRecord(position, "reviewRating",
                                  "needs a textual rating (alternateName or name)"))
    url = _text(node.get("url"))
    if url and not url.startswith(("http://", "https://")):
        problems.append(BadRecord(position, "url", f"{url!r} is not an http(s) address"))
    reviewed = _day(node.get("datePublished"), "datePublished", position, problems)
    item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
    claimed = _day(item.get("datePublished"), "itemReviewed.datePublished", position, problems)
    if len(problems) > before:
        return None
    checker = _name(node.get("author")) or "A fact-checker"
    said_by = _name(item.get("author"))
    text = f"{checker} rated as “{rating}” the claim" + (f" by {said_by}" if said_by else "")
    text += f" that “{claim}”"
    return StatementDraft(
        text=text + (f" (claim made {claimed})." if claimed else "."),
        kind=StatementKind.EVENT if reviewed else StatementKind.FACT,
        event_date=reviewed,
        quote=claim,
        source=Source(title=f"{checker} fact check", url=url,
                      published=date.fromisoformat(reviewed) if reviewed else None),
        external_id=url or _text(node.get("@id")),
    )


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _rating(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    return _text(value.get("alternateName")) or _text(value.get("name"))


def _day(value: Any, field: str, position: int, problems: list[BadRecord]) -> str | None:
    if value is None or value == "":
        return None
    iso = iso_date(str(value)[:10])
    if iso is None or len(iso) != 10:
        problems.append(BadRecord(position, field, f"{value!r} is not a date like 2023-01-30"))
        return None
    return iso
