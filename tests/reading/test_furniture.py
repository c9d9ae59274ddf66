"""Page furniture (bylines, credits, time stamps, bare datelines) is not a claim; a dateline
glued to a sentence is cut off it, and the rest of the sentence is still a claim."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.reading.conftest import read, read_all

FURNITURE = [
    pytest.param("By Jane Doe, CNN", id="byline-cnn"),
    pytest.param("By Jane Doe and John Roe, Reuters", id="byline-two-names"),
    pytest.param("By JANE DOE | Associated Press", id="byline-shouting"),
    pytest.param("Reporting by Jane Doe; Editing by John Roe", id="reporting-editing"),
    pytest.param("(Additional reporting by Olena Harmash in Kyiv)", id="additional-reporting"),
    pytest.param("Updated 10:31 AM EST, Mon January 30, 2023", id="updated-stamp"),
    pytest.param("Published 5:02 PM GMT, 12 March 2024", id="published-stamp"),
    pytest.param("Last modified on Tue 31 Jan 2023 09.15 GMT", id="last-modified"),
    pytest.param("Photo: AP", id="photo-credit"),
    pytest.param("Image credit: Getty Images", id="image-credit"),
    pytest.param("Photo: Jane Doe/Reuters", id="photo-credit-slash"),
    pytest.param("Video: Getty Images", id="video-credit"),
    pytest.param("Photograph: Jane Doe for The Guardian", id="photograph-credit-names"),
    pytest.param("Pictures: Ministry of Defence handout", id="pictures-handout"),
    pytest.param("Read more: Why Sweden and Finland applied to join NATO", id="read-more"),
    pytest.param("Related: Ukraine asks allies for more air defence", id="related"),
    pytest.param("Seoul, South Korea", id="bare-dateline"),
    pytest.param("Seoul, South Korea CNN —", id="dateline-with-agency"),
    pytest.param("(Reuters)", id="agency-alone"),
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_is_not_a_claim(nlp: Language, line: str) -> None:
    text = f"{line}\nSouth Korea has not sent weapons to Ukraine directly."
    claims = read_all(nlp, text)
    assert [c.text for c in claims] == ["South Korea has not sent weapons to Ukraine directly."]


GLUED = [
    pytest.param(
        "SEOUL, Jan 31, 2023 (Reuters) - ",
        "South Korea said on Tuesday it would consider the request.",
        id="reuters",
    ),
    pytest.param(
        "Seoul, South Korea CNN — ",
        "NATO Secretary General Jens Stoltenberg on Monday asked South Korea to reconsider its rule.",
        id="cnn",
    ),
    pytest.param(
        "WASHINGTON (AP) — ",
        "The Senate approved another aid package for Ukraine on Tuesday.",
        id="ap",
    ),
    pytest.param(
        "KYIV, Ukraine — ",
        "Russian missiles struck power plants across the country overnight.",
        id="shouting-place",
    ),
    pytest.param(
        "Brussels, Feb 14 (AFP) - ",
        "Defence ministers met at NATO headquarters to discuss ammunition.",
        id="afp-date",
    ),
    pytest.param(
        "HELSINKI -- ",
        "Finland completed its fence on the Russian border in 2023.",
        id="double-hyphen",
    ),
]


@pytest.mark.parametrize(("dateline", "sentence"), GLUED)
def test_a_glued_dateline_is_cut_off(nlp: Language, dateline: str, sentence: str) -> None:
    claim = read(nlp, dateline + sentence)
    assert claim.text == sentence
    assert claim.start == len(dateline)
    assert claim.check_worthy


NOT_DATELINES = [
    pytest.param(
        "Sweden, Finland - both joined NATO after Russia invaded Ukraine.", id="list-of-places"
    ),
    pytest.param("By 2024 NATO had 32 members after Sweden joined.", id="by-a-year"),
    pytest.param(
        "Ukraine - the country Russia invaded in 2022 - is not a NATO member.", id="aside"
    ),
    pytest.param(
        "Stoltenberg, who led NATO for ten years, said - again - that allies must spend more.",
        id="dashes-in-a-sentence",
    ),
]


@pytest.mark.parametrize("sentence", NOT_DATELINES)
def test_sentences_like_datelines_are_left_whole(nlp: Language, sentence: str) -> None:
    assert read(nlp, sentence).text == sentence


async def test_a_stamp_still_sets_the_reference_date(kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Updated 10:31 AM EST, Mon January 30, 2023\n"
        "NATO Secretary General Jens Stoltenberg visited Seoul on Monday."
    )
    report = await kb.check(text)
    assert report.reference_date.isoformat() == "2023-01-30"
    assert [c.text for c in report.claims] == [
        "NATO Secretary General Jens Stoltenberg visited Seoul on Monday."
    ]


@pytest.mark.parametrize(
    ("label", "sentence"),
    [
        pytest.param("Timeline: ", "Sweden joined NATO on 7 March 2024.", id="timeline"),
        pytest.param("Explainer: ", "The Minsk II agreement was signed in 2015.", id="explainer"),
        pytest.param("A: ", "Finland joined NATO on 4 April 2023.", id="answer"),
        # what a post shows, after its media label
        pytest.param("WATCH: ", "Stoltenberg met Yoon Suk Yeol in Seoul on Monday.", id="watch"),
        pytest.param("VIDEO: ", "Finland joined NATO on 4 April 2023.", id="video"),
        pytest.param(
            "Photo: ", "Soldiers unload weapons at Rzeszów airport in Poland.", id="photo-caption"
        ),
    ],
)
def test_a_section_label_is_no_part_of_the_claim(nlp: Language, label: str, sentence: str) -> None:
    claim = read(nlp, label + sentence)
    assert claim.text == sentence
    assert claim.check_worthy
