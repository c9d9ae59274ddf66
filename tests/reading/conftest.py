"""Fixtures for the reading tests: a rule-based pipeline, one claim read from a sentence."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from knowledge.nlp.claims import Claim, extract_claims
from knowledge.nlp.pipeline import build_nlp
from knowledge.resources import lexicon
from tests.knowledge.conftest import kb

__all__ = ["kb", "read", "read_all"]

REFERENCE = date(2023, 1, 31)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp([])


def read_all(nlp: Language, text: str, reference: date = REFERENCE) -> list[Claim]:
    return extract_claims(nlp(text), reference, lexicon(), nlp=nlp)


def read(nlp: Language, text: str, reference: date = REFERENCE) -> Claim:
    """The one claim read from `text`."""
    claims = read_all(nlp, text, reference)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]
