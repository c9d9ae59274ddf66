"""Fixtures for the fetch tests: a local server on 127.0.0.1 and short, permissive limits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fetch_server import LocalServer, serving

from knowledge.fetch import FetchLimits


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    """A fresh server with no routes; tests add theirs to `routes`."""
    with serving() as server:
        yield server


@pytest.fixture
def open_limits() -> FetchLimits:
    """Short limits that allow private addresses, for pages served on 127.0.0.1."""
    return FetchLimits(connect_timeout=1.0, total_timeout=2.0, allow_private=True)
