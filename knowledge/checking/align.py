"""Aligning a claim with one statement: which words and details agree, which differ.

Words are matched by lemma (or a long shared stem), names by id or by their words, figures by
value and dates by the calendar. A detail of the claim the statement does not give is
*uncovered*; one the statement gives differently, in the same place of the sentence, is a
*difference*. Whether the two sentences tell the same thing at all is left to the calibrated
model (`knowledge/checking/calibration.py`), which reads the alignment's feature vector.
"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum
from functools import cache, lru_cache

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from knowledge.nlp.bounds import date_bound, figure_bound
from knowledge.nlp.clauses import clause_bounds
from knowledge.nlp.dates import DateMention, PartialDate, days_told_apart, same_day_told
from knowledge.nlp.features import (
    NEGATION_WORDS,
    SCORE_UNIT,
    WRITTEN_FIGURE,
    Features,
    Mention,
    NumberMention,
    Word,
    can_be_noun,
    can_be_verb,
    is_known_word,
    ordinal_words,
    same_number,
    scores,
    share_words,
)
from knowledge.nlp.lives import LIFE_BETWEEN
from knowledge.nlp.moves import figure_moves
from knowledge.nlp.negation import denied_words, denies_itself, deprived
from knowledge.nlp.superlatives import ranked_below
from knowledge.nlp.titles import retitled
from knowledge.resources import word_lists, word_set
from knowledge.retrieval.terms import lemma_table

_NAMED = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "EVENT",
        "FAC",
        "PROPN",
        "ROLE",
        "MISC",
        "WORK_OF_ART",
        "PRODUCT",
        "LAW",
    }
)
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")
_NAME_WORDS = re.compile(r"[\w']+")
_STEM = 5  # a shared prefix this long (and most of the shorter word) matches two words
_NEGATION_SCOPE = 4  # words after a negation that it covers
_CLAUSE_WORDS = frozenset(
    {
        "but",
        "and",
        "or",
        "which",
        "who",
        "whom",
        "whose",
        "while",
        "although",
        "though",
        "whereas",
        "because",
        "yet",
        "so",
    }
)
# clause words that are adverbs right after a negation ("not yet", "not so much")
_NOT_YET = frozenset({"yet", "so"})
# prepositions that open a phrase of where or when, not a noun a figure counts
_SETTING_WORDS = frozenset({"on", "in", "at", "across", "among", "during", "since", "until"})
_NEGATING_VERBS = frozenset({"refuse", "fail", "decline", "deny", "reject"})
_NOT_UNITS = frozenset(
    {
        "and",
        "or",
        "to",
        "in",
        "of",
        "the",
        "a",
        "out",
        "for",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "per",
        "than",
        "is",
        "was",
        "were",
        "are",
    }
)
_APPROX = 0.1  # "about 100" agrees with anything within 10%
# A record's estimate ("about 2.1 million") rules out a figure more than a quarter away: wider
# than _APPROX, since the record may round either way and a wrong flag is the worse error.
_ESTIMATE = 0.25
_ONE_SIDED = frozenset({">", ">=", "<"})  # bounds that leave the figure itself open


class DetailKind(StrEnum):
    """The kinds of checkable detail a claim can get wrong."""

    NUMBER = "number"
    # a bound the record's figure breaks ("more than 51,386" beside "51,385"): arithmetic
    # decides that it differs, where two exact figures may be of two moments
    BOUND = "bound"
    DATE = "date"
    PERSON = "person"
    PLACE = "place"
    NAME = "name"  # an organisation or another named thing
    POLARITY = "polarity"
    ANTONYM = "antonym"


_JUDGED = (
    DetailKind.NUMBER,
    DetailKind.DATE,
    DetailKind.PERSON,
    DetailKind.POLARITY,
    DetailKind.ANTONYM,
)


# details that, given otherwise in a near copy, make another claim of it (`another_claim`):
# all but a negation, which denies the claim (the rating is turned round for a denial)
_NEIGHBOUR_KINDS = frozenset(DetailKind) - {DetailKind.POLARITY}
_NEAR_COPY = 0.8  # string similarity from which a claim retells a statement nearly word for word
_SAME_WORDS = 0.95  # ... from which it uses the statement's words, in whatever order


@dataclass(frozen=True, slots=True)
class Difference:
    """A detail the claim gives one way and the statement another."""

    kind: DetailKind
    said: str
    recorded: str
    of_date: bool = False  # a date the claim bounds ("before 2017") that the statement's breaks
    at: int = -1  # where the claim gives the detail (its offset), for a figure or a date
    # the claim bounds the statement's date from its other side ("built before March 2024"
    # beside "made since March 2024")
    other_side: bool = False


@dataclass(frozen=True, slots=True)
class Alignment:
    """How a claim lines up with one statement."""

    claim_words: int  # content words of the claim outside names, figures and dates
    statement_words: int
    shared_words: int
    matched_details: int  # names, figures and dates the statement gives the same way
    differences: tuple[Difference, ...]
    uncovered: tuple[str, ...]  # details of the claim the statement does not give
    # of which figures and dates it does not establish: given in no form at all, or a figure
    # given only as a one-sided bound ("more than 1,000" does not give 1,000 or 1,200)
    missing_figures: tuple[str, ...]
    # of which names (a person, place or organisation) it never names, as the claim writes them
    names_not_given: tuple[str, ...]
    # names of the statement that the claim does not give: beside a name of the claim's that
    # it lacks, the two may tell of different subjects ("Norway sent" beside "Sweden sent")
    other_names: int
    uncovered_words: tuple[str, ...]  # content words of the claim the statement lacks
    embedded: bool  # the claim's event is, in the statement, only aimed at ("applied to join")
    extra_predicates: int  # verbs of the statement the claim does not use
    similarity: float  # how close the two texts are as strings (0-1), word order aside
    # cities the claim tells as where something happened, of which the statement names only
    # the country ("signed in Kyiv" beside "in eastern Ukraine"): a place it does not give
    narrower_places: tuple[str, ...] = ()
    # the claim gives a time the statement does not ("a population of 41,786 in 2016" beside
    # "a population of 41,462"): its figures may be of another moment
    unstated_time: bool = False
    # the claim's figures told as bounds ("more than 880") that the statement's figure meets
    bounds_met: int = 0
    # names of the claim sharing a word with one of the statement's, each ending in a word the
    # other text never uses ("Donald Bush" beside "Donald Trump"): another person or place
    renamed: int = 0
    # each names something with a word the other never uses ("President Putin" beside
    # "President Obama"; not "Biden" beside "Joe Biden", nor "Russian" beside "Russia")
    names_apart: bool = False
    # the words of the claim's whose opposite the statement uses instead, among all their
    # words ("released" beside "arrested", "after" beside "before", "higher" beside "lower")
    opposite_word: frozenset[str] = frozenset()
    # two names the claim shares with the statement stand on opposite sides of a word both
    # use ("France beat Germany" beside "Germany beat France"; a passive "beaten by France"
    # aside): who did what to whom may be turned round; the lemmas of those words
    roles_swapped: frozenset[str] = frozenset()
    # each writes a figure the other does not write as often ("House Bill 1443" beside "House
    # Bill 481", "her 2014 speech ... in 2014" beside "her 2017 speech ... in 2014"), however
    # the alignment paired their details: in a near copy, another claim (`another_claim`)
    figures_apart: bool = False
    # where the claim gives the figures and dates that the statement gives the same way
    alike: frozenset[int] = frozenset()
    # the claim tells the time on the other side of a date the statement bounds ("before
    # March 2024" beside "since March 2024"), whichever event either bound is of
    other_side: bool = False
    # two figures both give trade places around the same words ("9 percent of patients on
    # the drug and 14 percent on placebo" beside "14 percent ... on the drug and 9 percent
    # of those on placebo")
    figures_traded: bool = False
    # the claim denies a word the statement never uses, nor any opposite of it ("said the
    # fall was not linked to tourism" beside "said the decline was driven by tourism"): what
    # the denial bears on is not in the statement, so nothing there can back it
    negation_unretold: bool = False
    # the claim gives a person a title the statement does not, where it gives them another
    # ("Split harbour master Lana Vuković said" beside "hospital director Lana Vuković said")
    retitled: bool = False
    # a word of the claim's own whose opposite the statement uses, though the claim uses that
    # opposite too ("who was recently released on bail, has been arrested" beside "was
    # arrested"): an addition that turns something round cannot be backed
    opposite_added: bool = False
    # superlatives the claim tells as the top that the statement ranks among others or below
    # the top ("the most populous" beside "one of the most populous", "the second largest")
    ranked_below: frozenset[str] = frozenset()
    # words of the claim's telling another fact than a word the statement uses in their place
    # ("on Thursday morning" beside "on Thursday afternoon"): `opposite_word` for contrasts
    contrasted: frozenset[str] = frozenset()
    # a date of the claim's that the statement gives for another of its events, where it gives
    # the claim's event another date ("ended in August" beside "began on August 2, 1777, and
    # ended on December 22")
    dated_otherwise: bool = False

    @property
    def uncovered_names(self) -> int:
        """How many names of the claim's the statement never names."""
        return len(self.names_not_given)

    @property
    def unnamed_subject(self) -> bool:
        """The claim names someone the statement neither names nor names another in place
        of: the statement's own subject may be someone else, left unnamed."""
        return bool(self.uncovered_names) and not self.other_names

    @property
    def other_subject(self) -> bool:
        """Each names someone the other lacks: they may tell of different subjects ("Norway
        sent 40 delegates" beside "Sweden sent 40 delegates"), or a name of the claim's ends
        otherwise than a name of the statement's that shares a word with it ("Donald Bush"
        beside "Donald Trump": another person, where "Biden" beside "Joe Biden" is one)."""
        return (bool(self.uncovered_names) and bool(self.other_names)) or self.renamed > 0

    @property
    def turned(self) -> bool:
        """The claim retells the statement nearly word for word but with a word turned into
        its opposite ("The treaty was signed after the elections" beside "... before the
        elections"), which the alignment's content words may miss, or in the same words with
        two names trading places ("France beat Germany 2-1" beside "Germany beat France
        2-1")."""
        return (bool(self.opposite_word) and self.similarity >= _NEAR_COPY) or (
            bool(self.roles_swapped) and self.similarity >= _SAME_WORDS
        )

    @property
    def turned_round(self) -> bool:
        """The claim retells the statement nearly word for word with two names trading
        places around an act that goes one way ("Chelsea beat Manchester City" beside
        "Manchester City beat Chelsea", "Blinken handed the documents to Haavisto" beside
        "Haavisto handed the documents to Blinken"), and neither denies it: who did it to
        whom is told wrong. Acts that may go both ways ("criticised", "attacked") only
        bar support (`turned`)."""
        return (
            self.similarity >= _NEAR_COPY
            and bool(self.roles_swapped & word_set("reading.yaml", "one_way_acts"))
            and not any(d.kind == DetailKind.POLARITY for d in self.differences)
        )

    @property
    def bars_support(self) -> bool:
        """The statement cannot support the claim, whatever a model reads of the two: it
        tells of someone else (`other_subject`), or it tells otherwise something the claim
        says (`says_otherwise`)."""
        return self.other_subject or self.says_otherwise

    @property
    def says_otherwise(self) -> bool:
        """The statement tells otherwise something the claim says, however much else the two
        share: the claim turns it round (`turned`, `turned_round`), or uses a content word of
        its own whose opposite the statement uses instead ("deliveries fell 11 percent"
        beside "deliveries rose 11 percent"; a word like "after" turns a near copy only), or
        tells the other side of a date the statement bounds (`other_side`), or gives a
        person a title the statement gives them otherwise (`retitled`), or tells as the top
        what the statement ranks lower (`ranked_below`), or uses a word telling another fact
        than the statement's in its place (`contrasted`: "above" beside "below"), or dates
        the claim's event with the date of another (`dated_otherwise`)."""
        return (
            self.turned
            or self.turned_round
            or self.other_side
            or self.figures_traded
            or self.negation_unretold
            or self.retitled
            or self.opposite_added
            or bool(self.ranked_below)
            or bool(self.contrasted)
            or self.dated_otherwise
            or bool(self.opposite_word & set(self.uncovered_words))
        )

    @property
    def another_claim(self) -> bool:
        """The claim retells the statement nearly word for word (as strings, word order aside)
        but about another person, place or organisation (a name given otherwise, each naming
        someone the other lacks, or a name told with a word of its own: "President Putin"
        beside "President Obama"), with a word turned into its opposite ("Three poll workers
        were released" beside "... were arrested"), with a figure or date given otherwise
        ("halted production in 1982" beside "... in 1985"), or in the same words with two
        names trading places (`turned`): a neighbouring claim."""
        swapped = (
            self.other_subject
            or self.names_apart
            or self.figures_apart
            or any(d.kind in _NEIGHBOUR_KINDS for d in self.differences)
        )
        return (swapped and self.similarity >= _NEAR_COPY) or self.turned

    @property
    def claim_coverage(self) -> float:
        return self.shared_words / max(1, self.claim_words)

    @property
    def statement_coverage(self) -> float:
        return self.shared_words / max(1, self.statement_words)

    @property
    def restates(self) -> bool:
        """The claim says what the statement says, all of it and in nearly the same words (and
        tells as done what the statement tells as done: "applied to join NATO in May 2022, and
        both joined in 2022" repeats the statement's words, yet says more)."""
        return (
            not self.embedded
            and not self.turned
            and not self.differences
            and not self.uncovered
            and not self.uncovered_words
            and self.statement_coverage >= 0.95
            and self.similarity >= 0.95
        )

    @property
    def settles_support(self) -> bool:
        """The alignment alone shows the statement supports the claim, with nothing for a
        model to weigh: it restates it, or gives all of it and meets its bounds, and tells
        nothing of it otherwise."""
        return (self.restates or self.meets_bounds) and not self.says_otherwise

    @property
    def meets_bounds(self) -> bool:
        """The statement gives every detail of the claim the same way, at least one of them a
        bound its figure meets ("more than 880 fatalities" beside "891 deaths"), and lacks at
        most two of the claim's words: arithmetic decides such a claim, which the pair model
        reads no better than chance."""
        return (
            self.bounds_met > 0
            and not self.embedded
            and not self.turned
            and not self.differences
            and not self.uncovered
            and not self.missing_figures
            and not self.narrower_places
            and len(self.uncovered_words) <= _BOUND_WORDS
        )

    @property
    def one_change(self) -> bool:
        """The claim retells the statement nearly word for word, with one detail changed."""
        return (
            self.near_copy > 0
            and self.claim_coverage >= 0.9
            and self.statement_coverage >= 0.7
            and self.similarity >= _NEAR_COPY
        )

    @property
    def difference_kind(self) -> str | None:
        """The one kind every differing detail is of ("number"); None with none or several."""
        kinds = {d.kind.value for d in self.differences}
        return kinds.pop() if len(kinds) == 1 else None

    @property
    def another_time(self) -> bool:
        """The claim gives the time otherwise and another detail otherwise too ("its 11th
        package in June" beside "its 12th package in December", "a profit of 1.9 billion for
        2021" beside "2.4 billion for 2022"), or gives a figure for a time the statement does
        not give: it tells of another event or period, which this statement cannot
        contradict."""
        kinds = {d.kind for d in self.differences}
        if kinds & {DetailKind.NUMBER, DetailKind.BOUND} and self.unstated_time:
            return True  # a figure of a moment the statement does not speak of
        return DetailKind.DATE in kinds and len(kinds) > 1

    @property
    def near_copy(self) -> float:
        """How nearly the claim copies the statement but for one detail (0 otherwise)."""
        if len(self.differences) != 1 or self.uncovered or self.uncovered_words:
            return 0.0
        return self.similarity * self.statement_coverage * self.claim_coverage

    def vector(self) -> tuple[float, ...]:
        """The features the calibrated model reads, in the order of FEATURE_NAMES (a bound
        given otherwise is a figure given otherwise to it)."""
        kinds = {
            DetailKind.NUMBER if d.kind == DetailKind.BOUND else d.kind for d in self.differences
        }
        return (
            self.claim_coverage,
            self.statement_coverage,
            min(len(self.uncovered_words), 5) / 5,
            min(len(self.uncovered), 3) / 3,
            min(self.matched_details, 4) / 4,
            float(DetailKind.NUMBER in kinds),
            float(DetailKind.DATE in kinds),
            float(bool(kinds & {DetailKind.PERSON, DetailKind.PLACE, DetailKind.NAME})),
            float(DetailKind.POLARITY in kinds),
            float(DetailKind.ANTONYM in kinds),
            min(len(self.differences), 3) / 3,
            float(self.embedded),
            min(self.extra_predicates, 4) / 4,
            self.similarity,
            self.near_copy,
            float(self.one_change),
            *(self.claim_coverage * float(k in kinds) for k in _JUDGED),
            *(
                float(k in kinds and not self.uncovered and not self.uncovered_words)
                for k in _JUDGED
            ),
        )


