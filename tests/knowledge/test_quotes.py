"""Misquotes and misattributed quotes."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import finding_kinds


async def test_changed_words_are_a_misquote(kb: knowledge.KnowledgeBase) -> None:
    text = "“I urge the Republic of Korea to stop the specific issue of military support,” Stoltenberg said."
    assert "misquote" in await finding_kinds(kb, text)


async def test_exact_words_are_fine(kb: knowledge.KnowledgeBase) -> None:
    text = "“I urge the Republic of Korea to continue and to step up the specific issue of military support,” Stoltenberg said."
    kinds = await finding_kinds(kb, text)
    assert not kinds & {"misquote", "misattribution"}


async def test_quote_in_someone_elses_mouth(kb: knowledge.KnowledgeBase) -> None:
    text = "“Several NATO allies who had as a policy never to export weapons to countries in conflict have changed that policy now,” Putin said."
    assert "misattribution" in await finding_kinds(kb, text)


@pytest.mark.parametrize(
    ("text", "said", "recorded"),
    [
        # one word that bears on the meaning, in a quote otherwise word for word
        (
            "Stoltenberg said: “Few NATO allies who had as a policy never to export weapons to "
            "countries in conflict have changed that policy now.”",
            "few",
            "several",
        ),
        (
            "“We urge the Republic of Korea to continue and to step up the specific issue of "
            "military support,” Stoltenberg said.",
            "we",
            "I",
        ),
        # at the end of a quote that stops before the recorded one does
        (
            "“After the brutal invasion of Ukraine, these countries changed their policies,” "
            "Stoltenberg said.",
            "policies",
            "policy",
        ),
    ],
)
async def test_one_changed_word_in_a_long_quote_is_a_misquote(
    kb: knowledge.KnowledgeBase, text: str, said: str, recorded: str
) -> None:
    report = await kb.check(text, reference_date=date(2023, 1, 31))
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert f"“{said}” for “{recorded}”" in claim.findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        # words left out with an ellipsis (a negation among them)
        "Stoltenberg said: “Several NATO allies ... have changed that policy now.”",
        # a spelling variant, an editor's brackets, words beyond what the record keeps
        "“After the brutal invasion of Ukraine, these countries changed their policy because "
        "they realised that when you are facing a brutal invasion,” Stoltenberg said.",
        "Stoltenberg said: “Several NATO allies who had as a policy never to export weapons to "
        "countries in conflict have changed [their] policy now.”",
        "Stoltenberg said: “Several NATO allies who had as a policy never to export weapons to "
        "countries in conflict have changed that policy now, and we welcome that.”",
        # a word of no weight on the meaning
        "“After the brutal invasion of Ukraine, those countries changed their policy,” "
        "Stoltenberg said.",
    ],
)
async def test_a_faithful_quote_is_not_a_misquote(kb: knowledge.KnowledgeBase, text: str) -> None:
    kinds = await finding_kinds(kb, text)
    assert not kinds & {"misquote", "misattribution"}
