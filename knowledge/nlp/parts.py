"""The statements a long sentence makes, each to be judged on its own: its main clause without
the phrases hung on it, each participial or relative phrase with the subject it speaks of,
each coordinated clause, and a title given to a named person (an office held on the day)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from lemminflect import getAllInflections, getAllLemmas
from spacy.language import Language

from knowledge.nlp.claims import Claim, extract_claims
from knowledge.nlp.dates import find_dates
from knowledge.nlp.features import (
    Features,
    Mention,
    name_as_written,
    person_like,
    title_start,
)
from knowledge.nlp.modality import Modality
from knowledge.nlp.titles import role_before
from knowledge.resources import Lexicon, word_set

_MIN_WORDS = 4  # a part shorter than this says too little to judge
_RECENT = timedelta(days=31)  # a title is read as held on the day unless told of older events
# ", becoming ...", ", more than doubling ...": a participle that continues the sentence's
# subject (not a preposition in -ing form: "including", "according").
_PARTICIPLE = re.compile(r",\s+(?:(?:more than|thereby|thus|also|further)\s+)?([a-z]+ing)\b")
_RELATIVE = re.compile(r",\s+(which|who|whose)\s+")
# a comma that ends a phrase: not one within a figure ("who lost £62,000,")
_COMMA = re.compile(r",(?!\d)")
# ", born in Oslo in 1959,": a past participle set beside a name, told of it
_APPOSITIVE = re.compile(r",\s+(?=(?:[a-z]+-)?([a-z]+)\b)")
# where such a phrase ends: a comma that does not go on with a date's year or a place ("born
# on February 14, 1967, in The Hague, ...")
_PHRASE_END = re.compile(r",(?!\s*(?:\d{4}|in|at|near)\b)")
# ", NATO's 31st member,", ", a former Norwegian foreign minister,": a noun phrase set beside
# a name, telling what it is; the sentence goes on with a word in lower case ("took part").
_DESCRIBED = re.compile(
    r",\s+((?:the|a|an|its|their|[A-Z][\w.'’-]*['’]s)\s+[^,;:()–—\"“”]+?),\s+(?=[a-z])"
)
_LIST_GOES_ON = re.compile(r"\s*(?:and|or|nor|as well as)\b")
# a phrase that tells a time, not what the name is ("on Saturday, a day after the anniversary,")
_TIME_WORDS = frozenset(
    {"after", "before", "ago", "later", "earlier", "since", "until", "following", "day", "week"}
)
# A clause of its own: after a semicolon, or a comma and a word that joins clauses, with a
# subject of its own ("..., but Turkey objected").
_CLAUSE = re.compile(r";\s+|,\s+(?:but|while|whereas|and)\s+(?=(?:[A-Z]|he |she |it |they |we ))")
# ", when Prime Minister Ulf Kristersson deposited ...": a clause of its own after "when" or
# "after" is one with a named subject ("when they were" may lean on the clause before for
# what it tells), not a date ("after March 14, 2020" bounds the clause before it, which says
# less without it); split only where each side says enough to judge
_WHEN_CLAUSE = re.compile(
    r",\s+(?:when|after)\s+(?=[A-Z])(?!(?:"
    + "|".join(m for m in calendar.month_name[1:] + calendar.day_name[:])
    + r")\b)"
)
_WORD = re.compile(r"[A-Za-z0-9'’-]+")
# Between a title and the name it is given: "NATO Secretary General Jens Stoltenberg",
# "Jens Stoltenberg, NATO's secretary general,".
_TITLE_BEFORE = re.compile(r"\s+")
_TITLE_AFTER = re.compile(r",\s+(?:the\s+)?")
# "The NATO Secretary General, Jens Stoltenberg, said": the name set off after its title
_TITLE_SET_OFF = re.compile(r",\s+")
_TITLE_SINCE = re.compile(
    r"\s+(since\s+[^,;:()–—]+?)\s*(?=[,;:()–—]|$)"
)  # "..., chief since 2014,"


@dataclass(frozen=True, slots=True)
class Parts:
    """The statements a claim makes beyond itself, read as claims: `clauses` together say
    all the sentence says (its main clause and the phrases hung on it); `titles` are offices
    it gives named people, said in passing."""

    clauses: tuple[Claim, ...] = ()
    titles: tuple[Claim, ...] = ()


def part_claims(
    claim: Claim, nlp: Language, reference: date, lexicon: Lexicon, *, dated: bool
) -> Parts:
    """A claim's parts: its clauses and phrases when it asserts them in its own voice, and
    the titles it gives named people when it speaks of the article's day (`dated`: the
    reference date is the article's own, from its dateline or its publisher; a title in a
    report of older events is the title then)."""
    own = _own_assertion(claim)
    clauses = clause_parts(claim.features) if own else []
    # a phrase hung on a name that dates something is the writer's own even when the main
    # clause is not ("Rutte, who was born in 1967, will take over"): said in passing, it can
    # be wrong, not back the whole
    passing = [p for p in _writers_phrases(claim) if _dates_something(p)] if not own else []
    titles = (
        title_parts(claim.features) + description_parts(claim.features)
        if dated and _of_the_day(claim, reference)
        else []
    )
    return Parts(
        tuple(_read(clauses, claim, nlp, reference, lexicon)),
        tuple(_read(list(dict.fromkeys(passing + titles)), claim, nlp, reference, lexicon)),
    )


def _read(
    texts: list[str], claim: Claim, nlp: Language, reference: date, lexicon: Lexicon
) -> Iterator[Claim]:
    """Each text read as a claim, its pronouns resolved among the whole sentence's names."""
    context = claim.features.context_entities + claim.features.entities
    for text in texts:
        for part in extract_claims(nlp(text), reference, lexicon, nlp=nlp):
            if part.check_worthy:
                features = replace(part.features, context_entities=context)
                yield replace(part, features=features)