FEATURE_NAMES = (
    "claim_coverage",
    "statement_coverage",
    "uncovered_words",
    "uncovered_details",
    "matched_details",
    "differs_number",
    "differs_date",
    "differs_name",
    "differs_polarity",
    "differs_antonym",
    "differences",
    "embedded",
    "extra_predicates",
    "similarity",
    "near_copy",
    "one_change",
    "covered_number",
    "covered_date",
    "covered_name",
    "covered_polarity",
    "covered_antonym",
    "only_number",
    "only_date",
    "only_name",
    "only_polarity",
    "only_antonym",
)


@dataclass(frozen=True, slots=True)
class _Unit:
    """A word, name, figure or date of one sentence, in text order."""

    category: str  # "word" | "name" | "number" | "date"
    start: int
    text: str
    lemma: str = ""
    mention: Mention | NumberMention | DateMention | None = None
    after: str = ""  # the two words after a figure, lower-cased ("confirmed cases")
    bound: str = ""  # the words that make a figure a bound or an estimate, as written ("about")
    # what a figure without a counted word measures, read from the word leading to it:
    # "attendance" in "an attendance of 51,385" (the last of `near`); its currency sign ("$")
    lead: str = ""
    sign: str = ""
    before: str = ""  # the word right before a figure, lower case ("by", "to")
    among: bool = False  # the figure counts a whole one belongs to ("one of five regions")
    follow: frozenset[str] = frozenset()  # content words just after a figure ("second season")
    near: frozenset[str] = frozenset()  # content words just before it ("cases" in "cases rose to")
    noun: str = ""  # the noun a figure counts ("test" in "650,000 coronavirus tests"), or ""
    closes: bool = False  # punctuation ends its clause right after it ("reached 134, the")
    counted: str = ""  # the words after it up to its noun, as written ("COVID-19 tests")
    scopes: frozenset[str] = frozenset()  # the parts of a total it is told of ("worldwide")
    snapshot: bool = False  # a date given as the moment of a state ("as of 17 April")
    # a year given as a span or a part of one: "decade" ("the 1960s"), "late decade" ("the
    # late 1960s"), "mid year" ("mid-1976"), "early year" ("early 2023"); "" for the year
    span: str = ""
    # for a share, the content words of what it is a share of ("of the national total of
    # cases": national, cases; `_whole_of`), or none where the words after it do not say
    whole: frozenset[str] = frozenset()


def _roles_as_words(units: tuple[_Unit, ...], labels: dict[str, str]) -> list[_Unit]:
    """An office ("NATO Secretary General") describes a person rather than naming a detail:
    it is compared like a word."""
    return [
        _Unit("word", u.start, u.text, lemma=f"@{_mention(u).id}")
        if u.category == "name" and labels.get(_mention(u).id) == "ROLE"
        else u
        for u in units
    ]


def align(
    claim: Features,
    statement: Features,
    *,
    antonyms: dict[str, frozenset[str]],
    labels: dict[str, str],
    contrasts: dict[str, frozenset[str]] | None = None,
    claim_context: frozenset[str] = frozenset(),
    topic: str = "",
) -> Alignment:
    """Line `claim` up with `statement`. `antonyms` and `contrasts` pair words of opposite
    meaning (to flag and to refuse support) and words telling another fact (only to refuse
    support); `labels` maps knowledge-base entity ids to labels;
    `claim_context` holds entities the claim refers to by anaphor ("the country"); `topic`
    is the title of the statement's source, which may name what the statement leaves
    unnamed ("The film grossed $91.1 million" from the article "Book Club (film)")."""
    mine = _roles_as_words(_units(claim), labels)
    theirs = _roles_as_words(_units(statement), labels)
    pairs = _match(mine, theirs, claim_context)
    for unit in _crossed(mine, theirs, claim.text, statement.text, pairs):
        del pairs[id(unit)]  # the statement gives that figure for another date
    moved, turned, agreed = _moves(claim, statement, mine, theirs, pairs)
    lived, dated, foreign = _life_events(claim, statement, mine, theirs, pairs)
    claimed = _claimed(pairs)
    dates = sum(1 for t in theirs if t.category == "date")  # the statement's
    unpaired = [u for u in mine if u.category == "name" and id(u) not in pairs]
    others = [
        t.text
        for t in theirs
        if t.category == "name"
        and id(t) not in claimed
        and not any(_akin(t.text, u.text) for u in unpaired)
    ]
    given = _named_by_topic(unpaired, topic, others) | _dated_by_topic(mine, pairs, topic)
    differences, uncovered, missing, paired = _differences(mine, theirs, pairs, labels, given)
    differences = [d for d in differences if d.at not in dated] + moved + lived
    # a date the statement gives for the other end of a life establishes nothing of this one
    missing += [u.text for u in mine if u.start in foreign and u.text not in missing]
    if dated:  # a date of birth or death the statement's life gives otherwise
        told = {u.text for u in mine if u.start in dated}
        uncovered = [t for t in uncovered if t not in told]
        missing = [t for t in missing if t not in told]
        paired |= {id(u) for u in mine if u.start in dated}
    renamed, apart = _renamed(mine, theirs, given)
    narrower = _narrower_places(mine, theirs, pairs)
    told_again, of_another = _class_nouns_read(claim, mine, theirs, pairs, labels)
    names_lost = (
        tuple(  # a narrower place adds a detail to the same event, it names no other
            u.text
            for u in mine
            if u.category == "name"
            and id(u) not in pairs
            and id(u) not in paired
            and id(u) not in given
            and u.text not in narrower
        )
        + of_another
    )
    words_a = [u for u in mine if u.category == "word"]
    words_b = [u for u in theirs if u.category == "word"]
    shared = [u for u in words_a if id(u) in pairs]
    counted = _counted_alike(mine, pairs) | _spans_told(mine, pairs.keys() | paired)
    counted |= told_again
    lost = [
        u
        for u in words_a
        if id(u) not in pairs and id(u) not in paired | turned and u.lemma not in counted
    ]
    antonym = _antonym(lost, [u for u in words_b if id(u) not in claimed], antonyms)
    if antonym is not None:
        differences.append(antonym)
        lost = [u for u in lost if u.text != antonym.said]
    flipped = _negation_flip(claim, statement, shared, pairs)
    if flipped is not None:
        differences.append(flipped)
    other_side = any(d.other_side for d in differences)
    unretold = _negation_unretold(claim, statement, antonyms)
    if dates > 1 or not _tells_event(claim, shared, lost):  # which date, of which event?
        uncovered += [d.said for d in differences if d.of_date]
        differences = [d for d in differences if not d.of_date]
    return Alignment(
        claim_words=len(words_a),
        statement_words=len(words_b),
        shared_words=len(shared),
        matched_details=sum(1 for u in mine if u.category != "word" and id(u) in pairs),
        differences=tuple(differences),
        uncovered=tuple(uncovered),
        missing_figures=tuple(missing),
        names_not_given=names_lost,
        other_names=len(others),
        uncovered_words=tuple(u.lemma for u in lost),
        embedded=_embedded(claim, statement, pairs, mine),
        extra_predicates=sum(1 for u in words_b if id(u) not in claimed and can_be_verb(u.lemma)),
        similarity=fuzz.token_set_ratio(claim.text.lower(), statement.text.lower()) / 100,
        narrower_places=narrower,
        bounds_met=_bounds_met(mine, pairs, others),
        renamed=renamed,
        names_apart=apart,
        opposite_word=_opposite_word(claim, statement, antonyms) - agreed,
        contrasted=_opposite_word(claim, statement, contrasts or {}) - agreed,
        dated_otherwise=_dated_otherwise(mine, theirs, pairs)
        or _placed_otherwise(claim.text, statement.text, mine, theirs, pairs),
        roles_swapped=_roles_swapped(claim.text, statement.text, mine, pairs),
        figures_traded=_figures_traded(mine, pairs),
        figures_apart=_figures_apart(claim.text, statement.text),
        other_side=other_side,
        negation_unretold=unretold,
        retitled=retitled(claim, statement),
        ranked_below=ranked_below(claim.text, statement.text),
        opposite_added=_opposite_added(lost + _degree_changed(words_a, pairs), statement, antonyms),
        alike=frozenset(
            u.start
            for u in mine
            if u.category in ("number", "date") and id(u) in pairs and id(u) not in paired
        ),
        unstated_time=any(
            u.category == "date"
            # a bound ("by 13 April") tells of another moment only where the statement gives
            # one that it does not meet ("as of 14 April")
            and (not u.lemma or dates > 0)
            and id(u) not in pairs
            and id(u) not in paired
            and id(u) not in given
            for u in mine
        ),
    )


def _moves(
    claim: Features,
    statement: Features,
    mine: list[_Unit],
    theirs: list[_Unit],
    pairs: dict[int, _Unit],
) -> tuple[list[Difference], set[int], frozenset[str]]:
    """The claim's figures said to move ("fell 27%") that the statement gives moving too,
    compared figure by figure (`nlp.moves`): a move the other way is a difference ("fell
    27%" beside "jumped 27%, while Nordvik's shares fell 4.5%"), and the claim's word of
    change is paired with the statement's word for a move the same way ("rose 27%" beside
    "jumped 27%", whatever else fell). Returns the differences, the claim's words of change
    they turn (not to be read again as opposites), and the forms of the words of change that
    agree (no opposite word of the statement's)."""
    said = figure_moves(claim)
    if not said:
        return [], set(), frozenset()
    recorded = {m.number.start: m for m in figure_moves(statement)}
    units = {u.start: u for u in mine if u.category != "name"}
    words = {u.start: u for u in theirs if u.category == "word"}
    differences: list[Difference] = []
    turned: set[int] = set()
    agreed: set[str] = set()
    for move in said:
        figure, word = units.get(move.number.start), units.get(move.word.start)
        other = pairs.get(id(figure)) if figure is not None else None
        theirs_move = recorded.get(other.start) if other is not None else None
        if theirs_move is None or not same_number(move.number.value, theirs_move.number.value):
            continue
        if move.direction == theirs_move.direction:
            agreed |= {move.said.lower(), move.word.lemma}
            counterpart = words.get(theirs_move.word.start)
            if word is not None and counterpart is not None:
                pairs[id(word)] = counterpart
            continue
        differences.append(
            Difference(DetailKind.NUMBER, move.told, theirs_move.told, at=move.number.start)
        )
        if word is not None:
            pairs.pop(id(word), None)
            turned.add(id(word))
    return differences, turned, frozenset(agreed)


# A life's dates in brackets after a name: "(April 8, 1974 – February 2, 2013)", "(born 3
# May 1920 – died 1 June 1999)".
_LIFE_OPENS = re.compile(r"\(\s*(?:born\s+|b\.\s*)?$", re.IGNORECASE)
_BORN_AT = re.compile(r"(?:in|at)\s+[^()\d–—]{1,60}\)")  # "... 1961 in Bergen)"
_BORN_OPENS = re.compile(r"\(\s*(?:born(?:\s+on)?|b\.)$", re.IGNORECASE)


def _dated_otherwise(mine: list[_Unit], theirs: list[_Unit], pairs: dict[int, _Unit]) -> bool:
    """Whether a date of the claim's is paired with a statement date told after a word the
    claim never uses, while the statement tells the claim's word right before a date of its
    own that differs ("ended in August" beside "began on August 2, 1777, and ended on
    December 22"): the date is another event's."""
    dates = [t for t in theirs if t.category == "date"]
    if len(dates) < 2:
        return False
    used = {u.lemma for u in mine if u.category == "word"}
    for unit in mine:
        other = pairs.get(id(unit))
        if unit.category != "date" or other is None:
            continue
        event, its_event = _lemma_before(unit, mine), _lemma_before(other, theirs)
        if not event or not its_event or its_event in used:
            continue
        if any(
            t is not other
            and _lemma_before(t, theirs) == event
            and date_relation(unit, t) == "differs"
            for t in dates
        ):
            return True
    return False


_PLACED = 3  # words around a date that tell which of a statement's dates it stands for


def _placed_otherwise(
    text: str, statement: str, mine: list[_Unit], theirs: list[_Unit], pairs: dict[int, _Unit]
) -> bool:
    """Whether a date of the claim's stands where the statement gives another date, among the
    same words, while the statement dates that may be it (the one it was paired with, those
    not told apart from it) stand among none of them ("took
    the overall lead of the Giro d'Italia on Monday after race leader Lorenzo Bassani crashed"
    beside "... on Tuesday after race leader Lorenzo Bassani crashed ... after Monday's rest
    day"): the claim gives its event the date of another."""
    dates = [t for t in theirs if t.category == "date"]
    for unit in mine:
        if unit.category != "date":
            continue
        told = unit.mention
        assert isinstance(told, DateMention)
        paired = pairs.get(id(unit))
        alike = [t for t in dates if t is paired or same_day_told(told, _date_of(t))]
        around = _around(unit, mine, text)
        if not alike or any(around & _around(t, theirs, statement) for t in alike):
            continue
        if any(
            days_told_apart(told, _date_of(t))
            and len(around & _around(t, theirs, statement)) >= _PLACED
            for t in dates
            if t not in alike
        ):
            return True
    return False


def _date_of(unit: _Unit) -> DateMention:
    mention = unit.mention
    assert isinstance(mention, DateMention)
    return mention


def _around(unit: _Unit, units: list[_Unit], text: str) -> frozenset[str]:
    """The words and names just before and after a unit in its clause (three of each at
    most)."""
    opening, closing = clause_bounds(text, (unit.start, unit.start + len(unit.text)))
    inside = [u for u in units if opening <= u.start < closing]
    at = next(i for i, u in enumerate(inside) if u is unit)
    before = [u for u in inside[:at] if u.category in ("word", "name")][-_PLACED:]
    after = [u for u in inside[at + 1 :] if u.category in ("word", "name")][:_PLACED]
    return frozenset((u.lemma or u.text).lower() for u in before + after)


