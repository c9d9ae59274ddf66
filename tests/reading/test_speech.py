"""Reported speech is read as (speaker, content), with offsets into the input."""

from __future__ import annotations

import pytest
from spacy.language import Language

from knowledge.nlp.pipeline import build_nlp
from tests.reading.conftest import read

SPEECH = [
    pytest.param(
        "Stoltenberg said that Russia had violated the treaty.",
        "Stoltenberg",
        "Russia had violated the treaty",
        id="said-that",
    ),
    pytest.param(
        "Zelensky said Ukraine would never give up Crimea.",
        "Zelensky",
        "Ukraine would never give up Crimea",
        id="said-no-that",
    ),
    pytest.param(
        "The Kremlin said on Tuesday it had no plans to attack.",
        "The Kremlin",
        "it had no plans to attack",
        id="said-on-a-day",
    ),
    pytest.param(
        "He has also said that the presence of NATO troops remains essential.",
        "He",
        "the presence of NATO troops remains essential",
        id="has-also-said",
    ),
    pytest.param(
        "Experts say 5G towers spread the virus.",
        "Experts",
        "5G towers spread the virus",
        id="said-a-number-that-is-no-date",
    ),
    pytest.param(
        "Mark Rutte, who took office in October, said on Tuesday that the alliance would stay "
        "united.",
        "Mark Rutte",
        "the alliance would stay united",
        id="speaker-then-a-relative-phrase",
    ),
    pytest.param(
        "Rutte, 57, said the alliance would stay united.",
        "Rutte",
        "the alliance would stay united",
        id="speaker-then-an-age",
    ),
    pytest.param(
        "The ministry said on 5 March 300 soldiers had crossed the border.",
        "The ministry",
        "300 soldiers had crossed the border",
        id="said-on-a-date",
    ),
    pytest.param(
        "The defence minister told reporters that the talks had failed.",
        "The defence minister",
        "the talks had failed",
        id="told-reporters",
    ),
    pytest.param(
        "NATO will not send troops to Ukraine, Stoltenberg said on Monday.",
        "Stoltenberg",
        "NATO will not send troops to Ukraine",
        id="trailing-said",
    ),
    pytest.param(
        "Sweden will join the alliance within weeks, said the foreign minister.",
        "the foreign minister",
        "Sweden will join the alliance within weeks",
        id="said-inverted",
    ),
    pytest.param(
        "“Several NATO allies have changed that policy now,” Stoltenberg said, citing Germany.",
        "Stoltenberg",
        "Several NATO allies have changed that policy now",
        id="quoted",
    ),
    pytest.param(
        "But he said the ceasefire had collapsed within days.",
        "he",
        "the ceasefire had collapsed within days",
        id="but-he-said",
    ),
    pytest.param(
        "Pfizer said it expects vaccine sales to fall sharply this year.",
        "Pfizer",
        "it expects vaccine sales to fall sharply this year",
        id="company-said",
    ),
    pytest.param(
        "According to Reuters, South Korea rejected the request.",
        "Reuters",
        "South Korea rejected the request",
        id="according-to-leading",
    ),
    pytest.param(
        "South Korea rejected the request, according to Yonhap.",
        "Yonhap",
        "South Korea rejected the request",
        id="according-to-trailing",
    ),
    pytest.param(
        "Critics say NATO troops in Ukraine would escalate the war.",
        "Critics",
        "NATO troops in Ukraine would escalate the war",
        id="critics-say",
    ),
    pytest.param(
        "The Kremlin denied that its troops were in Ukraine.",
        "The Kremlin",
        "its troops were in Ukraine",
        id="denied-that",
    ),
    pytest.param(
        "Hollande later said the Minsk accords had bought Kyiv time to build up its army.",
        "Hollande",
        "the Minsk accords had bought Kyiv time to build up its army",
        id="later-said",
    ),
    pytest.param(
        "Regional governor Ana Petrescu said at least 40 houses had been damaged.",
        "Regional governor Ana Petrescu",
        "at least 40 houses had been damaged",
        id="said-at-least",
    ),
    pytest.param(
        "Director-general Toomas Kivi said the satellite had sent its first signal.",
        "Director-general Toomas Kivi",
        "the satellite had sent its first signal",
        id="hyphenated-title",
    ),
    pytest.param(
        "“The next day is critical,” fire service spokesman Ion Dragu told reporters in Iasi.",
        "fire service spokesman Ion Dragu",
        "The next day is critical",
        id="quoted-told-reporters",
    ),
    pytest.param(
        "The fiscal council's chair, Ines Hartmann, said the forecasts were cautious.",
        "Ines Hartmann",
        "the forecasts were cautious",
        id="a-name-set-off-after-a-title",
    ),
    pytest.param(
        "Isamaa leader Karl Tamm, 47, a former finance minister, told supporters that the "
        "party would not join a coalition.",
        "Isamaa leader Karl Tamm",
        "the party would not join a coalition",
        id="two-phrases-set-off",
    ),
    pytest.param(
        "The club's coach, Petr Kral, 45, said the team had prepared for months.",
        "Petr Kral",
        "the team had prepared for months",
        id="a-name-then-an-age-set-off",
    ),
]


@pytest.mark.parametrize(("sentence", "speaker", "content"), SPEECH)
def test_reported_speech(nlp: Language, sentence: str, speaker: str, content: str) -> None:
    speech = read(nlp, sentence).speech
    assert speech is not None
    assert (speech.speaker, speech.content) == (speaker, content)
    assert sentence[speech.speaker_start : speech.speaker_end] == speaker
    assert sentence[speech.content_start : speech.content_end] == content


NO_SPEECH = [
    pytest.param(
        "Mr. Stoltenberg made the plea in a statement released Tuesday during a visit to Seoul.",
        id="statement-noun",
    ),
    pytest.param(
        "He also called on the South Korean government to join the United States.", id="called-on"
    ),
    pytest.param("If Russia attacks, NATO would respond with force.", id="respond"),
    pytest.param("Russia annexed Crimea in 2014.", id="plain"),
    pytest.param(
        "The city council rejected the new budget for public libraries.", id="rejected-an-object"
    ),
    pytest.param("The minister is said to have resigned.", id="passive-said"),
    pytest.param(
        "The guilty pleas were first reported by the Wall Street Journal.", id="passive-with-adverb"
    ),
    pytest.param(
        "Moderna reported its quarterly earnings on 23 February.", id="reported-an-object"
    ),
    pytest.param(
        "In its annual report, Gilead reported revenue of 27 billion dollars.",
        id="trailing-verb-with-object",
    ),
]


@pytest.mark.parametrize("sentence", NO_SPEECH)
def test_not_reported_speech(nlp: Language, sentence: str) -> None:
    assert read(nlp, sentence).speech is None


async def test_the_speaker_is_an_entity_of_the_knowledge_base(kb) -> None:  # type: ignore[no-untyped-def]
    nlp = build_nlp(await kb.store.entities.all())
    claim = read(nlp, "Stoltenberg said that NATO would not send troops to Ukraine.")
    assert claim.speech is not None and claim.speech.speaker_id == "jens_stoltenberg"