def _writers_phrases(claim: Claim) -> list[str]:
    """The phrases hung on names in the writer's own words: all of them where no one else is
    reported, and where someone is, those before what they said ("Rutte, who took office in
    October, said that ...": the phrase tells of the speaker, it is not what he said)."""
    if claim.question:
        return []
    speech = claim.speech
    if speech is None:
        return phrase_parts(claim.features)
    said = speech.content_start - claim.start
    if speech.speaker_start >= speech.content_start or said <= 0:
        return []  # "..., Rutte said": what comes first is the speaker's
    return phrase_parts(claim.features, upto=said)


def _own_assertion(claim: Claim) -> bool:
    return claim.modality == Modality.ASSERTED and _writer_speaks(claim)


def _dates_something(text: str) -> bool:
    """Whether a phrase gives a day, a month or a year on the calendar."""
    return any(d.kind == "date" and d.value is not None for d in find_dates(text))


def _writer_speaks(claim: Claim) -> bool:
    """Whether the sentence is the writer's own words: no one else's speech, no question."""
    return claim.speech is None and not claim.question


def _of_the_day(claim: Claim, reference: date) -> bool:
    """Whether the claim speaks of the reference day, leaving aside when a title it gives
    was taken ("Rutte, NATO Secretary General since 2021, said ..."): that date is the
    title's start, not the day of what the sentence tells."""
    if claim.historical:
        return False
    features = claim.features
    return all(
        d.value.first_day() >= reference - _RECENT
        for d in features.calendar_dates
        if d.value and not title_start(features, d)
    )


def clause_parts(features: Features) -> list[str]:
    """The statements `features.text` makes beyond itself, each as a sentence of its own:
    empty when it makes one statement."""
    text = features.text.strip()
    found: list[str] = []
    main, phrases = _without_phrases(text, features.entities)
    if phrases:
        found.append(main)
        found.extend(phrases)
    for clause in _CLAUSE.split(main):
        if clause != main:
            found.append(_sentence(clause))
    told = _WHEN_CLAUSE.split(main)
    if len(told) > 1 and all(_long_enough(clause) for clause in told):
        found.extend(_sentence(clause) for clause in told)
    found += _shared_subject(main, features.entities)
    return [p for p in dict.fromkeys(found) if _long_enough(p) and p != text]