def _lemma_before(unit: _Unit, units: list[_Unit]) -> str:
    """The lemma of the content word right before a unit, with nothing but function words
    between (they are no units): "" where a name, figure or date comes between."""
    before = [u for u in units if u.start < unit.start]
    last = before[-1] if before else None
    return last.lemma if last is not None and last.category == "word" else ""


def _life_events(
    claim: Features,
    statement: Features,
    mine: list[_Unit],
    theirs: list[_Unit],
    pairs: dict[int, _Unit],
) -> tuple[list[Difference], frozenset[int], frozenset[int]]:
    """A claim's date of birth or death against the life the statement dates in brackets:
    "Chris Kyle died on February 2, 2014" beside "Christopher Scott Kyle (April 8, 1974 –
    February 2, 2013)" gives the death otherwise (the birth date is no other date of it),
    and "born on February 2, 2013" puts the death date for the birth. The claim's dates so
    compared are paired with the one they tell, or returned as differences, with where the
    claim gives them. The life is the one of a name the claim gives ("Sean Gunn was born on
    May 22, 1974" is not told against "the show Gilmore Girls (2000–2007)"). Last, where the
    claim's dates are the statement's date of the other event alone ("died in 1968" beside
    "(born 9 August 1968)"): nothing establishes them."""
    life = _lifespan(statement, theirs, _names_given(claim))
    if life is None:
        return [], frozenset(), frozenset()
    births, deaths = (
        word_set("reading.yaml", "birth_words"),
        word_set("reading.yaml", "death_words"),
    )
    born = bool(set(claim.lemmas) & births)
    died = bool(set(claim.lemmas) & deaths)
    if born == died:
        return [], frozenset(), frozenset()
    told, other = life if born else life[::-1]
    differences: list[Difference] = []
    dated: set[int] = set()
    foreign: set[int] = set()
    event = births if born else deaths
    for unit in mine:  # "died": told by the life's dates, where the claim gives one
        if told is not None and unit.category == "word" and unit.lemma in event:
            pairs.setdefault(id(unit), told)
    for unit in mine:
        if unit.category != "date" or unit.lemma or pairs.get(id(unit)) not in (None, *life):
            continue
        if told is None:  # a birth alone: its date is none of a death's
            if other is not None and date_relation(unit, other) == "same":
                pairs.pop(id(unit), None)
                foreign.add(unit.start)
            continue
        relation = date_relation(unit, told)
        if relation == "same":
            pairs[id(unit)] = told
        elif relation == "differs":
            pairs.pop(id(unit), None)
            differences.append(Difference(DetailKind.DATE, unit.text, told.text, at=unit.start))
            dated.add(unit.start)
        elif other is not None and pairs.get(id(unit)) is other:
            del pairs[id(unit)]  # a date of the other event, not given for this one
    return differences, frozenset(dated), frozenset(foreign)


def _lifespan(
    statement: Features, theirs: list[_Unit], named: frozenset[str]
) -> tuple[_Unit, _Unit | None] | None:
    """The statement's dates of birth and death, where it gives in brackets right after one
    of the `named` (a name sharing a word with them) a life: both, or the birth alone
    ("Eric Banadinović (born 9 August 1968)", no death)."""
    text = statement.text
    dates = [t for t in theirs if t.category == "date" and not t.lemma]
    for date_ in dates:
        opening = _BORN_OPENS.search(text[: date_.start].rstrip())
        closing = text[date_.start + len(date_.text) :].lstrip()
        if (
            opening is not None
            and (closing.startswith((")", ";", ",")) or _BORN_AT.match(closing) is not None)
            and not LIFE_BETWEEN.match(closing.lstrip(")"))
            and _lived_by(statement, text[: opening.start()].rstrip(), named)
        ):
            return date_, None
    for first, second in itertools.pairwise(dates):
        between = text[first.start + len(first.text) : second.start]
        closing = text[second.start + len(second.text) :].lstrip()
        opening = _LIFE_OPENS.search(text[: first.start].rstrip())
        if (
            opening is not None
            and LIFE_BETWEEN.fullmatch(between)
            and closing.startswith(")")
            and _lived_by(statement, text[: opening.start()].rstrip(), named)
        ):
            return first, second
    return None


def _lived_by(statement: Features, before: str, named: frozenset[str]) -> bool:
    """Whether the name that `before` (the statement up to a bracket) ends in, or a name of
    the name-and-titles the statement opens with, is one of the `named`."""
    ending = [m for m in statement.entities if m.start < len(before) and m.end == len(before)]
    if len(_LOWER_WORD.findall(before)) <= _TITLE_WORDS:  # the sentence opens with the name
        # and its titles ("Maurice Harold Macmillan, 1st Earl of Stockton, (20 February
        # 1894 – ...)", 'Ernest " Ernie " Arthur Coombs, CM (November 26, 1927 – ...)')
        ending += [m for m in statement.entities if m.end <= len(before)]
    return any(_name_words(m) & named for m in ending)


_LOWER_WORD = re.compile(r"\b[a-z][a-z']*\b")
_TITLE_WORDS = 2  # lower-case words a name's titles may hold ("1st Earl of Stockton")


def _names_given(features: Features) -> frozenset[str]:
    """The words of the names a text gives, in lower case."""
    return frozenset(w for m in features.entities for w in _name_words(m))


def _crossed(
    mine: list[_Unit], theirs: list[_Unit], said: str, recorded: str, pairs: dict[int, _Unit]
) -> list[_Unit]:
    """The claim's figures paired with a statement figure that the statement gives for another
    date than the one the claim gives them for, the claim's date being one the statement
    gives another figure for: "2.1 percent in 2024" beside "2.5 percent in 2024 and 2.1
    percent in 2025" tells 2025's figure as 2024's."""
    dated_b = _figure_dates(theirs, recorded)
    if len(dated_b) < 2:
        return []
    dated_a = _figure_dates(mine, said)
    figures = [u for u in mine if u.category == "number"]
    dates = [u for u in mine if u.category == "date" and not u.lemma]
    if len(figures) == 1 and len(dates) == 1:
        dated_a.setdefault(id(figures[0]), dates[0])  # one figure, one date: told together
    crossed = []
    for unit in figures:
        other, when = pairs.get(id(unit)), dated_a.get(id(unit))
        if other is None or when is None or id(when) not in pairs:
            continue
        given = pairs[id(when)]  # the statement's date the claim's date is
        own = dated_b.get(id(other))
        if own is not None and own is not given and given in dated_b.values():
            crossed.append(unit)
    return crossed


_FIGURE_TO_DATE = re.compile(r"^[^\d;]{0,30}?\b(?:in|for|by|during|on)\s+$", re.I)


def _figure_dates(units: list[_Unit], text: str) -> dict[int, _Unit]:
    """Each figure told for a date that follows it closely ("2.5 percent in 2024"), with that
    date: no other figure or date between them."""
    found: dict[int, _Unit] = {}
    details = [u for u in units if u.category in ("number", "date")]
    for unit, following in zip(details, details[1:], strict=False):
        if unit.category != "number" or following.category != "date" or following.lemma:
            continue
        mention = following.mention
        kept = mention.preposition if isinstance(mention, DateMention) else ""
        # a year keeps its preposition in its mention ("in 2024"): it is read with the words
        between = text[unit.start + len(unit.text) : following.start] + (kept and kept + " ")
        if _FIGURE_TO_DATE.match(between):
            found[id(unit)] = following
    return found


def _tells_event(claim: Features, shared: list[_Unit], lost: list[_Unit]) -> bool:
    """Whether the claim tells of the statement's event, so that a date bound of the claim's
    that the statement's one date breaks contradicts it ("released before 2017" beside
    "released in September 2017"): it shares a word that can be the statement's verb, has no
    word the statement lacks and is not negated. Else the bound may tell of a state before or
    after the event ("Finland was a member after 2023", "was not in NATO before 2022", beside
    "Finland joined NATO on 4 April 2023"). Where the statement gives several dates, the
    bound may be of any of their events ("filming started in December 1928 and ended in
    September 1930")."""
    others = [u for u in lost if u.lemma not in _BOUND_LEMMAS]
    return not others and not claim.negated and any(can_be_verb(u.lemma) for u in shared)


_BOUND_LEMMAS = frozenset({"prior", "early", "earlier", "late", "later"})  # "prior to 1967"


def _figures_apart(a: str, b: str) -> bool:
    """Whether each text writes a figure the other does not write as often (thousands
    separators aside)."""
    mine, theirs = (Counter(f.replace(",", "") for f in WRITTEN_FIGURE.findall(t)) for t in (a, b))
    return bool(mine - theirs) and bool(theirs - mine)


def _renamed(mine: list[_Unit], theirs: list[_Unit], given: frozenset[int]) -> tuple[int, bool]:
    """The claim's names that share a word with a name of the statement's while each ends in a
    word the other text never uses ("Donald Bush" beside "Donald Trump", "Prime Minister Mark
    Carney" beside "Prime Minister Mark Rutte"; not "Michael Owen" beside "Owen" and "Terry
    Owen", whose surname the statement gives); and whether the two name anyone apart at all:
    each has a name with a word the other never uses ("President Putin" beside "President
    Obama"; not "Biden" beside "Joe Biden", "Donald J. Trump" beside "Donald Trump", nor
    "Russian" beside "Russia", where a word begins like one of the other's)."""
    names_mine = [u for u in mine if u.category == "name" and id(u) not in given]
    names_theirs = [t for t in theirs if t.category == "name"]
    if not names_mine or not names_theirs:
        return 0, False
    words_mine = frozenset(w for u in mine for w in _words_of(u.text))
    words_theirs = frozenset(w for t in theirs for w in _words_of(t.text))
    index_mine, index_theirs = _by_prefix(words_mine), _by_prefix(words_theirs)

    def foreign(word: str, other: frozenset[str], index: dict[str, list[str]]) -> bool:
        # a word can begin like another (`_akin`) only if their first four letters agree
        return word not in other and not any(_akin(word, v) for v in index.get(word[:4], ()))

    def own_word(name: str, other: frozenset[str], index: dict[str, list[str]]) -> bool:
        return any(foreign(w, other, index) for w in _words_of(name))

    def last_foreign(name: str, other: frozenset[str], index: dict[str, list[str]]) -> bool:
        last = _last_word(name)
        return bool(last) and foreign(last, other, index)

    renamed = sum(
        1
        for u in names_mine
        if last_foreign(u.text, words_theirs, index_theirs)
        and any(
            _words_of(u.text) & _words_of(t.text)
            and last_foreign(t.text, words_mine, index_mine)
            and not _abbreviated(u.text, t.text)
            for t in names_theirs
        )
    )
    apart = any(own_word(u.text, words_theirs, index_theirs) for u in names_mine) and any(
        own_word(t.text, words_mine, index_mine) for t in names_theirs
    )
    return renamed, apart


def _by_prefix(words: frozenset[str]) -> dict[str, list[str]]:
    """Words of four letters or more by their first four."""
    index: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 4:
            index.setdefault(word[:4], []).append(word)
    return index


def _last_word(name: str) -> str:
    """A name's last word of two letters or more, lower-cased ("" for none)."""
    words = _word_list(name)
    return words[-1] if words else ""


def _opposite_word(
    claim: Features, statement: Features, antonyms: dict[str, frozenset[str]]
) -> frozenset[str]:
    """The words of the claim (any word, "after" as well as "released"; as written and as
    lemma) that are the opposite of a word of the statement's that the claim does not use,
    themselves absent from the statement."""
    said, recorded = _word_forms(claim), _word_forms(statement)
    return frozenset(
        word
        for word in said
        if (opposites := antonyms.get(word))
        and word not in recorded
        and any(o in recorded and o not in said for o in opposites)
    )


def _opposite_added(
    lost: list[_Unit], statement: Features, antonyms: dict[str, frozenset[str]]
) -> bool:
    """Whether a content word of the claim's that the statement lacks has its opposite in the
    statement."""
    recorded = _word_forms(statement)
    return any(antonyms.get(u.lemma, frozenset()) & recorded for u in lost)


def _degree_changed(words: list[_Unit], pairs: dict[int, _Unit]) -> list[_Unit]:
    """The claim's comparatives matched only by a superlative of the same word, and the reverse
    ("the larger of the two" beside "fourth-largest"): another degree is another statement."""

    def degree(text: str) -> str:
        lower = text.casefold()
        return "er" if lower.endswith("er") else "est" if lower.endswith("est") else ""

    return [
        u
        for u in words
        if id(u) in pairs
        and {degree(u.text), degree(pairs[id(u)].text)} == {"er", "est"}
        and u.lemma != u.text.casefold()
    ]


def _figures_traded(mine: list[_Unit], pairs: dict[int, _Unit]) -> bool:
    """Whether two of the claim's figures, each given the same way by the statement, stand
    each beside the words the statement gives the other one with ("9 percent of patients on
    the drug and 14 percent of those on placebo" beside "14 percent of patients on the drug
    and 9 percent of those on placebo"; not "six brooches and two tiaras" beside "two tiaras
    and six brooches", each with its own noun)."""
    figures = [u for u in mine if u.category == "number" and id(u) in pairs]

    def told(unit: _Unit) -> frozenset[str]:
        return unit.follow | ({unit.noun} if unit.noun else frozenset())

    for i, first in enumerate(figures):
        for second in figures[i + 1 :]:
            a, b = pairs[id(first)], pairs[id(second)]
            if a is b or a.start <= b.start:
                continue
            crossed = told(first) & told(b) and told(second) & told(a)
            if crossed and not told(first) & told(a) and not told(second) & told(b):
                return True  # each told with the other's words, neither with its own
    return False


def _roles_swapped(
    claim: str, statement: str, mine: list[_Unit], pairs: dict[int, _Unit]
) -> frozenset[str]:
    """The lemmas of the words both use between two of the claim's names that the statement
    gives in the other order (`Alignment.roles_swapped`); empty where none trade places."""
    names = [u for u in mine if u.category == "name" and id(u) in pairs]
    words = [u for u in mine if u.category == "word" and id(u) in pairs]
    between: set[str] = set()
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = pairs[id(first)], pairs[id(second)]
            if a.start <= b.start or _after_by(claim, second) or _after_by(statement, a):
                continue
            between.update(
                w.lemma
                for w in words
                if first.start < w.start < second.start and b.start < pairs[id(w)].start < a.start
            )
    return frozenset(between)


def _after_by(text: str, unit: _Unit) -> bool:
    """Whether a name follows "by" (the agent of a passive verb: "was beaten by France")."""
    return text[: unit.start].rstrip().casefold().endswith(" by")


_COMPOUND = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b")


# "up 11 percent", "down by $2 billion": a figure told as a change
_DIRECTION = re.compile(
    r"\b(up|down)\s+(?:by\s+)?(?:(?:about|nearly|almost|some|around)\s+)?[$€£]?\d", re.I
)


@cache
def _figure_directions() -> dict[str, str]:
    """Each word that tells a figure's change ("up"), with the verb that tells it ("rise")."""
    pairs = word_lists("reading.yaml")["figure_directions"]
    return dict(pair.split("/") for pair in pairs)


