"""Importing fact-checks at the scale checkers publish: streamed, all or nothing, no duplicates."""

from __future__ import annotations

import asyncio
import json
import tracemalloc
from pathlib import Path

import pytest

import knowledge
from knowledge import InvalidImport, writing
from tests.factchecks.conftest import graph, review


def _reviews(count: int, start: int = 0) -> list[dict[str, object]]:
    return [
        review(f"Claim number {i} about tram {i} is rated here.", "False", f"r{i}")
        for i in range(start, start + count)
    ]


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        pytest.param(
            "feed.json",
            lambda items: {
                "@context": "https://schema.org",
                "@type": "DataFeed",
                "dataFeedElement": [{"@type": "DataFeedItem", "item": [item]} for item in items],
            },
            id="datafeed",
        ),
        pytest.param(
            "graph.jsonld",
            lambda items: {"@context": "https://schema.org", "@graph": items},
            id="json-ld-graph",
        ),
        pytest.param("list.json", lambda items: items, id="json-list"),
    ],
)
async def test_large_files_are_streamed_in_every_shape(tmp_path: Path, name: str, shape) -> None:
    path = _write(tmp_path / name, shape(_reviews(2_300)))  # more than one chunk of 2,000
    seen: list[tuple[str, int]] = []
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        result = await kb.curator.import_file(
            path, stream_above=0, progress=lambda done, size, stage: seen.append((stage, done))
        )
        assert len(result.statement_ids) == 2_300
        # read twice, to the end each time: checked whole, then stored
        size = path.stat().st_size
        stages = [stage for stage, _ in seen]
        assert stages == sorted(stages) and {"checking", "storing"} == set(stages)
        assert ("checking", size) in seen and seen[-1] == ("storing", size)
        [(statement, _)] = await kb.search("claim number 2299 tram 2299", limit=1)
        reviews = await kb.store.reviews.of([statement.id])
        assert reviews[statement.id].url == "https://check.example/r2299"


async def test_json_lines_and_duplicates_by_review_url(tmp_path: Path) -> None:
    items = _reviews(3) + _reviews(1)  # the last repeats the first review's URL
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        first = await kb.curator.import_file(path)
        assert (len(first.statement_ids), first.duplicates) == (3, 1)
        again = await kb.curator.import_file(path)
        assert (len(again.statement_ids), again.duplicates) == (0, 4)


async def test_one_bad_record_rejects_the_whole_file(tmp_path: Path) -> None:
    items = _reviews(2_500)
    items[2_400] = {**items[2_400], "reviewRating": {}}  # in the second chunk
    path = _write(tmp_path / "feed.json", items)
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        before = await kb.curator.stats()
        with pytest.raises(InvalidImport, match="nothing was imported") as caught:
            await kb.curator.import_file(path, stream_above=0)
        assert "record 2401, field 'reviewRating'" in str(caught.value)
        after = await kb.curator.stats()
        assert after.statements == before.statements
        assert await kb.search("claim number 7 tram 7") == []


async def test_broken_json_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(_reviews(3))[:-40], encoding="utf-8")
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        with pytest.raises(InvalidImport, match="not valid JSON"):
            await kb.curator.import_file(path, stream_above=0)
        assert await kb.search("claim number 0 tram 0") == []


async def test_undoing_an_import_removes_its_reviews(tmp_path: Path) -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        result = await kb.curator.import_records(graph(*_reviews(2)), filename="r.jsonld")
        change = (await kb.store.log.changes(1))[0]
        await kb.curator.revert(change.id)
        assert await kb.store.reviews.of(result.statement_ids) == {}
        again = await kb.curator.import_records(graph(*_reviews(1, start=5)), filename="r.jsonld")
        assert await kb.store.reviews.of(again.statement_ids) != {}


async def test_stats_count_rated_claims() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.import_records(graph(*_reviews(3)), filename="r.jsonld")
        assert (await kb.curator.stats()).statements == {"rated/active": 3}


