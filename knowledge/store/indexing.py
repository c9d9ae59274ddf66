"""How the store turns texts into index terms: given by whoever opens it (retrieval's
lemmatiser, `knowledge.retrieval.TEXT_INDEX`), since the store itself reads no language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextIndex:
    """The two functions behind the full-text columns of a statement row."""

    terms: Callable[[str], str]  # a statement's text -> its index terms (the `terms` column)
    title_terms: Callable[[str | None], str]  # its source's title -> the `title_terms` column
