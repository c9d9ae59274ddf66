"""The limits one fetch of a linked page must stay within (time, redirects, size, content)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLimits:
    """Tunables for fetching a linked page; build one from the settings and pass it down.

    `allow_private=True` lifts the public-address check: only for tests and intranets.
    """

    connect_timeout: float = 5.0
    total_timeout: float = 15.0
    max_redirects: int = 5
    max_bytes: int = 2_000_000
    content_types: frozenset[str] = frozenset({"text/html", "text/plain"})
    allow_private: bool = False
    user_agent: str = "factcheck-bot/0.1 (fetches a forwarded link to fact-check it)"
    min_text_chars: int = 200

    def __post_init__(self) -> None:
        if self.connect_timeout <= 0 or self.total_timeout <= 0:
            raise ValueError("fetch timeouts must be positive")
        if self.max_redirects < 0 or self.max_bytes <= 0:
            raise ValueError("max_redirects must be >= 0 and max_bytes > 0")


def readable_size(count: int) -> str:
    """A byte count as people read it: "2 MB", "4 kB", "512 bytes"."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:g} MB"
    if count >= 1_000:
        return f"{count / 1_000:g} kB"
    return f"{count} bytes"
