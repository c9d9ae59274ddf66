"""Reported speech: who is reported as saying what ("Stoltenberg said that X", "X, he said")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from knowledge.nlp.cues import CueSet, Word, compile_cues, find_cue
from knowledge.nlp.dates import MONTHS, WEEKDAYS
from knowledge.resources import word_lists

_MAX_SPEAKER = 6  # words: longer, the words before the verb are not just a speaker
_MAX_SET_OFF = 16  # words of a phrase set off between a speaker and the verb
_NAME_WORDS = 4  # words of a name set off after a title ("The council's chair, Ines Hartmann,")
_MIN_CONTENT = 3
_TIME_WORDS = frozenset(
    {
        "on",
        "in",
        "at",
        "last",
        "this",
        "yesterday",
        "today",
        "earlier",
        "late",
        "early",
        ",",
        "tonight",
        "morning",
        "evening",
        "afternoon",
    }
)
_BOUNDS = frozenset({"least", "most"})
_DETERMINERS = frozenset({"the", "a", "an"})
_CONJUNCTIONS = frozenset({"but", "and", "so", "yet", "however", "still", "also"})
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """A speaker and what they are reported to have said; offsets are into the input text."""

    speaker: str
    speaker_start: int
    speaker_end: int
    content: str
    content_start: int
    content_end: int
    verb: str  # the reporting verb's lemma ("say", "deny", "according")
    generic: bool  # nobody in particular: critics, some, others
    speaker_id: str | None = None  # the knowledge-base entity of the speaker, when known


@dataclass(frozen=True, slots=True)
class _SpeechCues:
    verbs: frozenset[str]
    bare: frozenset[str]
    denials: frozenset[str]
    denied: frozenset[str]
    listeners: frozenset[str]
    fillers: frozenset[str]
    generic: CueSet
    according: CueSet


@cache
def _cues() -> _SpeechCues:
    data = word_lists("reading.yaml")
    return _SpeechCues(
        frozenset(data["reporting_verbs"]),
        frozenset(data["bare_clause_verbs"]),
        frozenset(data["denial_verbs"]),
        frozenset(data["denial_objects"]),
        frozenset(data["listener_verbs"]),
        frozenset(data["speech_fillers"]),
        compile_cues(data["generic_speakers"]),
        compile_cues(data["according_to"]),
    )


def find_speech(words: Sequence[Word], text: str, offset: int) -> ReportedSpeech | None:
    """The reported speech in a sentence (`text` starts at `offset` in the input), if any."""
    return _according(words, text, offset) or _reported(words, text, offset)


def is_denial(speech: ReportedSpeech) -> bool:
    return speech.verb in _cues().denials


def _according(words: Sequence[Word], text: str, offset: int) -> ReportedSpeech | None:
    found = find_cue(words, _cues().according)
    if found is None:
        return None
    at, cue = found
    after = at + len(cue.slots)
    comma = _next_comma(words, after)
    if at == 0 and comma is not None:  # "According to Reuters, X"
        return _speech(words[after:comma], words[comma + 1 :], "according", text, offset)
    if at > 0 and words[at - 1].text == ",":  # "X, according to Reuters"
        end = comma if comma is not None else len(words)
        return _speech(words[after:end], words[: at - 1], "according", text, offset)
    return None


def _reported(words: Sequence[Word], text: str, offset: int) -> ReportedSpeech | None:
    cues = _cues()
    for v, word in enumerate(words):
        if word.name or (word.lemma not in cues.verbs and word.lemma not in cues.denials):
            continue
        if any(w.lemma == "be" for w in words[max(v - 2, 0) : v]):
            continue  # a passive ("it is claimed that", "is believed to") names no speaker
        if word.lemma in cues.denials and not (
            v + 1 < len(words) and words[v + 1].lower in cues.denied
        ):
            continue  # "rejected the budget" denies no one's words
        found = _leading(words, v, text, offset) or _trailing(words, v, text, offset)
        if found is not None:
            return found
    return None


def _leading(words: Sequence[Word], v: int, text: str, offset: int) -> ReportedSpeech | None:
    """SPEAKER said (that) CONTENT; SPEAKER, a phrase set off by commas, said (that) CONTENT
    ("Mark Rutte, who took office in October, said ...": the phrase is the writer's, about the
    speaker)."""
    speaker = _set_off(words[:v]) or list(words[:v])
    while speaker and speaker[-1].lower in _cues().fillers:
        speaker.pop()
    if not speaker or len(speaker) > _MAX_SPEAKER or not _all_words(speaker):
        return None
    start = v + 1
    if words[v].lemma in _cues().listeners and start < len(words):
        start += 1  # "told reporters"
    that = next(
        (i for i in range(start, min(start + 8, len(words))) if words[i].lower == "that"), None
    )
    if that is None and words[v].lemma not in _cues().bare:
        return None  # "Moderna reported its earnings": an object, not what was said
    start = that + 1 if that is not None else _after_time(words, start)
    while start < len(words) and words[start].text in (",", ":") + tuple(_QUOTES):
        start += 1
    return _speech(speaker, words[start:], words[v].lemma, text, offset)


def _all_words(words: Sequence[Word]) -> bool:
    """Whether the words are all words, a hyphen within one aside ("Director-general")."""
    return all(
        w.is_word or (w.text == "-" and 0 < i < len(words) - 1 and words[i - 1].end == w.start)
        for i, w in enumerate(words)
    )


def _set_off(before: Sequence[Word]) -> list[Word]:
    """The speaker before phrases set off by commas right before the verb ("Rutte, who took
    office in October, said"; "Rutte, 57, said"; "Kristjan Tamm, 47, a former finance minister,
    told"), or nothing: the words before the first comma, all words, where the last comma comes
    just before the verb and the phrases between hold no reporting verb and 16 words at most;
    where the first phrase is a name after a title, the name ("The fiscal council's chair,
    Ines Hartmann, said"; "Novák's trainer, Petr Král, 45, said"). A name then a name set off
    is a list, not a speaker ("Germany, France, and the others, said")."""
    commas = [i for i, w in enumerate(before) if w.text == ","]
    if len(commas) < 2 or commas[-1] != len(before) - 1 or commas[0] == 0:
        return []
    phrases = before[commas[0] + 1 : commas[-1]]
    words = [w for w in phrases if w.is_word]
    if not words or len(words) > _MAX_SET_OFF or any(w.lemma in _cues().verbs for w in phrases):
        return []
    head, first = before[: commas[0]], before[commas[0] + 1 : commas[1]]
    if _a_name(first):
        # "The fiscal council's chair, Ines Hartmann, said": the name; "Germany, France, ..."
        return list(first) if any(w.is_word and w.text.islower() for w in head) else []
    return list(head)


def _a_name(words: Sequence[Word]) -> bool:
    """Whether the words are a name alone: one to four capitalised words."""
    return 0 < len(words) <= _NAME_WORDS and all(w.is_word and w.text[:1].isupper() for w in words)


def _trailing(words: Sequence[Word], v: int, text: str, offset: int) -> ReportedSpeech | None:
    """CONTENT, SPEAKER said ... | CONTENT, said SPEAKER."""
    cut = next(
        (
            i
            for i in range(v - 1, max(v - _MAX_SPEAKER - 2, -1), -1)
            if words[i].text == "," or words[i].text in _QUOTES
        ),
        None,
    )
    after = v + 1
    if words[v].lemma in _cues().listeners:  # '"...," Kostakis told (the) reporters in Patras'
        if after + 1 < len(words) and words[after].lower in _DETERMINERS:
            after += 1
        if after < len(words) and words[after].is_word:
            after += 1
    if cut is None or (cut != v - 1 and not _clause_ends(words, after)):
        return None
    if cut == v - 1:  # "..., said Stoltenberg"
        comma = _next_comma(words, v + 1)
        speaker = list(words[v + 1 : comma if comma is not None else len(words)])
    else:
        speaker = [w for w in words[cut + 1 : v] if w.lower not in _cues().fillers]
    content = [w for w in words[:cut] if w.text not in _QUOTES]
    while content and content[-1].text in (",", ".", "…"):
        content.pop()
    if not speaker or len(speaker) > _MAX_SPEAKER:
        return None
    return _speech(speaker, content, words[v].lemma, text, offset)


def _speech(
    speaker: Sequence[Word], content: Sequence[Word], verb: str, text: str, offset: int
) -> ReportedSpeech | None:
    content = [w for w in content if w.text not in (".", "?", "!")]
    speaker = list(speaker)
    while speaker and not speaker[-1].is_word:
        speaker.pop()
    while speaker and speaker[0].lower in _CONJUNCTIONS:
        speaker.pop(0)  # "But he said ..."
    if not speaker or sum(1 for w in content if w.is_word) < _MIN_CONTENT:
        return None
    return ReportedSpeech(
        speaker=text[speaker[0].start - offset : speaker[-1].end - offset],
        speaker_start=speaker[0].start,
        speaker_end=speaker[-1].end,
        content=text[content[0].start - offset : content[-1].end - offset],
        content_start=content[0].start,
        content_end=content[-1].end,
        verb=verb,
        generic=find_cue(speaker, _cues().generic, end=1) is not None,
    )


def _clause_ends(words: Sequence[Word], at: int) -> bool:
    """Whether the reporting verb closes its clause ("..., he said." / "said on Monday" /
    "said, citing"), rather than taking an object ("..., Gilead reported revenue of")."""
    return at >= len(words) or not words[at].is_word or words[at].lower in _TIME_WORDS


def _after_time(words: Sequence[Word], start: int) -> int:
    """Past a time phrase between the verb and what was said: "said on Tuesday it would",
    "said on 5 March". A number is part of it only next to a month or after a time word
    ("Experts say 5G towers ...": what was said starts at the number)."""
    first = start
    while start < len(words) and (
        (words[start].lower in _TIME_WORDS and not _bound(words, start))
        or words[start].lower in WEEKDAYS
        or words[start].lower in MONTHS
        or (words[start].text.isdigit() and _in_date(words, start, first))
    ):
        start += 1
    return start


def _bound(words: Sequence[Word], at: int) -> bool:
    """Whether the word at `at` opens a bound ("at least 40 houses", "at most"), not a time."""
    return words[at].lower == "at" and at + 1 < len(words) and words[at + 1].lower in _BOUNDS


def _in_date(words: Sequence[Word], at: int, first: int) -> bool:
    """Whether the number at `at` is a day or year in a time phrase that starts at `first`:
    a day (1-31) or a four-digit year after a time word or month ("on 5", "March 5", "in
    2022"), or before a month ("5 March")."""
    value = words[at].text
    if not value.isdecimal() or not (len(value) == 4 or 1 <= int(value) <= 31):
        return False
    before = words[at - 1].lower if at > first else ""
    after = words[at + 1].lower if at + 1 < len(words) else ""
    return before in _TIME_WORDS or before in MONTHS or after in MONTHS


def _next_comma(words: Sequence[Word], start: int) -> int | None:
    return next((i for i in range(start, len(words)) if words[i].text == ","), None)