def figure_changes(text: str) -> dict[str, str]:
    """The verbs of the changes a text tells by a figure "up" or "down", each with the word
    as written ("rise": "up" for "up 11 percent from 661")."""
    directions = _figure_directions()
    return {directions[m.group(1).casefold()]: m.group(1) for m in _DIRECTION.finditer(text)}


# each sentence's word forms, by the identity of its features (hashing features is slow)
_FORMS: dict[int, tuple[Features, frozenset[str]]] = {}
_FORMS_KEPT = 4096


def _word_forms(features: Features) -> frozenset[str]:
    """A sentence's words as written (lower-cased) and as lemmas ("first" is "1" as a lemma,
    "fewer" may be "few"), and the verb of a change a figure is said "up" or "down" by; its
    hyphenated words whole ("non-toxic"), and their parts only where a part also stands
    alone ("non-toxic" does not use "toxic")."""
    hit = _FORMS.get(id(features))
    if hit is not None and hit[0] is features:
        return hit[1]
    forms = frozenset(w.lemma.casefold() for w in features.words) | frozenset(
        features.text[w.start : w.end].casefold() for w in features.words
    )
    forms |= figure_changes(features.text).keys()
    text = features.text.casefold()
    compounds = set(_COMPOUND.findall(text))
    if compounds:
        alone = set(re.findall(r"[a-z]+", _COMPOUND.sub(" ", text)))
        inner = {part for compound in compounds for part in compound.split("-")} - alone
        forms = (forms - inner) | compounds
    if len(_FORMS) >= _FORMS_KEPT:
        _FORMS.clear()
    _FORMS[id(features)] = (features, forms)
    return forms


def _abbreviated(a: str, b: str) -> bool:
    """Whether one name ends in the initials of words of the other's ("Fluminense FC" and
    "Fluminense Football Club", "Executive VP" and "Executive Vice President")."""
    for short, full in ((a, b), (b, a)):
        last = re.findall(r"\w+", short)[-1:]
        initials = "".join(w[0] for w in re.findall(r"\w+", full.casefold()))
        if last and len(last[0]) >= 2 and last[0].isupper() and last[0].casefold() in initials:
            return True
    return False


@lru_cache(maxsize=4096)
def _word_list(name: str) -> tuple[str, ...]:
    """A name's words in order, lower-cased, initials left out ("J." in "Donald J. Trump")."""
    return tuple(w for w in re.findall(r"\w+", name.casefold()) if len(w) > 1)


@lru_cache(maxsize=4096)
def _words_of(name: str) -> frozenset[str]:
    """A name's words as a set (`_word_list`)."""
    return frozenset(_word_list(name))


def _bounds_met(mine: list[_Unit], pairs: dict[int, _Unit], others: list[str]) -> int:
    """The claim's one-sided bounds paired with a statement figure they hold for, unless a
    name the claim leaves out follows that figure: it may be a part the claim does not speak
    of ("more than $30 million" beside "$32.6 million in North America")."""
    named = {w for name in others for w in re.findall(r"\w+", name.casefold())}
    return sum(
        1
        for unit in mine
        if unit.category == "number"
        and unit.lemma in _ONE_SIDED
        and (other := pairs.get(id(unit))) is not None
        and not other.follow & named
    )


def _counted_alike(mine: list[_Unit], pairs: dict[int, _Unit]) -> frozenset[str]:
    """The nouns the claim's figures count where the statement's figure they pair with counts
    the same in its own word ("880 fatalities" beside "891 deaths"): given with the figure."""
    return frozenset(
        unit.noun
        for unit in mine
        if unit.category == "number"
        and unit.noun
        and (other := pairs.get(id(unit))) is not None
        and other.noun
        and _same_noun(unit.noun, other.noun)
    )


def _class_nouns_read(
    claim: Features,
    mine: list[_Unit],
    theirs: list[_Unit],
    pairs: dict[int, _Unit],
    labels: dict[str, str],
) -> tuple[frozenset[str], tuple[str, ...]]:
    """The claim's class nouns after "the" (`class_nouns` in data/reading.yaml, by the
    entity's label), read against the statement's entities: those that tell again an entity
    the statement names and the claim names too, or its article just before ("the alliance's
    31st member" in "Sweden joined NATO on Thursday as the alliance's 31st member"; "the
    country" for Sweden), by lemma, are no words of their own; those that may name another
    entity than the one of that class the statement names and the claim leaves unnamed
    ("Sweden joined the union in 1995" beside "Sweden joined NATO on 7 March 2024": the union
    is not told to be NATO), as written ("the union"), are names the statement does not give."""
    claimed = _claimed(pairs)
    before = {m.id for m in claim.context_entities}

    def label(unit: _Unit) -> str:
        return labels.get(_mention(unit).id, _mention(unit).label)

    told = {label(u) for u in mine if u.category == "name" and id(u) in pairs}
    told |= {label(t) for t in theirs if t.category == "name" and _mention(t).id in before}
    left = {label(t) for t in theirs if t.category == "name" and id(t) not in claimed} - told

    def nouns(kinds: set[str]) -> set[str]:
        return {n for kind in kinds for n in _class_nouns().get(kind, ())}

    again = _class_words(claim.text, mine, pairs, nouns(told))
    other = _class_words(claim.text, mine, pairs, nouns(left))
    return frozenset(u.lemma for u in again), tuple(f"the {u.text}" for u in other)


def _class_words(
    text: str, mine: list[_Unit], pairs: dict[int, _Unit], nouns: set[str]
) -> list[_Unit]:
    """The claim's words among `nouns` after "the" that pair with no word of the statement."""
    return [
        u
        for u in mine
        if u.category == "word"
        and u.lemma in nouns
        and id(u) not in pairs
        and _THE_BEFORE.search(text[: u.start]) is not None
    ]


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


@cache
def _class_nouns() -> dict[str, frozenset[str]]:
    """Each entity label of `class_nouns` with the nouns that name an entity of its class."""
    groups = (group.split("/") for group in word_lists("reading.yaml")["class_nouns"])
    return {label: frozenset(nouns) for label, *nouns in groups}


def _spans_told(mine: list[_Unit], told: AbstractSet[int]) -> frozenset[str]:
    """The measures of the claim's spans of time that the statement tells in some measure,
    alike or not ("eleven days" beside "eleven weeks"): given with the figure."""
    return frozenset(
        unit.noun
        for unit in mine
        if unit.category == "number"
        and unit.noun
        and id(unit) in told
        and isinstance(unit.mention, NumberMention)
        and span_days(unit.mention)
    )


def _akin(a: str, b: str) -> bool:
    """Two names that may be one told in other words: one begins like the other for most of
    its length ("Russian" and "Russia", "Ukrainian" and "Ukraine")."""
    x, y = a.casefold(), b.casefold()
    common = len(os.path.commonprefix([x, y]))
    return common >= 4 and common >= 0.6 * min(len(x), len(y))


def _named_by_topic(unpaired: list[_Unit], topic: str, others: list[str]) -> frozenset[int]:
    """The claim's names that the statement does not name (`unpaired`) but its source's title
    does, word for word: the subject a sentence of an article or an encyclopedia entry leaves
    unnamed ("It has sold 3.6 million copies" from "Tha Carter III"). Not where the statement names
    someone the claim leaves out (`others`) whom the title names too: that one may be the
    subject ("Sweden sent 40 delegates" from "Talks between Norway and Sweden")."""
    title = " ".join(re.sub(r"[()\[\]]", " ", topic).casefold().split())  # "New York (state)"
    if not title or not unpaired or any(_written_in(name, title) for name in others):
        return frozenset()
    return frozenset(id(u) for u in unpaired if _written_in(u.text, title))


def _dated_by_topic(mine: list[_Unit], pairs: dict[int, _Unit], topic: str) -> frozenset[int]:
    """The claim's years that the statement does not give but its source's title does: the
    year an article's subject is named by ("A total of 3,448 tests have been processed" from
    "2020 coronavirus pandemic in Arkansas" gives the tests of "the 2020 pandemic")."""
    title = topic.casefold()
    return frozenset(
        id(u)
        for u in mine
        if u.category == "date"
        and id(u) not in pairs
        and not u.lemma
        and isinstance(u.mention, DateMention)
        and u.mention.value is not None
        and u.mention.value.month is None
        and _written_in(str(u.mention.value.year), title)
    )


def _written_in(name: str, title: str) -> bool:
    """Whether a title writes a name as its words (a possessive aside: "Garrett's")."""
    bare = re.sub(r"[’'´]s$", "", name.casefold())
    return re.search(rf"(?<!\w){re.escape(bare)}(?!\w)", title) is not None


def _narrower_places(
    mine: list[_Unit], theirs: list[_Unit], pairs: dict[int, _Unit]
) -> tuple[str, ...]:
    """The claim's cities told as places that the statement leaves unpaired while naming
    their country (the same entity) some other way."""
    return tuple(
        unit.text
        for unit in mine
        if unit.category == "name"
        and unit.lemma
        and id(unit) not in pairs
        and any(t.category == "name" and _mention(t).id == _mention(unit).id for t in theirs)
    )


# Words before a statement's date that make it the moment of a lasting state ("as of 17
# April, 4 deaths"), not the day of an event: a claim's bound it breaks may tell of another
# moment of that state.
_SNAPSHOT = re.compile(
    r"\b(?:as of|as at|at the end of|at the time of)\W*"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?\W*)?$",  # "as of 2:45 p.m. March 14"
    re.I,
)


@lru_cache(maxsize=64)
def _units(features: Features) -> tuple[_Unit, ...]:
    """Names, figures, dates and content words of a sentence, in text order. Kept for the
    sentences last seen: a claim is aligned with several statements, and a statement with
    each claim of an article, so each is read once however many figures it holds."""
    units: list[_Unit] = []
    text = features.text
    taken = bytearray(len(text) + 1)  # 1 where a date, name or figure already covers
    for date in features.dates:
        if date.value is not None or date.kind == "weekday":
            # after the preposition the mention keeps ("by 2022"), read as a bound
            bound, words = date_bound(text, date.start + len(date.preposition))
            units.append(
                _Unit(
                    "date",
                    date.start,
                    date.text,
                    lemma=bound,
                    mention=date,
                    bound=words,
                    snapshot=_snapshot(text, date.start),
                )
            )
            _cover(taken, date.start, date.end)
    for time in clock_times(text):  # "9 p.m.", "6:00 a.m.": a time of day, in minutes
        if not _inside(time.start, taken):
            units.append(_Unit("number", time.start, time.text, mention=time))
            _cover(taken, time.start, time.end)
    for mention in features.entities:
        if not _inside(mention.start, taken):
            city = city_told_as_place(text, mention)
            units.append(_Unit("name", mention.start, mention.text, city, mention=mention))
            _cover(taken, mention.start, mention.end)
    ranks = ordinal_words(text)  # "the fourth studio album": a rank, compared as a figure
    shares = share_words(text)  # "fell by a third": a share, compared as a percentage
    for score in scores(text):  # "beat Harlow United 3-1": both sides, one figure
        units.append(_Unit("number", score.start, score.text, mention=score))
        _cover(taken, score.start, score.end)
    # a share first where it starts with a count ("six in ten": one figure, not six and ten)
    for number in sorted([*shares, *features.numbers, *ranks], key=lambda n: n.start):
        if _inside(number.start, taken):
            continue
        _cover(taken, number.start, number.end)
        span = _span(text, number)
        if _year_like(number, text) or span and 1800 <= number.value <= 2100:
            year = DateMention(
                number.start, number.end, number.text, "date", PartialDate(int(number.value))
            )
            start = number.start
            if " " in span:  # "before the mid-1960s": the bound's words come first
                start = _DECADE_PART.search(text, 0, start).start()  # type: ignore[union-attr]
            bound, words = date_bound(text, start)
            units.append(
                _Unit(
                    "date",
                    number.start,
                    number.text + ("s" if span.endswith("decade") else ""),
                    lemma=bound,
                    mention=year,
                    bound=words,
                    snapshot=_snapshot(text, number.start),
                    span=span,
                )
            )
            if span.endswith("decade"):
                _cover(taken, number.end, number.end + 2)
        elif not _in_name(text, number.start) and not _part_of_word(text, number):
            out_of = _OUT_OF.match(text, number.end)  # "16 out of 28 provinces": 16 provinces
            scale = _SCALE.match(text, number.end)  # "6.2/10": the 10 is its scale
            if scale:
                _cover(taken, number.end, scale.end())
            tail = out_of.end() if out_of else scale.end() if scale else number.end
            window = text[tail : _told_when(features, tail, tail + 60)]
            following = _NAME_WORDS.findall(window.lower())
            after = " ".join(following[:3])
            clause = re.split(r"[,;:()–]|\.(?!\w)|(?<![\w-])\d", window)[0]
            # a share counts what it is a share of ("two in five jobless people": of them)
            noun = "" if number in shares else _counts(clause.lower(), one=number.value == 1)
            kind, words = figure_bound(text, number.start)
            told = text.rfind(words, max(0, number.start - 30), number.start) if words else -1
            noun = _counted_by_act(noun, clause.lower(), _act_before(text, told, number.start))
            # the words after it but the noun counted (the first word where it counts none)
            follow = [
                w
                for w in _until_joined(_NAME_WORDS.findall(clause.lower()))[:_FOLLOW_REACH][
                    not noun :
                ]
                if _singular(w) != noun
            ]
            if told >= 0:  # "less than", "more than": the figure's words, not the sentence's
                _cover(taken, told, number.start)
            leading = _leading_words(text, number.start, words)
            # the counted word aside (comparable figures share it), up to the next figure or
            # the clause's end
            context = frozenset(w for w in follow if w.isalpha() and w not in _FUNCTION)
            units.append(
                _Unit(
                    "number",
                    number.start,
                    number.text,
                    mention=number,
                    lemma=kind,
                    after=after,
                    bound=words,
                    lead=leading[-1] if leading else "",
                    near=frozenset(leading),
                    noun=noun,
                    counted=_up_to(clause, noun),
                    closes=bool(_CLOSES.match(text, tail)),
                    follow=context,
                    sign=_sign(text, number.start),
                    before=_preceding_word(text, number.start),
                    among=bool(_ONE_OF.search(text, max(0, number.start - 12), number.start)),
                    scopes=_scopes(context | frozenset(following[:1]), frozenset(leading)),
                    whole=_whole_of(clause) if number.unit == "%" else frozenset(),
                )
            )
    for word in features.words:
        if word.lemma in features.content and not _inside(word.start, taken):
            units.append(
                _Unit("word", word.start, features.text[word.start : word.end], lemma=word.lemma)
            )
    return tuple(sorted(units, key=lambda u: u.start))


_CURRENCY = "$£€¥"
_ONE_OF = re.compile(r"\bone of\s+$", re.I)
_LEAD_REACH = 3  # words looked back from a figure for the word that leads to it
_DENOMINATOR = re.compile(r"\d[\w\s]{0,20}\bout\s+of$", re.I)
_SIZES = frozenset({"population", "attendance", "enrolment", "enrollment", "headcount"})
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:\w+\s+){0,2}?(\w+s)\b", re.I)
_COUNT_WORDS = re.compile(r"[a-z]+-\d+\w*|[\w']+")
_COMPARED = frozenset({"more", "fewer", "less", "percent", "per", "times"})
_CLOSES = re.compile(r"\s*(?:[,;:!?)\]]|\.(?!\d)|$)")
_SCALE = re.compile(r"\s*/\s*\d[\d,.]*(?![\d/])")
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:a\s+total\s+of\s+)?\d[\d,.]*", re.I)
# a determiner or a possessive just before a figure: "a 2012 film", "the club's 1998 season"
_DETERMINED = re.compile(r"(?:\b(?:an?|the|its|his|her|their|our|this|that)|['’]s?)\s+$", re.I)
# a figure before a name it dates: "(2017 Rome, 2017 Montreal)", "2018 NBA champions"
_BEFORE_NAME = re.compile(r"\s+[A-Z][\w.]*")
_CLOCK = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>[ap]\.?m\b\.?)", re.I
)
_CLOCK_UNIT = "o'clock"  # the unit of a time of day, compared only with another


