"""How a sentence gives a figure: exactly, or as a bound; in a ranking, higher is smaller."""

from __future__ import annotations

import pytest

from knowledge.nlp.bounds import figure_bound


def _bound(text: str) -> str:
    start = next(i for i, ch in enumerate(text) if ch.isdigit())
    return figure_bound(text, start)[0]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        pytest.param("The film grossed more than $35 million.", ">", id="more-than"),
        pytest.param("The town has fewer than 12,000 residents.", "<", id="fewer-than"),
        pytest.param("The single peaked higher than 35 on the charts.", "<", id="chart-place"),
        pytest.param("The single peaked lower than 35.", ">", id="chart-place-lower"),
        pytest.param("The club finished above 5th in the league.", "<", id="ordinal-place"),
        pytest.param("Ostland ranked higher than 35 countries.", ">", id="a-count-not-a-place"),
        pytest.param("Temperatures rose above 35 degrees.", ">", id="a-measure"),
        pytest.param("The score averaged over 7 points.", "", id="averaged-over"),
    ],
)
def test_a_figure_is_read_with_its_bound(text: str, bound: str) -> None:
    assert _bound(text) == bound
