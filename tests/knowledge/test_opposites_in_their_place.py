"""An opposite word or a negation accuses a retelling only where it stands in the place of
what the article says: "acquitted of money laundering" beside "convicted ... of fraud" tells
of another charge, "won the final, defeating X" says both words itself, "nothing but the
clothes" is "only the clothes", and a denial sharing one word with a sentence about something
else is no flip. Put in the same place, the opposite is still flagged."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2024, 10, 17)
ARTICLE = (
    "Former fund manager convicted of fraud\n\n"
    "LONDON, 17 October 2024 – A jury convicted former fund manager Adam Keel on Wednesday "
    "of two counts of fraud after a nine-week trial. The jury acquitted him of money "
    "laundering.\n\n"
    "Keel's lawyer, Ruth Amesbury, rejected claims by several investors that her client had "
    "hidden assets abroad, saying he would appeal.\n\n"
    "In a separate case, the city's under-21 side beat Harwich 3-1 to win the county cup.\n\n"
    "The regulator announced 4 million pounds in compensation for investors. Investor Paul "
    "Grey said he had lost everything but the house he lives in.\n\n"
    "Keel left the court with only a coat over his arm. He had been arrested at his home in "
    "Leeds in March 2023. In 2019 the appeal court upheld an earlier conviction of Keel for "
    "tax evasion by two votes to one."
)


async def _flagged(kb: knowledge.KnowledgeBase, text: str) -> bool:
    report = await report_after_learning(kb, ARTICLE, text, DAY)
    return bool(report.flagged)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Keel was found guilty on two counts of fraud but was acquitted of money laundering.",
            id="opposite-of-another-charge",
        ),
        pytest.param(
            "The under-21 side won the county cup, defeating Harwich 3-1.",
            id="both-words-said",
        ),
        pytest.param(
            "Ruth Amesbury denied that Keel had hidden assets abroad and said he would appeal.",
            id="denial-with-words-between",
        ),
        pytest.param("Keel left the court with nothing but a coat over his arm.", id="nothing-but"),
        pytest.param(
            "The regulator, which dismissed reports that the compensation had been delayed by "
            "a row with the banks, announced 4 million pounds for investors.",
            id="denial-of-what-it-never-tells",
        ),
    ],
)
async def test_an_opposite_told_of_something_else_is_no_inversion(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert not await _flagged(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The jury acquitted Keel on Wednesday of two counts of fraud.",
        "Ruth Amesbury confirmed claims that her client had hidden assets abroad.",
        "In 2019 the appeal court struck down an earlier conviction of Keel for tax evasion by "
        "two votes to one.",
    ],
)
async def test_an_opposite_in_its_place_is_flagged(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert await _flagged(kb, text)


async def test_a_word_added_whose_opposite_the_article_uses_is_not_backed(
    kb: knowledge.KnowledgeBase,
) -> None:
    """The claim says both words, so it inverts nothing, but what it adds turns the article's
    word round: it is not endorsed."""
    report = await report_after_learning(
        kb,
        ARTICLE,
        "Keel, who was recently released on bail, had been arrested at his home in Leeds in "
        "March 2023.",
        DAY,
    )
    assert not any(c.verdict == knowledge.Verdict.SUPPORTED for c in report.claims)