def _told_when(features: Features, tail: int, end: int) -> int:
    """Where the words telling what a figure ending at `tail` counts stop: at a date told
    right after it ("$8.6 billion on Wednesday", "$1.9 billion last year": when, not what
    part of a total), else at `end`."""
    return min(
        (
            d.start
            for d in features.dates
            if tail <= d.start <= end and not features.text[tail : d.start].strip()
        ),
        default=end,
    )


def clock_times(text: str) -> list[NumberMention]:
    """The times of day a text gives ("9 p.m.", "6:00 a.m."), each as minutes after midnight."""
    found = []
    for clock in _CLOCK.finditer(text):
        hour, minute, half = int(clock["hour"]), int(clock["minute"] or 0), clock["half"]
        minutes = (hour % 12 + (12 if half.lower().startswith("p") else 0)) * 60 + minute
        found.append(
            NumberMention(minutes, clock.group(0), _CLOCK_UNIT, clock.start(), clock.end())
        )
    return found


_BOUND_WORDS = 2  # words of a claim a statement meeting its bounds may lack
_LOOSE_REACH = 4  # loose figures of one kind in a claim, each looked up alone
_FOLLOW_REACH = 5  # words after a figure that tell which of a record's figures it is
# words that tell nothing of what a figure counts; the stop words that do ("first", "last",
# "front") stay
_FUNCTION = STOP_WORDS - {
    "first",
    "third",
    "last",
    "next",
    "top",
    "bottom",
    "front",
    "back",
    "full",
    "former",
    "latter",
    "whole",
}


def _sign(text: str, start: int) -> str:
    """The currency sign written before a figure ("$" in "$253 million"), or ""."""
    before = text[max(0, start - 2) : start].rstrip()
    return before[-1:] if before[-1:] in _CURRENCY else ""


def _leading_words(text: str, start: int, bound: str) -> tuple[str, ...]:
    """The content words of the few words before a figure, within its clause and after any
    figure before it, skipping the words that bound it ("confirmed", "cases" and "reached" in
    "the confirmed cases reached 919"; "score" in "a score of more than 52")."""
    before = text[max(0, start - 80) : start].rstrip(" " + _CURRENCY)
    if _DENOMINATOR.search(before):
        return ()  # "2 stars out of 5": the scale, led to by nothing it counts
    if bound and before.lower().endswith(bound.lower()):
        before = before[: -len(bound)]
    before = re.split(r"[,;:()–]|\d", before)[-1]  # "71% and 29%": no word leads to 29%
    words = [w.lower() for w in _NAME_WORDS.findall(before)][-_LEAD_REACH:]
    # "the total number of cases registered in the country is 2,049": it counts cases
    counted = [m.group(1).lower() for m in _NUMBER_OF.finditer(before)]
    # "the population of the county was 796,836": a noun that counts, earlier in the clause
    counted += [
        w
        for w in re.findall(r"[a-z]+", before.lower())
        if w in _SIZES or w in _groups("figure_scopes")
    ]  # and what part of a total it is: "in the overseas market the film grossed 14.11"
    return tuple(w for w in counted + words if w.isalpha() and w not in _FUNCTION)


def _year_like(number: NumberMention, sentence: str) -> bool:
    """A bare four-digit figure between 1800 and 2100 with no unit of its own is a year (one
    from 1000 on, right after a word of time: "founded in 1765"), and
    so is one that a determiner or a possessive leads to what it qualifies ("a 2012 British
    film", "Brazil's 2014 World Cup") or that comes before a name ("2017 Montreal"): a
    year, not a figure of something that might be rounded ("a 2010 film" is not 2012's)."""
    text = number.text.strip()
    early = 1000 <= number.value < 1800 and bool(_TIME_BEFORE.search(sentence, 0, number.start))
    return (
        text.isdigit()
        and len(text) == 4
        and (1800 <= number.value <= 2100 or early)
        and (
            _DETERMINED.search(sentence, 0, number.start) is not None
            or _BEFORE_NAME.match(sentence, number.end) is not None
            or number.unit
            in (
                "",
                "and",
                "to",
                "in",
                "the",
                "when",
                "after",
                "before",
                "as",
                "with",
                "at",
                "for",
                "on",
                "by",
                "season",
                "election",
                "film",
                "census",
            )
        )
    )


# Right before a figure, words that make an earlier one a year too: "founded in 1765",
# "before 1492", "c. 1650" (a figure from 1800 to 2100 needs none).
_TIME_BEFORE = re.compile(
    r"\b(?:in|since|until|till|from|before|after|during|by|circa|c\.|prior to|founded|born"
    r"|built|died)\s+$",
    re.IGNORECASE,
)


def _part_of_word(text: str, number: NumberMention) -> bool:
    """A number word inside a longer one: the "nine" of "eighty-nine"."""
    return number.text[:1].isalpha() and text[max(0, number.start - 1) : number.start] == "-"


