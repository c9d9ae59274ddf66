"""What a sentence's negations bear on: the word each negates, and whether any negates what
the sentence itself says (not a description inside it: "its policy of not sending")."""

from __future__ import annotations

import itertools
import re

from knowledge.nlp.features import (
    MODALS,
    NEGATION_PHRASES,
    NEGATION_WORDS,
    REPORTING_VERBS,
    Features,
    Word,
)
from knowledge.resources import word_set

# A negation right after one of these qualifies a gerund inside a noun phrase ("its rule on
# not exporting"), which describes something; it does not deny what the sentence says.
_PREPOSITIONS = frozenset({"on", "for", "of", "about", "against", "by", "from", "without"})
# A verb right after one of these is not told as done: an infinitive ("waiting for Turkey to
# approve") or a modal's verb ("could approve").
_NOT_DONE_AFTER = MODALS | {"to"}
_AUXILIARIES = frozenset({"be", "have", "get"})


def negated_words(features: Features) -> frozenset[str]:
    """The content words the sentence's own negations bear on: the first content word after
    each "not", "never" or "no" ("was not exporting weapons": export), quoted words included."""
    found: set[str] = set()
    words = features.words
    for at, word in enumerate(words):
        if features.text[word.start : word.end].lower() not in NEGATION_WORDS:
            continue
        if at and words[at - 1].lemma in _PREPOSITIONS:
            continue
        after = (w.lemma for w in words[at + 1 : at + 4] if w.lemma in features.content)
        found.update(itertools.islice(after, 1))
    return frozenset(found)


def deprived(features: Features) -> list[Word]:
    """The content words a sentence says are lost or lacking, the first after a verb such as
    "lost" or "lacked" ("1.3 million households lost power": power): "left without power"
    retells it, it does not deny it (`privative_verbs` in data/reading.yaml)."""
    verbs = word_set("reading.yaml", "privative_verbs")
    words = features.words
    found: list[Word] = []
    for at, word in enumerate(words):
        if word.lemma in verbs:
            after = (w for w in words[at + 1 : at + 4] if w.lemma in features.content)
            found.extend(itertools.islice(after, 1))
    return found


# Negations that deny one thing a sentence tells of ("with no water", "did not stop"); "nobody",
# "nothing" and the like deny the whole of what follows ("Nobody said ...").
_PLAIN = frozenset({"not", "n't", "no", "never", "without"})
_NOUN_NEGATIONS = frozenset({"no", "without"})  # deny a thing ("no pay rise"), not an act
_OPENING = 2  # a negation among a sentence's first words denies it whole ("Not true: ...")


def plainly_negated(features: Features) -> frozenset[str] | None:
    """The content words the sentence's negations bear on, where each is a plain "not", "no",
    "never" or "without" past the sentence's opening words and bears on a content word
    ("sleeping on concrete with no water": water); None where a negation may deny the whole
    sentence ("No one said ...", "Nobody ...", "refused to ...") or bears on no content
    word."""
    own = [n for n in features.negations if n.lower() in NEGATION_WORDS]
    if len(own) < len(features.negations):
        return None  # a phrase: "refused to", "denied"
    words = features.words
    found: set[str] = set()
    for at, word in enumerate(words):
        said = features.text[word.start : word.end].lower()
        if said not in NEGATION_WORDS:
            continue
        if said not in _PLAIN or at < _OPENING:
            return None
        after = [w.lemma for w in words[at + 1 : at + 4] if w.lemma in features.content]
        if not after:
            return None
        found.add(after[0])
    return frozenset(found) or None


# What a denial denies when it denies a report: what the report says, after "that" ("denied a
# report in a weekly newspaper that the institute had changed its methodology").
_DENIED_REPORT = re.compile(
    r"(?:\s+[\w'’]+){0,6}?\s+(?:claims?|reports?|allegations?|suggestions?|accusations?"
    r"|rumou?rs?|charges|speculation)(?:\s+[\w'’]+){0,4}?\s+that\b",
    re.IGNORECASE,
)