def _shared_subject(text: str, names: tuple[Mention, ...]) -> list[str]:
    """A sentence that opens with a name and tells two acts joined by "and", each in the past
    and the second right after "and" (an adverb aside) with an article, a pronoun, a
    preposition or a figure after it: each act told of the name ("Sweden applied to join NATO
    in May 2022 and formally became its 32nd member on 7 March 2024"). Not "sent tanks and
    armoured vehicles": a verb form before a noun may be a word of the noun."""
    subject = _subject(text, names)
    if not subject:
        return []
    for joined in _AND_ACT.finditer(text):
        verb, after = joined.group(2), joined.group(3)
        if not _past_form(verb) or not any(
            _past_form(w) for w in _WORD.findall(text[: joined.start()])
        ):
            continue
        if after.lower() not in _AFTER_ACT and not after[:1].isdigit():
            continue
        second = text[joined.start(1) :] if joined.group(1) else text[joined.start(2) :]
        return [_sentence(text[: joined.start()]), _sentence(f"{subject} {second}")]
    return []


# " and formally became the", " and joined the": the second act of a subject told twice
_AND_ACT = re.compile(r"\s+and\s+([a-z]+ly\s+)?([a-z]+)\s+([A-Za-z0-9'’]+)")
_AFTER_ACT = frozenset(
    "the a an its their his her this that these those it them him us".split()
    + "on in at to from for by with as".split()
)


def _past_form(word: str) -> bool:
    """Whether a word is the past tense of a verb ("became", "joined")."""
    lowered = word.lower()
    return any(
        lowered in getAllInflections(lemma, upos="VERB").get("VBD", ())
        for lemma in getAllLemmas(lowered, upos="VERB").get("VERB", ())
    )


def phrase_parts(features: Features, *, upto: int | None = None) -> list[str]:
    """The participial and relative phrases hung on the sentence's names, each told of the
    name as a sentence of its own (`upto`: only in the text before that offset)."""
    text = features.text.strip() if upto is None else features.text[:upto]
    phrases = _without_phrases(text, features.entities)[1]
    return [p for p in dict.fromkeys(phrases) if _long_enough(p) and p != text.strip()]


def title_parts(features: Features, *, label: str = "ROLE") -> list[str]:
    """ "<person> is the <title>." for each title the sentence gives a named person
    ("NATO Secretary General Jens Stoltenberg said ..."), unless it is one held before
    ("former", "then")."""
    return list(dict.fromkeys(_titles(features, label)))


def description_parts(features: Features) -> list[str]:
    """ "<name> is <description>." for each noun phrase set in commas beside a name ("Sweden,
    NATO's 31st member, took part ..."): what the sentence says the name is, said in passing.
    Not an item of a list ("Sweden, the Netherlands and Belgium"), nor a phrase with a verb
    of its own."""
    text = features.text.strip()
    found = []
    for described in _DESCRIBED.finditer(text):
        antecedent = _antecedent(text, described.start(), features.entities)
        phrase = described.group(1)
        words = _WORD.findall(phrase.lower())
        if (
            not antecedent
            or _LIST_GOES_ON.match(text, described.end())
            or " and " in f" {phrase} "
            or any(w in _TIME_WORDS for w in words)
        ):
            continue
        found.append(_sentence(f"{antecedent} is {phrase}"))
    return [p for p in dict.fromkeys(found) if _long_enough(p)]


def _without_phrases(text: str, names: tuple[Mention, ...]) -> tuple[str, list[str]]:
    """The sentence without its participial tail and its non-restrictive relative phrases,
    and each of those told of the subject it speaks of."""
    phrases: list[str] = []
    main = text
    tail = next((m for m in _PARTICIPLE.finditer(main) if _is_participle(m.group(1))), None)
    subject = _subject(main, names)
    if tail is not None and subject:
        phrases.append(_sentence(f"{subject} {main[tail.start(1) :]}"))
        main = _sentence(main[: tail.start()])
    for relative in reversed(list(_RELATIVE.finditer(main))):
        antecedent = _antecedent(main, relative.start(), names, titled=True)
        ended = _COMMA.search(main, relative.end())
        end = ended.start() if ended else len(main)
        if antecedent:
            owner = f"{antecedent}'s" if relative.group(1) == "whose" else antecedent
            phrases.append(_sentence(f"{owner} {main[relative.end() : end]}"))
            main = _sentence(main[: relative.start()] + main[end + 1 :])
    for appositive in reversed(list(_APPOSITIVE.finditer(main))):
        antecedent = _antecedent(main, appositive.start(), names)
        if not antecedent or appositive.group(1) not in _appositive_participles():
            continue
        ended = _PHRASE_END.search(main, appositive.end())
        end = ended.start() if ended else len(main)
        phrases.append(_sentence(f"{antecedent} was {main[appositive.end() : end]}"))
        main = _sentence(main[: appositive.start()] + main[end + 1 :])
    return main, phrases


