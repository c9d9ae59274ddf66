"""Published ratings map onto rating classes through a data table that curators can extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import InvalidSeed
from knowledge.factchecks import default_ratings, load_ratings


@pytest.mark.parametrize(
    ("rating", "expected"),
    [
        pytest.param("False", "false", id="plain"),
        pytest.param("Pants on Fire!", "false", id="politifact"),
        pytest.param("FAKE", "false", id="upper-case"),
        pytest.param("Mostly False", "misleading", id="longest-phrase-wins"),
        pytest.param("Missing context.", "misleading", id="punctuation"),
        pytest.param("Half True", "mixed", id="half-true"),
        pytest.param("Mixture", "mixed", id="snopes-mixture"),
        pytest.param("Unproven", "unproven", id="unproven"),
        pytest.param("Labeled Satire", "satire", id="satire"),
        pytest.param("Mostly True", "true", id="mostly-true"),
        pytest.param("This claim is not true", "false", id="phrase-in-sentence"),
        pytest.param("Spicy", "other", id="unknown"),
    ],
)
def test_published_ratings_get_their_class(rating: str, expected: str) -> None:
    assert default_ratings().classify(rating) == expected


def test_curators_file_adds_and_overrides_ratings(tmp_path: Path) -> None:
    (tmp_path / "ratings.yaml").write_text('"false": [spicy]\nmixed: ["mostly false"]\n')
    table = load_ratings(tmp_path)
    assert table.classify("Spicy!") == "false"
    assert table.classify("Mostly false") == "mixed"
    assert table.classify("Pants on Fire") == "false"


def test_unknown_class_in_curators_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "ratings.yaml").write_text("wrongish: [meh]\n")
    with pytest.raises(InvalidSeed, match="not a rating class"):
        load_ratings(tmp_path)
