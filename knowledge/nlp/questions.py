"""Reading a yes/no question as the statement it asks about ("Did NATO impose sanctions?")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lemminflect import getAllInflections, getAllLemmas, getInflection
from spacy.lang.en.stop_words import STOP_WORDS

from knowledge.nlp.cues import CueSet, Word, compile_cues, find_cue
from knowledge.nlp.features import MODALS
from knowledge.resources import word_lists

_DO = {"do": "VBP", "does": "VBZ", "did": "VBD"}
_HAVE = frozenset({"has", "have", "had"})
_BE = frozenset({"is", "are", "was", "were", "am"})
_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "all",
        "every",
        "each",
        "no",
        "both",
        "many",
        "most",
        "'s",
    }
)
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "you", "i", "there"})
_NEGATIONS = frozenset({"n't", "not"})
_PREPOSITIONS = frozenset({"in", "of", "on", "at", "for", "with", "from", "between", "against"})


@dataclass(frozen=True, slots=True)
class _QuestionCues:
    prefixes: CueSet
    tags: CueSet
    wh_words: frozenset[str]


@cache
def _cues() -> _QuestionCues:
    data = word_lists("reading.yaml")
    return _QuestionCues(
        compile_cues(data["question_prefixes"]),
        compile_cues(data["question_tags"]),
        frozenset(data["wh_words"]),
    )


def is_question(text: str) -> bool:
    return text.rstrip(" \"'”’)").endswith("?")


def restate(words: Sequence[Word]) -> str | None:
    """The statement a question asks about, or None when it is not a yes/no question (or
    the words cannot be rearranged with confidence)."""
    body = [w for w in words if w.is_word or w.text in (",", "'s", "’s", "-", "%")]
    body = _without_tag(body)
    if not body:
        return None
    prefix = find_cue(body, _cues().prefixes, end=1)
    if prefix is not None:
        rest = body[len(prefix[1].slots) :]
        rest = rest[1:] if rest and rest[0].text in (",", ":") else rest
        return _sentence(rest) if len(rest) >= 2 else None
    first = body[0].lower
    if first in _cues().wh_words:
        return None
    if first in _DO or first in _HAVE or first in _BE or first in MODALS:
        return _inverted(body)
    return _sentence(body)  # a statement with a question mark: "NATO imposed sanctions?"


def _without_tag(words: list[Word]) -> list[Word]:
    """Words without a closing tag: "..., right", "..., didn't it"."""
    for i in range(len(words) - 1, max(len(words) - 5, 0), -1):
        if words[i - 1].text == "," and find_cue(words, _cues().tags, start=i, end=len(words)):
            if _cues_fill(words, i):
                return words[: i - 1]
    return words


def _cues_fill(words: list[Word], i: int) -> bool:
    found = find_cue(words, _cues().tags, start=i)
    return found is not None and found[0] == i and i + len(found[1].slots) == len(words)


def _inverted(body: list[Word]) -> str | None:
    aux, rest = body[0], body[1:]
    if rest and rest[0].lower in _NEGATIONS:
        rest = rest[1:]  # "Didn't NATO ...?" asks the same as "Did NATO ...?"
    end = _subject_end(aux.lower, rest)
    if end is None or end == 0 or end >= len(rest):
        return None
    subject, predicate = rest[:end], rest[end:]
    if aux.lower in _BE and _trailing_complement(predicate):
        subject, predicate = rest[:-1], rest[-1:]  # "Is the war in Ukraine over?"
    if aux.lower in _DO:
        verb = getInflection(predicate[0].lower, tag=_DO[aux.lower])
        if not verb:
            return None
        return _sentence([*subject], verb[0], predicate[1:])
    return _sentence([*subject], aux.lower, predicate)


def _subject_end(aux: str, rest: list[Word]) -> int | None:
    """Where the subject after the auxiliary ends (an index into `rest`)."""
    if not rest:
        return None
    if rest[0].lower in _PRONOUNS:
        return 1
    if aux in _DO or aux in MODALS:
        return _first(rest, _base_verb)
    if aux in _HAVE:
        return _first(rest, _participle)
    return _noun_phrase_end(rest)


def _trailing_complement(predicate: list[Word]) -> bool:
    """A predicate that is a prepositional phrase and one last word: the phrase belongs to
    the subject and the last word is the complement."""
    last = predicate[-1]
    return (
        len(predicate) >= 3
        and predicate[0].lower in _PREPOSITIONS
        and not last.name
        and last.text.isalpha()
        and not any(w.lower in _PREPOSITIONS for w in predicate[1:])
    )


def _first(rest: list[Word], test: object) -> int | None:
    for i, word in enumerate(rest[1:], start=1):
        if rest[i - 1].lower in _DETERMINERS:
            continue  # the word after a determiner is a noun ("the attack")
        if test(word):  # type: ignore[operator]
            return i
    return None


def _noun_phrase_end(rest: list[Word]) -> int:
    """The end of a subject before a copula's predicate: a name (up to a possessive that opens
    the predicate: "Stoltenberg | NATO's chief"), or a determiner and the nouns after it."""
    i = 0
    if rest[0].lower in _DETERMINERS:
        i = 1
        while i < len(rest) - 1 and rest[i].name:
            i += 1
        head = rest[i]
        if i < len(rest) - 1 and (
            i == 1
            or (head.text.isalpha() and head.lower not in STOP_WORDS and not _participle(head))
        ):
            i += 1  # the head noun: "the war", "the Minsk agreements"
        return i
    while i < len(rest) - 1 and rest[i].text[:1].isupper():
        if i > 0 and i + 1 < len(rest) and rest[i + 1].lower in ("'s", "’s"):
            return i
        i += 1
    return max(i, 1)


def _base_verb(word: Word) -> bool:
    if word.name or not word.text.isalpha():
        return False
    lemmas = getAllLemmas(word.lower, upos="VERB").get("VERB", ())
    return word.lower in lemmas


def _participle(word: Word) -> bool:
    if word.name or not word.text.isalpha():
        return False
    for lemma in getAllLemmas(word.lower, upos="VERB").get("VERB", ()):
        forms = getAllInflections(lemma, upos="VERB")
        if word.lower in forms.get("VBN", ()) or word.lower in forms.get("VBD", ()):
            return True
    return False


def _sentence(words: Sequence[Word], verb: str | None = None, tail: Sequence[Word] = ()) -> str:
    parts = [w.text for w in words] + ([verb] if verb else []) + [w.text for w in tail]
    text = " ".join(parts)
    for mark in (" ,", " 's", " ’s", " %"):
        text = text.replace(mark, mark[1:])
    text = text.replace(" - ", "-")
    return text[:1].upper() + text[1:] + "."
