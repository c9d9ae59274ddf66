"""Import and export of knowledge: our YAML/JSON/CSV format and schema.org ClaimReview."""

from __future__ import annotations

from knowledge.formats.export import export_yaml
from knowledge.formats.readers import CSV_COLUMNS, MAX_IMPORT_BYTES, MAX_RECORDS, read_import
from knowledge.formats.records import Batch
from knowledge.model import RuleDraft

__all__ = [
    "CSV_COLUMNS",
    "MAX_IMPORT_BYTES",
    "MAX_RECORDS",
    "Batch",
    "RuleDraft",
    "export_yaml",
    "read_import",
]
