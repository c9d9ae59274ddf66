"""An entity or a count told again in other words: "the alliance" for NATO where the claim
names NATO, "people died" for the record's "deaths". Told so, the claim says nothing the
record lacks, and a detail it gives otherwise is found; a class noun that may name another
entity than the record's ("Sweden joined the union in 1995" beside Sweden joining NATO) is
not taken for it."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import verdict_beside

ACCESSION = date(2024, 3, 8)  # the day after Sweden joined NATO (seeded)
FLOODS = "The Varn valley floods caused 224 deaths and 73 injuries, the regional government said."


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Sweden joined NATO on Thursday as the alliance's 31st member.", True),
        ("Sweden joined NATO on Thursday as the alliance's 32nd member.", False),
        # "the union" is not told to be NATO: another accession, another date
        ("Sweden joined the union in 1995.", False),
    ],
)
async def test_the_alliance_is_nato_where_the_claim_names_it(text: str, flagged: bool) -> None:
    async with knowledge.open_kb(":memory:") as kb:
        report = await kb.check(text, reference_date=ACCESSION)
    assert bool(report.flagged) == flagged, [(c.verdict, c.reason) for c in report.claims]
    if flagged:
        message = report.claims[0].findings[0].message
        assert "31st" in message and "32nd" in message, message


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("More than 300 people died in the Varn valley floods.", "contradicted"),
        ("Fewer than 50 people were injured in the Varn valley floods.", "contradicted"),
        ("More than 200 people died in the Varn valley floods.", "supported"),
        ("The Varn valley floods killed more than 300 people.", "contradicted"),
        ("The Varn valley floods killed more than 200 people.", "supported"),
    ],
)
async def test_people_who_died_are_counted_as_deaths(claim: str, verdict: str) -> None:
    assert await verdict_beside(FLOODS, claim, source="Varn valley floods") == verdict
