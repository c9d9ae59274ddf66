"""Fixtures for the reading tests: the seeded knowledge base of the engine tests."""

from __future__ import annotations

from tests.knowledge.conftest import kb

__all__ = ["kb"]
