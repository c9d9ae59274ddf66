"""Swap detector: the same statement with a different person, place, organisation or number."""

from __future__ import annotations

import re

from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Mention, NumberMention, same_number

_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "PROPN"})


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    for match in matches[:3]:
        words = match.words_only(match.shared)
        statement_words = match.words_only(match.statement_concepts)
        if len(words) < 3 or len(words) / max(1, len(statement_words)) < 0.5:
            continue
        finding = _entity_swap(claim, match, context) or _number_swap(claim, match)
        if finding:
            return [finding]
    return []


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return a in _NAMED
    return "PROPN" in (a, b) and {a, b} <= _NAMED


def _entity_swap(claim: Claim, match: Match, context: CheckContext) -> Finding | None:
    mine = claim.features.entity_ids | {m.id for m in claim.features.context_entities}
    theirs = match.statement_entities
    record = context.record_of(match.statement)
    told = _folded_words(record.words) if record else frozenset()
    claim_only = [m for m in claim.features.entities if m.id not in theirs
                  and not (told and _told(m, told))]
    record_only = [m for m in match.features.entities if m.id not in mine and
                   not _mentioned(m, claim.text)]
    for said in claim_only:
        for recorded in record_only:
            if _compatible(context.label(said), context.label(recorded)):
                return Finding(
                    FindingKind.SWAP,
                    f"Names {said.text} where the record has {recorded.text}.",
                    (Evidence.of(match.statement),),
                )
    return None


def _folded_words(words: frozenset[str]) -> frozenset[str]:
    return words | {w.replace(".", "") for w in words}


def _told(mention: Mention, words: frozenset[str]) -> bool:
    """The statement's source article names this too: another part of it, not a swap."""
    parts = [w.replace(".", "") for w in re.findall(r"[\w.'-]+", mention.text.lower())]
    return all(p.removesuffix("'s") in words for p in parts if p)


def _mentioned(mention: Mention, text: str) -> bool:
    return mention.text.lower() in text.lower()


def _number_swap(claim: Claim, match: Match) -> Finding | None:
    recorded = match.features.numbers
    for said in claim.features.numbers:
        same_unit = [n for n in recorded if n.unit == said.unit]
        if same_unit and all(not _equal(said, n) for n in same_unit):
            return Finding(
                FindingKind.SWAP,
                f"Says “{_as_written(claim.text, said.start, said.end)}” where the record has "
                f"“{_as_written(match.statement.text, same_unit[0].start, same_unit[0].end)}”.",
                (Evidence.of(match.statement),),
            )
    return None


def _equal(a: NumberMention, b: NumberMention) -> bool:
    return same_number(a.value, b.value)


def _as_written(text: str, start: int, end: int) -> str:
    """A number as the text writes it, with the word it counts ("42,200 infections")."""
    unit = re.match(r"\s*[A-Za-z]+", text[end:])
    return (text[start:end] + (unit.group(0) if unit else "")).strip()
