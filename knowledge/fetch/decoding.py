"""Undoing a page's Content-Encoding with a cap on the decoded size: no decompression bombs."""

from __future__ import annotations

import zlib

from ..errors import FetchFailed
from .limits import readable_size

ACCEPTED = "gzip, deflate"  # what we ask servers for; nothing else is decoded
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


def content_coding(url: str, header: str) -> str | None:
    """The one compression named by a Content-Encoding header (None: not compressed).

    Several stacked encodings ("gzip, gzip") are refused: one layer is all a page needs, and
    each further layer multiplies what a few bytes on the wire can expand to.
    """
    codings = [c.strip().lower() for c in header.split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1:
        raise FetchFailed(url, "the page is compressed more than once, which is refused")
    if codings and codings[0] not in _WBITS:
        raise FetchFailed(url, f"the page is compressed as {codings[0][:40]!r}, not gzip")
    return codings[0] if codings else None


def decode_body(url: str, body: bytes, coding: str | None, *, max_bytes: int) -> bytes:
    """`body` decompressed, refused once it would pass `max_bytes` (never decoded past it)."""
    if coding is None:
        return body
    try:
        return _inflate(url, body, _WBITS[coding], max_bytes)
    except zlib.error:
        if coding != "deflate":
            raise FetchFailed(url, "the page's compressed data is damaged") from None
    try:  # some servers send raw deflate data without the zlib wrapper
        return _inflate(url, body, -zlib.MAX_WBITS, max_bytes)
    except zlib.error:
        raise FetchFailed(url, "the page's compressed data is damaged") from None


def _inflate(url: str, body: bytes, wbits: int, max_bytes: int) -> bytes:
    decoder = zlib.decompressobj(wbits)
    out = decoder.decompress(body, max_bytes + 1)  # stops at the cap, whatever is left
    if len(out) > max_bytes or decoder.unconsumed_tail:
        size = readable_size(max_bytes)
        raise FetchFailed(url, f"the page is larger than {size} once decompressed")
    if not decoder.eof:  # cut short
        raise zlib.error("incomplete compressed data")
    return out
