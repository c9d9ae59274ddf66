"""Modality: only asserted claims state facts; each kind of non-assertion is read as such."""

from __future__ import annotations

import pytest
from spacy.language import Language

from knowledge.nlp.modality import Modality
from tests.reading.conftest import read

CASES = [
    # asserted, including named reported speech without a cue
    pytest.param("NATO imposed sanctions on Russia.", Modality.ASSERTED, id="plain"),
    pytest.param(
        "Stoltenberg said that Russia had violated the treaty.",
        Modality.ASSERTED,
        id="named-speech",
    ),
    pytest.param("Stoltenberg visited Seoul in May 2022.", Modality.ASSERTED, id="may-the-month"),
    pytest.param(
        "The city council rejected the new budget for public libraries.",
        Modality.ASSERTED,
        id="rejected-an-object",
    ),
    pytest.param("The actor Will Smith visited Kyiv in 2022.", Modality.ASSERTED, id="will-a-name"),
    # a measured difference after a figure states it: no hedge, no mere possibility
    pytest.param(
        "Smokers in the trial were 40% more likely to develop asthma.",
        Modality.ASSERTED,
        id="figure-more-likely",
    ),
    pytest.param(
        "Daily cycling was linked to a 15% lower risk of heart disease.",
        Modality.ASSERTED,
        id="figure-lower-risk-of",
    ),
    pytest.param(
        "Night-shift nurses were twice as likely to report back pain.",
        Modality.ASSERTED,
        id="twice-as-likely",
    ),
    pytest.param(
        "Interest rates are more likely to fall in the spring.",
        Modality.HEDGED,
        id="more-likely-without-a-figure",
    ),
    pytest.param(
        "The vaccine cut the risk of hospitalisation by 90% in the trial.",
        Modality.ASSERTED,
        id="the-risk-with-a-figure",
    ),
    pytest.param(
        "Smokers in the cohort had a higher risk of lung cancer.",
        Modality.ASSERTED,
        id="a-higher-risk-of",
    ),
    pytest.param(
        "The risk of a cyberattack on the grid is growing.",
        Modality.POSSIBLE,
        id="the-risk-without-a-figure",
    ),
    pytest.param("Bondholders face a risk of default.", Modality.POSSIBLE, id="a-risk-of"),
    # hedged
    pytest.param("Russia may have moved nuclear weapons to Belarus.", Modality.HEDGED, id="may"),
    pytest.param(
        "The drone might have been launched from Russian territory.", Modality.HEDGED, id="might"
    ),
    pytest.param(
        "Russian troops reportedly crossed the border at dawn.", Modality.HEDGED, id="reportedly"
    ),
    pytest.param(
        "The minister allegedly took bribes from arms dealers.", Modality.HEDGED, id="allegedly"
    ),
    pytest.param(
        "The explosion is believed to have been caused by a missile.",
        Modality.HEDGED,
        id="is-believed-to",
    ),
    pytest.param(
        "The talks appear to have stalled over the border question.",
        Modality.HEDGED,
        id="appears-to",
    ),
    # conditional
    pytest.param(
        "If Russia attacks a member state, NATO would invoke Article 5.",
        Modality.CONDITIONAL,
        id="if",
    ),
    pytest.param(
        "NATO troops in Ukraine would escalate the war.", Modality.CONDITIONAL, id="would"
    ),
    pytest.param(
        "Unless the parliament votes, Sweden cannot join the alliance.",
        Modality.CONDITIONAL,
        id="unless",
    ),
    # possible
    pytest.param(
        "The conflict could spread to Moldova within months.", Modality.POSSIBLE, id="could"
    ),
    pytest.param("A ceasefire is possible before the winter.", Modality.POSSIBLE, id="possible"),
    pytest.param(
        "The sanctions potentially affect hundreds of Russian companies.",
        Modality.POSSIBLE,
        id="potentially",
    ),
    # future
    pytest.param(
        "Sweden will join NATO after Hungary ratifies the treaty.", Modality.FUTURE, id="will"
    ),
    pytest.param(
        "Germany is expected to deliver Leopard tanks to Ukraine.",
        Modality.FUTURE,
        id="is-expected-to",
    ),
    pytest.param(
        "The alliance plans to double its presence in the Baltic states.",
        Modality.FUTURE,
        id="plans-to",
    ),
    pytest.param(
        "NATO leaders are set to meet in Vilnius next July.", Modality.FUTURE, id="is-set-to"
    ),
    pytest.param(
        "The summit takes place in Vilnius on 11 July 2023.", Modality.FUTURE, id="future-date"
    ),
    # wished
    pytest.param("Ukraine hopes to join the European Union by 2030.", Modality.WISHED, id="hopes"),
    pytest.param(
        "Finland wants stronger guarantees from the United States.", Modality.WISHED, id="wants"
    ),
    pytest.param(
        "Many Georgians wish their country were part of NATO.", Modality.WISHED, id="wish"
    ),
    # denied
    pytest.param(
        "The Kremlin denied that its troops were in Ukraine.", Modality.DENIED, id="denied-that"
    ),
    pytest.param(
        "Moscow has rejected claims that it supplied the missile.",
        Modality.DENIED,
        id="rejected-claims",
    ),
    pytest.param(
        "It is false that NATO promised never to expand eastward.",
        Modality.DENIED,
        id="it-is-false-that",
    ),
    # attributed to nobody in particular
    pytest.param(
        "Critics say NATO troops in Ukraine would escalate the war.",
        Modality.ATTRIBUTED,
        id="critics-say",
    ),
    pytest.param(
        "Some claim the vaccine contains microchips.", Modality.ATTRIBUTED, id="some-claim"
    ),
    pytest.param(
        "Opponents argue that the sanctions hurt ordinary Russians most.",
        Modality.ATTRIBUTED,
        id="opponents-argue",
    ),
    pytest.param(
        "It is claimed that Ukraine staged the attack itself.",
        Modality.ATTRIBUTED,
        id="it-is-claimed",
    ),
    pytest.param(
        "Social media users claim that the video shows Kyiv.",
        Modality.ATTRIBUTED,
        id="social-media-users",
    ),
]