async def test_export_keeps_rated_claims_rated() -> None:
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.import_records(graph(*_reviews(2)), filename="r.jsonld")
        exported = await kb.curator.export_yaml()
    assert "rating: 'False'" in exported or "rating: False" in exported
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        result = await kb.curator.import_records(exported.encode(), filename="kb.yaml")
        reviews = await kb.store.reviews.of(result.statement_ids)
        assert sorted(r.url for r in reviews.values()) == [
            "https://check.example/r0",
            "https://check.example/r1",
        ]
        assert {r.rating for r in reviews.values()} == {"False"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"reviewRating": {"alternateName": "x" * 600}}, "reviewRating", id="rating"),
        pytest.param({"author": {"name": "y" * 600}}, "author", id="checker"),
        pytest.param({"claimReviewed": ""}, "claimReviewed", id="no-claim"),
        pytest.param({"url": "ftp://check.example/a"}, "url", id="not-http"),
        pytest.param({"datePublished": "yesterday"}, "datePublished", id="bad-date"),
    ],
)
async def test_bad_reviews_are_named_and_nothing_is_imported(
    change: dict[str, object], field: str
) -> None:
    items = [*_reviews(2), {**review("A claim of some length here.", "False", "z"), **change}]
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        with pytest.raises(InvalidImport, match=f"record 3, field '{field}'"):
            await kb.curator.import_records(json.dumps(items).encode(), filename="r.json")
        assert (await kb.curator.stats()).statements == {}


async def test_a_large_import_holds_a_chunk_of_records_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Peak Python memory while importing 2,000 records is about that of 500 (the records
    are read twice, a chunk at a time, rather than held); chunks of 100 here, of long
    reviews, to keep the test quick."""
    monkeypatch.setattr(writing, "STREAM_CHUNK", 100)
    peaks = []
    for count in (100, 500, 2_000):  # the first warms the import path up, unmeasured
        reviews = [
            review(f"Claim {i} says that tram line {i} {'was never built ' * 30}", "False", f"r{i}")
            for i in range(count)
        ]
        path = _write(tmp_path / f"{count}.jsonld", {"@graph": reviews})
        async with knowledge.open_kb(":memory:", seed=False) as kb:
            tracemalloc.start()
            try:
                result = await kb.curator.import_file(path, stream_above=0)
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
            assert len(result.statement_ids) == count
    assert peaks[2] < 2 * peaks[1], peaks


async def test_a_file_changed_between_its_check_and_its_store_stores_nothing(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "feed.jsonld", {"@graph": _reviews(2_300)})
    broken = {"@graph": [*_reviews(2_300), {"@type": "ClaimReview", "claimReviewed": 5}]}

    edited: list[bool] = []

    def edit_once_checked(done: int, size: int, stage: str) -> None:
        if stage == "storing" and not edited:  # someone saves the file again meanwhile
            _write(path, broken)
            edited.append(True)

    async with knowledge.open_kb(":memory:", seed=False) as kb:
        with pytest.raises(InvalidImport, match="the file changed while it was being imported"):
            await kb.curator.import_file(path, stream_above=0, progress=edit_once_checked)
        assert not (await kb.curator.stats()).statements


@pytest.mark.parametrize("file_breaks", [False, True], ids=["import-stored", "import-refused"])
async def test_a_statement_added_while_an_import_is_stored_is_kept(
    tmp_path: Path, file_breaks: bool
) -> None:
    # A curator adds a statement (another task, as another update in the bot) while a large
    # import is being stored. The add is acknowledged, so it is kept whether the import then
    # commits or is refused and rolled back; the import stores all of its records or none.
    path = _write(tmp_path / "feed.jsonld", {"@graph": _reviews(4_300)})
    broken = {"@graph": [*_reviews(4_300), {"@type": "ClaimReview", "claimReviewed": 5}]}
    loop = asyncio.get_running_loop()
    storing = asyncio.Event()

    def meanwhile(done: int, size: int, stage: str) -> None:  # runs in the reader thread
        if stage == "storing" and not storing.is_set():
            loop.call_soon_threadsafe(storing.set)
            if file_breaks:
                _write(path, broken)

    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:

        async def curator_adds() -> int:
            await storing.wait()
            return await kb.curator.add("The harbour ferry to Vaxholm runs every hour in winter.")

        adding = asyncio.create_task(curator_adds())
        if file_breaks:
            with pytest.raises(InvalidImport, match="the file changed"):
                await kb.curator.import_file(path, stream_above=0, progress=meanwhile)
        else:
            result = await kb.curator.import_file(path, stream_above=0, progress=meanwhile)
            assert len(result.statement_ids) == 4_300
        added = await adding
        stats = await kb.curator.stats()

    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as reopened:
        found = await reopened.search("harbour ferry Vaxholm winter", limit=1)
        assert [s.id for s, _ in found] == [added]
        assert (await reopened.curator.stats()).statements == stats.statements
        assert stats.statements == (
            {"fact/active": 1} if file_breaks else {"fact/active": 1, "rated/active": 4_300}
        )
