"""A yes/no question is checked as the statement it asks about; the claim keeps its offsets."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.reading.conftest import read

QUESTIONS = [
    pytest.param(
        "Is it true that NATO imposed sanctions on Russia?",
        "NATO imposed sanctions on Russia.",
        id="is-it-true",
    ),
    pytest.param(
        "Did NATO impose sanctions on Russia?", "NATO imposed sanctions on Russia.", id="did"
    ),
    pytest.param(
        "Is Stoltenberg NATO's Secretary General?",
        "Stoltenberg is NATO's Secretary General.",
        id="is-possessive",
    ),
    pytest.param(
        "NATO imposed sanctions on Russia?",
        "NATO imposed sanctions on Russia.",
        id="statement-with-mark",
    ),
    pytest.param(
        "Did Russia invade Ukraine in February 2022?",
        "Russia invaded Ukraine in February 2022.",
        id="did-date",
    ),
    pytest.param(
        "Didn't Finland join NATO in April 2023?",
        "Finland joined NATO in April 2023.",
        id="negative-did",
    ),
    pytest.param(
        "Does NATO have troops in Ukraine?", "NATO has troops in Ukraine.", id="does-have"
    ),
    pytest.param(
        "Do Sweden and Finland share a border with Russia?",
        "Sweden and Finland share a border with Russia.",
        id="do",
    ),
    pytest.param("Has Sweden joined NATO?", "Sweden has joined NATO.", id="has"),
    pytest.param(
        "Have the allies sent tanks to Kyiv?",
        "The allies have sent tanks to Kyiv.",
        id="have-determiner",
    ),
    pytest.param(
        "Were the Minsk agreements signed in 2015?",
        "The Minsk agreements were signed in 2015.",
        id="were-passive",
    ),
    pytest.param(
        "Is the war in Ukraine over?", "The war in Ukraine is over.", id="is-pp-complement"
    ),
    pytest.param("Is Jens Stoltenberg in Seoul?", "Jens Stoltenberg is in Seoul.", id="is-place"),
    pytest.param(
        "Did the United States send Abrams tanks to Ukraine?",
        "The United States sent Abrams tanks to Ukraine.",
        id="did-name-subject",
    ),
    pytest.param(
        "Did you know that Finland shares a 1,340 km border with Russia?",
        "Finland shares a 1,340 km border with Russia.",
        id="did-you-know",
    ),
    pytest.param(
        "Is it correct that Putin met Xi in Moscow in March 2023?",
        "Putin met Xi in Moscow in March 2023.",
        id="is-it-correct",
    ),
    pytest.param(
        "Sweden joined NATO in March 2024, didn't it?",
        "Sweden joined NATO in March 2024.",
        id="tag-didnt-it",
    ),
    pytest.param(
        "Russia annexed Crimea in 2014, right?", "Russia annexed Crimea in 2014.", id="tag-right"
    ),
    pytest.param(
        "Can you check whether Hungary ratified Sweden's accession?",
        "Hungary ratified Sweden's accession.",
        id="can-you-check",
    ),
    pytest.param(
        "Will Ukraine receive F-16 jets this year?",
        "Ukraine will receive F-16 jets this year.",
        id="will",
    ),
]


@pytest.mark.parametrize(("question", "statement"), QUESTIONS)
def test_a_question_is_read_as_its_statement(nlp: Language, question: str, statement: str) -> None:
    claim = read(nlp, question)
    assert claim.question
    assert claim.statement == statement
    assert claim.text == question and (claim.start, claim.end) == (0, len(question))
    assert claim.check_worthy


def test_the_statement_is_what_the_features_describe(nlp: Language) -> None:
    claim = read(nlp, "Did NATO impose sanctions on Russia?")
    assert "impose" in claim.features.lemmas and "do" not in claim.features.lemmas
    assert claim.features.text == "NATO imposed sanctions on Russia."


OPEN_QUESTIONS = [
    pytest.param("Who leads NATO today?", id="who"),
    pytest.param("When did Sweden join NATO?", id="when"),
    pytest.param("How many members does NATO have now?", id="how-many"),
    pytest.param("Why did Russia invade Ukraine?", id="why"),
]


@pytest.mark.parametrize("question", OPEN_QUESTIONS)
def test_an_open_question_is_not_a_claim_to_check(nlp: Language, question: str) -> None:
    claim = read(nlp, question)
    assert not claim.question and not claim.check_worthy
    assert claim.reason == "a question"


def test_a_statement_is_its_own_statement(nlp: Language) -> None:
    claim = read(nlp, "NATO imposed sanctions on Russia.")
    assert claim.statement == claim.text and not claim.question


async def test_a_question_is_checked(kb) -> None:  # type: ignore[no-untyped-def]
    report = await kb.check("Is it true that NATO imposed sanctions on Russia?")
    assert len(report.claims) == 1 and report.skipped == 0
