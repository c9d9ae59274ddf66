"""Fixtures for fact-checked claims: ClaimReview documents and a knowledge base holding some."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

import knowledge

RATED = [
    ("The Helsinki tram network closed in 2021.", "False", "helsinki-trams"),
    ("COVID vaccines contain microchips that connect to 5G networks.", "Pants on Fire!", "chips"),
    ("5G towers spread COVID-19.", "False", "5g-covid"),
    ("Drinking hot water cures the flu.", "Mixture", "hot-water"),
    ("The Eiffel Tower is repainted every seven years.", "True", "eiffel-paint"),
    ("Bananas are radioactive enough to set off airport scanners.", "Mostly False", "bananas"),
    ("Pope Francis endorsed Donald Trump for president.", "False", "pope-endorsement"),
    ("Cooking instant noodles with their flavor packets makes the MSG toxic.", "False", "msg"),
    ("'You have won a prize!' e-mails carry a dangerous virus.", "False", "prize-virus"),
]


def review(claim: str, rating: str, slug: str, **extra: Any) -> dict[str, Any]:
    """One schema.org ClaimReview as fact-checkers publish it."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "Example Check"},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "url": f"https://check.example/{slug}",
        "datePublished": "2021-05-01",
        **extra,
    }


def graph(*reviews: dict[str, Any]) -> bytes:
    return json.dumps({"@context": "https://schema.org", "@graph": list(reviews)}).encode()


@pytest_asyncio.fixture
async def rated_kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:") as kb:
        await kb.curator.import_records(
            graph(*(review(*r) for r in RATED)), filename="reviews.jsonld"
        )
        yield kb
