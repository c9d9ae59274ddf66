"""The SQLite store: statements, rules, entities, audit log, term counts and the page cache."""

from __future__ import annotations

from knowledge.store.store import Store, open_store

__all__ = ["Store", "open_store"]