def denied_words(features: Features) -> frozenset[str]:
    """What the sentence's negations deny: the first content word after each negation
    ("was not exporting weapons": export; "have yet to approve": approve), and after a
    reporting verb also the word it reports ("didn't report a decline": report, decline)."""
    words = features.words
    said = [features.text[w.start : w.end].lower() for w in words]
    after: list[int] = [
        at + 1
        for at, word in enumerate(words)
        if said[at] in NEGATION_WORDS and not (at and words[at - 1].lemma in _PREPOSITIONS)
    ]
    nouns = {start for start in after if said[start - 1] in _NOUN_NEGATIONS}
    for phrase in NEGATION_PHRASES.finditer(features.text):
        end = phrase.end()
        report = _DENIED_REPORT.match(features.text, end)
        if report is not None:  # "denied a report in a weekly newspaper that X": X
            end = report.end()
        after.append(next((i for i, w in enumerate(words) if w.start >= end), len(words)))
    found: set[str] = set()
    for start in after:
        first = next(
            (
                i
                for i in range(start, min(start + 4, len(words)))
                if words[i].lemma in features.content
            ),
            None,
        )
        if first is None:
            continue
        if start in nouns:  # "without a pay cut" denies a cut: the noun ends the run
            first = _head_of_run(features, first)
        found.add(words[first].lemma)
        if words[first].lemma in REPORTING_VERBS:  # "didn't report anything about a decline"
            reported = (
                w.lemma for w in words[first + 1 : first + 7] if w.lemma in features.content
            )
            found.update(itertools.islice(reported, 1))
    return frozenset(found)


_PREDICATE_REACH = 7  # words from a negated thing to the verb told of it
# the words between a negated thing and its verb ("no jobs will be lost"), as written
_BEFORE_THE_VERB = frozenset(
    {"will", "would", "be", "is", "are", "was", "were", "been", "being", "has", "have", "had"}
)


def denied_predicates(features: Features) -> frozenset[str]:
    """What a sentence denies of a thing it negates as a noun, the verb told of it right
    after ("no jobs will be lost": lose; "no one was injured": injure): "no" bears on that
    act, which a sentence that tells of the same thing with another verb ("jobs will be
    protected") neither retells nor contradicts."""
    words, said = features.words, [features.text[w.start : w.end].lower() for w in features.words]
    found: set[str] = set()
    for at, word in enumerate(said):
        if word != "no" or at + 1 >= len(words):
            continue
        head = _head_of_run(features, at + 1) if words[at + 1].lemma in features.content else at
        # the thing may be told more of before its verb ("no flights to other European
        # cities would be cancelled"), within its clause
        end = min(head + _PREDICATE_REACH, len(words))
        first = next((i for i in range(head + 1, end) if said[i] in _BEFORE_THE_VERB), None)
        if first is None or "," in features.text[words[head].end : words[first].start]:
            continue
        run = itertools.takewhile(lambda i: said[i] in _BEFORE_THE_VERB, range(first, end))
        verb = first + len(list(run))
        if verb < len(words) and words[verb].lemma in features.content:
            found.add(words[verb].lemma)
    return frozenset(found)


def _head_of_run(features: Features, first: int) -> int:
    """The last of the content words that follow each other from `first`, with nothing but
    a space between ("pay cut" in "without a pay cut, staff"): a noun phrase's head."""
    words, text = features.words, features.text
    last = first
    while (
        last + 1 < len(words)
        and words[last + 1].lemma in features.content
        and not text[words[last].end : words[last + 1].start].strip()
    ):
        last += 1
    return last


def told_as_done(features: Features) -> frozenset[str]:
    """The content words a sentence tells as so, leaving out those it has only as an
    infinitive or after a modal ("waiting for Turkey to approve", "could approve"): a
    negation of those contradicts nothing it says."""
    words = features.words
    return frozenset(
        w.lemma
        for at, w in enumerate(words)
        if w.lemma in features.content and not _after_marker(words, at)
    )


def _after_marker(words: tuple[Word, ...], at: int) -> bool:
    """Whether the word at `at` follows "to" or a modal, auxiliaries between left aside
    ("has to be passed", "could have voted")."""
    before = at - 1
    while before >= 0 and words[before].lemma in _AUXILIARIES:
        before -= 1
    return before >= 0 and words[before].lemma in _NOT_DONE_AFTER


def under_modal(features: Features, lemma: str) -> bool:
    """Whether the word comes after a modal, negations and the auxiliaries of a passive or
    perfect between left aside ("would not shade", "will not be raised"): a denial of what
    would or could be, not of what was done."""
    words = features.words
    for at, word in enumerate(words):
        if word.lemma != lemma:
            continue
        before = [
            w
            for w in words[max(0, at - 4) : at]
            if features.text[w.start : w.end].lower() not in NEGATION_WORDS
            and w.lemma not in _AUXILIARIES  # "will not be raised", "would not have shaded"
        ]
        if before and before[-1].lemma in MODALS:
            return True
    return False


def denies_itself(features: Features) -> bool:
    """Whether the sentence's negation bears on what it says: it is negated, and not only by
    negations that qualify a gerund after a preposition."""
    if not features.negated:
        return False
    own = [n for n in features.negations if n in NEGATION_WORDS]
    if len(own) < len(features.negations):
        return True  # a phrase: "yet to", "refused to"
    return bool(negated_words(features))
