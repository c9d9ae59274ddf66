"""Import files that try to explode are refused in one line: alias bombs, deep nesting, big numbers,
broken CSV, non-web URLs, huge bad values; nothing is imported."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import yaml

import knowledge
from cli.main import main
from knowledge.errors import InvalidImport

GOOD = b"statements:\n  - text: The Zorblat treaty was signed in Oslo in 2019.\n"


def _alias_bomb() -> bytes:
    """Nested YAML anchors used as an event_date: a few hundred bytes that expand to billions
    of characters once the value is printed."""
    layers = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        layers.append(f"&{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return (
        "statements:\n  - text: The treaty was signed.\n    event_date: ["
        + ", ".join(layers)
        + "]\n"
    ).encode()


def _nested(depth: int) -> list[object]:
    value: list[object] = ["a"]
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest_asyncio.fixture
async def kb() -> AsyncIterator[knowledge.KnowledgeBase]:
    async with knowledge.open_kb(":memory:", seed=False) as fresh:
        yield fresh


async def _refused(kb: knowledge.KnowledgeBase, data: bytes, filename: str) -> str:
    with pytest.raises(InvalidImport) as caught:
        await kb.curator.import_records(data, filename=filename)
    assert not (await kb.curator.stats()).statements  # counts by status: none at all
    return str(caught.value)


@pytest.mark.timeout(60)
async def test_yaml_alias_bomb_is_refused_without_expanding(kb: knowledge.KnowledgeBase) -> None:
    tracemalloc.start()
    try:
        message = await _refused(kb, _alias_bomb(), "bomb.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "aliases expand to more than 5,000,000 characters" in message and "\n" not in message
    assert peak < 50_000_000


async def test_aliases_for_shared_values_still_import(kb: knowledge.KnowledgeBase) -> None:
    source = {"title": "Treaty archive", "url": "https://e.example/treaty"}
    document = {
        "statements": [
            {"text": f"The Zorblat treaty was signed in Oslo in {year}.", "source": source}
            for year in (2017, 2018, 2019)
        ]
    }
    data = yaml.safe_dump(document).encode()
    assert b"&id001" in data and b"*id001" in data  # one anchor, two aliases
    result = await kb.curator.import_records(data, filename="kb.yaml")
    assert len(result.statement_ids) == 3


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "deep.json", id="json"),
        pytest.param(
            b"statements:\n  - text: " + b"[" * 100_000 + b"]" * 100_000, "deep.yaml", id="yaml"
        ),
        pytest.param(
            json.dumps({"statements": [{"text": "x", "entities": _nested(33)}]}).encode(),
            "nested.json",
            id="json-33-deep",
        ),
    ],
)
async def test_deep_nesting_is_refused(
    kb: knowledge.KnowledgeBase, data: bytes, filename: str
) -> None:
    message = await _refused(kb, data, filename)
    assert "more than 32 deep" in message and "\n" not in message


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        pytest.param(
            b'{"statements": [{"text": "The treaty.", "key": ' + b"9" * 5000 + b"}]}",
            "big.json",
            id="json",
        ),
        pytest.param(
            b"statements:\n  - text: The treaty.\n    key: " + b"9" * 5000 + b"\n",
            "big.yaml",
            id="yaml",
        ),
    ],
)
async def test_huge_integers_are_refused(
    kb: knowledge.KnowledgeBase, data: bytes, filename: str
) -> None:
    message = await _refused(kb, data, filename)
    assert "number too long" in message and len(message) < 300


async def test_csv_with_an_unterminated_quote_names_its_line(kb: knowledge.KnowledgeBase) -> None:
    data = b'text,event_date\nThe treaty was signed in Oslo.,2019-05-02\n"The summit opened,2019-06-01\n'
    message = await _refused(kb, data, "kb.csv")
    assert message.startswith("The file is not valid CSV: line 3")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://e.example/a"])
async def test_source_urls_must_be_web_addresses(kb: knowledge.KnowledgeBase, url: str) -> None:
    data = (
        f"statements:\n  - text: The treaty was signed.\n    source: {{title: T, url: '{url}'}}\n"
    )
    assert "is not an http(s) address" in await _refused(kb, data.encode(), "kb.yaml")


async def test_a_huge_bad_value_is_quoted_briefly(kb: knowledge.KnowledgeBase) -> None:
    review = {
        "@type": "ClaimReview",
        "claimReviewed": "The treaty was signed in Oslo.",
        "reviewRating": {"alternateName": "False"},
        "author": {"name": "Checker"},
        "datePublished": "x" * 300_000,
    }
    message = await _refused(kb, json.dumps(review).encode(), "review.json")
    assert len(message) < 400


async def test_a_good_file_still_imports(kb: knowledge.KnowledgeBase) -> None:
    result = await kb.curator.import_records(GOOD, filename="kb.yaml")
    assert len(result.statement_ids) == 1


@pytest.mark.parametrize(
    ("data", "name"),
    [
        pytest.param(b"[" * 100_000 + b"]" * 100_000, "deep.json", id="deep-json"),
        pytest.param(
            b'[{"text": "The treaty.", "key": ' + b"9" * 5000 + b"}]", "big.json", id="huge-int"
        ),
        pytest.param(_alias_bomb(), "bomb.yaml", id="alias-bomb"),
    ],
)
def test_cli_import_failure_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["--db", str(tmp_path / "kb.sqlite"), "kb", "import", str(path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert "Traceback" not in err and len(err.splitlines()) <= 2, err
