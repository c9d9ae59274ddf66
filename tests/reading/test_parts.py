"""A sentence's parts: the main clause without its phrases, each phrase told of its subject,
coordinated clauses, and titles given to named people (unless held before)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from knowledge.model import Entity
from knowledge.nlp.parts import clause_parts, description_parts, part_claims, title_parts
from knowledge.nlp.pipeline import build_nlp
from knowledge.resources import lexicon
from tests.reading.conftest import read

DAY = date(2025, 6, 2)


@pytest.fixture(scope="module")
def named() -> Language:
    return build_nlp(
        [
            Entity("finland", "GPE", "Finland"),
            Entity("nato", "ORG", "NATO"),
            Entity("ukraine", "GPE", "Ukraine"),
            Entity("eu", "ORG", "European Union", ("EU",)),
            Entity("sg", "ROLE", "NATO Secretary General", ("NATO's secretary general",)),
            Entity("js", "PERSON", "Jens Stoltenberg"),
        ]
    )


def test_a_participial_tail_is_told_of_the_subject(named: Language) -> None:
    claim = read(
        named,
        "Finland joined NATO in April 2023, becoming its 31st member and doubling "
        "the alliance's border with Russia.",
    )
    assert clause_parts(claim.features) == [
        "Finland joined NATO in April 2023.",
        "Finland becoming its 31st member and doubling the alliance's border with Russia.",
    ]


def test_a_relative_phrase_is_told_of_the_name_it_follows(named: Language) -> None:
    claim = read(named, "The sanctions hit the EU, which buys most of its gas from Norway.")
    assert clause_parts(claim.features) == [
        "The sanctions hit the EU.",
        "EU buys most of its gas from Norway.",
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param(
            "NATO Secretary General Jens Stoltenberg, who took office in 2014, visited Kyiv.",
            "NATO Secretary General Jens Stoltenberg took office in 2014.",
            id="title",
        ),
        pytest.param(
            "Former NATO Secretary General Jens Stoltenberg, who stepped down in 2024, "
            "visited Kyiv.",
            "Former NATO Secretary General Jens Stoltenberg stepped down in 2024.",
            id="former-title",
        ),
        pytest.param(
            "Deputy NATO Secretary General Jens Stoltenberg, who took office in 2014, "
            "visited Kyiv.",
            "Jens Stoltenberg took office in 2014.",
            id="office-below",
        ),
    ],
)
def test_a_relative_phrase_on_a_titled_name_keeps_the_title(
    named: Language, text: str, phrase: str
) -> None:
    """The office someone took or left in a relative phrase is the one their title names."""
    claim = read(named, text)
    assert phrase in clause_parts(claim.features)


def test_a_relative_phrase_ends_at_a_comma_not_within_a_figure(named: Language) -> None:
    claim = read(named, "Finland, which has 5,600,000 inhabitants, joined NATO in April 2023.")
    assert clause_parts(claim.features) == [
        "Finland joined NATO in April 2023.",
        "Finland has 5,600,000 inhabitants.",
    ]


def test_coordinated_clauses_are_split(named: Language) -> None:
    claim = read(named, "Finland joined NATO in April 2023, but Ukraine is still waiting.")
    assert clause_parts(claim.features) == [
        "Finland joined NATO in April 2023.",
        "Ukraine is still waiting.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Finland had 31 members in its parliament's group, after March 14, 2023.", id="date"
        ),
        pytest.param("Finland joined NATO in April 2023, after Ukraine.", id="too-short"),
    ],
)
def test_an_after_phrase_that_bounds_the_clause_is_kept(named: Language, text: str) -> None:
    assert clause_parts(read(named, text).features) == []


def test_a_when_clause_with_its_own_subject_is_split_off(named: Language) -> None:
    claim = read(
        named,
        "Finland became NATO's 31st member on Tuesday, when Foreign Minister Pekka Haavisto "
        "handed over the documents in Brussels.",
    )
    assert clause_parts(claim.features) == [
        "Finland became NATO's 31st member on Tuesday.",
        "Foreign Minister Pekka Haavisto handed over the documents in Brussels.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Finland joined NATO in April 2023 after a long debate.", id="one-clause"),
        pytest.param("Finland joined NATO, including its nuclear planning group.", id="including"),
    ],
)
def test_a_sentence_of_one_statement_has_no_parts(named: Language, text: str) -> None:
    assert clause_parts(read(named, text).features) == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param(
            "NATO Secretary General Jens Stoltenberg visited Kyiv on Monday.",
            ["Jens Stoltenberg is the NATO Secretary General."],
            id="title-before",
        ),
        pytest.param(
            "Jens Stoltenberg, NATO's secretary general, visited Kyiv on Monday.",
            ["Jens Stoltenberg is NATO's secretary general."],
            id="title-after",
        ),
        pytest.param(
            "The NATO Secretary General, Jens Stoltenberg, visited Kyiv on Monday.",
            ["Jens Stoltenberg is the NATO Secretary General."],
            id="name-set-off-after-title",
        ),
        pytest.param(
            "Leaders met the NATO Secretary General, Jens Stoltenberg and Finland's ministers.",
            [],
            id="a-list-after-title",
        ),
        pytest.param(
            "Former NATO Secretary General Jens Stoltenberg visited Kyiv on Monday.",
            [],
            id="former",
        ),
        pytest.param(
            "The then NATO Secretary General Jens Stoltenberg visited Kyiv.", [], id="then"
        ),
    ],
)
def test_titles_given_to_named_people(named: Language, text: str, parts: list[str]) -> None:
    assert title_parts(read(named, text).features) == parts


def test_titles_are_read_only_on_the_article_s_own_day(named: Language) -> None:
    claim = read(named, "NATO Secretary General Jens Stoltenberg visited Kyiv on Monday.", DAY)
    dated = part_claims(claim, named, DAY, lexicon(), dated=True)
    undated = part_claims(claim, named, DAY, lexicon(), dated=False)
    assert [c.text for c in dated.titles] == ["Jens Stoltenberg is the NATO Secretary General."]
    assert undated.titles == ()
    older = read(named, "In 2019 NATO Secretary General Jens Stoltenberg visited Kyiv.", DAY)
    assert part_claims(older, named, DAY, lexicon(), dated=True).titles == ()


def test_a_reported_sentence_is_not_split_into_facts(named: Language) -> None:
    claim = read(named, "Critics say Finland joined NATO in 2023, becoming its 31st member.")
    assert part_claims(claim, named, DAY, lexicon(), dated=True).clauses == ()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        pytest.param(
            "Jens Stoltenberg, born in Oslo in 1959, visited Kyiv on Monday.",
            "Jens Stoltenberg was born in Oslo in 1959.",
            id="born",
        ),
        pytest.param(
            "Jens Stoltenberg, born on March 16, 1959, in Oslo, visited Kyiv on Monday.",
            "Jens Stoltenberg was born on March 16, 1959, in Oslo.",
            id="date-with-commas",
        ),
        pytest.param(
            "Jens Stoltenberg, re-elected in 2019, visited Kyiv on Monday.",
            "Jens Stoltenberg was re-elected in 2019.",
            id="prefixed",
        ),
    ],
)
def test_a_participle_set_beside_a_name_is_told_of_it(
    named: Language, text: str, phrase: str
) -> None:
    assert clause_parts(read(named, text).features) == [
        "Jens Stoltenberg visited Kyiv on Monday.",
        phrase,
    ]


def test_a_word_in_commas_that_tells_nothing_of_the_name_is_no_phrase(named: Language) -> None:
    claim = read(named, "Jens Stoltenberg, however, visited Kyiv on Monday.")
    assert clause_parts(claim.features) == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param(
            "Finland applied to join NATO in May 2022 and formally became its 31st member on "
            "4 April 2023.",
            [
                "Finland applied to join NATO in May 2022.",
                "Finland formally became its 31st member on 4 April 2023.",
            ],
            id="two-acts",
        ),
        pytest.param(
            "Finland sent tanks and armoured vehicles to Ukraine in 2023.", [], id="nouns"
        ),
        pytest.param("Finland and Ukraine signed the deal in 2023.", [], id="two-subjects"),
    ],
)
def test_two_acts_of_one_subject_are_told_each(
    named: Language, text: str, parts: list[str]
) -> None:
    assert clause_parts(read(named, text).features) == parts


def test_a_whose_phrase_is_told_of_its_owner(named: Language) -> None:
    claim = read(named, "NATO, whose Secretary General is Jens Stoltenberg, now has 32 members.")
    assert clause_parts(claim.features) == [
        "NATO now has 32 members.",
        "NATO's Secretary General is Jens Stoltenberg.",
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        pytest.param(
            "Finland, NATO's 31st member, held its first drills as an ally last month.",
            ["Finland is NATO's 31st member."],
            id="possessive",
        ),
        pytest.param(
            "Jens Stoltenberg, a former Norwegian prime minister, spoke in Seoul.",
            ["Jens Stoltenberg is a former Norwegian prime minister."],
            id="article",
        ),
        pytest.param(
            "Finland, the Netherlands and Ukraine sent ministers to the meeting.", [], id="a-list"
        ),
        pytest.param(
            "The EU adopted sanctions on Friday, a day after the anniversary, officials said.",
            [],
            id="a-time",
        ),
    ],
)
def test_a_noun_phrase_beside_a_name_tells_what_it_is(
    named: Language, text: str, parts: list[str]
) -> None:
    assert description_parts(read(named, text).features) == parts
