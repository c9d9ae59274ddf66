"""Telling English text from text in other languages, with an identifier that ships its model."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# A capitalised word after the first: most likely a name, which says little about the language
# ("Yoon Suk Yeol met Jens Stoltenberg in Seoul" reads as Korean on its names alone).
_NAME = re.compile(r"(?<=\S\s)[A-Z][\w'’.-]*")
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 4_000  # enough to tell a language; identifying costs time in the text's length


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's naive Bayes identifier (97 languages), loaded once per process (~1 s)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_probability(text: str) -> float:
    """How likely `text` is English, in [0, 1]: the best reading of the text as written, in
    lower case (shouting) and without its names (a sentence made mostly of foreign names)."""
    sample = text[:SAMPLE_CHARS]
    unnamed = _NAME.sub(" ", sample)
    readings = [sample, sample.lower()] + ([unnamed] if _WORD.search(unnamed) else [])
    return max(_english(reading) for reading in readings)


def _english(text: str) -> float:
    ranked = dict(_identifier().rank(text))
    return float(ranked.get("en", 0.0))


def looks_english(
    text: str, *, short_words: int = 8, short_floor: float = 0.001, floor: float = 0.02
) -> bool:
    """Whether `text` may be English. A short text is refused only when the identifier is
    all but certain it is not English: names and figures leave it little else to go on."""
    words = len(_WORD.findall(text[:SAMPLE_CHARS]))
    return english_probability(text) >= (short_floor if words < short_words else floor)


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LANGUAGES = ("ru", "uk")


def text_language(text: str) -> str | None:
    """The language to answer `text` in: "en" for text that may be English, "ru" or "uk"
    for text mostly in Cyrillic letters (whichever the identifier finds likelier), None for
    text without letters or in another language."""
    sample = text[:SAMPLE_CHARS]
    cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    if cyrillic > latin:
        ranked = dict(_identifier().rank(sample))
        return max(_CYRILLIC_LANGUAGES, key=lambda code: float(ranked.get(code, 0.0)))
    if latin and looks_english(sample):
        return "en"
    return None
