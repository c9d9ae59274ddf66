"""Shared helpers for benchmark scripts: locating the public evaluation data, reading TSV."""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO_ROOT / "benchmarks" / "results"


def eval_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """The shared evaluation folder: $FACTCHECK_EVAL_DIR, else ../shared/eval beside the repo."""
    configured = environ.get("FACTCHECK_EVAL_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "eval"


def read_tsv(path: Path, *, header: bool = True) -> Iterator[list[str]]:
    """Rows of a tab-separated file whose quoted fields may hold tabs and newlines."""
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle, delimiter="\t")
        if header:
            next(reader, None)
        yield from reader


def held_out(key: str, share: float) -> bool:
    """A stable split by key (a revision's case id, a tweet id), the same on every run: the
    pair model's training script sets these keys aside, and the benchmarks read them back."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF < share
