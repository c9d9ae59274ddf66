"""A retelling that puts one person's words in another's mouth is flagged against the learned
article; a retelling naming the right speaker, someone the article never names, or a body is
not, and words the article gives to one person never back a claim that another said them."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import claim_after_learning

DAY = date(2026, 3, 3)
FLOOD = "\n\n".join(
    (
        "Flooding cuts rail line between Arlen and Brisk",
        "ARLEN, 3 March 2026 – Heavy rain flooded the rail line between Arlen and Brisk on "
        "Tuesday, leaving thousands of commuters stranded.",
        "Dana Whitcombe, a spokeswoman for the rail operator, said about 1,200 passengers had "
        "been moved onto replacement buses by the evening.",
        "The town's pumping station failed shortly after midnight because of a power cut, "
        "Mayor Tomas Reller said.",
        "“We had two metres of water in the underpass within an hour,” he said.",
        "Engineer Pavel Okonjo criticised the operator.",
        "He said the embankment near Brisk had been weakened by years of neglect.",
    )
)


async def _claim(kb: knowledge.KnowledgeBase, text: str) -> knowledge.ClaimResult:
    return await claim_after_learning(kb, FLOOD, text, DAY)


@pytest.mark.parametrize(
    ("text", "said_by"),
    [
        pytest.param(
            "Mayor Tomas Reller said about 1,200 passengers had been moved onto replacement "
            "buses by the evening.",
            "Dana Whitcombe",
            id="another-named-speaker",
        ),
        pytest.param(
            "Whitcombe said the town's pumping station had failed shortly after midnight "
            "because of a power cut.",
            "Tomas Reller",
            id="a-surname-alone",
        ),
        pytest.param(
            "Dana Whitcombe said the embankment near Brisk had been weakened by years of neglect.",
            "Okonjo",
            id="words-an-article-gives-after-he-said",
        ),
    ],
)
async def test_words_put_in_another_mouth_are_flagged(
    kb: knowledge.KnowledgeBase, text: str, said_by: str
) -> None:
    result = await _claim(kb, text)
    assert result.verdict == knowledge.Verdict.CONTRADICTED, result.reason
    assert said_by in result.reason


async def test_a_quotation_from_the_person_before_is_theirs(kb: knowledge.KnowledgeBase) -> None:
    wrong = await _claim(
        kb, "“We had two metres of water in the underpass within an hour,” Whitcombe said."
    )
    assert wrong.verdict == knowledge.Verdict.CONTRADICTED, wrong.reason
    assert "Tomas Reller" in wrong.reason
    right = await _claim(
        kb, "“We had two metres of water in the underpass within an hour,” Reller said."
    )
    assert right.verdict != knowledge.Verdict.CONTRADICTED, right.reason


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Whitcombe said about 1,200 passengers had been moved onto replacement buses by "
            "the evening.",
            id="the-right-speaker",
        ),
        pytest.param(
            "Transport minister Ana Holt said about 1,200 passengers had been moved onto "
            "replacement buses by the evening.",
            id="someone-the-article-never-names",
        ),
        pytest.param(
            "The rail operator said about 1,200 passengers had been moved onto replacement "
            "buses by the evening.",
            id="the-body-the-speaker-speaks-for",
        ),
        pytest.param(
            "Reller said the town had had two metres of water in the underpass within an hour.",
            id="the-right-speaker-of-a-quote-after-he-said",
        ),
    ],
)
async def test_right_or_unknown_speakers_are_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    result = await _claim(kb, text)
    assert result.verdict != knowledge.Verdict.CONTRADICTED, result.reason


async def test_words_said_by_two_are_not_flagged(kb: knowledge.KnowledgeBase) -> None:
    both = FLOOD + (
        "\n\nReller said about 1,200 passengers had been moved onto replacement buses by the "
        "evening."
    )
    result = await claim_after_learning(
        kb,
        both,
        "Mayor Tomas Reller said about 1,200 passengers had been moved onto replacement buses "
        "by the evening.",
        DAY,
    )
    assert result.verdict != knowledge.Verdict.CONTRADICTED, result.reason


async def test_words_of_one_person_never_back_another(kb: knowledge.KnowledgeBase) -> None:
    result = await _claim(kb, "Okonjo said the pumping station had failed shortly after midnight.")
    assert result.verdict != knowledge.Verdict.SUPPORTED, result.reason
    right = await _claim(kb, "Reller said the pumping station had failed shortly after midnight.")
    assert right.verdict != knowledge.Verdict.CONTRADICTED, right.reason


COURT_DAY = date(2026, 11, 4)
COURT = "\n\n".join(
    (
        "Court halts demolition of Riverside flats",
        "LEEDS, 4 November 2026 – The High Court on Tuesday suspended the demolition of the "
        "Riverside flats until a full hearing in January.",
        "Council leader James Whitby met residents' spokeswoman Priya Desai on Wednesday. He "
        "said the council would respect the ruling and would not appeal.",
        "The developer, Northgate Homes, said in a statement that it remained committed to the "
        "project. Its managing director, Tom Reilly, said the company had already spent 4 "
        "million pounds on planning.",
    )
)


async def test_a_body_is_never_told_it_did_not_say_its_spokespersons_words(
    kb: knowledge.KnowledgeBase,
) -> None:
    result = await claim_after_learning(
        kb,
        COURT,
        "Northgate Homes said the company had already spent 4 million pounds on planning.",
        COURT_DAY,
    )
    assert result.verdict != knowledge.Verdict.CONTRADICTED, result.reason


async def test_he_said_backs_no_named_speaker(kb: knowledge.KnowledgeBase) -> None:
    """After a sentence naming two people, "He said" could be either: it backs neither."""
    claim = await claim_after_learning(
        kb,
        COURT,
        "Priya Desai said the council would respect the ruling and would not appeal.",
        COURT_DAY,
    )
    assert claim.verdict == knowledge.Verdict.UNVERIFIED, claim.reason
    assert "not as said by Priya Desai" in claim.reason
