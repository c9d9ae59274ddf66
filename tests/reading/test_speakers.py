"""Who an article reports as speaking, by name: the name closing the speaker, a surname for
the full name given before it, "he"/"she" for the speaker before, a body never a person."""

from __future__ import annotations

from spacy.language import Language

from knowledge.nlp.speakers import article_speakers, may_be_one, person_id, speaker_name
from knowledge.resources import lexicon
from tests.reading.conftest import read, read_all

ARTICLE = "\n\n".join(
    (
        "Harbour master Ivana Kralj said the ferry had left port at dawn.",
        "Kralj added that the crew had reported no problems.",
        "“The sea was calm all morning,” she said.",
        "Engineer Dario Bašić criticised the port authority.",
        "He said the ramp had not been inspected since 2019.",
        "The port authority said it would publish its own report.",
        "“We will answer every question,” he said.",
    )
)


def test_each_sentence_speaker_of_an_article(nlp: Language) -> None:
    claims = read_all(nlp, ARTICLE)
    found = article_speakers(claims, {}, lexicon())
    surnames = [speaker.split("_")[-1] if speaker else None for speaker in found]
    assert surnames == [
        "kralj",
        "kralj",  # a surname told alone: the full name given before
        "kralj",  # "she": the speaker of the sentence before
        None,  # no one reported speaking
        "bašić",  # "he": the one person the sentence before names
        None,  # a body, not a person
        None,  # "he" after a sentence that reports a body speaking and names no person
    ]
    assert found[0] == found[1] == found[2] == "ivana_kralj"


def test_a_surname_two_people_share_is_neither(nlp: Language) -> None:
    claims = read_all(
        nlp,
        "Ana Novak said the bridge would reopen. Marko Novak said the bridge was unsafe. "
        "Novak said repairs would take a year.",
    )
    assert article_speakers(claims, {}, lexicon())[2] is None


def test_the_name_closing_a_speaker(nlp: Language) -> None:
    name = speaker_name(read(nlp, "Hospital director Eleni Vlachou said 12 people were hurt."))
    assert name is not None and name.text == "Eleni Vlachou"
    assert speaker_name(read(nlp, "A police spokeswoman said 12 people were hurt.")) is None
    assert speaker_name(read(nlp, "Critics said the figures were too low.")) is None


def test_a_body_is_no_person(nlp: Language) -> None:
    for text in ("Nordhamn Securities", "Centre Alliance", "Irish Congress of Trade Unions"):
        name = speaker_name(read(nlp, f"{text} said the cuts were deeper than expected."))
        assert name is None or person_id(name, {}, lexicon()) is None, text
    name = speaker_name(read(nlp, "Sofia Lind said the cuts were deeper than expected."))
    assert name is not None and person_id(name, {}, lexicon()) == "sofia_lind"
    assert person_id(name, {name.id: "ORG"}, lexicon()) is None  # the knowledge base knows it


def test_ids_that_may_be_one_person() -> None:
    assert may_be_one("jens_stoltenberg", "stoltenberg")
    assert may_be_one("mark_rutte", "mark_carney")  # kept apart only at the risk of a false flag
    assert not may_be_one("ivana_kralj", "dario_bašić")


def test_a_capitalised_title_and_a_hyphenated_surname(nlp: Language) -> None:
    claims = read_all(
        nlp,
        "\n\n".join(
            (
                "Civil Protection Minister Giorgos Lambrou said the night would be difficult.",
                "Governor Kwabena Owusu-Mensah, 59, told reporters that the bank would act.",
                "Owusu-Mensah said the currency had lost a sixth of its value.",
            )
        ),
    )
    assert article_speakers(claims, {}, lexicon()) == [
        "giorgos_lambrou",
        "kwabena_owusu-mensah",
        "kwabena_owusu-mensah",
    ]


def test_a_quotation_running_over_sentences_is_its_closing_speakers(nlp: Language) -> None:
    claims = read_all(
        nlp,
        "Helix team principal Marco Fenn was calm.\n\n“Seventeen points with eleven races left "
        "is nothing. It is a long season,” Matteo Ravelli said.",
    )
    assert [c.text[:6] for c in claims] == ["Helix ", "“Seven", "It is "]
    assert article_speakers(claims, {}, lexicon())[1:] == ["matteo_ravelli", "matteo_ravelli"]
