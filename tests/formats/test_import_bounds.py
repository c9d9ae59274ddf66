"""Large imports are read with bounded work per byte: deep nesting and huge tokens are refused
while reading, control characters are refused before the duplicate check, and a wrong type
is named for what it is."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

import knowledge
from cli.main import main
from knowledge.errors import InvalidImport
from knowledge.formats.scan import MAX_TOKEN_BYTES
from knowledge.formats.stream import CountingReader, stream_records

DEEP = 100_000
READ_AHEAD = 2 * 65_536  # what a parser may have read past the point of refusal


@pytest_asyncio.fixture
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:", seed=False) as fresh:
        yield fresh


def _refusal(data: bytes, filename: str) -> tuple[str, int]:
    """The message a streamed read of `data` ends with, and how many bytes it had read."""
    reader = CountingReader(io.BytesIO(data))
    with pytest.raises(InvalidImport) as caught:
        list(stream_records(reader, filename=filename))
    return str(caught.value), reader.done


async def _streamed_refusal(kb: knowledge.KnowledgeBase, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    with pytest.raises(InvalidImport) as caught:
        await kb.curator.import_file(path, stream_above=0)
    assert not (await kb.curator.stats()).statements
    return str(caught.value)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        pytest.param(b'[{"a":' * DEEP + b"1" + b"}]" * DEEP, "deep.json", id="records"),
        pytest.param(
            b'{"x": ' + b'[{"a":' * DEEP + b"1" + b"}]" * DEEP + b"}", "deep.json", id="top-key"
        ),
        pytest.param(
            b'{"dataFeedElement": [' + b"[" * DEEP + b"]" * DEEP + b"]}", "f.jsonld", id="feed"
        ),
        pytest.param(b"[" * 50 + b"]" * 50 + b"\n", "deep.jsonl", id="json-lines"),
    ],
)
def test_deep_nesting_is_refused_as_soon_as_it_is_read(data: bytes, filename: str) -> None:
    message, read = _refusal(data, filename)
    assert "more than 32 deep" in message and "\n" not in message
    assert read <= 3 * READ_AHEAD  # refused near the start, not after building the whole file


@pytest.mark.parametrize(
    ("head", "tail", "what"),
    [
        pytest.param(b'[{"text": "', b'"}]', "a string or key", id="string"),
        pytest.param(b'[{"', b'": 1}]', "a string or key", id="key"),
        pytest.param(b'[{"text": "x", "key": 1', b"}]", "a number", id="number"),
        pytest.param(b'{"claimReviewed": "', b'"}', "a string or key", id="top-level-string"),
    ],
)
def test_a_huge_json_token_is_refused_without_reading_it_whole(
    head: bytes, tail: bytes, what: str
) -> None:
    data = head + b"7" * (3 * MAX_TOKEN_BYTES) + tail
    message, read = _refusal(data, "big.json")
    assert what in message and f"longer than {MAX_TOKEN_BYTES:,} bytes" in message
    assert read <= MAX_TOKEN_BYTES + READ_AHEAD


def test_escaped_quotes_and_brackets_inside_strings_are_text() -> None:
    text = 'He said \\"[[{{\\" and left \\\\' + "[" * 40
    data = json.dumps([{"text": text}]).encode()
    [draft] = stream_records(CountingReader(io.BytesIO(data)), filename="ok.json")
    assert isinstance(draft, knowledge.StatementDraft) and draft.text == text


def test_a_huge_csv_line_is_refused_on_its_line_without_reading_it_whole() -> None:
    data = b"text\nThe treaty was signed.\n" + b"x" * (50 * MAX_TOKEN_BYTES) + b"\n"
    message, read = _refusal(data, "big.csv")
    assert message.startswith(f"Line 3 is longer than {MAX_TOKEN_BYTES:,} bytes")
    assert read <= MAX_TOKEN_BYTES + READ_AHEAD


@pytest.mark.parametrize("filename", ["kb.csv", "stream.csv"])
async def test_a_csv_field_over_the_limit_is_reported_on_its_line(
    kb: knowledge.KnowledgeBase, tmp_path: Path, filename: str
) -> None:
    # a quoted field over two lines, then a line split by a vertical tab, then the huge field
    data = b'text\n"The treaty\nwas signed."\nIt held\x0bfor years.\n' + b"x" * 200_000 + b"\n"
    path = tmp_path / filename
    path.write_bytes(data)
    with pytest.raises(InvalidImport) as caught:
        await kb.curator.import_file(
            path, stream_above=0 if filename == "stream.csv" else len(data)
        )
    assert "line 5" in str(caught.value) and "field limit" in str(caught.value)


@pytest.mark.parametrize("filename", ["kb.csv", "stream.csv"])
async def test_nul_in_a_csv_is_refused_before_duplicates_are_looked_for(
    kb: knowledge.KnowledgeBase, tmp_path: Path, filename: str
) -> None:
    data = b"text,speaker\nThe Zorblat treaty was signed\x00 in Oslo.,Ann\n"
    path = tmp_path / filename
    path.write_bytes(data)
    for _ in range(3):
        with pytest.raises(InvalidImport) as caught:
            await kb.curator.import_file(
                path, stream_above=0 if filename == "stream.csv" else len(data)
            )
        assert "field 'text': holds a control character (U+0000 NUL) at character 30" in str(
            caught.value
        )
    assert not (await kb.curator.stats()).statements


async def test_an_escaped_control_character_in_json_is_refused(kb: knowledge.KnowledgeBase) -> None:
    data = json.dumps({"statements": [{"text": "Signed.", "source": {"title": "A\u001bB"}}]})
    with pytest.raises(InvalidImport, match=r"field 'source.title': holds a control character"):
        await kb.curator.import_records(data.encode(), filename="kb.json")


async def test_a_wrong_type_is_named_for_what_it_is(kb: knowledge.KnowledgeBase) -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": 123,
        "reviewRating": {"alternateName": "False"},
        "url": "https://checker.example/r/1",
    }
    with pytest.raises(InvalidImport) as caught:
        await kb.curator.import_records(json.dumps(review).encode(), filename="review.json")
    assert "field 'claimReviewed': is a number (123) where text was expected" in str(caught.value)
    assert "missing" not in str(caught.value)


async def test_too_many_values_outside_records_are_refused(
    kb: knowledge.KnowledgeBase, tmp_path: Path
) -> None:
    data = json.dumps({"comment": list(range(20_000)), "statements": []}).encode()
    message = await _streamed_refusal(kb, tmp_path / "big.json", data)
    assert "more than 10,000 values outside the lists of records" in message


async def test_a_good_streamed_file_still_imports(
    kb: knowledge.KnowledgeBase, tmp_path: Path
) -> None:
    records = [{"text": f"The Zorblat treaty was signed in Oslo in {1990 + n}."} for n in range(3)]
    path = tmp_path / "good.json"
    path.write_text(json.dumps({"statements": records}))
    result = await kb.curator.import_file(path, stream_above=0)
    assert len(result.statement_ids) == 3


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(b"[" * DEEP + b"]" * DEEP + b"\n", "deep.jsonl", id="deep-jsonl"),
        pytest.param(b'{"x": ' + b"[" * DEEP + b"]" * DEEP + b"}", "deep.json", id="top-key"),
        pytest.param(b"text\n" + b"x" * (2 * MAX_TOKEN_BYTES) + b"\n", "big.csv", id="csv"),
    ],
)
def test_cli_streamed_import_failure_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["--db", str(tmp_path / "kb.sqlite"), "kb", "import", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
