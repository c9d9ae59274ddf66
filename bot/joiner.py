"""Joining an article pasted in several messages (Telegram cuts long texts at 4,096 characters)."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass
class _Pending:
    parts: list[str]
    forwarded: bool
    more: asyncio.Event = field(default_factory=asyncio.Event)


class ArticleJoiner:
    """Holds a long message for `window` seconds in case its sender goes on in the next one.

    A part counts as long (so more may follow) from `min_chars` characters on. A continuation
    is the same sender's next plain message in the same chat, forwarded if the first part was,
    within the window. At most `max_parts` are joined, so nothing waits without bound.
    """

    def __init__(self, *, window: float, min_chars: int, max_parts: int = 4) -> None:
        self.window = window
        self.min_chars = min_chars
        self.max_parts = max_parts
        self._pending: dict[Hashable, _Pending] = {}

    def may_continue(self, text: str) -> bool:
        """Whether a message this long may have been cut by Telegram."""
        return self.window > 0 and len(text) >= self.min_chars

    def take(self, key: Hashable, text: str, *, forwarded: bool) -> bool:
        """Add `text` to the article `key` is writing, if one waits; True when taken."""
        pending = self._pending.get(key)
        if pending is None or pending.forwarded != forwarded:
            return False
        pending.parts.append(text)
        if len(pending.parts) >= self.max_parts or not self.may_continue(text):
            self._pending.pop(key, None)
        pending.more.set()
        return True

    async def collect(self, key: Hashable, first: str, *, forwarded: bool) -> str:
        """Wait for continuations of `first` (call without awaiting anything before it)."""
        if key in self._pending:  # another long message already waits: check this one alone
            return first
        pending = _Pending([first], forwarded)
        self._pending[key] = pending
        try:
            while self._pending.get(key) is pending:
                pending.more.clear()
                try:
                    await asyncio.wait_for(pending.more.wait(), self.window)
                except TimeoutError:
                    break
        finally:
            if self._pending.get(key) is pending:
                del self._pending[key]
        return _join(pending.parts)


def _join(parts: list[str]) -> str:
    """Glue parts back: a new line after a finished sentence, else a space (a cut mid-sentence)."""
    text = parts[0]
    for part in parts[1:]:
        ended = text.rstrip().endswith((".", "!", "?", '"', "”", "’", ":"))
        text = text.rstrip() + ("\n" if ended else " ") + part.lstrip()
    return text
