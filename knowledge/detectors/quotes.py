"""Quote detector: quoted words that differ from the recorded quote, or the wrong speaker."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Mention, QuoteMention, content_lemmas
from knowledge.nlp.speakers import may_be_one, people_of, speaks_in
from knowledge.resources import word_set

_SAME_WORDS = 95.0
_SAME_QUOTE = 70.0
_QUOTED_SHARE = 0.6  # of a quotation's words the recorded quote must give, in order


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    quoted = [m for m in matches if m.statement.quote]
    for quote in claim.features.quotes:
        if len(quote.text.split()) < 4:
            continue
        best, score = _closest(quote, quoted)
        if best is None or score < _SAME_QUOTE:
            continue
        recorded_quote = best.statement.quote or ""
        changed = _changed(quote.text, recorded_quote)
        if changed or score < _SAME_WORDS and _differs(quote.text, recorded_quote):
            told = f" (“{changed[0]}” for “{changed[1]}”)" if changed else ""
            return [
                Finding(
                    FindingKind.MISQUOTE,
                    f"Misquoted{told}: the recorded words are “{recorded_quote}”.",
                    (Evidence.of(best.statement),),
                )
            ]
        speaker = _speaker(claim, quote)
        recorded = best.statement.speaker
        if speaker and recorded and _another(speaker, recorded, best, context):
            who = context.entity_names.get(recorded) or people_of(
                [best.features], context.entity_labels, context.lexicon
            ).written(recorded)
            return [
                Finding(
                    FindingKind.MISATTRIBUTION,
                    f"Attributes these words to {speaker.text}, but they were said by {who}.",
                    (Evidence.of(best.statement),),
                )
            ]
    return []


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _closest(quote: QuoteMention, quoted: list[Match]) -> tuple[Match | None, float]:
    scored = [
        (m, fuzz.partial_ratio(_normal(quote.text), _normal(m.statement.quote or "")))
        for m in quoted
    ]
    return max(scored, key=lambda pair: pair[1], default=(None, 0.0))


def _differs(said: str, recorded: str) -> bool:
    """Material difference: content words added, or a negation added or left out."""
    mine, theirs = _quote_words(said), _quote_words(recorded)
    negations = {"not", "never", "no"}
    added = bool(negations & set(mine)) and not negations & set(theirs)
    # a negation left out changes it, unless an ellipsis says words were left out
    dropped = bool(negations & set(theirs)) and not negations & set(mine)
    skipped = "..." in said or "…" in said
    return added or dropped and not skipped or bool(content_lemmas(mine) - content_lemmas(theirs))


def _changed(said: str, recorded: str) -> tuple[str, str] | None:
    """The first words of a quotation that bear on its meaning (a content word, a quantifier,
    a modal, a negation) and stand where the recorded quote has others, or that it adds,
    within the stretch of the recorded words it quotes: "Few NATO allies" for "Several NATO
    allies", however alike the rest. Words it leaves out are not counted (a quote may skip
    words, "…"), nor words it adds before or after the recorded quote (the record may keep a
    part of a longer quote; there only a word told in place of one counts), nor an editor's
    words in square brackets, a spelling variant ("realised", "realized"), a contraction
    ("don't", "do not") or a word of no such weight ("those" for "these")."""
    mine, theirs = _quote_words(said), _quote_words(recorded)
    matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < _QUOTED_SHARE * len(mine):
        return None  # another quotation, not this one told with words changed
    first, last = blocks[0], blocks[-1]
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        added, replaced = mine[i1:i2], theirs[j1:j2]
        inside = first.a <= i1 and i2 <= last.a + last.size
        if tag not in ("replace", "delete") or tag == "delete" and not inside:
            continue  # the same words, words left out, or words beyond the recorded quote
        if tag == "replace" and (len(added) == len(replaced) or not inside):
            # one word in place of another; at either end of the quote, the words next to
            # the stretch both give ("their policies" beside "their policy because they")
            ending = i1 > last.a
            near = (added, replaced) if ending or inside else (added[::-1], replaced[::-1])
            pairs = list(zip(*near, strict=False))
            pairs = [(a, b) for a, b in pairs if _spelling(a) != _spelling(b)]
            if any(_weighs(a) or _weighs(b) for a, b in pairs):
                return _shown(pairs[0][0]), _shown(pairs[0][1])
            continue
        if any(_weighs(w) for w in added + replaced):
            return " ".join(map(_shown, added)), " ".join(map(_shown, replaced)) or "nothing"
    return None


def _shown(word: str) -> str:
    return "I" if word == "i" else word


def _weighs(word: str) -> bool:
    """A content word, or a function word that bears on what a quotation says
    (`weighty_quote_words` in data/reading.yaml)."""
    return word in word_set("reading.yaml", "weighty_quote_words") or bool(content_lemmas([word]))


_BRACKETED = re.compile(r"\[[^\]]*\]")
_CONTRACTIONS = (
    ("won't", "will not"),
    ("can't", "can not"),
    ("cannot", "can not"),
    ("n't", " not"),
    ("'re", " are"),
    ("'ll", " will"),
    ("'ve", " have"),
    ("'m", " am"),
)
_NUMBERS = dict(
    zip(
        "zero one two three four five six seven eight nine ten".split(),
        map(str, range(11)),
        strict=True,
    )
)
# Endings spelt two ways (British, American): each pair's first is written as its second.
_ENDINGS = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("ence", "ense"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("lled", "led"),
    ("lling", "ling"),
    ("mme", "m"),
    ("mmes", "ms"),
    ("ogue", "og"),
)


def _quote_words(text: str) -> list[str]:
    """A quotation's words, lower-cased, contractions spelt out, small numbers as figures,
    square brackets and punctuation left out."""
    text = _BRACKETED.sub(" ", text.lower().replace("’", "'").replace("per cent", "percent"))
    for short, long in _CONTRACTIONS:
        text = text.replace(short, long)
    words = re.findall(r"[\w']+|%", text)
    return [_NUMBERS.get(w, "percent" if w == "%" else w.removesuffix("'s")) for w in words]


def _spelling(word: str) -> str:
    """One spelling of a word written two ways ("realised", "realized")."""
    for british, american in _ENDINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


def _speaker(claim: Claim, quote: QuoteMention) -> Mention | None:
    """The person the claim credits with the quote: a name outside the quotation marks."""
    outside = [
        m
        for m in claim.features.entities
        if m.label in ("PERSON", "PROPN") and not (quote.start <= m.start < quote.end)
    ]
    return min(outside, key=lambda m: abs(m.start - quote.end), default=None)


def _another(speaker: Mention, recorded: str, best: Match, context: CheckContext) -> bool:
    """Whether the claim credits the quote to someone other than the recorded speaker: a name
    that cannot be theirs; where the quote was learned from an article, a person that article
    reports speaking (a surname told alone is the full name it gives), not a body speaking for
    them."""
    if may_be_one(speaker.id, recorded):
        return False
    record = context.record_of(best.statement)
    if record is None:
        return True
    claimed = people_of(record.features, context.entity_labels, context.lexicon).person(speaker)
    return (
        claimed is not None
        and not may_be_one(claimed, recorded)
        and speaks_in(claimed, record.statements)
    )
