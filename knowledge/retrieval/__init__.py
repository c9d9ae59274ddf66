"""Candidate retrieval for claim matching: index terms and ranked FTS5 look-ups."""

from __future__ import annotations

from knowledge.retrieval.candidates import find_candidates, search_statements
from knowledge.retrieval.terms import TEXT_INDEX, clean_text, index_terms, title_terms

__all__ = [
    "TEXT_INDEX",
    "clean_text",
    "find_candidates",
    "search_statements",
    "index_terms",
    "title_terms",
]
