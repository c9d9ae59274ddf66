"""Finding the statements a claim is about."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from knowledge.model import Actor
from knowledge.retrieval import find_candidates
from knowledge.store import Store

AddStatement = Callable[..., Awaitable[int]]


async def test_paraphrased_claim_finds_its_statement_first(store: Store, add: AddStatement) -> None:
    await add("The harbour bridge in Lisbon was closed for repairs in March.")
    wanted = await add("The city council of Bergen voted to ban cars from the old town centre.")
    await add("Bergen's football club won the national cup after a penalty shoot-out.")
    claim = "Bergen councillors have voted for banning cars in the old town"
    hits = await find_candidates(store, claim)
    assert hits[0][0] == wanted


async def test_identical_text_scores_one(store: Store, add: AddStatement) -> None:
    text = "Norway's sovereign wealth fund sold its shares in three mining companies."
    wanted = await add(text, title="Wealth fund divests from miners")
    await add("Norway's wealth fund bought shares in two shipping companies.")
    hits = await find_candidates(store, text)
    assert hits[0] == (wanted, 1.0)
    assert all(0.0 <= score < 1.0 for _, score in hits[1:])


async def test_results_are_best_first_and_limited(store: Store, add: AddStatement) -> None:
    for n in range(30):
        await add(f"Storm number {n} closed the mountain pass near the village.")
    hits = await find_candidates(store, "a storm closed the mountain pass", limit=7)
    scores = [score for _, score in hits]
    assert len(hits) == 7
    assert scores == sorted(scores, reverse=True)


async def test_retired_statements_are_never_returned(store: Store, add: AddStatement) -> None:
    await add("The lighthouse keeper retired after forty years on the island.", status="retired")
    kept = await add("A new lighthouse keeper started work on the island this spring.")
    hits = await find_candidates(store, "lighthouse keeper island")
    assert [statement_id for statement_id, _ in hits] == [kept]


async def test_statement_retired_after_a_search_disappears_from_the_next(
    store: Store, add: AddStatement
) -> None:
    old = await add("The museum of glass art opens on Sundays.")
    assert [i for i, _ in await find_candidates(store, "glass museum sundays")] == [old]
    await store.update(old, Actor.cli(), "retire", status="retired")
    assert await find_candidates(store, "glass museum sundays") == []


async def test_statement_added_after_a_search_is_found_by_the_next(
    store: Store, add: AddStatement
) -> None:
    await add("The regional airport added flights to Tromsø.")
    assert await find_candidates(store, "the observatory telescope was repaired") == []
    new = await add("The observatory's main telescope was repaired in June.")
    hits = await find_candidates(store, "the observatory telescope was repaired")
    assert hits[0][0] == new


async def test_disagreeing_numbers_lower_the_score(store: Store, add: AddStatement) -> None:
    right = await add("The tunnel under the fjord is 14 kilometres long.")
    wrong = await add("The tunnel under the fjord is 6 kilometres long.")
    scores = dict(await find_candidates(store, "The fjord tunnel is 14 kilometres long"))
    assert scores[right] > scores[wrong]


async def test_title_wording_helps_find_the_statement(store: Store, add: AddStatement) -> None:
    wanted = await add(
        "The mayor's office confirmed that tram fares will rise in January.",
        title="Trams get pricier next year",
    )
    await add("The mayor's office confirmed the new bus timetable for January.")
    hits = await find_candidates(store, "trams are getting pricier, says the mayor")
    assert hits[0][0] == wanted


async def test_tweet_is_matched_through_hashtags_and_its_author(
    store: Store, add: AddStatement
) -> None:
    wanted = await add("Ingrid Solberg said the ski jump will be rebuilt before the winter games.")
    await add("The ski jump in the valley hosted the junior championship.")
    tweet = (
        "It will be rebuilt in time! #SkiJump #WinterGames pic.twitter.com/q1w2e3 "
        "— Ingrid Solberg (@IngridSolberg) May 2, 2021"
    )
    hits = await find_candidates(store, tweet)
    assert hits[0][0] == wanted


async def test_text_without_content_words_finds_nothing(store: Store, add: AddStatement) -> None:
    await add("The bakery on the corner sells rye bread.")
    assert await find_candidates(store, "and then it was the one that they did") == []
    assert await find_candidates(store, "   ") == []


async def test_run_together_hashtag_is_read_as_the_words_it_joins(
    store: Store, add: AddStatement
) -> None:
    wanted = await add("A tent city for flood victims was set up next to the stadium.")
    await add("The city stadium will host the cup final.")
    hits = await find_candidates(store, "Volunteers needed tonight #tentcity #stadium")
    assert hits[0][0] == wanted


async def test_empty_knowledge_base_finds_nothing(store: Store) -> None:
    assert await find_candidates(store, "The ferry to the islands was cancelled") == []


async def test_run_together_name_is_found_by_the_half_the_knowledge_base_knows(
    store: Store, add: AddStatement
) -> None:
    await add("The chess final was a draw.")
    wanted = await add("Svensson won the chess final in Malmö after five hours of play.")
    hits = await find_candidates(store, "What a chess final! #linneasvensson")
    assert hits[0][0] == wanted


async def test_british_spelling_finds_the_american_one(store: Store, add: AddStatement) -> None:
    await add("The summer festival was held in the park.")
    wanted = await add("The youth theater organized a concert with local musicians.")
    hits = await find_candidates(store, "The theatre organised the festival")
    assert hits[0][0] == wanted


async def test_closed_compound_finds_the_statement_that_writes_it_open(
    store: Store, add: AddStatement
) -> None:
    await add("The town's bakery sold out of rye bread on Saturday.")
    wanted = await add("The town's web site listed every bakery selling rye bread.")
    hits = await find_candidates(store, "bakery website: rye bread sold out?")
    assert hits[0][0] == wanted
