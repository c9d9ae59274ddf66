"""Reading an import file of any size one record at a time: ClaimReview JSON, JSON-LD @graph,
DataFeed, JSON Lines, and our statement records as a JSON list or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

import ijson

from knowledge.errors import BadRecord, InvalidImport
from knowledge.formats.claimreview import expand, rated_draft
from knowledge.formats.guards import MAX_DEPTH, too_deep
from knowledge.formats.readers import _csv_record
from knowledge.formats.records import statement_draft
from knowledge.formats.scan import MAX_TOKEN_BYTES, JsonScanner, ScannedReader
from knowledge.model import StatementDraft

Record = StatementDraft | BadRecord
MAX_LINE_BYTES = MAX_TOKEN_BYTES  # one JSON Lines record, one line of a CSV
MAX_VALUES = 10_000  # values in one record, or at the top level outside the record lists
_STREAMED = {  # the prefix of an array of records -> its elements' prefix
    "": "item",
    "@graph": "@graph.item",
    "dataFeedElement": "dataFeedElement.item",
    "statements": "statements.item",
}
_SCALARS = frozenset({"null", "boolean", "integer", "double", "number", "string"})


class CountingReader:
    """A binary file that counts the bytes read from it (for a progress bar)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.done += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.raw.readline(size)
        self.done += len(data)
        return data


def stream_records(file: CountingReader, *, filename: str = "") -> Iterator[Record]:
    """Each record of the file as a draft, or a BadRecord saying what is wrong with it."""
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix == "csv":
        items = _csv_items(file)
    elif suffix in ("jsonl", "ndjson"):
        items = ((item, False) for item in _json_lines(file))
    elif suffix in ("json", "jsonld"):
        items = _json_items(file)
    else:
        raise InvalidImport(
            [],
            summary="Large files are imported as .json, .jsonld, .jsonl or "
            ".csv; split a YAML file into parts under 1 MB.",
        )
    position = 0
    for item, ours in items:
        for node in [item] if ours else expand(item):
            position += 1
            yield _draft(node, position, ours)


def _draft(node: Any, position: int, ours: bool) -> Record:
    if isinstance(node, BadRecord):
        return BadRecord(position, node.field, node.problem)
    problems: list[BadRecord] = []
    if not ours and isinstance(node, dict) and "@type" in node:
        draft = rated_draft(node, position, problems)
    else:
        draft = statement_draft(node, position, problems)
    return draft if draft is not None else problems[0]


def _json_items(file: CountingReader) -> Iterator[tuple[Any, bool]]:
    """Top-level items, streaming the arrays that hold records; (item, is our own record)."""
    events = ijson.parse(ScannedReader(file), use_float=True)
    top = ijson.ObjectBuilder()
    streamed = False
    values = 0
    try:
        for prefix, event, value in events:
            if prefix in _STREAMED and event == "start_array":
                streamed = True
                ours = prefix == "statements"
                yield from ((item, ours) for item in _elements(events, prefix))
                if prefix == "":
                    return
                top.event("null", None)
            else:
                values += 1
                if values > MAX_VALUES:
                    raise _too_many("outside the lists of records")
                top.event(event, value)
    except (ijson.JSONError, ValueError) as error:  # ValueError: a 5,000-digit number
        raise InvalidImport(
            [], summary=f"The file is not valid JSON (after byte {file.done:,}): {str(error)[:200]}"
        ) from None
    leftover = top.value if isinstance(top.value, dict) else {}
    if leftover.get("rules") or leftover.get("entities"):
        yield (
            BadRecord(
                0,
                "rules",
                "rules and entities import only from files under 1 MB; "
                "put them in a file of their own",
            ),
            True,
        )
    elif not streamed:
        yield top.value, False


def _elements(events: Iterator[tuple[str, str, Any]], array: str) -> Iterator[Any]:
    """The elements of the array at prefix `array`, built one at a time."""
    item = _STREAMED[array]
    builder: ijson.ObjectBuilder | None = None
    depth = values = 0
    for prefix, event, value in events:
        if builder is None and prefix == array and event == "end_array":
            return
        depth += event in ("start_map", "start_array")
        depth -= event in ("end_map", "end_array")
        if depth > MAX_DEPTH:  # the scanner stops this sooner; kept for other readers
            raise too_deep(f"record at {prefix[:100]}")
        if builder is None:
            builder, values = ijson.ObjectBuilder(), 0
        values += 1
        if values > MAX_VALUES:
            raise _too_many(f"in one record (at {prefix[:100]})")
        builder.event(event, value)
        if prefix == item and (event in _SCALARS or event in ("end_map", "end_array")):
            yield builder.value
            builder = None


def _too_many(where: str) -> InvalidImport:
    return InvalidImport(
        [], summary=f"The file holds more than {MAX_VALUES:,} values {where}; records are small."
    )


def _json_lines(file: CountingReader) -> Iterator[Any]:
    number = 0
    while line := file.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            raise InvalidImport(
                [],
                summary=f"Line {number:,} is longer than "
                f"{MAX_LINE_BYTES:,} bytes; one record per line.",
            )
        if not line.strip():
            continue
        JsonScanner(where=f"line {number:,}").feed(line)  # nesting, before json builds it
        try:
            yield json.loads(line.decode("utf-8-sig"))
        except (ValueError, RecursionError) as error:  # ValueError: bad JSON, UTF-8, number
            raise InvalidImport(
                [], summary=f"Line {number:,} is not valid JSON: {str(error)[:200]}"
            ) from None


def _csv_items(file: CountingReader) -> Iterator[tuple[Any, bool]]:
    lines = _Lines(file)
    try:
        reader = csv.DictReader(lines, strict=True)  # an unterminated quote is an error
        if "text" not in (reader.fieldnames or ()):
            raise InvalidImport([], summary="The CSV needs a header row with a 'text' column.")
        for row in reader:
            if None in row:
                yield BadRecord(0, "(row)", "has more cells than the header"), True
            else:
                yield _csv_record(row), True
    except csv.Error as error:
        raise InvalidImport(
            [], summary=f"The file is not valid CSV (line {lines.number:,}): {str(error)[:200]}"
        ) from None


class _Lines:
    """The lines of a UTF-8 file, each read whole only if it is at most MAX_LINE_BYTES long;
    `number` is the line last read, so an error is reported on the line where it is."""

    def __init__(self, file: CountingReader) -> None:
        self.file = file
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        while line := self.file.readline(MAX_LINE_BYTES + 1):
            self.number += 1
            if len(line) > MAX_LINE_BYTES:
                raise InvalidImport(
                    [],
                    summary=f"Line {self.number:,} is longer than {MAX_LINE_BYTES:,} bytes; "
                    "a CSV record is a line or a few.",
                )
            try:
                yield line.decode("utf-8-sig" if self.number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise InvalidImport(
                    [],
                    summary=f"The file is not UTF-8 text (line {self.number:,}, byte "
                    f"{error.start + 1:,} of the line); save it as UTF-8 CSV.",
                ) from None
