"""Bounding the work per byte of a streamed import: JSON nesting and token length are checked
on the raw bytes, a chunk at a time, before the parser builds anything from them."""

from __future__ import annotations

import re
from typing import Protocol

from knowledge.errors import InvalidImport
from knowledge.formats.guards import MAX_DEPTH, too_deep

MAX_TOKEN_BYTES = 1_000_000  # one JSON string, key or number; one CSV or JSON Lines line
_JSON_MARKS = re.compile(rb'[\\"\[\]{},:]')  # all that changes the scanner's state
_OPEN, _CLOSE, _QUOTE, _ESCAPE = frozenset(b"[{"), frozenset(b"]}"), ord('"'), ord("\\")


class JsonScanner:
    """Follows JSON bytes as they are read: nesting depth (lists and mappings) and the length
    of the token being read (a string, a key, a number, or a run between marks). Raises
    InvalidImport as soon as the depth passes MAX_DEPTH or a token passes `max_token` bytes,
    having looked at no more than one chunk past the limit. It checks bounds only; the parser
    behind it still checks the grammar."""

    def __init__(self, *, max_token: int = MAX_TOKEN_BYTES, where: str = "") -> None:
        self.max_token = max_token
        self.where = where  # e.g. "line 3" for a JSON Lines record
        self.depth = 0
        self.offset = 0  # bytes seen so far
        self.in_string = False
        self.skip_to = 0  # the byte after a backslash is taken as is
        self.token_start = 0

    def feed(self, chunk: bytes) -> None:
        base = self.offset
        for mark in _JSON_MARKS.finditer(chunk):
            at = base + mark.start()
            if at < self.skip_to:
                continue
            byte = chunk[mark.start()]
            if self.in_string:
                if byte == _ESCAPE:
                    self.skip_to = at + 2
                elif byte == _QUOTE:
                    self._check(at)
                    self.in_string, self.token_start = False, at + 1
                continue
            self._check(at)
            self.token_start = at + 1
            if byte == _QUOTE:
                self.in_string = True
            elif byte in _OPEN:
                self.depth += 1
                if self.depth > MAX_DEPTH:
                    raise too_deep(f"at {self._at(at)}")
            elif byte in _CLOSE:
                self.depth -= 1
        self.offset = base + len(chunk)
        self._check(self.offset)

    def _check(self, at: int) -> None:
        """Refuse the token being read if it has grown past the limit by byte `at`."""
        if at - self.token_start > self.max_token:
            what = "a string or key" if self.in_string else "a number, word or run of spaces"
            raise InvalidImport(
                [],
                summary=f"The file holds {what} longer than {self.max_token:,} bytes "
                f"(starting at {self._at(self.token_start)}); shorten it or leave it out.",
            )

    def _at(self, offset: int) -> str:
        return f"{self.where}, byte {offset + 1:,}" if self.where else f"byte {offset + 1:,}"


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class ScannedReader:
    """A binary file whose bytes pass through a JsonScanner as they are read."""

    def __init__(self, raw: Readable, scanner: JsonScanner | None = None) -> None:
        self.raw = raw
        self.scanner = scanner or JsonScanner()

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.scanner.feed(data)
        return data
