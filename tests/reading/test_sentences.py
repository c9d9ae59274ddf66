"""Where sentences begin and end."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "second"),
    [
        pytest.param(
            'Germany had changed its policy. "Several allies have changed that policy now," '
            "he said.",
            '"Several allies have changed that policy now," he said.',
            id="opening-straight-quote",
        ),
        pytest.param(
            'He said it was "not enough." Officials in Seoul did not respond.',
            "Officials in Seoul did not respond.",
            id="closing-straight-quote",
        ),
    ],
)
def test_a_straight_quote_stays_with_its_sentence(nlp: Language, text: str, second: str) -> None:
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[1] == second
