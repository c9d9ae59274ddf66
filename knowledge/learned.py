"""Marking statements learned from a trusted article, so that only they are read as one
article (sharing a source string does not make statements one article)."""

from __future__ import annotations

import hashlib

from knowledge.model import Source, Statement

_PREFIX = "learned:"


def learned_key(source: Source, text: str) -> str:
    """The key of a sentence learned from `source`: stable, and unique per source and text."""
    digest = hashlib.sha1(f"{source.label()}\n{text}".encode()).hexdigest()[:20]
    return _PREFIX + digest


def is_learned(statement: Statement) -> bool:
    return bool(statement.key and statement.key.startswith(_PREFIX))
