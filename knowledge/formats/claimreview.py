"""schema.org ClaimReview (JSON / JSON-LD, as fact-checking sites publish it) into statement drafts.

A review becomes a rated claim: a statement whose text is the claim as the checker worded it,
with the review (checker, rating, dates, link) beside it; the review's URL is its external id, so
importing the same review twice is a duplicate.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.errors import BadRecord, InvalidDate
from knowledge.formats.guards import control_characters, kind_of, quoted
from knowledge.formats.records import MAX_TEXT, Batch
from knowledge.model import Review, Source, StatementDraft, StatementKind
from knowledge.nlp.dates import iso_date

MAX_LABEL = 500  # characters of a rating, a checker's or a claimant's name, a review URL
_READ = ("claimReviewed", "reviewRating", "url", "author", "itemReviewed", "headline", "name",
         "@id", "datePublished", "inLanguage")  # fmt: skip


def _types(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def expand(node: Any) -> list[Any]:
    """The reviews in one top-level item: itself, a DataFeed's or DataFeedItem's items, or a
    JSON-LD @graph's nodes (anything else is returned as is, to be reported)."""
    if isinstance(node, dict) and isinstance(node.get("@graph"), list):
        return [n for item in node["@graph"] for n in expand(item)]
    if isinstance(node, dict) and isinstance(node.get("dataFeedElement"), list):
        return [n for item in node["dataFeedElement"] for n in expand(item)]
    if "DataFeedItem" in _types(node) and "item" in node:
        items = node["item"] if isinstance(node["item"], list) else [node["item"]]
        return [n for item in items for n in expand(item)]
    return [node]


def _nodes(document: Any) -> list[Any]:
    items = document if isinstance(document, list) else [document]
    return [n for item in items for n in expand(item)]


def is_claimreview(document: Any) -> bool:
    """Whether `document` is ClaimReview JSON(-LD): one review, a list of them, a @graph or a
    DataFeed of them."""
    nodes = _nodes(document)
    return bool(nodes) and any(is_review(n) for n in nodes)


def is_review(node: Any) -> bool:
    return "ClaimReview" in _types(node)


def read_claimreviews(document: Any) -> Batch:
    batch = Batch()
    for position, node in enumerate(_nodes(document), start=1):
        draft = rated_draft(node, position, batch.problems)
        if draft is not None:
            batch.statements.append(draft)
    return batch


def rated_draft(node: Any, position: int, problems: list[BadRecord]) -> StatementDraft | None:
    """The rated claim of one ClaimReview node, or None (with problems added) if it is bad."""
    if not is_review(node):
        problems.append(BadRecord(position, "@type", 'expected "ClaimReview"'))
        return None
    before = len(problems)
    for field, problem in control_characters({k: node[k] for k in _READ if k in node}):
        problems.append(BadRecord(position, field, problem))
    claim = _text(node.get("claimReviewed"))
    if not claim:
        problems.append(BadRecord(position, "claimReviewed", _missing(node.get("claimReviewed"))))
    elif len(claim) > MAX_TEXT:
        problems.append(
            BadRecord(
                position,
                "claimReviewed",
                f"is {len(claim)} characters long; the limit is {MAX_TEXT}",
            )
        )
    rating = _rating(node.get("reviewRating"))
    if not rating:
        found = node.get("reviewRating")
        what = "" if found is None or isinstance(found, dict) else f"; found {kind_of(found)}"
        problems.append(
            BadRecord(
                position,
                "reviewRating",
                f"needs a textual rating (a Rating with alternateName or name){what}",
            )
        )
    url = _text(node.get("url"))
    if node.get("url") not in (None, "") and not isinstance(node.get("url"), str):
        problems.append(BadRecord(position, "url", _missing(node.get("url"))))
    if url and not url.startswith(("http://", "https://")):
        problems.append(BadRecord(position, "url", f"{quoted(url)} is not an http(s) address"))
    reviewed = _day(node.get("datePublished"), "datePublished", position, problems)
    item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
    claimed = _day(item.get("datePublished"), "itemReviewed.datePublished", position, problems)
    checker = _name(node.get("author")) or "A fact-checker"
    claimant = _name(item.get("author"))
    for field, value in (
        ("reviewRating", rating),
        ("author", checker),
        ("itemReviewed.author", claimant),
        ("url", url),
    ):
        if value and len(value) > MAX_LABEL:
            problems.append(
                BadRecord(
                    position, field, f"is {len(value)} characters long; the limit is {MAX_LABEL}"
                )
            )
    if len(problems) > before or not claim or not rating:
        return None
    review = Review(
        checker=checker,
        rating=rating,
        url=url,
        review_date=reviewed,
        claimant=claimant,
        claim_date=claimed,
        language=_language(node.get("inLanguage") or item.get("inLanguage")),
    )
    return StatementDraft(
        text=claim,
        kind=StatementKind.EVENT if claimed else StatementKind.FACT,
        event_date=claimed,
        source=Source(
            title=_title(node) or f"{checker} fact check",
            url=url,
            published=date.fromisoformat(reviewed) if reviewed else None,
        ),
        external_id=url or _text(node.get("@id")),
        review=review,
    )


def _missing(value: Any) -> str:
    """The problem with a required text field that holds no usable text."""
    if value is None or isinstance(value, str):
        return "is missing; it must be text"
    return f"is {kind_of(value)} where text was expected"


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


def _title(node: dict[str, Any]) -> str | None:
    """The review article's headline: retrieval weighs it like a source title."""
    title = _text(node.get("headline")) or _text(node.get("name"))
    return title[:MAX_TEXT] if title else None


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    text = _text(value)
    return text[:35] if text else None


def _day(value: Any, field: str, position: int, problems: list[BadRecord]) -> str | None:
    if value is None or value == "":
        return None
    try:  # ClaimReview dates are often timestamps: their day is the date
        return iso_date(str(value)[:10], field=field, full=True)
    except InvalidDate:
        problem = f"{quoted(value)} is not a date like 2023-01-30"
        problems.append(BadRecord(position, field, problem))
        return None
