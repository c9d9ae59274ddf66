"""Vetting text before it is checked: empty, binary, oversized or non-English input is refused."""

from __future__ import annotations

import re
import unicodedata

from knowledge.errors import UnusableInput
from knowledge.nlp.language import looks_english

MAX_CHARS = 100_000
_WORD = re.compile(r"[^\W\d_]+")


def vet_text(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """Return the text to check, or raise UnusableInput saying why it cannot be checked."""
    if not isinstance(text, str):
        raise UnusableInput("Expected text.")
    if len(text) > max_chars:
        raise UnusableInput(
            f"The text has {len(text):,} characters; the limit is {max_chars:,}. "
            "Send the article in parts."
        )
    if not text.strip():
        raise UnusableInput("There is no text to check.")
    if _binary_share(text) > 0.05:
        raise UnusableInput("This looks like binary data, not text. Send the article's text.")
    if not _WORD.search(text):
        raise UnusableInput("There are no words to check in this text.")
    if not looks_english(text):
        raise UnusableInput("The text does not look like English; only English is checked.")
    return text


def _binary_share(text: str) -> float:
    odd = sum(
        1
        for ch in text
        if ch == "\ufffd"
        or (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n\r\t")
    )
    return odd / len(text)
