"""A claim that tells of more than the article sentence nearest it (that sentence gives under
half its content words) and gives a name, figure or date the article never gives adds to the
article: it is unverified, not flagged as a swapped detail. A claim that retells a sentence
closely with one detail changed is still flagged. The articles are parts of ones our probe
writers wrote for the retellings benchmark (benchmarks/data/retellings.yaml); each addition
was flagged before this change."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

RATE_CUT = (
    "Chile's central bank cuts rate to 4.25% in split vote as inflation cools\n\n"
    '"This is not the start of a rapid easing cycle. We will move carefully and we will '
    'be guided by the data, not by the calendar," Fuentes told reporters. She did not '
    "rule out a further cut at the board's next meeting on 1 April, but said it would "
    "depend on whether wage growth, which reached 6.2 percent in nominal terms in "
    "November, continued to moderate.\n\n"
    "Copper, which accounts for about half of Chile's exports, traded at 9,850 dollars a "
    "tonne in London on Wednesday, down 2 percent from a week earlier.\n\n"
    "The central bank raised its rate to a peak of 11.25 percent in 2023 to fight "
    "inflation that reached 14.1 percent in August 2022, before lowering it in a series "
    "of steps. It last changed the rate in August 2025, when it cut by a quarter point. "
)

FERRY_ORDER = (
    "Norwegian yard wins record electric ferry order, Polish rival cries foul\n\n"
    "ULSTEINVIK, 12 March 2026 – Norwegian shipbuilder Vestholm Verft has won a 610 "
    "million euro order to build eight battery-electric ferries for Danish operator "
    "Nordsund Ferries, the largest contract in the yard's 74-year history, the two "
    "companies said on Thursday.\n\n"
    "Kjærgaard rejected the accusation, saying the tender, launched in June 2025, had "
    'been "open, transparent and checked by external lawyers at every step". He said '
    "Vestholm had scored highest on five of the seven award criteria, whereas Wisła "
    "Marine had led only on price.\n\n"
    "For Ulsteinvik, a town of about 8,700 people, the order marks a sharp turnaround. In"
    " 2020, Vestholm cut 420 jobs when its order book shrank to just two vessels after "
    "oil companies cancelled contracts for offshore supply ships. Its revenue rose to 5.8"
    " billion Norwegian crowns last year from 3.1 billion in 2022."
)

OUTAGE = (
    "Arcwave to compensate customers after nationwide outage as Ofcom opens inquiry\n\n"
    "Arcwave said every affected pay-monthly customer would receive a 10 pound credit on "
    "their July bill, while pay-as-you-go users would get 5 pounds of free credit. The "
    "company estimates the total cost of the compensation at about 95 million pounds.\n\n"
    "But consumer groups said the payout fell short. Graham Pike, director of the "
    'campaign group Consumer Voice, called it "an insult" to small businesses whose card '
    "machines and booking systems stopped working. \"A tenner does not cover a day's lost "
    'takings," he said.\n\n'
    "In Leeds, bakery owner Daniel Okafor, 41, said he had lost about 1,800 pounds in "
    "sales on Tuesday because his card terminal runs on an Arcwave SIM. In Manchester and"
    " Glasgow, taxi firms said drivers could not receive bookings for most of the "
    "morning, and Network Rail said ticket machines at around 60 stations had been unable"
    " to process card payments."
)

FLOOD_PLAN = (
    "Ireland unveils 4.2 billion euro coastal flood defence plan as critics warn of gaps\n\n"
    "DUBLIN, 11 March 2026 – The Irish government on Tuesday unveiled a 4.2 billion euro "
    "programme to protect 38 coastal towns and villages from rising seas and storm surges"
    " over the next 12 years, but opposition politicians and environmental groups said it"
    " was underfunded and would leave dozens of smaller communities exposed.\n\n"
    "According to OPW figures, around 29,000 homes and 4,700 businesses face a "
    "significant risk of coastal flooding, a number the office expects to grow by roughly"
    " a third by 2050 if nothing is done. The government says the programme will protect "
    "about 21,000 of those homes.\n\n"
    "Brennan rejected suggestions that communities on the west coast had been given lower"
    ' priority, calling them "categorically untrue". She noted that four of the first 11 '
    "schemes are in counties Galway and Clare, which were hit hardest by Storm Isolde on "
    "17 January, when more than 900 properties were flooded and damage was estimated at "
    "85 million euros.\n\n"
    "In Lahinch, County Clare, publican Tom Keane, 62, said his bar had flooded three "
    'times in the past five years. "I will believe it when I see the diggers," he said. '
    "Lahinch is not among the 38 communities named in the plan."
)


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (
            RATE_CUT,
            date.fromisoformat("2026-01-28"),
            "Brazil's central bank kept its Selic rate unchanged at its meeting the same week.",
        ),
        (
            FERRY_ORDER,
            date.fromisoformat("2026-03-12"),
            "Wisła Marine delivered two hybrid ferries to a Finnish operator last year.",
        ),
        (
            OUTAGE,
            date.fromisoformat("2026-06-18"),
            "Consumer Voice said it had received more than 6,000 complaints from Arcwave customers by Thursday morning.",
        ),
        (
            FLOOD_PLAN,
            date.fromisoformat("2026-03-11"),
            "Sea levels around the Irish coast have risen by about 3 millimetres a year since the 1990s, according to Met Éireann.",
        ),
    ],
)
async def test_a_new_detail_in_a_claim_telling_of_more_is_not_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (
            RATE_CUT,
            date.fromisoformat("2026-01-28"),
            "The central bank last changed the rate in August 2025, when it raised it by a quarter point.",
        ),
        (
            FERRY_ORDER,
            date.fromisoformat("2026-03-12"),
            "Norwegian shipbuilder Vestholm Verft has won a 610 million euro order to build eight battery-electric ferries for Swedish operator Nordsund Ferries.",
        ),
        (
            OUTAGE,
            date.fromisoformat("2026-06-18"),
            "In Leeds, bakery owner Daniel Okafor said he had lost about 2,800 pounds in sales on Tuesday.",
        ),
    ],
)
async def test_a_detail_changed_in_a_close_retelling_is_still_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert report.flagged


MAYORS = (
    "Former Easton Falls mayor convicted of taking bribes from developer\n\n"
    "CLEVELAND, 18 June 2026 – A federal jury on Wednesday found former Easton Falls mayor "
    "Raymond Kessler guilty of accepting more than $412,000 in cash and home renovations "
    "from a developer in exchange for steering a water contract.\n\n"
    "In 2001, Mayor Harold Fenn was found guilty of extortion and served four years in "
    "federal prison.\n"
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Harold Fenn was the only other Easton Falls mayor found guilty of corruption in "
            "the past quarter of a century.",
            False,
            id="the-only-other-mayor",
        ),
        pytest.param(
            "A federal jury on Wednesday found former Easton Falls mayor Harold Fenn guilty of "
            "accepting more than $412,000 from a developer.",
            True,
            id="the-mayor-swapped",
        ),
    ],
)
async def test_a_name_set_apart_as_the_only_other_is_no_swap(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await report_after_learning(kb, MAYORS, text, date(2026, 6, 18), days_after=0)
    assert bool(report.flagged) == flagged
