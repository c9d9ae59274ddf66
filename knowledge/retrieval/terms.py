"""Normalised index terms for statements and claims: tokens, lemmas, no stop words."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from knowledge.retrieval.acronyms import acronyms
from knowledge.store.indexing import TextIndex

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
# Every run is bounded, so the work from each dash is too: unbounded "\s*" around the name
# made a dash followed by 100,000 spaces take minutes.
_SIGNATURE = re.compile(
    r"\s[—–-]{1,2}\s{0,3}+(?P<name>[^—–()\n]{0,80}?)\s{0,3}\(@(?P<handle>\w{1,50})\)"
    r"\s{1,3}[A-Z][a-z]{1,9}\s{1,3}\d{1,2},\s{1,3}(?P<year>\d{4})"
)
_MENTION = re.compile(r"(?<![\w@])@(\w+)")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_DIGIT = re.compile(r"\d")
_NUMBER_SEP = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_PERCENT = re.compile(r"(?<=\d)\s*(?:%|per\s*cent\b)", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_KEEP_SHORT = frozenset({"us", "uk", "eu", "un"})
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS_AND_TENS = "fifteen sixteen seventeen eighteen nineteen twenty"
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORDS = {  # "one" is left alone: it is more often a pronoun than a count
    word: str(n) for n, word in enumerate(f"{_UNITS} {_TEENS_AND_TENS}".split()) if n > 1
} | {word: str(10 * n) for n, word in enumerate(_TENS.split(), 3)}


def split_signatures(text: str) -> tuple[str, str]:
    """Separate embedded-tweet signatures ("— Name (@handle) May 1, 2019") from the body.

    Returns the body without them and the signatures' author names, handles and years.
    """
    authors: list[str] = []

    def keep(match: re.Match[str]) -> str:
        authors.extend((match["name"], _split_camel(match["handle"]), match["year"]))
        return " "

    return _SIGNATURE.sub(keep, text), " ".join(authors)


def clean_text(text: str) -> str:
    """Strip social-media noise: links, tweet signatures, @ and # marks."""
    if "/" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = split_signatures(text)[0]
        text = _MENTION.sub(lambda m: " " + _split_camel(m.group(1)) + " ", text)
    if "#" in text:
        text = _HASHTAG.sub(lambda m: " " + _split_camel(m.group(1)) + " ", text)
    return text


def run_together_tags(text: str) -> set[str]:
    """Hashtags and @handles written without case changes ("#tentcity"), lowercased: words
    that may be several words run together."""
    tags = _HASHTAG.findall(text) + _MENTION.findall(text)
    return {_ascii_lower(t) for t in tags if len(_CAMEL.findall(t)) == 1 and t.isalpha()}


def _split_camel(word: str) -> str:
    parts = _CAMEL.findall(word)
    return " ".join(parts) if parts else word


def _ascii_lower(text: str) -> str:
    if text.isascii():
        return text.lower()
    text = text.replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


