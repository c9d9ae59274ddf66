"""Faithful retellings of learned articles are not flagged where they round a figure, work
out a figure from a change told in basis points, give a share in words as a percentage, tell
of a party the article describes by other words than the one whose fall it reports, or tell
of a figure's rise in an article about a bus that slid off a road; the same retellings with
the detail wrong still are (among them a rate cut in basis points that only a share in
words, "about half", gives the figure of). The statue, election and bus articles are our
own; the rate article is cut from one our probe writers wrote for the retellings benchmark
(benchmarks/data/retellings.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

STATUE = (
    "Lisbon museum reopens with returned bronze\n\n"
    "LISBON, 3 May 2026 – The National Museum of Ancient Art reopened on Saturday after a "
    "two-year refurbishment. Its new centrepiece is a 1.9-metre bronze figure of a river "
    "goddess, cast in the 14th century, which was stolen from a chapel near Braga in 1978 and"
    " handed back by a collector in Geneva last autumn. The refurbishment cost 14 million "
    "euros."
)

RATE = (
    "Chile's central bank cuts rate to 4.25% in split vote as inflation cools\n\n"
    "SANTIAGO, 28 January 2026 – Chile's central bank cut its benchmark interest rate by 25 "
    "basis points to 4.25 percent on Tuesday, its first reduction in five months, after a "
    "narrow 3-2 vote by its board, saying inflation had slowed faster than it had expected."
    "\n\nBoard members Tomás Ibáñez and Rosa Valdivia voted to keep borrowing costs unchanged,"
    " according to the bank's statement. Copper, which accounts for about half of Chile's "
    "exports, traded at 9,850 dollars a tonne in London on Wednesday."
)

ELECTION = (
    "Green Alliance wins Latvian election\n\n"
    "RIGA, 9 March 2026 – The environmentalist Green Alliance won Latvia's parliamentary "
    "election on Sunday, taking 31 of the 100 seats, after Prime Minister Anna Ozola's Unity "
    "party slumped to third place. The Green Alliance, which held 14 seats in the outgoing "
    "parliament, won 27.5 percent of the vote. Unity fell to 16 seats."
)


async def _flagged(article: str, text: str, published: date) -> bool:
    async with knowledge.open_kb(":memory:") as kb:
        report = await report_after_learning(kb, article, text, published)
        return any(c.flagged for c in report.claims)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("article", "published", "retold", "wrong"),
    [
        (  # "almost two metres" rounds 1.9 at the figure's own place
            STATUE,
            date(2026, 5, 3),
            "The centrepiece is a 14th-century bronze river goddess almost two metres tall, "
            "stolen from a chapel near Braga in 1978.",
            "The centrepiece is a 14th-century bronze river goddess 2.4 metres tall, stolen "
            "from a chapel near Braga in 1978.",
        ),
        (  # cut by 25 basis points to 4.25 percent: it stood at 4.50 percent before
            RATE,
            date(2026, 1, 28),
            "Tomás Ibáñez and Rosa Valdivia voted to hold the rate at 4.50 percent.",
            "Tomás Ibáñez and Rosa Valdivia voted to hold the rate at 4.75 percent.",
        ),
        (  # "half" of the exports is 50 percent, not 50 basis points
            RATE,
            date(2026, 1, 28),
            "Copper accounts for about 50 percent of Chile's exports.",
            "Chile's central bank cut its benchmark interest rate by 50 basis points to 4.25 "
            "percent on Tuesday.",
        ),
        (  # the environmentalist party grew; the prime minister's party slumped
            ELECTION,
            date(2026, 3, 9),
            "The environmentalist party more than doubled its representation from the 14 "
            "seats it held in the outgoing parliament.",
            "The prime minister's party more than doubled its seats.",
        ),
    ],
)
async def test_a_detail_retold_faithfully_is_not_flagged(
    article: str, published: date, retold: str, wrong: str
) -> None:
    assert not await _flagged(article, retold, published)
    assert await _flagged(article, wrong, published)


BUS = (
    "Bus slides off icy road near Bergen\n\n"
    "BERGEN, 14 January 2026 – A bus carrying 31 passengers slid off an icy road near Bergen "
    "on Tuesday and came to rest against a fence, injuring four people, police said. The "
    "Norwegian Public Roads Administration recorded eight bus accidents on icy roads in the "
    "region this winter, up from five last winter."
)


@pytest.mark.asyncio
async def test_a_thing_sliding_off_a_road_is_no_fall_of_a_figure() -> None:
    """'rose from five to eight' is not turned round by 'a bus slid off an icy road'."""
    retold = (
        "Bus accidents on icy roads in the region rose from five last winter to eight this winter."
    )
    assert not await _flagged(BUS, retold, date(2026, 1, 14))
