"""What a sentence's negations bear on: the word each negates, and whether any negates what
the sentence itself says (not a description inside it: "its policy of not sending")."""

from __future__ import annotations

import itertools

from knowledge.nlp.features import NEGATION_WORDS, Features

# A negation right after one of these qualifies a gerund inside a noun phrase ("its rule on
# not exporting"), which describes something; it does not deny what the sentence says.
_PREPOSITIONS = frozenset({"on", "for", "of", "about", "against", "by", "from", "without"})


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


def denies_itself(features: Features) -> bool:
    """Whether the sentence's negation bears on what it says: it is negated, and not only by
    negations that qualify a gerund after a preposition."""
    if not features.negated:
        return False
    own = [n for n in features.negations if n in NEGATION_WORDS]
    if len(own) < len(features.negations):
        return True  # a phrase: "yet to", "refused to"
    return bool(negated_words(features))