@cache
def lemma_table() -> dict[str, str]:
    """The lookup lemma of each lower-case English word form (spacy-lookups-data), loaded once."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    lowered: dict[str, str] = {}
    for form, lemma in table.items():
        if form.islower() or form.lower() not in lowered:
            lowered[form.lower()] = _ascii_lower(lemma)
    return lowered


# British endings and their American forms; a word takes the American form when the lemma
# table knows it ("organisations" -> "organizations", "theatre" -> "theater")
_US_ENDINGS = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("ences", "enses"),
)
_SHORTEST_BRITISH = 6  # "four", "hour", "tour" are not "for", "hor", "tor"


@cache
def _known_words() -> frozenset[str]:
    """Every word form the lemma table knows."""
    table = lemma_table()
    return frozenset(table) | frozenset(table.values())


@cache
def _american() -> dict[str, str]:
    """British spellings of words the lemma table knows in American spelling."""
    known = _known_words()
    endings = tuple(british for british, _ in _US_ENDINGS)
    spellings: dict[str, str] = {}
    for word in known:
        if len(word) < _SHORTEST_BRITISH or not word.endswith(endings):
            continue
        for british, american in _US_ENDINGS:
            if word.endswith(british):
                variant = word[: -len(british)] + american
                if variant in known and variant != word:
                    spellings[word] = variant
    return spellings


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {_ascii_lower(w) for w in STOP_WORDS} | {"s", "t", "ca", "wo", "ai", "amp", "rt", "via"}
    return frozenset(words - _KEEP_SHORT)


def tokens(text: str) -> list[str]:
    """Lowercase ascii word tokens, no lemmatising; numbers ("1,000" -> "1000") and dotted
    abbreviations ("U.S." -> "us") kept whole."""
    if _DIGIT.search(text):
        text = _PERCENT.sub(" percent", _NUMBER_SEP.sub("", text))
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group().replace(".", ""), text)
    lowered = _ascii_lower(text)
    words = _TOKEN.findall(lowered)
    if "'" not in lowered:
        return words
    for i, token in enumerate(words):
        if "'" in token:
            head, _, tail = token.partition("'")
            words[i] = head[:-1] if tail == "t" and head.endswith("n") else head
    return words


def lemmas(text: str) -> list[str]:
    """Lemmatised content words of `text`, in order, stop words and one-letter words removed."""
    return _content_lemmas(tokens(text))


def _content_lemmas(words: list[str]) -> list[str]:
    memo = _CONTENT_LEMMA
    if len(memo) > _CONTENT_LEMMA_KEPT:  # a bound for long imports of varied text
        memo.clear()
    out: list[str] = []
    for token in words:
        lemma = memo.get(token)
        if lemma is None:
            lemma = memo[token] = _content_lemma(token)
        if lemma:
            out.append(lemma)
    return out


_CONTENT_LEMMA: dict[str, str] = {}  # token -> its index lemma, "" for a stop word
_CONTENT_LEMMA_KEPT = 500_000


def _content_lemma(token: str) -> str:
    stop = _stop_words()
    token = _NUMBER_WORDS.get(token, token)
    if token in stop or (len(token) < 2 and not token.isdigit()):
        return ""
    table, american = lemma_table(), _american()
    lemma = table.get(token, token)
    if lemma in american:
        lemma = table.get(american[lemma], american[lemma])
    return "" if lemma in stop else lemma


def lemma(word: str) -> str:
    """The lemma of one lowercase word (the word itself when the table does not know it)."""
    return lemma_table().get(word, word)


ALIAS_MARK = "|"  # in a statement's index terms, separates its words from its aliases


def index_terms(text: str) -> str:
    """The space-separated index terms of a statement text: its lemmas and, after
    `ALIAS_MARK`, its aliases: the acronyms of the names in it ("State of the Union" ->
    "sotu") and the closed form of compounds it writes open ("web site" -> "website"), so
    that a claim saying "SOTU" or "website" finds it. FTS5 reads the mark as a separator."""
    cleaned = clean_text(text)
    raw = tokens(cleaned)
    words = _content_lemmas(raw)
    aliases = _aliases(cleaned, raw, words)
    if not aliases:
        return " ".join(words)
    return " ".join([*words, ALIAS_MARK, *aliases])


def split_index_terms(terms: str) -> tuple[list[str], list[str]]:
    """The words and the aliases of stored index terms."""
    words, _, aliases = terms.partition(ALIAS_MARK)
    return words.split(), aliases.split()


def _aliases(cleaned: str, raw: list[str], words: list[str]) -> list[str]:
    stop = _stop_words()
    found = _closed_compounds(raw, stop)
    if not cleaned.islower():
        found = acronyms(cleaned) + found
    if not found:
        return []
    have = set(words)
    return [a for a in dict.fromkeys(found) if a not in have and a not in stop]


def _closed_compounds(raw: list[str], stop: frozenset[str], *, shortest: int = 6) -> list[str]:
    """Lemmas of the words the lemma table knows that two adjacent content words make."""
    known, table, heads = _known_words(), lemma_table(), _compound_heads()
    found: list[str] = []
    for first, second in zip(raw, raw[1:], strict=False):
        if first not in heads or second in stop or first in stop:
            continue
        joined = first + second
        if len(joined) >= shortest and joined in known:
            found.append(table.get(joined, joined))
    return found


@cache
def _compound_heads() -> frozenset[str]:
    """Words that begin a known closed compound whose rest is a word too ("web" for
    "website"): only after these is a joined pair worth looking up."""
    known = _known_words()
    heads = set()
    for word in known:
        if len(word) < 6 or not word.isalpha():
            continue
        for cut in range(2, len(word) - 1):
            if word[:cut] in known and word[cut:] in known:
                heads.add(word[:cut])
    return frozenset(heads)


def title_terms(title: str | None) -> str:
    """The index terms of a source title (empty for no title): its words only, since headlines
    capitalise every word and would make acronyms of whole sentences."""
    return " ".join(lemmas(clean_text(title))) if title else ""


TEXT_INDEX = TextIndex(terms=index_terms, title_terms=title_terms)  # what the store indexes by
