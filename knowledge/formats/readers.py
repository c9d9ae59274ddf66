"""Reading an import file (our YAML/JSON/CSV format or ClaimReview JSON/JSON-LD) into a Batch."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml

from knowledge.errors import BadRecord, InvalidImport
from knowledge.formats.claimreview import is_claimreview, read_claimreviews
from knowledge.formats.guards import StrictLoader, check_depth, too_deep
from knowledge.formats.records import Batch, entity, rule_draft, statement_draft

MAX_IMPORT_BYTES = 1_000_000
MAX_RECORDS = 5_000


CSV_COLUMNS = (
    "text", "kind", "event_date", "valid_from", "valid_until", "entities", "speaker", "quote",
    "source_title", "source_url", "source_published", "key", "external_id",
)  # fmt: skip


def read_import(
    data: bytes, *, filename: str = "", max_bytes: int = MAX_IMPORT_BYTES, allow_empty: bool = False
) -> Batch:
    """Parse and validate an import file; raises InvalidImport listing every bad record.

    A file without records is refused unless `allow_empty` (a seed file may hold no rules)."""
    text = _decode(data, max_bytes)
    kind = _format_of(text, filename)
    if kind == "csv":
        batch = _from_csv(text)
    else:
        batch = _from_document(_load(text, kind))
    if batch.problems:
        raise InvalidImport(batch.problems)
    if batch.size == 0 and not allow_empty:
        raise InvalidImport([], summary="The file holds no statements, rules or entities.")
    if batch.size > MAX_RECORDS:
        raise InvalidImport(
            [],
            summary=f"The file holds {batch.size:,} records; the limit is "
            f"{MAX_RECORDS:,}. Split it into smaller files.",
        )
    return batch


def _decode(data: bytes, max_bytes: int) -> str:
    if len(data) > max_bytes:
        raise InvalidImport(
            [],
            summary=f"The file is {len(data):,} bytes; the limit is "
            f"{max_bytes:,} bytes. Split it into smaller files.",
        )
    if not data.strip():
        raise InvalidImport([], summary="The file is empty: nothing was imported.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidImport(
            [],
            summary=f"The file is not UTF-8 text (byte {error.start}); "
            "save it as UTF-8 YAML, JSON or CSV.",
        ) from None


def _format_of(text: str, filename: str) -> str:
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix in ("json", "jsonld"):
        return "json"
    if suffix == "csv":
        return "csv"
    if suffix in ("yaml", "yml"):
        return "yaml"
    return "json" if text.lstrip()[:1] in ("{", "[") else "yaml"


def _load(text: str, kind: str) -> Any:
    try:
        document = json.loads(text) if kind == "json" else _load_yaml(text)
    except RecursionError:
        raise too_deep(f"in the {kind.upper()}") from None
    except ValueError as error:  # a 5,000-digit number: Python refuses to convert it
        if isinstance(error, json.JSONDecodeError):
            raise InvalidImport(
                [],
                summary=f"The file is not valid JSON: {error.msg} at line "
                f"{error.lineno}, column {error.colno}.",
            ) from None
        raise InvalidImport(
            [],
            summary="The file holds a number too long to read (over 4,300 "
            "digits); write it as text or leave it out.",
        ) from None
    check_depth(document)
    return document


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (safe)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise InvalidImport([], summary=f"The file is not valid YAML: {problem}{where}.") from None


def _from_document(document: Any) -> Batch:
    if is_claimreview(document):
        return read_claimreviews(document)
    if isinstance(document, list):
        document = {"statements": document}
    if not isinstance(document, dict):
        raise InvalidImport(
            [],
            summary="Expected a mapping with 'statements' (and optionally "
            "'rules', 'entities'), or a list of statements.",
        )
    unknown = set(document) - {"statements", "rules", "entities", "sources", "format", "version"}
    if unknown:
        raise InvalidImport(
            [],
            summary=f"Unknown section(s) {', '.join(sorted(map(str, unknown)))}"
            ": expected statements, rules, entities.",
        )
    return _sections(document)


def _sections(document: dict[str, Any]) -> Batch:
    batch = Batch()
    for section, build, into in (
        ("entities", entity, batch.entities),
        ("statements", statement_draft, batch.statements),
        ("rules", rule_draft, batch.rules),
    ):
        items = document.get(section) or []
        if not isinstance(items, list):
            batch.problems.append(BadRecord(0, section, "must be a list of records"))
            continue
        for position, item in enumerate(items, start=1):
            built = build(item, position, batch.problems)
            if built is not None:
                into.append(built)  # type: ignore[arg-type]
    return batch


def _from_csv(text: str) -> Batch:
    reader = csv.DictReader(io.StringIO(text), strict=True)
    rows: list[dict[str, str]] = []
    ended = 1  # the last line read whole (the header's, at first)
    try:
        for row in reader:
            rows.append(row)
            ended = reader.line_num
    except csv.Error as error:  # strict: an unterminated quote is an error, not one long cell
        raise InvalidImport(
            [], summary=f"The file is not valid CSV: line {ended + 1}: {str(error)[:100]}."
        ) from None
    header = set(rows[0]) if rows else set()
    if "text" not in header:
        raise InvalidImport(
            [],
            summary="The CSV needs a header row with at least a 'text' "
            f"column; known columns: {', '.join(CSV_COLUMNS)}.",
        )
    batch = Batch()
    for position, row in enumerate(rows, start=1):
        if None in row:
            batch.problems.append(BadRecord(position, "(row)", "has more cells than the header"))
            continue
        built = statement_draft(_csv_record(row), position, batch.problems)
        if built is not None:
            batch.statements.append(built)
    return batch


def _csv_record(row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {k: v for k, v in row.items() if v and not k.startswith("source_")}
    source = {k.removeprefix("source_"): v for k, v in row.items() if k.startswith("source_") and v}
    if source:
        record["source"] = source
    return record