def _in_name(text: str, start: int) -> bool:
    """A figure that is part of a title or name: "Chapter 3", "Year 2", "Apollo 11"."""
    before = text[max(0, start - 40) : start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return bool(word) and word[:1].isupper() and word.isalpha() and start - len(word) > 1


def _inside(position: int, covered: bytearray) -> bool:
    return 0 <= position < len(covered) and covered[position] == 1


def _cover(covered: bytearray, start: int, end: int) -> None:
    covered[max(0, start) : max(0, end)] = b"\x01" * max(0, end - max(0, start))


def _match(mine: list[_Unit], theirs: list[_Unit], context: frozenset[str]) -> dict[int, _Unit]:
    """Each claim unit's counterpart in the statement, where one says the same."""
    pairs: dict[int, _Unit] = {}
    used: set[int] = set()
    by_category: dict[str, list[_Unit]] = {}
    for other in theirs:
        by_category.setdefault(other.category, []).append(other)
    words: dict[str, list[_Unit]] = {}  # a claim's repeated word is compared once
    figures = [u for u in mine if u.category == "number"]
    figures = figures if len(figures) <= 2 * _LOOSE_REACH else []  # a few: pairwise
    written = {t.text.casefold() for t in by_category.get("name", [])}
    named = [t for t in by_category.get("name", []) if " " in t.text]  # of several words
    # one to one, in text order: a repeated word pairs with its next use; a name the statement
    # writes the same way first ("Oslo" with "Oslo", before "Norway" may take it as an alias)
    for unit in sorted(
        mine, key=lambda u: u.category != "name" or u.text.casefold() not in written
    ):
        candidates = by_category.get(unit.category, [])
        if unit.category == "word":
            if unit.lemma not in words:
                words[unit.lemma] = [t for t in candidates if _same(unit, t)]
            options = words[unit.lemma]
        else:
            options = [t for t in candidates if _same(unit, t)]
            if _weekday(unit) and any(_weekday(t) for t in candidates):
                # a weekday pairs with a weekday where the statement gives one: "said on
                # Thursday" is not told by "this year" beside "said on Monday"
                options = [t for t in options if _weekday(t)]
            if unit.category == "number" and unit.lemma and options:  # a bound or estimate
                # the same bound of the same figure is told alike whatever it counts ("more
                # than 120,000 people fled" beside "forced more than 120,000 to flee"); in
                # other words only where the two count the same ("Over 45% of the cases",
                # "More than 45% of the national total of cases")
                exact = [
                    t
                    for t in options
                    if t.lemma == unit.lemma
                    and (t.bound.lower() == unit.bound.lower() or _comparable(unit, t))
                ]
                best = _best_slots(unit, candidates)
                options = [t for t in options if t in best] if best else options
                options = [t for t in options if not _better_told(unit, t, figures)]
                if any(number_relation(unit, t) == "differs" for t in best):
                    options = []  # "under 450 reactors" beside "451 reactors ... 59 reactors":
                    # met by one figure told alike and broken by another, it is not settled
                options = options or exact
            if unit.category == "number" and not unit.lemma and options:
                options = [t for t in options if not _slot_taken(unit, t, candidates)]
            if unit.category == "date" and unit.lemma and options:
                if any(date_relation(unit, t) == "differs" for t in candidates):
                    options = []  # "released after June 27" beside "on June 26 ... and in
                    # the UK on July 9": met by one date and broken by another
        same = next((t for t in options if id(t) not in used), None)
        if same is None and options and not _city_for_country(unit, options[0]):
            same = None if _clock(unit) else options[0]  # told again (a time told twice is
            # of two slots: "from 8 pm to 11 pm, and on Saturday from 8 pm to 11 pm")
        if same is not None:
            used.add(id(same))
        if same is None and unit.category == "word":  # "the typhoon" for "Typhoon Marlen"
            same = next((t for t in named if unit.lemma in _words_of(t.text)), None)
        if same is None and unit.category == "name":  # a name the claim gives by anaphor
            same = next(
                (t for t in theirs if t.category == "name" and _mention(t).id in context), None
            )
        if same is not None:
            pairs[id(unit)] = same
    return pairs


# Words right before a figure that tell its slot in a change: the level reached ("to"), the
# level left ("from"), the amount ("by").
_SLOT_WORDS = frozenset({"to", "from", "by"})


def _slot_taken(unit: _Unit, same: _Unit, candidates: Sequence[_Unit]) -> bool:
    """Whether the statement gives the claim's figure only in another slot, and another
    figure in the claim's: "grew 19% to $1.15 billion" beside "rose 19% to $1.21 billion,
    beating the estimate of $1.15 billion" tells the estimate as the revenue."""
    if unit.before not in _SLOT_WORDS or same.before == unit.before:
        return False
    return any(
        t.before == unit.before
        and t.noun == unit.noun  # "to 87 customers" is no level "to 735" could be
        and t.sign == unit.sign
        and number_relation(unit, t) == "differs"
        and isinstance(t.mention, NumberMention)
        and isinstance(unit.mention, NumberMention)
        and (t.mention.unit == "%") == (unit.mention.unit == "%")
        for t in candidates
    )


def _weekday(unit: _Unit) -> bool:
    """Whether a unit is a date given by its weekday ("on Thursday")."""
    return isinstance(unit.mention, DateMention) and unit.mention.kind == "weekday"


def _clock(unit: _Unit) -> bool:
    """Whether a figure is a time of day ("9 p.m.")."""
    return isinstance(unit.mention, NumberMention) and unit.mention.unit == _CLOCK_UNIT


def _city_for_country(unit: _Unit, other: _Unit) -> bool:
    """Whether two names of one entity are a city and its country, or two cities ("Oslo" and
    "Norway" are one entity to the lexicon, not one place): a name told again pairs with
    the statement's use of it only as the same place."""
    return unit.category == "name" and unit.text != other.text and bool(unit.lemma or other.lemma)


def _better_told(unit: _Unit, other: _Unit, figures: list[_Unit]) -> bool:
    """Whether another of the claim's figures shares more of the statement figure's context
    (in "less than 13 championship teams and less than 25 individual teams" beside "13
    different championship teams", the 13 of the championship teams is the 13)."""
    score = _slot_score(unit, other)
    return any(
        f is not unit and _comparable(f, other) and _slot_score(f, other) > score for f in figures
    )


def _best_slots(unit: _Unit, candidates: Sequence[_Unit]) -> list[_Unit]:
    """The statement's figures comparable with the claim's that share the most of its
    context: the word leading to it and the words after it ("a height of more than 100
    metres" is the height of "a length of 1,200 metres and a height of 85 metres"; "more
    than three episodes in the second season" is not the "two episodes in the first
    season"). Of figures that tie, the ones sharing most of the words after it ("in the
    second season"); several when they still tie."""
    tied = _tied_slots(unit, candidates)
    most = max((len(unit.follow & t.follow) for t in tied), default=0)
    return [t for t in tied if len(unit.follow & t.follow) == most]


def _tied_slots(unit: _Unit, candidates: Sequence[_Unit]) -> list[_Unit]:
    """The statement's figures comparable with the claim's with the best `_slot_score`, of
    those the ones followed by the noun the claim's figure counts where any is ("33
    coronavirus cases" is the "37 confirmed cases", not the "25 in Sofia" after them)."""
    comparable = [t for t in candidates if t.category == "number" and _comparable(unit, t)]
    scores = [_slot_score(unit, t) for t in comparable]
    best = max(scores, default=0)
    tied = [t for t, score in zip(comparable, scores, strict=True) if score == best]
    counted = [t for t in tied if unit.noun and t.noun and _same_noun(unit.noun, t.noun)]
    return counted or tied


def _slot_score(a: _Unit, b: _Unit) -> int:
    """The noun counted, if both figures count it, and the leading word if shared (these
    tell most: they count twice), and each word after the claim's figure that the
    statement's figure shares, less each word after the statement's figure that the claim's
    lacks (its context says something else)."""
    led = bool(a.lead) and bool(b.lead) and _same_led(a.lead, b.lead)
    named = bool(a.noun) and (
        _same_noun(a.noun, b.noun) if b.noun else _unit_nearby(a, b)
    )  # the noun after the claim's figure, before the statement's ("cases reached 919")
    scoped = bool(a.scopes & b.scopes)
    return 2 * (named + led + scoped) + len(a.follow & b.follow) - len(b.follow - a.follow)


def _told_alike(a: _Unit, b: _Unit) -> bool:
    """Two comparable figures that share more than one thing of their context: the noun
    counted and the word leading to them, or either and a word after them. One shared
    word alone ("grossed $61,560" beside "grossed more than $1.56 million") may be chance."""
    return _comparable(a, b) and _slot_score(a, b) > 2


def _told_as(a: _Unit, b: _Unit) -> bool:
    """Two comparable figures in the same slot: sharing the noun counted, the word leading to
    them or the part of a total, and no more words they do not share than words they do."""
    return _comparable(a, b) and _slot_score(a, b) >= 2


def _claimed(pairs: dict[int, _Unit]) -> frozenset[int]:
    """The statement units some claim unit is paired with."""
    return frozenset(id(t) for t in pairs.values())


def _same(a: _Unit, b: _Unit) -> bool:
    if a.category == "word":
        return _same_word(a.lemma, b.lemma)
    if a.category == "number":  # a bound holds only against a figure of the same thing, or
        # the same bound of the same figure ("more than 120,000 people fled" beside "forced
        # more than 120,000 to flee")
        return number_relation(a, b) == "same" and (
            not a.lemma or a.lemma == b.lemma or _comparable(a, b)
        )
    if a.category == "date":
        return date_relation(a, b) == "same"
    if a.lemma and a.lemma != _cities().get(b.text.lower()):
        return False  # "signed in Kyiv": the country ("in Ukraine") does not give the city
    return _same_name(_mention(a), _mention(b))


def city_told_as_place(text: str, mention: Mention) -> str:
    """The city a name gives where it tells where something happened ("in Kyiv", "at
    Seoul"), by its first spelling; "" for any other name or use ("Kyiv said")."""
    city = _cities().get(mention.text.lower(), "")
    before = text[: mention.start].split()[-1:]
    return (
        city
        if city and before and before[0].lower() in word_set("reading.yaml", "place_prepositions")
        else ""
    )


def _cities() -> dict[str, str]:
    """Each spelling of a city that may stand for its country, with its first spelling."""
    return _groups("cities")


def _snapshot(text: str, start: int) -> bool:
    """Whether the date at `start` is given as the moment of a state ("as of 17 April")."""
    return bool(_SNAPSHOT.search(text[max(0, start - 32) : start]))


def _other_bound(a: _Unit, b: _Unit) -> bool:
    """Whether the claim's date bound `a` ("by March 31, 2015") stands beside a bound of the
    statement's at another date ("by March 31, 2018"): the state the statement gives by
    then says nothing of the claim's moment."""
    x, y = a.mention, b.mention
    assert isinstance(x, DateMention) and isinstance(y, DateMention)
    return (
        bool(b.lemma)
        and x.value is not None
        and y.value is not None
        and not x.value.agrees(y.value)
    )


def _next_of_the_day(said: DateMention, recorded: PartialDate) -> bool:
    """Whether a weekday said alone (read as the last such day) is the statement's date a
    week on: the same day to come ("new talks on Monday")."""
    exact, other = (said.value.as_date() if said.value else None), recorded.as_date()
    return (
        said.kind == "weekday"
        and not re.search(r"\b(?:last|next|this|past)\b", said.text, re.I)
        and exact is not None
        and other is not None
        and (other - exact).days == 7
    )


_PERIOD_END = re.compile(r"\b(?:until|till)\b", re.I)


def date_relation(a: _Unit, b: _Unit) -> str:
    """ "same", "differs" or "unsettled" for the claim's date `a` (perhaps a bound such as
    "before 1 April") against the statement's date `b`."""
    x, y = a.mention, b.mention
    assert isinstance(x, DateMention) and isinstance(y, DateMention)
    if x.value is None or y.value is None:
        same = x.weekday is not None and x.weekday == y.weekday
        return "same" if same else "differs"
    if _next_of_the_day(x, y.value):
        return "same"  # "talks on Monday" beside "talks on Monday, 6 October" to come
    if a.span or b.span:
        return _span_relation(a, x.value, b, y.value)
    if b.lemma:
        ends = _PERIOD_END.search(a.bound) and _PERIOD_END.search(b.bound)
        if (a.lemma == b.lemma == ">=" or ends) and not x.value.agrees(y.value):
            return "differs"  # two starts of one period: "from December 2020" beside "from
            # December 2021", or two ends ("until 19 October" beside "until 18 October");
            # two "by" dates are two moments of a state: unsettled
        if x.value.agrees(y.value) and {a.lemma, b.lemma} in ({"<", ">="}, {"<", ">"}):
            return "differs"  # the other side of one date: "built before March 2024" beside
            # "made since March 2024"
        return "same" if x.value.agrees(y.value) and a.lemma == b.lemma else "unsettled"
    yearless = not _YEAR.search(x.text) and bool(_YEAR.search(y.text))
    if a.lemma:
        said = replace(x.value, year=y.value.year) if yearless else x.value
        if said.month and said.day and not _valid(said):
            return "unsettled"  # "before February 29" beside a day of 2019
        return _bound_relation(a.lemma, said, y.value, snapshot=b.snapshot)
    if yearless:  # "November 14": the year is ours
        same_day = x.value.same_month_and_day(y.value)
        return "same" if same_day else ("differs" if y.value.month else "unsettled")
    return "same" if x.value.agrees(y.value) else "differs"


_DECADE_PART = re.compile(r"\b(early|mid|late)[- ]?$", re.I)


def _span(text: str, number: NumberMention) -> str:
    """How a year is given: "decade" where one ending in 0 stands for its decade ("in the
    1960s", "the 1990's"); a part of the decade where the words before it tell one ("late
    decade": "the late 1960s"; "mid decade": "the mid-1990s"), or of the year ("mid year":
    "mid-1976"; "early year": "early 2023"); "" for the year itself."""
    told = _DECADE_PART.search(text, 0, number.start)
    part = f"{told.group(1).lower()} " if told else ""
    after = text[number.end : number.end + 3]
    if number.value % 10 == 0 and (
        re.match(r"s\b", after)
        or re.match(r"'s\b", after)
        and re.search(r"\bthe\W+(?:(?:early|mid|late)\W*)?$", text[: number.start], re.I)
    ):  # "1990's" is its decade after "the" ("the 1990's"), else a possessive ("2000's
        # Game Over": the film of 2000)
        return f"{part}decade"
    return f"{part}year" if part else ""


def _span_relation(a: _Unit, said: PartialDate, b: _Unit, recorded: PartialDate) -> str:
    """A decade or a part of a year or decade against a date ("in the 1960s" beside "on 8
    September 1966"), by the years it spans. The claim's decade agrees with a date of the
    statement's within it and is given otherwise beside an event's date outside it ("in the
    1970s"); a bound on it counts from its first year ("before the 1960s") or its last
    ("after the 1960s"). A part of a span ("the late 1960s", "mid-1976") against a date inside
    the span is unsettled, as is a date inside the span the statement gives; one outside
    differs."""
    years = 10 if (a.span or b.span).endswith("decade") else 1
    if a.span:
        first, last, year = said.year, said.year + years - 1, recorded.year
    else:
        first, last, year = recorded.year, recorded.year + years - 1, said.year
    if b.lemma or (a.lemma and not a.span):
        return "unsettled"  # a bound beside a span: one moment of a span in another
    if a.lemma:
        if a.lemma not in ("<", ">") or " " in a.span:
            return "unsettled"  # "by the 1960s", "since the 1960s": some moment of it
        edge = PartialDate(last if a.lemma == ">" else first)
        return _bound_relation(a.lemma, edge, recorded, snapshot=b.snapshot)
    if not first <= year <= last:
        return "unsettled" if b.snapshot and a.span else "differs"
    if a.span == b.span and said.year == recorded.year:
        return "same"  # "as of early 2016" beside "as of early 2016"
    return "same" if a.span == "decade" and b.span == "" else "unsettled"


def _bound_relation(bound: str, said: PartialDate, recorded: PartialDate, *, snapshot: bool) -> str:
    """A claim's date bound ("before 2017") against the date a statement gives. A bound that
    holds agrees. One that fails is given otherwise where it excludes its own date ("before",
    "after") and the statement gives the day of an event, not the moment of a state ("as of
    5 April"): "born after 2000" beside "born 18 November 1980", "released before 2017"
    beside "released in September 2017". Else it is left unsettled: "by 2017" beside "in
    2017", or a date coarser than the bound ("before October 2014" beside "in 2014")."""
    within = said.agrees(recorded) and recorded.precision >= said.precision
    if said.agrees(recorded) and not within:
        return "unsettled"
    if within and bound in ("<=", ">="):
        return "same"  # "by 2017" beside "in September 2017"
    before = bound in ("<", "<=")
    holds = not within and (recorded.first_day() < said.first_day()) == before
    if holds:
        return "same"
    return "differs" if bound in ("<", ">") and not snapshot else "unsettled"


def _valid(value: PartialDate) -> bool:
    try:
        value.first_day()
    except ValueError:
        return False
    return True


def number_relation(a: _Unit, b: _Unit) -> str:
    """ "same", "differs" or "unsettled": whether the claim's figure `a` (perhaps a bound or
    an estimate) agrees with the statement's figure `b`."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    said, recorded = _thousands(x.text, x.value, y.value), _thousands(y.text, y.value, x.value)
    if a.among and b.after.split()[:1] == ["other"]:
        recorded += 1  # "one of five regions" beside "four other regions"
    elif b.among and a.after.split()[:1] == ["other"]:
        said += 1
    if (_in_words(x) or _in_words(y)) and not a.lemma and not b.lemma:  # "a third", "33%"
        return "same" if abs(said - recorded) <= _SHARE_SLACK else "differs"
    if x.unit != y.unit and span_days(x) and span_days(y):  # "eleven days" beside "eleven weeks"
        said, recorded = said * span_days(x), recorded * span_days(y)
        close = abs(said - recorded) <= _SPAN_SLACK * recorded  # "two months", "eight weeks"
        if not a.lemma and not b.lemma:
            return "same" if close else "differs"
        if a.lemma == "~" and not b.lemma:  # "nearly three months" beside "eleven weeks"
            far = max(said, recorded) > _SPAN_APART * min(said, recorded)
            return "same" if close else "differs" if far else "unsettled"
        # a bound ("less than a minute" beside "19 seconds") is read in days below
    if _clock(a) or x.unit == SCORE_UNIT:  # a time of day, a score: given exactly
        return "same" if same_number(said, recorded) else "differs"
    if b.lemma:  # the statement gives only a bound or an estimate
        if same_number(said, recorded) and a.lemma == b.lemma:
            return "same"
        if _apart(a.lemma, said, b.lemma, recorded):
            return "differs"  # "under $248 million" beside "over $248 million"
        # an exact figure it rules out differs ("5 million" beside "about 2.1 million", "900"
        # beside "more than 1,000"); one it allows is not confirmed by it, nor two bounds
        ruled_out = not a.lemma and _ruled_out(said, b.lemma, recorded)
        return "differs" if ruled_out else "unsettled"
    if a.lemma == "?":  # "after 45 reviews", "before the 17th century": a moment, not a count
        return "unsettled"
    if a.lemma == "~":
        return "same" if abs(said - recorded) <= _APPROX * abs(recorded) else "differs"
    if a.lemma:
        holds = {">": recorded > said, ">=": recorded >= said, "<": recorded < said}[a.lemma]
        return "same" if holds else "differs"
    if same_number(said, recorded) or (not x.ordinal and _rounded(x.text, said, recorded)):
        return "same"
    return "differs"


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _thousands(text: str, value: float, other: float) -> float:
    """A figure written with dots between its thousands ("30.000 inhabitants") read as the
    other text's figure of that size is written ("30,000"): only where the other figure is
    that large and this reading brings the two within half of each other."""
    written = text.strip()
    if not _DOT_THOUSANDS.fullmatch(written) or other < 1000:
        return value
    grouped = float(written.replace(".", ""))
    return grouped if abs(grouped - other) <= 0.5 * other else value


# Days in each measure of a span of time, to compare spans given in two measures; spans so
# given agree within a tenth ("a month" and "four weeks", "two months" and "eight weeks").
SPAN_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
}
_SPAN_SLACK = 0.1
_SPAN_APART = 1.5  # a bound or estimate in another measure differs only when this far off


_SHARE_SLACK = 2.0  # points of a percentage a share in words stands for ("a third": 31-35%)


def _in_words(number: NumberMention) -> bool:
    """Whether a percentage is a share given in words ("a third", "half")."""
    return number.unit == "%" and not any(c.isdigit() for c in number.text)


def span_days(number: NumberMention) -> float:
    """The days in the measure a figure counts (0 where it counts no span of time)."""
    return SPAN_DAYS.get(number.unit.lower().removesuffix("s"), 0.0)


def _apart(said_bound: str, said: float, bound: str, recorded: float) -> bool:
    """Whether two one-sided bounds, or a bound and an estimate, leave no figure both allow:
    "less than 200" and "over 200", "more than 500" and "up to 500", "less than 20,000" and
    "around 30,000", "about 30%" and "around 70%" (an estimate allows _ESTIMATE either
    way)."""
    if bound == "~":  # every figure the estimate allows breaks the bound ("less than 20,000"
        # beside "around 30,000")
        low, high = (1 - _ESTIMATE) * recorded, (1 + _ESTIMATE) * recorded
        if said_bound == "~":  # two estimates no figure both allow ("about three in ten"
            # beside "around 70 percent")
            return (1 + _ESTIMATE) * said < low or (1 - _ESTIMATE) * said > high
        if said_bound == "<":
            return low >= said
        if said_bound == ">=":
            return high < said
        return said_bound == ">" and high <= said
    if said_bound == "<":
        return bound in (">", ">=") and recorded >= said
    if said_bound in (">", ">=") and bound == "<":
        return recorded < said or (said_bound == ">" and recorded == said)
    return False


def _ruled_out(said: float, bound: str, recorded: float) -> bool:
    """Whether a bound or estimate the record gives rules out the figure said: an estimate
    ("about 2.1 million") allows _ESTIMATE either way, a bound allows its side and the figure
    itself ("up to 500" may be 500)."""
    if bound == "~":
        return abs(said - recorded) > _ESTIMATE * abs(recorded)
    if bound in (">", ">="):
        return said < recorded
    if bound == "<":
        return said > recorded
    return False  # "after 45 reviews": a moment, not a count


def _rounded(written: str, said: float, recorded: float) -> bool:
    """ "1.5 million" for 1,523,000: the claim gives the figure to fewer places."""
    digits = re.sub(r"\D", "", written.split()[0] if written.split() else written)
    significant = len(digits.lstrip("0").rstrip("0")) or 1
    if recorded == 0 or significant >= 15:
        return False
    scale = 10.0 ** (math.floor(math.log10(abs(recorded))) - significant + 1)
    return abs(round(recorded / scale) * scale - said) <= 1e-9 * max(1.0, abs(said))


@lru_cache(maxsize=65536)  # the same few hundred lemmas meet each other on every check
def _same_word(a: str, b: str) -> bool:
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = len(os.path.commonprefix((a, b)))
    return common >= _STEM and common >= 0.75 * shorter


def _mention(unit: _Unit) -> Mention:
    assert isinstance(unit.mention, Mention)
    return unit.mention


@lru_cache(maxsize=4096)
def _name_words(mention: Mention) -> frozenset[str]:
    words = _NAME_WORDS.findall(mention.text.lower().replace(".", "").replace("’", "'"))
    return frozenset(w.removesuffix("'s") for w in words if w not in ("the", "'s"))


_NEW = "new"  # the word that names a place after another: "New York", "New Mexico"


def _same_name(a: Mention, b: Mention) -> bool:
    """The same entity: the same id, or one name's words within the other's ("Stoltenberg",
    "Jens Stoltenberg"; "S. Korea", "S.Korea")."""
    if a.id == b.id:
        return True
    x, y = _name_words(a), _name_words(b)
    if not x or not y:
        return False
    if x ^ y == {_NEW}:
        return False  # "New York" is not York, nor "New Mexico" Mexico
    joined_x, joined_y = "".join(sorted(x)), "".join(sorted(y))
    return x <= y or y <= x or joined_x == joined_y


def _kind(mention: Mention, labels: dict[str, str]) -> DetailKind:
    label = labels.get(mention.id, mention.label)
    if label == "PERSON":
        return DetailKind.PERSON
    if label in _PLACES:
        return DetailKind.PLACE
    return DetailKind.NAME


def _swappable(a: Mention, b: Mention, labels: dict[str, str]) -> bool:
    """Two names one may stand where the other should: entities the knowledge base knows, of
    the same kind (a capitalised word guessed to be a name is too weak a sign)."""
    x, y = labels.get(a.id), labels.get(b.id)
    # one entity named two ways is never a swap ("in Kyiv" beside "in Ukraine": a city the
    # statement does not give, not another country)
    return x is not None and x == y and x in _NAMED and x != "ROLE" and a.id != b.id


def _differences(
    mine: list[_Unit],
    theirs: list[_Unit],
    pairs: dict[int, _Unit],
    labels: dict[str, str],
    given: AbstractSet[int] = frozenset(),
) -> tuple[list[Difference], list[str], list[str], set[int]]:
    """Details of the claim given otherwise in the same slot of the statement, details the
    statement does not give (`given`: names its source's title gives), of those the figures
    and dates it gives in no form (not even as a bound), and the claim's units paired with
    one given otherwise."""
    claimed = _claimed(pairs)
    keys_a = [_key(u, pairs) for u in mine]
    keys_b = [f"t{id(t)}" for t in theirs]
    opcodes = SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes()
    differences: list[Difference] = []
    paired: set[int] = set()
    used: set[int] = set()
    unsettled: set[int] = set()
    one_sided: set[int] = set()  # of those, figures only a one-sided bound speaks of
    for unit in mine:  # a figure the statement gives only as a bound: neither same nor other
        if unit.category not in ("number", "date") or id(unit) in pairs:
            continue
        bounds = [
            t
            for t in theirs
            if t.category == unit.category
            and _comparable(unit, t)
            and _relation(unit, t) == "unsettled"
        ]
        if bounds and all(t.span for t in bounds) and _differs_in(unit, theirs):
            bounds = []  # "1984" beside "in the 1980s ... the 1987 hit": the decade the
            # statement gives is coarser than its year, which tells the claim's otherwise
        elif (
            bounds
            and not unit.lemma
            and _told_otherwise(unit, theirs)
            and not any(_at_bound(unit, t) for t in bounds)
        ):
            bounds = []  # "arrested in March 2021" beside "from 2014 until his arrest in
            # March 2022": a bound leaves it open, a date given exactly tells it otherwise
            # ("started in 1978" beside "from 1978 until 1996" is the bound's own date)
        if bounds:
            unsettled.add(id(unit))
            if all(t.category == "number" and t.lemma in _ONE_SIDED for t in bounds):
                one_sided.add(id(unit))
            elif (
                unit.category == "date"
                and unit.lemma
                and all(_other_bound(unit, t) for t in bounds)
            ):
                one_sided.add(id(unit))  # "by March 2015" beside "by March 2018": not given
        elif unit.category == "number" and any(
            _relation(unit, t) == "same" for t in _tied_slots(unit, theirs)
        ):  # a figure told alike meets it, though the pairing chose none: never contradicted
            unsettled.add(id(unit))  # by another ("more than 70.8%" beside "71% and 29%
            one_sided.add(id(unit))  # respectively"), nor established
        elif unit.category == "number" and any(_may_give(unit, t, theirs) for t in theirs):
            unsettled.add(id(unit))  # a figure elsewhere in the statement may be the one told:
            one_sided.add(id(unit))  # not given otherwise, nor given for certain
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace":
            continue
        for unit in mine[i1:i2]:
            if unit.category == "word" or id(unit) in pairs or id(unit) in unsettled:
                continue
            other = _counterpart(unit, theirs[j1:j2], claimed, used, labels)
            if other is not None and unit.category == "number":
                other = _closest_slot(unit, other, theirs, claimed | used)
            if other is not None:
                differences.append(_difference(unit, other, labels))
                paired.add(id(unit))
                used.add(id(other))
    taken = pairs.keys() | paired | unsettled
    for unit, other in _lone_pairs(mine, theirs, taken, claimed | used):
        differences.append(_difference(unit, other, labels))
        paired.add(id(unit))
        used.add(id(other))
    lost = [
        u
        for u in mine
        if u.category != "word" and id(u) not in pairs and id(u) not in paired | given
    ]
    uncovered = [u.text for u in lost]
    missing = [
        u.text
        for u in lost
        if u.category in ("number", "date") and (id(u) not in unsettled or id(u) in one_sided)
    ]
    return differences, uncovered, missing, paired


def _told_otherwise(unit: _Unit, theirs: list[_Unit]) -> bool:
    """Whether a statement unit comparable with the claim's gives it otherwise for certain
    (`_differs_in`): not a date whose year one of them leaves to be guessed ("March 13"
    beside "13 March")."""
    return not _yearless(unit) and _differs_in(unit, [t for t in theirs if not _yearless(t)])


def _yearless(unit: _Unit) -> bool:
    return isinstance(unit.mention, DateMention) and unit.mention.yearless


def _at_bound(unit: _Unit, bound: _Unit) -> bool:
    """Whether the claim's figure or date is the one a statement's bound is set at."""
    x, y = unit.mention, bound.mention
    if isinstance(x, NumberMention) and isinstance(y, NumberMention):
        return same_number(x.value, y.value)
    return isinstance(x, DateMention) and isinstance(y, DateMention) and x.value == y.value


def _differs_in(unit: _Unit, theirs: list[_Unit]) -> bool:
    """Whether a statement unit comparable with the claim's gives it otherwise."""
    return any(
        t.category == unit.category and _comparable(unit, t) and _relation(unit, t) == "differs"
        for t in theirs
    )


def _lone_pairs(
    mine: list[_Unit], theirs: list[_Unit], taken: AbstractSet[int], unavailable: AbstractSet[int]
) -> list[tuple[_Unit, _Unit]]:
    """The claim's loose figures (or dates), each with the one statement figure (or date) it
    differs from: the same slot, told otherwise ("more than 59.5%" and "more than 116
    reviews" beside "a 59% rating ... based on 116 reviews"). Only a kind with a few loose
    units in the claim is looked up, so this is linear in the units however many figures a
    sentence has."""
    loose: dict[str, list[_Unit]] = {"number": [], "date": []}
    for unit in mine:
        if unit.category in loose and id(unit) not in taken:
            loose[unit.category].append(unit)
    found: list[tuple[_Unit, _Unit]] = []
    chosen = [u for units in loose.values() if len(units) <= _LOOSE_REACH for u in units]
    paired: set[int] = set()
    for unit in sorted(chosen, key=lambda u: u.start):
        others = [
            t
            for t in theirs
            if t.category == unit.category
            and id(t) not in unavailable
            and id(t) not in paired
            and _comparable(unit, t)
            and _relation(unit, t) == "differs"
        ]
        if len(others) == 1:
            found.append((unit, others[0]))
            paired.add(id(others[0]))
    return found


def _closest_slot(
    unit: _Unit, found: _Unit, theirs: list[_Unit], unavailable: AbstractSet[int]
) -> _Unit:
    """The figure a differing figure is named against: the one statement figure that shares
    most of its context where that one differs too ("more than five episodes in the second
    season" against "four episodes in the second season", not the "two episodes" before)."""
    free = [t for t in theirs if id(t) not in unavailable or t is found]
    best = _best_slots(unit, free)
    if len(best) == 1 and best[0] is not found and _relation(unit, best[0]) == "differs":
        return best[0]
    return found


def _key(unit: _Unit, pairs: dict[int, _Unit]) -> str:
    other = pairs.get(id(unit))
    return f"t{id(other)}" if other is not None else f"c{id(unit)}"


def _counterpart(
    unit: _Unit, block: list[_Unit], claimed: frozenset[int], used: set[int], labels: dict[str, str]
) -> _Unit | None:
    for other in block:
        if other.category != unit.category or id(other) in used or id(other) in claimed:
            continue
        if unit.category == "name" and not _swappable(_mention(unit), _mention(other), labels):
            continue
        if unit.category in ("number", "date") and not _comparable(unit, other):
            continue
        if unit.category in ("number", "date") and _relation(unit, other) != "differs":
            continue
        return other
    return None


def _relation(a: _Unit, b: _Unit) -> str:
    return number_relation(a, b) if a.category == "number" else date_relation(a, b)


def _comparable(a: _Unit, b: _Unit) -> bool:
    """Two figures counting the same thing (the same unit: "%", "people"), or two dates of
    the same kind."""
    if a.category == "number":
        if _clock(a) or _clock(b):
            return _clock(a) and _clock(b)
        if _levels_apart(a.before, b.before):
            return False  # "cut rates by 0.25 points" beside "cut ... to 5%": how much a
            # figure changed is not the level it changed to
        if _shares_of_apart(a, b):
            return False  # "12% of the vote" beside "15% of the seats"
        return (
            _same_unit(a, b)
            or _unit_nearby(a, b)
            or _same_lead(a, b)
            or _same_scope(a, b)
            or _same_setting(a, b)
        )
    x, y = a.mention, b.mention
    assert isinstance(x, DateMention) and isinstance(y, DateMention)
    if x.kind == "weekday" or y.kind == "weekday":
        return x.kind == y.kind
    return x.value is not None and y.value is not None


_CHANGE_AMOUNT = "by"
_LEVEL_LEADS = frozenset({"to", "from", "at"})


_LAST_WORD = re.compile(r"([A-Za-z]+)[^A-Za-z0-9]*$")


def _preceding_word(text: str, start: int) -> str:
    """The word right before a figure, lower case, past a currency sign ("by" in "by $5")."""
    found = _LAST_WORD.search(text, max(0, start - 20), start)
    return found.group(1).lower() if found else ""


def _levels_apart(a: str, b: str) -> bool:
    """Whether one figure is led to as the amount of a change ("by") and the other as a
    level ("to", "from", "at")."""
    leads = {a.lower(), b.lower()}
    return _CHANGE_AMOUNT in leads and bool(leads & _LEVEL_LEADS)


def _same_unit(a: _Unit, b: _Unit) -> bool:
    """Two figures followed by the same word ("42 soldiers", "five soldiers"; "%")."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    if x.ordinal == y.ordinal and x.unit != y.unit and span_days(x) and span_days(y):
        return True  # two spans of time, in two measures ("eleven days", "eleven weeks")
    if x.ordinal != y.ordinal or not x.unit or x.unit != y.unit or x.unit in _NOT_UNITS:
        return False
    if x.unit == "%":
        if _SHARE_IN_WORDS.search(x.text) or _SHARE_IN_WORDS.search(y.text):
            return True  # a share in words ("two in five jobless people", "a third of voters")
        return not _shares_of_apart(a, b)  # "60% of the vote", "61% of the seats"
    one, two = a.after.split()[1:2], b.after.split()[1:2]
    if not (one and two) or not (one[0].isalpha() and two[0].isalpha()):
        return True
    return _same_word(one[0], two[0]) or bool({one[0], two[0]} & _NOT_UNITS)


def _shares_of_apart(a: _Unit, b: _Unit) -> bool:
    """Two shares of wholes the words after them tell apart: no content word in common right
    after "of" ("of the vote" beside "of the seats"; not "of all cinema revenues" beside "of
    all film revenues")."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    if x.unit != "%" or y.unit != "%":
        return False
    whole, other = a.whole, b.whole
    return bool(whole and other) and not any(_same_word(w, o) for w in whole for o in other)


_WHOLE_REACH = 6  # words after "of" read for what a share is of


def _whole_of(clause: str) -> frozenset[str]:
    """The content words of the phrase after a share's "of", but "total", which any share may
    be of ("of the national total of cases": national, cases); none where the words after it
    do not begin with "of"."""
    words = _NAME_WORDS.findall(clause.lower())
    if words[:1] != ["of"]:
        return frozenset()
    found: set[str] = set()
    for word in words[1 : 1 + _WHOLE_REACH]:
        if word in _WHOLE_ENDS or not word.isalpha():
            break  # "of the vote in the city": the whole ends at "in"
        if word not in _FUNCTION and word != "total":
            found.add(word)  # "of total known US cases": known, us, cases
    return frozenset(found)


# words that end the phrase telling what a share is of
_WHOLE_ENDS = frozenset(
    """in on at for by with to from into across over under during since after before among
    between that which who whose where when is are was were be been has have had will would
    and or but while as than""".split()
)


_SHARE_IN_WORDS = re.compile(r"\b(?:in|out|half|thirds?|quarters?|fifths?|tenths?)\b", re.I)


def _unit_nearby(a: _Unit, b: _Unit) -> bool:
    """Two figures counting the same noun, one naming it otherwise placed: after a word that
    qualifies it ("650,000 coronavirus tests", "669,982 tests"), or before the figure ("fewer
    than 900 cases", "the confirmed cases reached 919")."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    if x.ordinal != y.ordinal or (x.unit == "%") != (y.unit == "%") or a.sign != b.sign:
        return False
    mine, theirs = a.noun, b.noun
    if mine and theirs:
        return _same_noun(mine, theirs)
    if mine:
        return _ends_clause(b) and any(_same_noun(mine, _singular(w)) for w in b.near)
    return (
        bool(theirs) and _ends_clause(a) and any(_same_noun(theirs, _singular(w)) for w in a.near)
    )


def _same_noun(a: str, b: str) -> bool:
    """Two nouns that count the same things: one word ("review", "reviews") or two the data
    file gives as alike ("people", "population")."""
    return _same_word(a, b) or _alike(a, b, "counted_alike")


def _alike(a: str, b: str, key: str) -> bool:
    """Whether two words are in one group of the reading.yaml list `key`."""
    groups = _groups(key)
    return a in groups and groups[a] == groups.get(b)


@cache
def _groups(key: str) -> dict[str, str]:
    """Each word of the groups of a reading.yaml list written "a/b/c", with its group's first
    word."""
    return {
        word: group.split("/")[0]
        for group in word_lists("reading.yaml")[key]
        for word in group.split("/")
    }


def _ends_clause(unit: _Unit) -> bool:
    """A figure no word follows within its clause ("the confirmed cases reached 919, and"),
    or only a phrase of where or when ("an approval rating of 30% on Rotten Tomatoes"), so
    that a noun before it may be what it counts ("the company maintains 75 Lilly Pulitzer
    stores" counts stores, not companies)."""
    first = unit.after.split()[:1]
    return (
        unit.closes
        or not first
        or first[0] in _CLAUSE_WORDS
        or first[0] in _SETTING_WORDS
        or not first[0].isalpha()
    )


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _may_give(a: _Unit, b: _Unit, theirs: list[_Unit]) -> bool:
    """Whether the statement's figure `b` may be the one the claim's figure `a` tells, and
    agrees with it; then no figure of the statement can be said to differ. A figure counting
    the same thing may ("more than 20 million albums worldwide" beside "8.1 million albums in
    the US and 24 to 32 million albums worldwide"); where the claim's figure counts nothing
    the statement's figures count, any with its currency sign may ("more than $122 million
    globally" beside "$36.3 million in the US and ... a worldwide total of $122.2 million")."""
    if b.category != "number":
        return False
    if _comparable(a, b) and b not in _best_slots(a, theirs):
        return False  # another figure shares more of its context: "a height of ..."
    if not _comparable(a, b):
        x, y = a.mention, b.mention
        assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
        if a.sign != b.sign or a.noun or x.ordinal != y.ordinal:
            return False  # a figure of counted things ("118 reviews") is told apart by them
        if any(t.category == "number" and _told_alike(a, t) for t in theirs):
            return False  # a figure told as this one is ("grossed $163.7 million in the US"
            # beside "grossed less than $163.2 million in the US") leaves the others aside
        if b.noun and any(t.category == "number" and _told_as(a, t) for t in theirs):
            return False  # and so does one counting what the claim's does not ("a $40
            # million budget") where another is comparable ("made $100 million worldwide")
        if (x.unit == "%") != (y.unit == "%"):
            return False
        others = (t for t in theirs if t.category == "number" and t is not b)
        if any(_same_unit(a, t) for t in others):
            return False  # the word after it ("175,000 confirmed") finds its figure
    return number_relation(a, b) != "differs"


def _counts(words: str, *, one: bool = False) -> str:
    """The noun a figure counts, from the words after it in its clause: the first noun
    ("review" in "118 reviews"), after the words that qualify it ("case" in "1,363 officially
    confirmed cases"), or the head of a compound the first noun begins, the plural that ends it
    ("case" in "1,355 positive coronavirus cases", "officer" in "12 police officers"; not
    for one, "1 person dies"); ""."""
    run = []
    for word in _COUNT_WORDS.findall(words)[:3]:
        if word in _NOT_UNITS or word in _COMPARED or not (word.isalpha() or "-" in word):
            break  # "40 percent more cases" counts no cases; "COVID-19 cases" counts cases
        run.append(word)
    nouns = [i for i, word in enumerate(run) if can_be_noun(_singular(word))]
    if not nouns:
        return ""
    head = nouns[0]
    if not one and not _plural(run[head]):
        for j in range(head + 1, len(run)):
            if j in nouns and _plural(run[j]):
                head = j
                break
            if j not in nouns and is_known_word(run[j]):
                break  # "40 percent more cases": no compound
    return _singular(run[head])


def _counted_by_act(noun: str, clause: str, act_before: str = "") -> str:
    """What a figure of people counts, where the clause tells what befell them: "more than
    2,930 people have died" counts deaths, "222 people had recovered" recoveries and "the
    floods killed 150 people" deaths (`act_before`: the word before the figure and its
    bound), as a record writes them ("2,945 deaths", "225 recoveries"); `people_acts` in
    data/reading.yaml. Any other noun, or people the clause tells nothing of, stays."""
    if noun not in _PEOPLE:
        return noun
    words = _COUNT_WORDS.findall(clause)
    at = next((i for i, w in enumerate(words) if _singular(w) in _PEOPLE), None)
    if at is None:
        return noun
    after = next((w for w in words[at + 1 : at + 1 + _ACT_REACH] if w not in _BEFORE_ACT), "")
    acts = _people_acts()
    return acts.get(lemma_table().get(after, after)) or acts.get(
        lemma_table().get(act_before, act_before), noun
    )


def _act_before(text: str, bound_at: int, start: int) -> str:
    """The word right before a figure and the words that bound it (`bound_at`, -1 for none:
    "killed" in "killed at least 40 people"), in lower case; "" where anything but spaces
    comes between ("killed, by one count, 40 people")."""
    at = bound_at if bound_at >= 0 else start
    return _preceding_word(text, at) if text[:at].rstrip()[-1:].isalpha() else ""


_PEOPLE = frozenset({"people", "person"})
_BEFORE_ACT = frozenset(  # "have so far died", "were reportedly killed"
    {
        "have",
        "has",
        "had",
        "were",
        "was",
        "been",
        "are",
        "is",
        "be",
        "reportedly",
        "also",
        "already",
        "now",
        "so",
        "far",
        "since",
        "later",
        "subsequently",
    }
)
_ACT_REACH = 4  # words after "people" looked at for the act ("have so far died")


@cache
def _people_acts() -> dict[str, str]:
    """Each act of `people_acts` with the noun that counts the people it befell."""
    return dict(group.split("/", 1) for group in word_lists("reading.yaml")["people_acts"])


def _until_joined(words: list[str]) -> list[str]:
    """The words before the first that joins another clause or phrase ("and", "while"):
    what follows it is told of the next figure ("62.19 crore and in the overseas market")."""
    for i, word in enumerate(words):
        if word in _CLAUSE_WORDS:
            return words[:i]
    return words


def _up_to(clause: str, noun: str) -> str:
    """The words of a clause up to the noun counted, as written ("confirmed COVID-19
    cases"); "" where it counts none."""
    if noun:
        for word in list(_COUNT_WORDS.finditer(clause))[:3]:
            if _singular(word.group().lower()) == noun:
                return clause[: word.end()].strip()
    return ""


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _same_lead(a: _Unit, b: _Unit) -> bool:
    """Two figures that count no word, led to by the same word with the same currency sign
    ("an attendance of 51,385", "an attendance of more than 51,386")."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    if not (a.lead and b.lead) or a.sign != b.sign or (x.unit == "%") != (y.unit == "%"):
        return False
    if a.noun or b.noun:
        return False  # a counted word tells what a figure counts: the unit decides
    one, two = a.after.split(), b.after.split()
    if one and two and (one[0] != two[0] or one[1:2] != two[1:2]):
        return False  # "$12 million in other territories", "$32.6 million in North America"
    return _same_led(a.lead, b.lead)


def _same_led(a: str, b: str) -> bool:
    """Two words leading to figures that tell the same of them ("grossed", "earned")."""
    return _same_word(a, b) or _alike(a, b, "led_alike")


def _same_scope(a: _Unit, b: _Unit) -> bool:
    """Two figures that count no word, with the same currency sign, said of the same part of
    a total ("more than $122 million globally", "a worldwide total of $122.2 million")."""
    return _uncounted_alike(a, b) and bool(a.scopes & b.scopes)


def _same_setting(a: _Unit, b: _Unit) -> bool:
    """Two figures that count no word, with the same currency sign, followed by the same
    words ("less than 10 million in its greater area", "9,245,438 in its greater area"):
    two or more, since one alone may be chance."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    return _uncounted_alike(a, b) and x.ordinal == y.ordinal and len(a.follow & b.follow) >= 2


def _uncounted_alike(a: _Unit, b: _Unit) -> bool:
    """Two figures that count no word, with the same currency sign, both or neither a
    percentage."""
    x, y = a.mention, b.mention
    assert isinstance(x, NumberMention) and isinstance(y, NumberMention)
    return not a.noun and not b.noun and a.sign == b.sign and (x.unit == "%") == (y.unit == "%")


def _scopes(after: frozenset[str], before: frozenset[str]) -> frozenset[str]:
    """The parts of a total the words around a figure name (reading.yaml figure_scopes):
    those after it ("$24.11 million overseas"), else those before it ("a worldwide total
    of"), which may be the figure before's ("$62 million domestically and $24 million")."""
    scopes = _groups("figure_scopes")
    found = frozenset(scopes[w] for w in after if w in scopes)
    return found or frozenset(scopes[w] for w in before if w in scopes)


def _difference(unit: _Unit, other: _Unit, labels: dict[str, str]) -> Difference:
    if unit.category == "number":
        kind = DetailKind.BOUND if unit.lemma in _ONE_SIDED else DetailKind.NUMBER
        return Difference(kind, _counted(unit), _counted(other), at=unit.start)
    if unit.category == "date" and unit.lemma and not other.lemma:  # a bound the date breaks
        kept = unit.text.lower().startswith(unit.bound.lower())  # "by 2022" keeps its "by"
        said = unit.text if kept else f"{unit.bound} {unit.text}"
        return Difference(DetailKind.BOUND, said, other.text, of_date=True, at=unit.start)
    if unit.category == "date" and unit.lemma and other.lemma:  # two sides of one date
        return Difference(
            DetailKind.BOUND,
            _bounded(unit),
            _bounded(other),
            of_date=True,
            at=unit.start,
            other_side=True,
        )
    if unit.category == "date":
        return Difference(DetailKind.DATE, unit.text, other.text, at=unit.start)
    return Difference(_kind(_mention(unit), labels), unit.text, other.text)


# the negations of a verb ("were not yet behind them", "is not there"), among a sentence's
# negations (which leave out a restriction: "not only")
_VERB_NEGATIONS = frozenset({"not", "n't", "never"})


def _negation_unretold(
    claim: Features, statement: Features, antonyms: dict[str, frozenset[str]]
) -> bool:
    """Whether the claim denies a word that the statement uses in no form (nor as part of a
    word: "pre-committing", "committing"), nor any opposite of it ("not linked" beside
    "driven by"; not "did not win" beside "lost"), or a name the statement gives and
    denies nothing of ("did not go to Krnov" beside "toured Krnov and Opava")."""
    if not claim.negated:
        return False
    used = set(statement.lemmas)
    named = {w for m in statement.entities for w in _name_words(m)}
    denied = denied_words(claim)
    verbal = bool(_VERB_NEGATIONS.intersection(claim.negations))
    if not statement.negated and (denied & named or not denied and verbal):
        return True  # "did not go to Krnov" beside "toured Krnov and Opava"; "were not yet
        # behind them" (no content word denied) beside a statement denying nothing

    def told(word: str) -> bool:  # "pre-commit" tells "commit"
        return word in used or any(len(u) > 3 and (u in word or word in u) for u in used)

    return any(not told(w) and not (antonyms.get(w, frozenset()) & used) for w in denied)


def _bounded(unit: _Unit) -> str:
    """A date with the words that bound it ("before March 2024", "since March 2024")."""
    kept = not unit.bound or unit.text.lower().startswith(unit.bound.lower())
    return unit.text if kept else f"{unit.bound} {unit.text}"


def _counted(unit: _Unit) -> str:
    """A figure with the word it counts and the words that bound it, as written: "1,580
    passengers", "about 2.1 million inhabitants"."""
    words = unit.after.split()[:3]
    figure = f"{unit.bound} {unit.text.strip()}" if unit.bound else unit.text.strip()
    if unit.counted:  # up to its noun: "650,000 coronavirus tests"
        return f"{figure} {unit.counted}"
    if unit.closes:
        return figure  # "reached 134, most of them": no word of its own
    if words and words[0].isalpha() and words[0] not in _NOT_UNITS:
        return f"{figure} {words[0]}"
    return figure


def _antonym(
    lost: list[_Unit], free: list[_Unit], antonyms: dict[str, frozenset[str]]
) -> Difference | None:
    """A claim word whose opposite the statement uses instead."""
    for unit in lost:
        opposites = antonyms.get(unit.lemma, frozenset())
        for other in free:
            if other.lemma in opposites:
                return Difference(DetailKind.ANTONYM, unit.text, other.text)
    return None


def _negated_starts(features: Features) -> frozenset[int]:
    """Where the words under a negation start: the few words after "not", "never", "refused
    to"... (a negation in one clause says nothing of the sentence's other clauses)."""
    found: set[int] = set()
    words = features.words
    for i, word in enumerate(words):
        if word.lemma in NEGATION_WORDS or word.lemma in _NEGATING_VERBS:
            found.update(_scope(features, i))
            joined = i and not features.text[words[i - 1].end : word.start].strip()
            if word.lemma == "no" and joined and can_be_verb(words[i - 1].lemma):
                found.add(words[i - 1].start)  # "recorded no looting": "had not recorded
                # any looting"
    return frozenset(found)


def _scope(features: Features, i: int) -> list[int]:
    """Where the few words after word `i` start, up to the end of its clause."""
    words = features.words
    starts: list[int] = []
    previous = words[i]
    for following in words[i + 1 : i + 1 + _NEGATION_SCOPE]:
        between = features.text[previous.end : following.start]
        adverb = previous is words[i] and following.lemma in _NOT_YET  # "not yet behind"
        if any(mark in between for mark in ",;:()") or (
            following.lemma in _CLAUSE_WORDS and not adverb
        ):
            break  # the scope ends with its clause: "no features but contained ..."
        starts.append(following.start)
        previous = following
    return starts


def _negation_flip(
    claim: Features, statement: Features, shared: list[_Unit], pairs: dict[int, _Unit]
) -> Difference | None:
    """A word both sentences use, negated in one and not in the other."""
    mine, theirs = _negated_starts(claim), _negated_starts(statement)
    topics_a, topics_b = _topic_starts(claim), _topic_starts(statement)
    lacking_a = {w.start for w in deprived(claim)}
    lacking_b = {w.start for w in deprived(statement)}
    flips: list[Difference] = []
    for unit in shared:
        other = pairs[id(unit)]
        if (unit.start in mine and other.start in lacking_b) or (
            other.start in theirs and unit.start in lacking_a
        ):
            continue  # "left without power" beside "lost power": told lacking by both
        if unit.start in mine and other.start in theirs:
            # both deny a word they share: their negations line up, wherever each starts
            # ("not all outflows are monitored" / "many outflows were not monitored")
            return None
        if (unit.start in mine) == (other.start in theirs):
            continue
        if (unit.start in topics_a) != (other.start in topics_b):
            continue  # "its rule on exporting" names a topic, asserting neither way; two
            # topics, one denied ("a ban on not importing"), still differ
        said = f"not {unit.text}" if unit.start in mine else unit.text
        recorded = f"not {other.text}" if other.start in theirs else other.text
        flips.append(Difference(DetailKind.POLARITY, said, recorded))
    return flips[0] if flips else _verb_flip(claim, statement)


_AUXILIARIES = frozenset(
    "be have do will would can could may might shall should must get go yet".split()
)


def _verb_flip(claim: Features, statement: Features) -> Difference | None:
    """A verb the alignment does not count as content ("name", "call"), denied right after
    a negation in one sentence and said in the other, which denies nothing: "Lindqvist named
    the company's largest customer" beside "the largest customer, which she did not name"."""
    for negated, other in ((claim, statement), (statement, claim)):
        if other.negated or not negated.negated or not denies_itself(negated):
            continue  # "its rule of not exporting": a gerund after a preposition names a rule
        starts = _negated_starts(negated) - _topic_starts(negated)
        denied = {
            w.lemma
            for w in negated.words
            if w.start in starts and w.lemma not in _AUXILIARIES and can_be_verb(w.lemma)
        }
        for lemma in sorted(denied & {w.lemma for w in other.words}):
            if negated is claim:
                return Difference(DetailKind.POLARITY, f"not {lemma}", lemma)
            return Difference(DetailKind.POLARITY, lemma, f"not {lemma}")
    return None


def _topic_starts(features: Features) -> frozenset[int]:
    """Where a noun's topic lies: the few words after "rule on", "debate about", "policy
    regarding". Such a word is what the noun is about, not something the sentence asserts
    happened or did not."""
    words = features.words
    topics = word_set("reading.yaml", "topic_prepositions")
    found: set[int] = set()
    for i, (noun, preposition) in enumerate(zip(words, words[1:], strict=False)):
        if preposition.lemma in topics and noun.lemma not in topics and can_be_noun(noun.lemma):
            found.update(_scope(features, i + 1))
    return frozenset(found)


def _embedded(
    claim: Features, statement: Features, pairs: dict[int, _Unit], mine: list[_Unit]
) -> bool:
    """A verb the claim asserts appears in the statement only after an aim word ("applied to
    join", "should join"), or the other way round: one sentence tells of an aim, the other of
    an event. Two that both aim at it ("asked Seoul to reconsider", "said Seoul should
    reconsider") speak of the same thing."""
    aims = word_set("reading.yaml", "aim_words")
    before_a = _word_before(claim.words)
    before_b = _word_before(statement.words)
    for unit in mine:
        other = pairs.get(id(unit))
        if unit.category != "word" or other is None or not can_be_verb(unit.lemma):
            continue
        if (before_a.get(unit.start) in aims) != (before_b.get(other.start) in aims):
            return True
    return False


def _word_before(words: tuple[Word, ...]) -> dict[int, str]:
    return {b.start: a.lemma for a, b in zip(words, words[1:], strict=False)}
