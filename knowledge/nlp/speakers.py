"""Who reported speech is from, by name: the name that closes the speaker ("Hospital director
Eleni Papadaki said ..."), a surname told for the full name given earlier in the same text
("Kostakis denied ..." after "Yannis Kostakis"), and whether two names may be one person.

An article's "he said" or "she added" is the person the sentence before it reports as speaking,
or, where it reports nobody, the one person it names ("Aagaard denied the claim. "...," he
said"); a sentence that opens a quotation closed in a later one is that one's speaker's.

A name counts as a person's where the knowledge base knows it as one, or, unknown to it, where
it is two to four capitalised words (after a title written in capitals at its head: "Civil
Protection Minister Giorgos Lambrou") none of which names a kind of body ("Fire Service",
"Credito Lombardo Bank"; `body_words` in data/reading.yaml) or a place the lexicon knows.
Anything less sure is no speaker: a statement whose speaker is not named so records none, and
a claim's speaker not named so is never told it has the wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from knowledge.model import Statement
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features, Mention
from knowledge.nlp.titles import split_title
from knowledge.resources import Lexicon, word_set

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_MOST_WORDS = 4
_PRONOUNS = frozenset({"he", "she"})


def speaker_name(claim: Claim) -> Mention | None:
    """The name closing the claim's named speaker ("Eleni Papadaki" in "Hospital director Eleni
    Papadaki said"), or None: no reported speech, nobody in particular ("critics"), or a
    speaker that does not end in a name ("Papadaki's office", "a police spokeswoman")."""
    speech = claim.speech
    if speech is None or speech.generic:
        return None
    start, end = speech.speaker_start - claim.start, speech.speaker_end - claim.start
    inside = [m for m in names(claim.features) if start <= m.start and m.end <= end]
    if not inside or inside[-1].end != end:
        return None
    return inside[-1]


def names(features: Features) -> list[Mention]:
    """The sentence's names, a name written with a hyphen as one ("Kwabena Owusu-Mensah",
    which the pipeline reads as two)."""
    joined: list[Mention] = []
    for mention in features.entities:
        last = joined[-1] if joined else None
        if last is not None and features.text[last.end : mention.start] == "-":
            text = features.text[last.start : mention.end]
            joined[-1] = replace(last, id=f"{last.id}-{mention.id}", text=text, end=mention.end)
        else:
            joined.append(mention)
    return joined


def person_id(mention: Mention, labels: Mapping[str, str], lexicon: Lexicon) -> str | None:
    """The id of the person a name names in full (see the module's docstring), or None: the
    knowledge base's id where it knows the name, else the name's words, lower case, joined by
    "_", without a title written in capitals at its head ("giorgos_lambrou")."""
    label = labels.get(mention.id)
    if label is not None:
        return mention.id if label == "PERSON" else None
    words = _WORD.findall(split_title(mention.text)[1])
    if not 2 <= len(words) <= _MOST_WORDS or not all(w[:1].isupper() for w in words):
        return None
    lowered = [w.lower().removesuffix("'s").removesuffix("’s") for w in words]
    bodies = word_set("reading.yaml", "body_words")
    if any(w in bodies or w.removesuffix("s") in bodies or w in lexicon.places for w in lowered):
        return None
    return None if " ".join(lowered) in lexicon.places else "_".join(lowered)


class PeopleNamed:
    """The people a text names in full, read in order, so that a surname told alone later
    ("Kostakis") stands for the one full name it ends ("Yannis Kostakis"); a surname that ends
    two full names stands for neither."""

    def __init__(self, labels: Mapping[str, str], lexicon: Lexicon) -> None:
        self._labels = labels
        self._lexicon = lexicon
        self._by_surname: dict[str, str | None] = {}
        self._written: dict[str, str] = {}

    def read(self, features: Features) -> None:
        """Take in the full names a sentence gives."""
        for mention in names(features):
            person = person_id(mention, self._labels, self._lexicon)
            if person is None:
                continue
            surname = person.split("_")[-1]
            known = self._by_surname.get(surname, person)
            self._by_surname[surname] = person if known == person else None
            self._written.setdefault(person, split_title(mention.text)[1])

    def person(self, mention: Mention) -> str | None:
        """The id of the person a name names: its own for a full name (`person_id`), the full
        name's for a surname told alone, None for a name that is no person's or is
        ambiguous."""
        person = person_id(mention, self._labels, self._lexicon)
        if person is not None:
            return person
        words = _WORD.findall(mention.text.lower())
        if len(words) != 1 or self._labels.get(mention.id, "PERSON") != "PERSON":
            return None
        return self._by_surname.get(words[0])

    def written(self, person: str) -> str:
        """A person's name as the text first writes it in full (its title aside), else as
        their id spells it."""
        return self._written.get(person) or person.replace("_", " ").title()


def people_of(
    texts: Sequence[Features], labels: Mapping[str, str], lexicon: Lexicon
) -> PeopleNamed:
    """The people the texts name in full, read in order."""
    people = PeopleNamed(labels, lexicon)
    for features in texts:
        people.read(features)
    return people


def may_be_one(first: str, second: str) -> bool:
    """Whether two people's ids may name one person: they share a word of their names ("mark
    rutte" and "rutte"; also "mark rutte" and "mark carney", where the two are kept apart only
    at the price of a false accusation)."""
    return bool(set(first.split("_")) & set(second.split("_")))


def speaks_in(person: str, statements: Sequence[Statement]) -> bool:
    """Whether the statements (an article's) record the person as speaking in one of them, by
    a name of theirs ending in the same word ("lena_voss" beside "finance_minister_lena_voss")."""
    surname = person.split("_")[-1]
    return any(s.speaker and s.speaker.split("_")[-1] == surname for s in statements)


def article_speakers(
    claims: Sequence[Claim], labels: Mapping[str, str], lexicon: Lexicon
) -> list[str | None]:
    """The person each sentence of an article reports as speaking, by id, or None: a name,
    a surname told alone for the full name given before it, or "he"/"she" for the speaker of
    the sentence before, or for the one person it names where it reports no one speaking."""
    people = PeopleNamed(labels, lexicon)
    found: list[str | None] = []
    before: str | None = None  # whom the previous sentence's "he" or "she" would be
    for claim in claims:
        people.read(claim.features)
        name = speaker_name(claim)
        speaker = people.person(name) if name is not None and not _a_body(claim) else None
        speech = claim.speech
        if speaker is None and speech is not None and speech.speaker.lower() in _PRONOUNS:
            speaker = before
        found.append(speaker)
        named = {people.person(m) for m in names(claim.features)} - {None}
        before = speaker if speaker is not None else _one_of(named)
    return _quoted_on(claims, found)


_QUOTE_MARKS = '"“”'
_QUOTE_REACH = 4  # sentences a quotation may run on before the one naming its speaker


def _quoted_on(claims: Sequence[Claim], found: list[str | None]) -> list[str | None]:
    """Each sentence that opens a quotation it does not close ('"Seventeen points with eleven
    races left is nothing.') given the speaker of the sentence that closes it ('... It is a
    long season," Fenn said.'), where that one names one."""
    spoken = list(found)
    for at, claim in enumerate(claims):
        if spoken[at] is not None or not _opens(claim.text):
            continue
        for later in range(at + 1, min(at + 1 + _QUOTE_REACH, len(claims))):
            if _marks(claims[later].text) % 2:  # the quotation closes here
                spoken[at] = found[later]
                break
    return spoken


def _opens(text: str) -> bool:
    return text.lstrip()[:1] in _QUOTE_MARKS and _marks(text) % 2 == 1


def _marks(text: str) -> int:
    return sum(text.count(mark) for mark in _QUOTE_MARKS)


def _a_body(claim: Claim) -> bool:
    """Whether the speaker is told of as a body: what it said opens with "it" or "its" ("The
    developer, Northgate Homes, said in a statement that it remained committed"), or it said
    so "in a statement"."""
    speech = claim.speech
    if speech is None:
        return False
    first = speech.content.split(maxsplit=1)[:1]
    between = claim.text[speech.speaker_end - claim.start : speech.content_start - claim.start]
    return first in (["it"], ["its"]) or "in a statement" in between.lower()


def _one_of(people: set[str | None]) -> str | None:
    return next(iter(people)) if len(people) == 1 else None


def claimed_speaker(
    claim: Claim, texts: Sequence[Features], labels: Mapping[str, str], lexicon: Lexicon
) -> str | None:
    """The person the claim names as its speaker, by id, read with the names of `texts` (the
    article a statement comes from: a surname alone is the full name it gives), or None."""
    name = speaker_name(claim)
    if name is None:
        return None
    return people_of([*texts, claim.features], labels, lexicon).person(name)


def unnamed_speaker(features: Features) -> bool:
    """Whether a sentence reports someone speaking by "he" or "she" alone ("He said the council
    would not appeal"): who said it is not in the sentence."""
    verbs = word_set("reading.yaml", "reporting_verbs")
    words = features.words
    return any(
        w.lemma in _PRONOUNS and nxt.lemma in verbs
        for w, nxt in zip(words, words[1:], strict=False)
    )
