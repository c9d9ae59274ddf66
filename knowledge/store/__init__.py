"""The SQLite store: statements, rules, entities, audit log, term counts and the page cache."""

from __future__ import annotations

from knowledge.store.chats import ChatTable
from knowledge.store.indexing import TextIndex
from knowledge.store.requests import RequestTable
from knowledge.store.store import WRITE_WAIT, Store, open_store

__all__ = ["WRITE_WAIT", "ChatTable", "RequestTable", "Store", "TextIndex", "open_store"]
