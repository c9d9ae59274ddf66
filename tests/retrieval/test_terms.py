"""Index terms: what a statement or a tweet is reduced to before it is searched."""

from __future__ import annotations

import pytest

from knowledge.retrieval import clean_text, index_terms, title_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The ferries were cancelled", "ferry cancel", id="lemmas-and-stop-words"),
        pytest.param("Zürich's MAYOR", "zurich mayor", id="ascii-lowercase"),
        pytest.param("It cost 1,500 francs", "cost 1500 franc", id="thousands-separator"),
        pytest.param("Turnout was 64%", "turnout 64 percent", id="percent-sign"),
        pytest.param("Twelve ferries, forty cars", "12 ferry 40 car", id="number-words"),
        pytest.param("Turnout was 64 per cent", "turnout 64 percent", id="per-cent"),
        pytest.param("They didn't vote", "vote", id="contraction"),
        pytest.param("Talks in D.C. with the U.K.", "talk dc uk", id="dotted-abbreviations"),
    ],
)
def test_index_terms(text: str, expected: str) -> None:
    assert index_terms(text) == expected


def test_camel_case_hashtag_is_split_into_words() -> None:
    terms = index_terms("Thousands joined the #ClimateStrikeBerlin")
    assert terms == "thousand join climate strike berlin | csb"


def test_tweet_links_and_signature_are_not_terms() -> None:
    tweet = (
        "Ferries cancelled again https://t.co/AbC123 pic.twitter.com/xYz987 "
        "— Harbour News (@HarbourNews) March 3, 2021"
    )
    assert index_terms(tweet) == "ferry cancel"


def test_mentions_keep_their_words_without_the_at_sign() -> None:
    assert "@" not in clean_text("Thanks @CityCouncil for the reply")
    assert index_terms("Thanks @CityCouncil for the reply") == "thank city council reply | tcc"


def test_missing_title_has_no_terms() -> None:
    assert title_terms(None) == ""
    assert title_terms("Did the Ferry Stop?") == "ferry stop"


def test_british_spellings_are_indexed_in_american_spelling() -> None:
    assert index_terms("The colours of the theatre") == index_terms("The colors of the theater")
    assert index_terms("Pouring rain at four") == "pour rain 4"


def test_compounds_written_open_are_also_indexed_closed() -> None:
    assert index_terms("Her web site sold garden hoses") == "web site sell garden hose | website"
    assert index_terms("the man went to the gas station") == "man gas station"


def test_curly_and_straight_apostrophes_give_the_same_terms() -> None:
    from knowledge.retrieval.terms import lemmas

    assert lemmas("The mayor’s plan isn’t ready") == lemmas("The mayor's plan isn't ready")
    assert "mayor" in lemmas("The mayor’s plan isn’t ready")
