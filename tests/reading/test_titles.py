"""The titles a sentence gives the people it names: before the name, or set off after it."""

from __future__ import annotations

import pytest

from knowledge.nlp.features import sentence_features
from knowledge.nlp.pipeline import build_nlp
from knowledge.nlp.titles import titles

NLP = build_nlp([])


def given(text: str) -> dict[str, frozenset[str]]:
    return {t.name: t.words for t in titles(sentence_features(NLP(text)[:], None))}


@pytest.mark.parametrize(
    ("text", "name", "words"),
    [
        (
            "Hospital director Lana Vuković said four remained in care.",
            "Lana Vuković",
            {"hospital", "director"},
        ),
        (
            "The company's former finance director, Sunita Marwah, was sentenced.",
            "Sunita Marwah",
            {"finance", "director"},
        ),
        (
            "Former Greenmoor Solar chief executive Richard Pellow was jailed.",
            "Richard Pellow",
            {"chief", "executive"},
        ),
        (
            "The closure will hit shops, said Teresa Bielsa, the town's mayor.",
            "Teresa Bielsa",
            {"mayor"},
        ),
        (
            "Finance Minister Marija Bošnjak said the strategy was ready.",
            "Marija Bošnjak",
            {"finance", "minister"},
        ),
        (
            "Stefano Moretti, head of the national civil protection department, said so.",
            "Stefano Moretti",
            {"head", "national", "civil", "protection", "department"},
        ),
        (
            "Marta Reis, the airline's chief operating officer, called it the best offer.",
            "Marta Reis",
            {"chief", "operating", "officer"},
        ),
        (
            "Pilar Lasheras, who chairs the plant's works council, called it an insult.",
            "Pilar Lasheras",
            {"chairs", "works", "council"},
        ),
        # a title in hyphens, and one whose body is named apart
        (
            "KSTU secretary-general Grace Wanjiru called the deal a first step.",
            "Grace Wanjiru",
            {"secretary-general"},
        ),
        # a form of address between the title and the name
        (
            "The TSC's chief executive, Dr. Samuel Kiprono, said pay had risen.",
            "Samuel Kiprono",
            {"chief", "executive"},
        ),
        ("Jyske Bank analyst Henrik Mølgaard said the delay hurt.", "Henrik Mølgaard", {"analyst"}),
        # a title with what its holder serves
        (
            "Javier Ortúzar, chief economist at Banco Andino in Santiago, said so.",
            "Javier Ortúzar",
            {"chief", "economist"},
        ),
        (
            "Karim Boukhari, the city's alderman for health, denied it.",
            "Karim Boukhari",
            {"alderman", "health"},
        ),
        # a word in "-ing" before a title's last word is part of it
        (
            "Lumina's chief operating officer, Elena Márquez, said planes were full.",
            "Elena Márquez",
            {"chief", "operating", "officer"},
        ),
        (
            "Umhlaba Capital, whose chief economist Thabo Rakgoale called it a surprise, grew.",
            "Thabo Rakgoale",
            {"chief", "economist"},
        ),
    ],
)
def test_a_title_beside_a_name_is_read(text: str, name: str, words: set[str]) -> None:
    assert given(text)[name] == words


@pytest.mark.parametrize(
    "text",
    [
        "Manchester City beat Chelsea 2-0 at the Etihad on Sunday.",
        "Cole Palmer scored after Nico Williams had put Spain ahead.",
        "Javier Ortín, 52, who stood outside the gates, said he learned of it by text.",
        "The hackers, who call themselves Black Quill, demanded a ransom.",
        "Vesna Radman, who heads Jadran Link, denied it.",
        "According to the chief executive, Norrcell's biggest customer cut its orders.",
        "Stefano Moretti, speaking to reporters, said the worst was over.",
        "General Motors said sales rose.",
    ],
)
def test_words_that_are_no_title_are_not_read_as_one(text: str) -> None:
    assert given(text) == {}
