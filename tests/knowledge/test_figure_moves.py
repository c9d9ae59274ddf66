"""A figure is read with the words next to it: the way it moves ("fell 3.1%", "up 9%"), the
measure of a span of time ("six days", "six weeks"), a count fused with its unit ("a
ten-year ban"), and a date told right after it ("for $2.3 billion on Monday"). A sentence
telling two figures moving in opposite directions is compared figure by figure, in a
curated statement and in a learned article alike."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning, verdict_beside

MARKETS = (
    "Shares in Harlow Foods climbed 12% in London, while Berrick Mills' shares slid 3.1% in "
    "Leeds after the two firms called off their merger talks."
)
MARKETS_ARTICLE = (
    "Harlow and Berrick end merger talks\n\n"
    "LONDON, 9 June 2025 – Harlow Foods and Berrick Mills called off their merger talks on "
    "Monday after failing to agree on a price.\n\n" + MARKETS + "\n\n"
    "Harlow's revenue was up 9% last year at 1.4 billion pounds, the company said."
)
MARKETS_DAY = date(2025, 6, 9)


@pytest.mark.parametrize(
    "claim",
    [
        "Harlow Foods shares fell 12% in London.",  # the other clause's verb agrees
        "Berrick Mills shares rose 3.1% in Leeds.",
        "Shares in Berrick Mills jumped 3.1%.",
    ],
)
async def test_a_figure_told_moving_the_other_way_is_flagged(claim: str) -> None:
    assert await verdict_beside(MARKETS, claim, when=MARKETS_DAY) == "contradicted"


@pytest.mark.parametrize(
    "claim",
    [
        "Harlow Foods shares rose 12% in London.",  # "slid" is the other firm's
        "Berrick Mills shares dropped 3.1% in Leeds.",
    ],
)
async def test_a_figure_told_moving_the_same_way_in_other_words_is_not_flagged(
    claim: str,
) -> None:
    assert await verdict_beside(MARKETS, claim, when=MARKETS_DAY) != "contradicted"


async def _learned(kb: knowledge.KnowledgeBase, text: str) -> knowledge.Report:
    return await report_after_learning(kb, MARKETS_ARTICLE, text, MARKETS_DAY)


async def test_against_a_learned_article_the_move_is_named(kb: knowledge.KnowledgeBase) -> None:
    report = await _learned(kb, "Shares in Harlow Foods fell 12% in London.")
    (claim,) = report.claims
    assert claim.verdict.value == "contradicted"
    assert "climbed 12%" in claim.findings[0].message, claim.findings


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Harlow Foods rose 12% in London.",
        "Berrick Mills shares fell 3.1%.",  # a short sentence with a figure is still a claim
        "Harlow's revenue rose 9% last year.",
    ],
)
async def test_against_a_learned_article_a_move_told_alike_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _learned(kb, text)
    (claim,) = report.claims
    assert claim.verdict.value != "contradicted", claim.findings


TRIAL = "The fraud trial of the former treasurer lasted six weeks and ended on Friday."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The fraud trial of the former treasurer lasted six days.", "contradicted"),
        ("The fraud trial of the former treasurer lasted more than two years.", "contradicted"),
        ("The fraud trial of the former treasurer lasted 42 days.", "not contradicted"),
        ("The fraud trial of the former treasurer lasted less than two months.", "not flagged"),
    ],
)
async def test_a_span_of_time_is_compared_across_measures(claim: str, verdict: str) -> None:
    found = await verdict_beside(TRIAL, claim, when=date(2024, 6, 1))
    if verdict == "contradicted":
        assert found == "contradicted"
    else:
        assert found != "contradicted"


async def test_a_count_fused_with_its_unit_is_the_count_in_other_words(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "Council leader banned from office\n\n"
        "A tribunal on Thursday banned the former council leader Aled Pryce from holding "
        "public office for ten years over the misuse of a regeneration grant.\n\n"
        "Prosecutors had asked for a ban of fifteen years."
    )
    report = await report_after_learning(
        kb, article, "Aled Pryce was given a ten-year ban from public office.", date(2025, 3, 6)
    )
    assert [c.verdict.value for c in report.claims] != ["contradicted"], report.claims


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Ostra Energy agreed to buy Pellin Grid for $3.2 billion on Monday.", "contradicted"),
        ("Ostra Energy agreed to buy Pellin Grid for $2.3 billion on Monday.", "supported"),
    ],
)
async def test_a_figure_followed_by_its_date_is_compared(claim: str, verdict: str) -> None:
    record = (
        "Ostra Energy agreed on Monday to buy the network operator Pellin Grid for $2.3 "
        "billion in cash, its largest purchase."
    )
    assert await verdict_beside(record, claim, when=date(2025, 4, 8)) == verdict


async def test_a_date_inside_a_span_but_told_otherwise_exactly_is_not_supported() -> None:
    record = "Corvin led the port authority from 2012 until his arrest in May 2020."
    claim = "Corvin was arrested in May 2019."
    assert await verdict_beside(record, claim, when=date(2024, 6, 1)) != "supported"
    same = "Corvin was arrested in May 2020."
    assert await verdict_beside(record, same, when=date(2024, 6, 1)) != "contradicted"


async def test_a_figure_the_closest_sentence_gives_alike_is_not_flagged_by_another(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "Central bank holds rates\n\n"
        "Consumer prices rose 2.1% in April, the statistics office said on Tuesday.\n\n"
        "The central bank expects inflation to climb to around 3.4% in the autumn as energy "
        "subsidies end."
    )
    report = await report_after_learning(
        kb,
        article,
        "The central bank expects inflation to rise to about 3.4% later this year.",
        date(2025, 5, 20),
    )
    assert [c.verdict.value for c in report.claims] != ["contradicted"], report.claims


STUDY = (
    "Cycling study links commuting to better hearts\n\n"
    "OSLO, 2 April 2025 – Adults who cycle to work are 22% less likely to develop heart disease "
    "than those who drive, according to a study of 41,000 commuters published on Wednesday.\n\n"
    "The study was funded by the Norwegian Heart Foundation, which said 310,000 people in "
    "Norway live with heart disease."
)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Commuters who cycle are 22% more likely to develop heart disease.", True),
        ("Cycling to work was linked to a 22% higher risk of heart disease.", True),
        ("Cycling to work was linked to a 22% lower risk of heart disease.", False),
        ("Adults who cycle to work are 22% less likely to develop heart disease.", False),
    ],
)
async def test_a_difference_told_up_for_down_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    report = await report_after_learning(kb, STUDY, text, date(2025, 4, 2))
    verdicts = [c.verdict.value for c in report.claims]
    assert ("contradicted" in verdicts) == flagged, report.claims


async def test_a_retold_figure_is_compared_with_the_sentence_counting_the_same(
    kb: knowledge.KnowledgeBase,
) -> None:
    article = (
        "Parliament backs pilot of shorter week for civil servants\n\n"
        "Parliament on Wednesday approved a pilot of a shorter working week for about 18,000 "
        "civil servants in six ministries.\n\n"
        "Unions had asked for it to cover 40,000 workers."
    )
    report = await report_after_learning(
        kb, article, "About 80,000 civil servants will take part in the pilot.", date(2025, 11, 12)
    )
    assert [c.verdict.value for c in report.claims] == ["contradicted"], report.claims


async def test_a_negated_noun_is_not_a_denial_of_the_sentence(kb: knowledge.KnowledgeBase) -> None:
    article = (
        "Parliament approves shorter week for tax office staff\n\n"
        "TALLINN, 12 November 2025 – Estonia's parliament on Wednesday approved a two-year "
        "trial of a four-day week for about 3,000 tax office staff.\n\n"
        "The bill passed by 58 votes to 31.\n\n"
        "Under the scheme, staff in six regional offices will work 32 hours a week on full pay "
        "from 1 March 2026.\n\n"
        "The finance minister said the government would publish an evaluation after a year."
    )
    report = await report_after_learning(
        kb, article, "Staff will work 32 hours a week without a pay cut.", date(2025, 11, 12)
    )
    assert [c.verdict.value for c in report.claims] != ["contradicted"], report.claims


LIFE = (
    "Edwina Marlow Crane (March 3, 1911 – November 19, 1987) was a British engineer who "
    "designed the Tarrow river bridge."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Edwina Marlow Crane died in 1987.", "supported"),
        ("Edwina Marlow Crane was born in March 1911.", "supported"),
        ("Edwina Marlow Crane was born in 1987.", "not supported"),  # the death's year
        ("Edwina Marlow Crane died in November 1986.", "not supported"),
    ],
)
async def test_a_birth_or_death_is_told_against_the_lifes_own_date(
    claim: str, verdict: str
) -> None:
    found = await verdict_beside(LIFE, claim, when=date(2024, 6, 1))
    if verdict == "supported":
        assert found == "supported"
    else:
        assert found != "supported"


async def test_a_year_of_an_earlier_century_is_read_after_a_month() -> None:
    record = "The Tarrow river bridge opened on 14 June 1889 after six years of work."
    claim = "The Tarrow river bridge opened on June 14, 1898."
    assert await verdict_beside(record, claim, when=date(2024, 6, 1)) != "supported"
    same = "The Tarrow river bridge opened on June 14, 1889."
    assert await verdict_beside(record, same, when=date(2024, 6, 1)) == "supported"


STORM = (
    "Cyclone Irla kills 9 on Madagascar's east coast\n\n"
    "ANTANANARIVO, 3 February 2025 – Cyclone Irla killed at least nine people and forced more "
    "than 40,000 to flee their homes after it made landfall near Toamasina on Monday, the "
    "disaster agency said.\n\n"
    "Rescuers were still searching for six missing people in the hills.\n\n"
    "About 210,000 households lost power, and 17 flights were cancelled at the capital's "
    "airport.\n\n"
    "Irla is the fifth cyclone to hit the island this season. Madagascar is struck by about "
    "three cyclones a year."
)


@pytest.mark.parametrize(
    "text",
    [
        # the same bound of the same figure, whatever it counts, is told alike: the closest
        # sentence gives it, so another's "six missing people" is not in its place
        "More than 40,000 people fled their homes.",
        # lacking is not denying
        "About 210,000 households were left without power.",
        # a rank is no count
        "Madagascar is hit by about three cyclones a year.",
    ],
)
async def test_true_retellings_of_a_disaster_report_are_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, STORM, text, date(2025, 2, 3))
    assert [c.verdict.value for c in report.claims] != ["contradicted"], report.claims


@pytest.mark.parametrize(
    "text",
    [
        "More than 4,000 people fled their homes.",
        "About 210,000 households did not lose power.",
        "Irla is the eighth cyclone to hit the island this season.",
    ],
)
async def test_wrong_retellings_of_a_disaster_report_are_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await report_after_learning(kb, STORM, text, date(2025, 2, 3))
    assert [c.verdict.value for c in report.claims] == ["contradicted"], report.claims


RISK = (
    "Among people over 65, the number of falls fell by a third after the exercise classes, "
    "and stays in hospital were cut by 12% to 4.1 days on average."
)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a share in words is a percentage, within its rounding
        ("Among people over 65, the number of falls fell by half.", "contradicted"),
        ("Among people over 65, the number of falls fell by 33%.", "not contradicted"),
        ("Among people over 65, the number of falls fell by a quarter.", "contradicted"),
        # how much a figure changed ("by 12%") is no level it changed to ("to 4.1 days")
        ("Stays in hospital were cut by 21% to 4.1 days on average.", "contradicted"),
        ("Stays in hospital were cut to 4.1 days on average.", "not contradicted"),
    ],
)
async def test_shares_in_words_and_amounts_of_change(claim: str, verdict: str) -> None:
    found = await verdict_beside(RISK, claim, when=date(2024, 6, 1))
    assert (found == "contradicted") == (verdict == "contradicted"), found


@pytest.mark.parametrize(
    "text",
    ["a fifth grade", "his half brother", "half a million people", "a quarter of a point"],
)
def test_a_part_that_names_a_thing_is_no_share(text: str) -> None:
    from knowledge.nlp.features import share_words

    assert share_words(text) == []


MATCH = "Dunmore Rovers beat Kelby Town 2-1 on Saturday to reach the county cup final."


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Dunmore Rovers beat Kelby Town 2-1 on Saturday.", "supported"),
        ("Dunmore Rovers beat Kelby Town 3-1 on Saturday.", "contradicted"),
        ("Dunmore Rovers beat Kelby Town 2-0 on Saturday.", "contradicted"),
    ],
)
async def test_a_score_is_one_figure_of_both_sides(claim: str, verdict: str) -> None:
    assert await verdict_beside(MATCH, claim, when=date(2025, 5, 12)) == verdict


async def test_a_figure_the_statement_gives_only_in_another_slot_is_not_supported() -> None:
    record = (
        "Second-quarter revenue rose 12% to $3.4 billion, beating analysts' average estimate "
        "of $3.1 billion."
    )
    wrong = "Second-quarter revenue rose 12% to $3.1 billion."
    assert await verdict_beside(record, wrong, when=date(2025, 8, 1)) != "supported"
    right = "Second-quarter revenue rose 12% to $3.4 billion."
    assert await verdict_beside(record, right, when=date(2025, 8, 1)) == "supported"
