"""What a sentence's negations bear on: the word each negates, and whether any negates what
the sentence itself says (not a description inside it: "its policy of not sending")."""

from __future__ import annotations

import itertools

from knowledge.nlp.features import NEGATION_PHRASES, NEGATION_WORDS, Features

# A negation right after one of these qualifies a gerund inside a noun phrase ("its rule on
# not exporting"), which describes something; it does not deny what the sentence says.
_PREPOSITIONS = frozenset({"on", "for", "of", "about", "against", "by", "from", "without"})
# A verb right after one of these is not told as done: an infinitive ("waiting for Turkey to
# approve") or a modal's verb ("could approve").
_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "shall"})
_NOT_DONE_AFTER = _MODALS | {"to"}


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


def phrase_negated_words(features: Features) -> frozenset[str]:
    """The content word each negating phrase bears on: "have yet to approve" (approve),
    "refused to comment" (comment)."""
    found: set[str] = set()
    for phrase in NEGATION_PHRASES.finditer(features.text):
        after = (
            w.lemma
            for w in features.words
            if w.start >= phrase.end() and w.lemma in features.content
        )
        found.update(itertools.islice(after, 1))
    return frozenset(found)


def told_as_done(features: Features) -> frozenset[str]:
    """The content words a sentence tells as so, leaving out those it has only as an
    infinitive or after a modal ("waiting for Turkey to approve", "could approve"): a
    negation of those contradicts nothing it says."""
    words = features.words
    return frozenset(
        w.lemma
        for at, w in enumerate(words)
        if w.lemma in features.content and not (at and words[at - 1].lemma in _NOT_DONE_AFTER)
    )


def under_modal(features: Features, lemma: str) -> bool:
    """Whether the word comes after a modal, negations between left aside ("would not
    shade"): a denial of what would or could be, not of what was done."""
    words = features.words
    for at, word in enumerate(words):
        if word.lemma != lemma:
            continue
        before = [
            w
            for w in words[max(0, at - 3) : at]
            if features.text[w.start : w.end].lower() not in NEGATION_WORDS
        ]
        if before and before[-1].lemma in _MODALS:
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
