"""The FTS5 query stays cheap on a large knowledge base, whatever words the claim uses."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from knowledge.retrieval import find_candidates
from knowledge.retrieval.candidates import plan_query
from knowledge.store import Store
from knowledge.store.vocab import Vocabulary

AddStatement = Callable[..., Awaitable[int]]
_LIMITS = {"posting_budget": 2_000, "max_terms": 32, "rarest": 5}


def _vocabulary(frequencies: dict[str, int], documents: int = 1_000_000) -> Vocabulary:
    return Vocabulary(("1", 0, 0), documents, (10.0, 6.0), dict(frequencies))


def test_rare_terms_are_searched_and_common_ones_are_left_out() -> None:
    vocab = _vocabulary({"fjord": 40, "tunnel": 900, "long": 300_000, "new": 500_000})
    plan = plan_query(["new", "tunnel", "fjord", "long"], vocab, **_LIMITS)
    assert plan is not None and plan.ranked
    assert plan.match == '"fjord" OR "tunnel"'


def test_common_terms_are_only_searched_in_pairs() -> None:
    vocab = _vocabulary({"fjord": 40, "bridge": 12_000, "ferry": 8_000})
    plan = plan_query(["fjord", "bridge", "ferry"], vocab, **_LIMITS)
    assert plan is not None
    assert plan.match == '"fjord" OR ("ferry" AND "bridge")'


def test_claim_of_only_common_words_falls_back_to_an_unranked_intersection() -> None:
    vocab = _vocabulary({"year": 400_000, "people": 500_000, "say": 600_000, "new": 700_000})
    plan = plan_query(["people", "say", "new", "year"], vocab, **_LIMITS)
    assert plan is not None and not plan.ranked
    assert plan.match == '"year" AND "people" AND "say"'


def test_unknown_words_are_not_searched() -> None:
    assert plan_query(["zyxwv"], _vocabulary({}), **_LIMITS) is None


async def test_common_word_claim_still_returns_a_limited_candidate_list(
    store: Store, add: AddStatement
) -> None:
    for n in range(120):
        await add(f"People say the new year brings change, report {n}.")
    hits = await find_candidates(store, "people say the new year", limit=5, posting_budget=20)
    assert len(hits) == 5


def test_a_pair_whose_posting_lists_are_too_long_to_walk_is_left_out() -> None:
    # few rows hold both words, but walking 60,000 postings costs more than the budget allows
    vocab = _vocabulary({"fjord": 40, "bridge": 35_000, "ferry": 25_000})
    plan = plan_query(["fjord", "bridge", "ferry"], vocab, **_LIMITS)
    assert plan is not None
    assert plan.match == '"fjord"'
