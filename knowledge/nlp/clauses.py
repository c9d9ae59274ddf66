"""Clauses of a sentence and whom they tell of: where a clause begins and ends, and whether a
word a sentence uses stands in a clause about others than a claim names ("Isamaa won ...,
after Prime Minister Liisa Mägi's Reform Party slumped to second place": the slump is
Reform's, not Isamaa's)."""

from __future__ import annotations

import re

from knowledge.nlp.features import CLAUSE_MARKS, Features, Mention

Span = tuple[int, int]

WORD = re.compile(r"[a-z0-9][a-z0-9.'-]*[a-z0-9]|[a-z0-9]")
_CONTRAST = re.compile(CLAUSE_MARKS.pattern + r"|\b(?:but|while|whereas|although|though)\b")


def clause_bounds(text: str, span: Span, *, contrast: bool = False) -> Span:
    """The bounds of the clause a span lies in: from the mark before it to the mark after it
    (a comma, a semicolon, a colon, a bracket or a dash; with `contrast`, also a word that
    sets one clause against another: "found guilty of fraud but acquitted of ...")."""
    marks = _CONTRAST if contrast else CLAUSE_MARKS
    opening = max((m.end() for m in marks.finditer(text, 0, span[0])), default=0)
    closing = next((m.start() for m in marks.finditer(text, span[1])), len(text))
    return opening, closing


def name_words(mention: Mention) -> frozenset[str]:
    """The words of one name, lower-cased."""
    return frozenset(WORD.findall(mention.text.lower().replace("’", "'")))


def told_of_another(claim: Features, word: str, used: str, sentence: Features) -> bool:
    """Whether the sentence uses `used` (the claim's `word`, or a word set against it) only
    in clauses (bounded also by "whereas", "but", "while") that name only others than the
    claim names, where the claim's subject, whom it tells of before its word, stands in
    another clause of the sentence: a name it gives there ("University Hospital Limerick
    recorded the longest waits, whereas Cork University Hospital ..."), or, where it names
    nobody there, a word it describes its subject by ("The conservative party" beside "The
    conservative Isamaa party won ..., after ... Reform Party slumped")."""
    mine = [name_words(m) for m in claim.entities]
    at = next((w.start for w in claim.words if w.lemma == word), len(claim.text))
    subjects = [name_words(m) for m in claim.entities if m.end <= at]
    described = frozenset(w.lemma for w in claim.words if w.end <= at and w.lemma in claim.content)
    uses = [w for w in sentence.words if w.lemma == used]
    if not (subjects or described) or not uses:
        return False

    def claimed(words: frozenset[str], names: list[frozenset[str]] = mine) -> bool:
        return any(words <= m or m <= words for m in names)

    for use in uses:
        start, end = clause_bounds(sentence.text, (use.start, use.end), contrast=True)
        inside = [name_words(m) for m in sentence.entities if start <= m.start < end]
        outside = [name_words(m) for m in sentence.entities if not start <= m.start < end]
        if not inside or any(claimed(n) for n in inside):
            return False
        if subjects and not any(claimed(n, subjects) for n in outside):
            return False
        if not subjects:
            inner = {w.lemma for w in sentence.words if start <= w.start < end}
            outer = {w.lemma for w in sentence.words if not start <= w.start < end}
            if not described & (outer - inner):
                return False  # nothing the claim describes its subject by is told apart
                # from the used word's clause ("The prime minister's party" beside "after
                # Prime Minister Anna Ozola's Unity party slumped")
    return True