def _appositive_participles() -> frozenset[str]:
    return word_set("reading.yaml", "appositive_participles")


def _is_participle(word: str) -> bool:
    return word not in word_set("reading.yaml", "not_participles") and len(word) > 5


def _subject(text: str, names: tuple[Mention, ...]) -> str:
    """The name the sentence opens with, if it opens with one."""
    first = min(names, key=lambda m: m.start, default=None)
    if first is None or text[: first.start].strip(" \"“'"):
        return ""
    return text[first.start : first.end]


def _antecedent(text: str, comma: int, names: tuple[Mention, ...], *, titled: bool = False) -> str:
    """The name right before ", which": what the relative phrase tells of; `titled`: with
    the title right before a person's name and the words that date it ("NATO Secretary
    General Mark Rutte, who took office on 1 October 2024,", "Former NATO chief Jens
    Stoltenberg, who stepped down in 2024,": the office taken or left is that one), unless
    it is an office below or beside the one named ("deputy", "acting")."""
    name = next((m for m in names if m.end == comma), None)
    if name is None:
        return ""
    role = role_before(text, names, name) if titled and person_like(name, name.label) else None
    if role is None or below_office(text, role.start):
        return text[name.start : name.end]  # untitled, or "deputy NATO Secretary General"
    start = role.start
    past = word_set("reading.yaml", "past_titles")
    for word in reversed(list(_WORD.finditer(text[: role.start]))):
        said = word.group(0).lower().replace("’", "'")
        if text[word.end() : start].strip() or not (said in past or said.startswith("ex-")):
            break  # punctuation between, or a word that does not date the title
        start = word.start()
    return text[start : name.end]


def _titles(features: Features, label: str) -> Iterator[str]:
    text = features.text
    roles = [m for m in features.entities if m.label == label]
    people = [m for m in features.entities if person_like(m, m.label)]
    for role in roles:
        for person in people:
            gap = (
                text[role.end : person.start]
                if role.end <= person.start
                else text[person.end : role.start]
            )
            joined = _TITLE_BEFORE if role.end <= person.start else _TITLE_AFTER
            if role.end <= person.start and _TITLE_SET_OFF.fullmatch(gap):
                joined = _TITLE_SET_OFF if _closed(text, person.end) else _TITLE_BEFORE
            if joined.fullmatch(gap) and not held_before(text, min(role.start, person.start)):
                name, title = name_as_written(text, person), text[role.start : role.end]
                since = _TITLE_SINCE.match(text, role.end) if role.end > person.end else None
                if since is not None:  # "Rutte, NATO Secretary General since 2021, said"
                    yield f"{name} has been the {title} {since.group(1)}."
                else:
                    article = "" if re.search(r"['’]s\b", title) else "the "
                    yield f"{name} is {article}{title}."  # "is South Korea's president"


def _closed(text: str, end: int) -> bool:
    """Whether a name set off after its title is closed by a comma or ends the sentence."""
    rest = text[end:].lstrip()
    return rest[:1] in (",", ".", "") and not rest.startswith((", and", ",and"))


def held_before(text: str, start: int) -> bool:
    """Whether the words just before a title mark it as one held in the past ("former",
    "then", "ex-") or as one below or beside the office ("deputy", "acting")."""
    past = word_set("reading.yaml", "past_titles")
    return below_office(text, start) or any(
        w in past or w.startswith("ex-") for w in _before_title(text, start)
    )


def below_office(text: str, start: int) -> bool:
    """Whether the words just before a title make it an office below or beside the one it
    names ("deputy NATO Secretary General", "acting president")."""
    below = word_set("reading.yaml", "office_below")
    return any(w in below for w in _before_title(text, start))


def _before_title(text: str, start: int) -> list[str]:
    """The (at most three) words just before a title, lower case."""
    return _WORD.findall(text[max(0, start - 40) : start].lower().replace("’", "'"))[-3:]


def _sentence(text: str) -> str:
    text = text.strip().rstrip(",;:").strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _long_enough(text: str) -> bool:
    return len(_WORD.findall(text)) >= _MIN_WORDS
