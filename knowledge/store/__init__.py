"""The SQLite store: statements, rules, entities, audit log and per-chat settings."""

from __future__ import annotations

from knowledge.store.store import Store, open_store

__all__ = ["Store", "open_store"]
