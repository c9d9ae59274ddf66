"""Curating the knowledge base: rules, import/export and statistics (mixed into KnowledgeBase)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.store import Store


class CurationMixin:
    """Curators' operations on top of the store; every change is one audited transaction."""

    store: Store