@pytest.mark.parametrize(("sentence", "modality"), CASES)
def test_modality(nlp: Language, sentence: str, modality: Modality) -> None:
    claim = read(nlp, sentence)
    assert claim.modality == modality, claim.modal_cue
    assert claim.asserted == (modality == Modality.ASSERTED)


def test_a_mention_outside_the_modal_words_is_asserted(nlp: Language) -> None:
    claim = read(nlp, "Sweden, a NATO applicant, is expected to join soon.")
    start = claim.text.index("NATO applicant")
    assert not claim.asserted
    assert claim.asserts(start, start + len("NATO applicant"))
    join = claim.text.index("join")
    assert not claim.asserts(join, join + 4)


def test_a_definite_description_is_presupposed(nlp: Language) -> None:
    claim = read(nlp, "The United States wants Russia to respect the Minsk Agreement.")
    assert claim.modality == Modality.WISHED
    assert claim.presupposes(claim.text.index("Minsk"))
    assert not claim.presupposes(claim.text.index("Russia"))


def test_a_named_report_of_a_prediction_is_asserted_but_states_no_fact(nlp: Language) -> None:
    claim = read(nlp, "The Canal Trust said the trees would not shade the towpath in summer.")
    assert claim.modality == Modality.CONDITIONAL
    assert claim.asserted and not claim.states_fact


def test_an_anonymous_report_is_not_asserted(nlp: Language) -> None:
    claim = read(nlp, "Critics say NATO troops in Ukraine would escalate the war.")
    assert not claim.asserted and not claim.states_fact


@pytest.mark.parametrize(
    ("sentence", "past"),
    [
        ("Finland joined NATO, becoming the alliance's 31st member.", True),  # a possessive
        ("Finland joined NATO, and it's the alliance's 31st member.", False),  # "it is"
    ],
)
def test_an_s_after_a_noun_is_its_possessive(nlp: Language, sentence: str, past: bool) -> None:
    assert read(nlp, sentence).past_acts == past
