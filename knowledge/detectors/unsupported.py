"""Unsupported-detail detector: a claim retelling a learned article adds what it never says.

When a claim is about the same event as an article the knowledge base learned (it shares most
of its words with the article), a name, number or date the whole article never mentions, put
in the place of one the article gives, is a swapped detail; one that only adds to what the
article tells (other reports carry more) leaves the claim unverified. A word of a closed class
(a colour, an ordinal) the article never uses where it uses another of the kind is a swap too.
So is a word whose opposite the article uses instead, and a negation the best-aligned sentence
of the article does not have (or the reverse).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from datetime import date
from functools import cache, lru_cache, partial

from spacy.lang.en.stop_words import STOP_WORDS
from text_to_num import text2num

from knowledge.checking.align import (
    SPAN_DAYS,
    city_told_as_place,
    clock_times,
    figure_changes,
    span_days,
)
from knowledge.matching import CheckContext, Match, SourceRecord, sentence_words
from knowledge.model import Evidence, Finding, FindingKind, Statement
from knowledge.nlp.bounds import bound_holds, figure_bound
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import DateMention, PartialDate
from knowledge.nlp.features import (
    CLAUSE_MARKS,
    NEGATION_PHRASES,
    NEGATION_WORDS,
    SHARE_COUNTS,
    SHARE_PARTS,
    Features,
    Mention,
    NumberMention,
    Word,
    can_be_adverb,
    can_be_noun,
    can_be_verb,
    content_lemmas,
    same_number,
    share_words,
)
from knowledge.nlp.moves import moves_against, verb_directions
from knowledge.nlp.negation import (
    denied_words,
    denies_itself,
    deprived,
    negated_words,
    told_as_done,
    under_modal,
)
from knowledge.nlp.titles import same_person, titles
from knowledge.resources import Lexicon, lexicon, word_lists, word_pairs, word_set

_ABOUT = 0.6  # share of the claim's content words the article must use
_ALIGNED = 3  # content words a claim shares with an article sentence to compare negation
_QUANTITY = re.compile(  # "one-month", "35-year-old": a number fused with its unit
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred)-"
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)[a-z]"  # not "twenty-three"
)
# a share said in words: "half", "a quarter", "two thirds" ("third" alone is an ordinal)
_FRACTION = re.compile(
    r"\b(?:(a|one|two|three|four)\s+(third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)"
    r"|(?:a\s+|one\s+)?(half))\b"
)
# words that give a figure as a round one, and how far it may be from the article's figure
_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|some|approximately|close to|more than|over"
    r"|just over|just under|less than|fewer than|under|up to)\s+$",
    re.IGNORECASE,
)
_ROUNDING = 0.05
_WORDS = re.compile(r"[a-z0-9][a-z0-9.'-]*[a-z0-9]|[a-z0-9]")
# Between two names of one list: a comma or "and"/"or", and perhaps a word or two describing
# the next item ("and NATO applicant Sweden"); a gap of such words alone joins one item's names.
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:[A-Za-z-]+\s+){0,2}")
_SAME_ITEM = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,1}")


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    for match in matches[:3]:
        record = context.record_of(match.statement)
        if record is None or not _about(claim.features, record, context.lexicon):
            continue
        aligned = _aligned(claim.features, record)
        if aligned is None:
            continue  # no sentence of the article tells this: another event, not a retelling
        known = _folded(record.words)
        cited = (Evidence.of(match.statement),)
        problem = (
            _new_name(claim, record, known, context, aligned[1])
            or _new_number(claim, record, known, aligned[1])
            or _title_of_another(claim.features, record)
        )
        if problem:
            return [Finding(FindingKind.SWAP, problem, cited)]
        problem = _new_date(claim, record, known, match.features, aligned[1])
        if problem:
            return [Finding(FindingKind.TIMELINE, problem, cited)]
        problem = (
            _other_of_class(claim, known, context.lexicon, aligned[1], record)
            or _time_retold_otherwise(claim.features.text, aligned[1].text)
            or _new_clock_time(claim.features.text, record)
        )
        if problem:
            return [Finding(FindingKind.SWAP, problem, cited)]
        problem, evidence = _opposite(claim, record, known, aligned, context.lexicon)
        if problem:
            cited = (Evidence.of(evidence or match.statement),)
            return [Finding(FindingKind.POLARITY, problem, cited)]
        return []
    return []


def _title_of_another(features: Features, record: SourceRecord) -> str | None:
    """A title the claim gives a person that the article gives another person, where it gives
    this one another title ("Chief executive Henrik Baumgart" beside "Chief financial officer
    Henrik Baumgart" and "chief executive Matthias Krell")."""
    mine = titles(features)
    if not mine:
        return None
    theirs = [t for f in record.features for t in titles(f)]
    for title in mine:
        same = [t for t in theirs if same_person(t.name, title.name)]
        if not same or any(title.words <= t.words for t in same):
            continue
        other = next(
            (t for t in theirs if t.words == title.words and not same_person(t.name, title.name)),
            None,
        )
        if other is not None:
            return (
                f"Calls {title.name} “{title.text}”, which the source article calls "
                f"{other.name}; it calls {title.name} “{same[0].text}”."
            )
    return None


def _about(features: Features, record: SourceRecord, lexicon: Lexicon) -> bool:
    """Whether the article uses enough of the claim's content words to be what it retells; a
    word whose opposite the article uses counts ("Inflation rose to 3% in May" is about an
    article where inflation fell to 3% in May)."""
    words = features.content
    used = {w for w in words if w in record.words or lexicon.antonyms.get(w, set()) & record.words}
    return bool(words) and len(used) / len(words) >= _ABOUT


def _folded(words: frozenset[str]) -> frozenset[str]:
    """Words with and without their dots and possessive: "u.k." also as "uk"."""
    return words | {_fold(w) for w in words}


def _folded_words(text: str) -> frozenset[str]:
    """A text's words, lower case, folded as the article's words are."""
    return _folded(frozenset(_WORDS.findall(text.lower().replace("’", "'"))))


def _fold(word: str) -> str:
    return word.replace(".", "").removesuffix("'s")


def _new_name(
    claim: Claim,
    record: SourceRecord,
    known: frozenset[str],
    context: CheckContext,
    aligned: Features,
) -> str | None:
    text = claim.features.text

    def named(mention: Mention) -> bool:
        # "in Stockholm" gives the city, which the article's "Sweden" does not
        as_place = bool(city_told_as_place(text, mention))
        return (
            (not as_place and _entity_named(mention, record, known, context))
            or _named_in(mention, known, context.lexicon, literal=as_place)
            or _spelt_out(mention.text, record)
        )

    mentions = [m for m in claim.features.entities if not _describes(m, text, known, record)]
    unnamed = [m for m in mentions if not named(m)]
    if unnamed and _with_a_new_year(claim.features, record):
        return None  # "joined City from a Premier League rival in 2024": a name and a year
        # the article never gives tell of something it does not report, not of a name swapped
    for mention in mentions:
        if named(mention):
            other = _named_otherwise_here(claim.features, mention, aligned, context.lexicon)
            if other is not None and any(
                _one_full_name(mention.text, other.text, f.text) for f in record.features
            ):
                other = None  # "Maru" for "Elias" in a quote: both of "Elias Maru"
            if other is not None and _new_figures(claim.features, record):
                other = None  # "More than 600 houses in Krnov were flooded": a name and a
                # figure the article never gives with it tell of more, not of a name swapped
            if other is not None and _told_elsewhere(claim.features, mention, aligned, record):
                other = None  # the article gives the name with the claim's figure elsewhere
            if other is not None:  # "Starmer conceded defeat" beside "Sunak conceded defeat"
                return f"Names {mention.text} where the source article has {other.text}."
            continue
        if _new_altogether(mention, known) and (
            _with_a_new_figure(claim.features, record)
            or _own_nouns(claim.features, known) >= _NEW_WORDS
        ):
            continue  # "The Azores recorded a rate of 6.0%": a place and a figure or things
            # the article never gives tell of something it does not report, not of a place
            # swapped (a name sharing a word with the article's is one changed: "SARS-CoV-3")
        if _in_place_of_a_name(claim.features, mention, aligned, record) or _in_place_of_a_place(
            claim.features, mention, record, context.lexicon
        ):
            return f"The source article never mentions {mention.text}."
    return None


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "ish", "i")


def _describes(mention: Mention, text: str, known: frozenset[str], record: SourceRecord) -> bool:
    """Whether a capitalised word the claim gives is no name of its own: a people's word
    for a place the article names ("Kenyan" for "Kenya", "Ugandan" for "Uganda's"), or a
    common noun opening the sentence ("Rail services were suspended")."""
    words = _words_of_name(mention.text)
    if not words:
        return False
    if _demonym(words[0], known):
        return len(words) == 1 or all(w in known for w in words[1:])  # "Ugandan Ruth Chebet"
    if len(words) == 1 and _of_a_people(words[0], known):
        return True  # "a man from Austria" for "an Austrian man"
    if all(_abbreviates(w, record) for w in words):
        return True  # "Hoogland's CEO" for "chief executive", "Italian TV" for "television"
    opening = not text[: mention.start].strip(" \"“'‘(")
    place = _place_key(mention.text) in lexicon().places  # "Turkey's parliament"
    common = (
        can_be_noun(words[0])
        or can_be_adverb(words[0])  # "Nearly two-thirds of ..."
        or words[0] in STOP_WORDS
        or words[0] in word_set("reading.yaml", "opening_prepositions")  # "Unlike the ..."
    )
    return len(words) == 1 and opening and common and not place


def _abbreviates(word: str, record: SourceRecord) -> bool:
    """Whether a word is a common abbreviation that the article writes out ("ceo": "chief
    executive", not "chief" and "executive" apart; `abbreviations` in data/reading.yaml)."""
    spelt = _abbreviations().get(word)
    written = re.compile(rf"\b{re.escape(spelt)}\b", re.IGNORECASE) if spelt else None
    return written is not None and any(written.search(f.text) for f in record.features)


@cache
def _abbreviations() -> dict[str, str]:
    return dict(pair.split("/") for pair in word_lists("reading.yaml")["abbreviations"])


def _of_a_people(word: str, known: frozenset[str]) -> bool:
    """Whether a place's name is the one whose people's word the article uses ("austria":
    "austrian"; "germany": "german")."""
    stems = {word, word.removesuffix("a"), word.removesuffix("y")}
    return (
        len(word) > 3
        and any(f"{stem}{end}" in known for stem in stems for end in _DEMONYM_ENDINGS)
        or word.removesuffix("y") in known
        and word.endswith("y")
    )


def _demonym(word: str, known: frozenset[str]) -> bool:
    """Whether a word is a people's word for a place the article names ("kenyan": kenya)."""
    for end in _DEMONYM_ENDINGS:
        stem = word.removesuffix(end)
        if stem != word and len(stem) > 2 and (stem in known or f"{stem}a" in known):
            return len(stem) > 3 or stem in known  # "kenyan": kenya; "ugandan": uganda
    return False


def _one_full_name(one: str, other: str, text: str) -> bool:
    """Whether two names are written side by side in a text, as one person's full name."""
    return f"{one} {other}" in text or f"{other} {one}" in text


def _told_elsewhere(
    features: Features, mention: Mention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether another sentence of the article than the one the claim retells gives the
    claim's name with a figure the claim gives ("Vestbuss said 75 percent of drivers took
    part, fewer than the 90 percent the union claimed" joins "Maren Solli said 90 percent
    ..." and "Vestbuss put participation at 75 percent"), or beside the word the claim gives
    it beside ("opened at a ceremony in Thusis" joins "ceremony in Thusis" to the sentence
    telling of the opening)."""
    words = _words_of_name(mention.text)
    if not words:
        return False
    figures = [n.value for n in features.numbers]
    told = (mention.start, mention.end)
    titled = frozenset(
        w for t in titles(features) if same_person(t.name, mention.text) for w in t.words
    )
    for sentence in record.features:
        if sentence.text == aligned.text or not all(
            w in _folded_words(sentence.text) for w in words
        ):
            continue
        if any(same_number(v, n.value) for v in figures for n in sentence.numbers):
            return True
        spans = [(n.start, n.end) for n in sentence.entities if _words_of_name(n.text) == words]
        beside = _near(features, told, 1, nearest=True) - titled - _reporting_verbs()
        if any(
            w in beside and can_be_noun(w)
            for span in spans
            for w in _near(sentence, span, 1, nearest=True)
        ):
            return True  # "opened at a ceremony in Thusis" joins "Saturday's ceremony in Thusis"
            # (a thing, not a title nor a saying: "Chief operating officer Marta Reis said"
            # does not join every sentence giving her title or telling what she said)
    return False


_NEW_WORDS = 2  # content words the article never uses that make a claim tell of more


def _unknown_figures(features: Features, record: SourceRecord) -> list[NumberMention]:
    """The claim's figures (years aside) that the article gives in no form."""
    return [
        n
        for n in _figures(features)
        if not any(same_number(n.value, g) for g in record.numbers)
        and not (n.text.strip().isdigit() and 1000 <= n.value <= 2100)
    ]


def _new_figures(features: Features, record: SourceRecord) -> int:
    """How many figures the claim gives (years aside) that the article gives in no form,
    not even as a part of a time it writes with colons."""
    return sum(1 for n in _unknown_figures(features, record) if not _in_a_clock(n, record))


def _tells_of_more(features: Features, known: frozenset[str]) -> bool:
    """Whether the claim names what the article never names: a name none of whose words it
    uses, or things of its own (two nouns the article never uses: "people with a university
    degree"; a paraphrase's verbs and adjectives aside)."""
    if any(_new_altogether(m, known) for m in features.entities):
        return True
    return _own_nouns(features, known) >= _NEW_WORDS


def _own_nouns(features: Features, known: frozenset[str]) -> int:
    """How many nouns the claim uses that the article never uses (names, figures and words
    that may be verbs aside: "lowered its main rate" retells "cut its key rate")."""
    names = _name_words(features)
    return sum(
        1
        for w in features.content
        if w not in known
        and w not in names
        and not any(c.isdigit() for c in w)
        and can_be_noun(w)
        and not can_be_verb(w)
    )


def _with_a_new_year(features: Features, record: SourceRecord) -> bool:
    """Whether the claim gives a year the article never dates anything by nor writes."""
    return any(
        d.value is not None
        and not d.yearless
        and not any(d.value.year == other.year for other in record.dates)
        and str(d.value.year) not in record.words
        for d in features.calendar_dates
    )


def _new_altogether(mention: Mention, known: frozenset[str]) -> bool:
    """Whether a name shares no word with the article ("the Azores"; not "SARS-CoV-3" beside
    "SARS-CoV-2", which changes a name the article gives)."""
    parts = {p for w in _words_of_name(mention.text) for p in w.split("-") if p}
    place = lexicon().places.get(_place_key(mention.text), frozenset())
    return bool(parts) and not parts & _parts(known) and not place & known  # "U.K.", "London"


@lru_cache(maxsize=64)  # one per article checked against, not kept without bound
def _parts(known: frozenset[str]) -> frozenset[str]:
    """The article's words and the parts of its hyphenated ones ("sars-cov-2": sars, cov)."""
    return known | {p for w in known if "-" in w for p in w.split("-") if p}


def _with_a_new_figure(features: Features, record: SourceRecord) -> bool:
    """Whether the claim gives a figure (not a year, nor part of a name: "787 Dreamliner")
    that the article gives in no form."""
    return any(not _in_a_name(features, n) for n in _unknown_figures(features, record))


def _in_a_name(features: Features, number: NumberMention) -> bool:
    """Whether a figure is part of a name, right before or after it ("787 Dreamliner")."""
    text = features.text
    return any(
        0 <= m.start - number.end <= 1
        and not text[number.end : m.start].strip()
        or 0 <= number.start - m.end <= 1
        and not text[m.end : number.start].strip()
        for m in features.entities
    )


def _named_otherwise_here(
    features: Features, mention: Mention, aligned: Features, lexicon: Lexicon
) -> Mention | None:
    """The name the article sentence the claim retells gives where the claim gives one that
    the article names only elsewhere ("Starmer conceded defeat" beside "Rishi Sunak conceded
    defeat", in an article about Starmer's victory): one the claim leaves out, of the same
    sort (a place for a place), whose nearest content word on one side is the same; never
    where the sentence opens with a pronoun, which may stand for the claim's name."""
    said, written = _folded_words(features.text), _folded_words(aligned.text)
    # the claim's name where the sentence gives it too, in another place ("Jean-Philippe
    # Mateta scored" beside "Eberechi Eze scored ..., finishing a move started by
    # Jean-Philippe Mateta"): swapped only where it is not beside the same word there too
    own = [
        (n.start, n.end)
        for n in aligned.entities
        if n.id == mention.id or _words_of_name(n.text) == _words_of_name(mention.text)
    ]
    if not own and all(w in written for w in _words_of_name(mention.text)):
        return None
    opening = _WORDS.findall(aligned.text.lower())[:1]
    if set(opening) & _PRONOUNS:
        return None  # "He met Jens Stoltenberg": the claim's name may be who "he" is
    place = _country_word(mention.text, lexicon)
    told = (mention.start, mention.end)
    if own:
        return _subject_swapped(features, mention, aligned, own, said) or _beside_another(
            features, mention, aligned, own
        )
    inside = [  # "Bergen" in "the University of Bergen": the claim's name, as part of one
        (n.start, n.end)
        for n in aligned.entities
        if set(_words_of_name(mention.text)) < set(_words_of_name(n.text))
    ]
    if inside:
        return _beside_another(features, mention, aligned, inside)
    for name in aligned.entities:
        if name.id in features.entity_ids or all(w in said for w in _words_of_name(name.text)):
            continue
        if _country_word(name.text, lexicon) != place or _one_name(mention, name, lexicon):
            continue
        if _one_full_name(mention.text, name.text, aligned.text):
            continue  # "Maru" and "Elias": two words of "Elias Maru"
        if _stands_for(features, told, aligned, [(name.start, name.end)], 1, nearest=True):
            return name
    return None


def _country_word(name: str, lexicon: Lexicon) -> bool:
    """Whether a name is a country's or its people's ("Portugal", "Danish"): put only for
    another such; a city, listed or not, is put for a city."""
    key = _place_key(name)
    return key in lexicon.places and key not in lexicon.capitals


def _beside_another(
    features: Features, mention: Mention, aligned: Features, own: list[Span]
) -> Mention | None:
    """The place the sentence gives beside a word the claim's place stands beside, where the
    sentence gives the claim's place (or a name holding it) beside other words: "At Porto
    airport, queues stretched" beside "At Lisbon's Humberto Delgado airport, queues
    stretched ..., while in Porto, where 41 departures were cancelled"; "made in Antwerp ...
    for the daughter of a Brussels banker" beside "made in Brussels ... for the daughter of
    an Antwerp banker". Both told as places with the same preposition; the other stands
    beside more of the words the claim's place stands beside, on the same side, than the
    claim's place does in the sentence."""
    told = (mention.start, mention.end)
    preposition = _place_preposition(features.text, mention.start)
    if not preposition:
        return None  # only a place put for a place: who did what is `_subject_swapped`'s
    window = _sides(features, told, _BESIDE)
    # the sentence tells it beside the words it is told beside: no swap, unless another
    # place stands beside more of them
    alike = max(_alike(window, _sides(aligned, span, _BESIDE)) for span in own)
    for name in aligned.entities:  # perhaps one the claim gives too: two places traded
        if (name.start, name.end) in own or _words_of_name(name.text) == _words_of_name(
            mention.text
        ):
            continue
        if _place_preposition(aligned.text, name.start) != preposition:
            continue  # "in Brussels" is not put for "at NATO headquarters"
        given = any(w in _folded_words(features.text) for w in _words_of_name(name.text))
        if given and _place_key(name.text) not in lexicon().places:
            continue  # traded only with a known place: "Calora shares rose 27% in Stockholm"
            # does not put Stockholm for "Shares in Calora"
        if _alike(window, _sides(aligned, (name.start, name.end), _BESIDE)) > alike:
            return name
    return None


_BESIDE = 6  # words on each side of two places that tell what happened there
Sides = tuple[frozenset[str], frozenset[str]]


def _alike(a: Sides, b: Sides) -> int:
    """How many words two places have beside them on the same side."""
    return len(a[0] & b[0]) + len(a[1] & b[1])


def _sides(features: Features, span: Span, reach: int) -> Sides:
    """The content words before and after a span within its clause, among the `reach`
    words on each side, names' words and dates passed over uncounted ("Lisbon's Humberto
    Delgado airport": airport; "Born on 3 March 1936 in Tromsø": born)."""
    text = features.text
    opening, closing = _clause(text, span)
    dated = [(d.start, d.end) for d in features.dates]
    plain = [
        w
        for w in features.words
        if not _capitalised_within(text, w.start) and not any(a <= w.start < b for a, b in dated)
    ]
    before = [w for w in plain if opening <= w.start and w.end <= span[0]][-reach:]
    after = [w for w in plain if w.start >= span[1] and w.end <= closing][:reach]
    return (
        frozenset(w.lemma for w in before if w.lemma in features.content),
        frozenset(w.lemma for w in after if w.lemma in features.content),
    )


def _place_preposition(text: str, start: int) -> str:
    """The preposition that tells a name as a place ("in Tromsø", "at Porto airport"), or
    ""."""
    before = text[:start].split()[-1:]
    word = before[0].lower() if before else ""
    return word if word in word_set("reading.yaml", "place_prepositions") else ""


def _subject_swapped(
    features: Features, mention: Mention, aligned: Features, own: list[Span], said: frozenset[str]
) -> Mention | None:
    """The name the sentence gives right before the verb the claim's name comes right before,
    where the sentence gives the claim's name elsewhere ("Jean-Philippe Mateta scored" beside
    "Eberechi Eze scored ..., finishing a move started by Jean-Philippe Mateta"): a name the
    claim never gives, whose next word is the claim name's next word, a word of content that
    the claim's name is not before in the sentence, which gives the claim's name only after
    "by", "from", "to", "with" or "for" (not "Nigel Farage's Reform UK won", which tells what
    his party did)."""
    verb = _next_lemma(features, mention.end)
    if not verb or verb not in features.content:
        return None
    if any(_next_lemma(aligned, end) == verb for _, end in own):
        return None
    if not all(_OBLIQUE.search(aligned.text, 0, start) for start, _ in own):
        return None  # the sentence tells the name as the doer of something else too
    for name in aligned.entities:
        if (name.start, name.end) in own or any(w in said for w in _words_of_name(name.text)):
            continue
        if _next_lemma(aligned, name.end) == verb:
            return name
    return None


# A name told as the one something came from or was done by ("started by Mia Holt").
_OBLIQUE = re.compile(r"\b(?:by|from|to|with|for)\s+$", re.I)


def _next_lemma(features: Features, end: int) -> str:
    """The lemma of the word right after a position ("" where a mark comes first)."""
    following = next((w for w in features.words if w.start >= end), None)
    if following is None or features.text[end : following.start].strip():
        return ""
    return following.lemma


_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their"})


def _one_name(a: Mention, b: Mention, lexicon: Lexicon) -> bool:
    """Two ways of naming one thing: initials and the words they stand for ("ECB" and
    "European Central Bank"), or two names of one country ("U.K." and "Britain")."""
    country = lexicon.places.get(_place_key(a.text))
    if country is not None and country == lexicon.places.get(_place_key(b.text)):
        return True
    short, long = sorted((a.text, b.text), key=len)
    letters = short.replace(".", "")
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", long))
    return letters.isupper() and len(letters) > 1 and letters == initials


def _in_place_of_a_place(
    features: Features, mention: Mention, record: SourceRecord, lexicon: Lexicon
) -> bool:
    """Whether the claim's country, or its city or people, stands where the article gives
    another country's, beside the same word ("U.S. activists" beside "activists in
    London"), and not listed with it ("German and Italian industry" beside "German industry"
    adds a country)."""
    country = lexicon.places.get(_place_key(mention.text))
    if country is None:
        return False
    closest = _near(features, (mention.start, mention.end), 1, nearest=True)
    for sentence in record.features:
        for name in sentence.entities:
            other = lexicon.places.get(_place_key(name.text))
            if other is None or other == country or _listed_with(features.text, mention, name):
                continue
            if _near(sentence, (name.start, name.end), 1, nearest=True) & closest:
                return True
    return False


def _place_key(name: str) -> str:
    return name.lower().replace(".", "").removesuffix("'s").removesuffix("’s")


def _listed_with(text: str, mention: Mention, name: Mention) -> bool:
    """Whether the claim lists the mention beside another of the name's country."""
    for found in re.finditer(re.escape(name.text), text, re.IGNORECASE):
        gap = (
            text[found.end() : mention.start]
            if found.end() <= mention.start
            else (text[mention.end : found.start()])
        )
        if _LIST_GAP.fullmatch(gap):
            return True
    return False


def _in_place_of_a_name(
    features: Features, mention: Mention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether the claim's new name stands where the article names another that the claim
    leaves out: in the article sentence the claim retells, where the claim uses mostly its
    words or the two names stand beside the same word ("Philip Lane told reporters" beside
    "Christine Lagarde told reporters"; not "The Red Cross handed out food and water to
    evacuees at the sports hall" beside "Andreas Marinos said ... people had spent the night
    in a sports hall", which tells of someone else), or beside the same word in another
    sentence ("organised by Greenpeace" beside "organised by the Canal Trust"). A name added
    beside all of the article's ("polled by Reuters and Bloomberg" beside "polled by
    Reuters") tells more than the article, which is no swap."""
    said = _folded_words(features.text)

    def left_out(name: Mention) -> bool:
        if name.id in features.entity_ids:
            return False
        return not all(w in said for w in _words_of_name(name.text))

    told = (mention.start, mention.end)
    # a name told as a place ("in neighbouring Burgenland") stands for no speaker ("...,
    # Wurm said")
    place = _told_as_place(features.text, mention)

    def alike(sentence: Features, name: Mention) -> bool:
        return left_out(name) and not (place and _speaker(sentence.text, name))

    here = [(n.start, n.end) for n in aligned.entities if alike(aligned, n)]
    if here and (
        _retells(features, aligned) or _stands_for(features, told, aligned, here, 2, nearest=True)
    ):
        return True
    return any(
        _stands_for(
            features, told, sentence, [(n.start, n.end) for n in names], reach=1, nearest=True
        )
        for sentence in record.features
        if (names := [n for n in sentence.entities if alike(sentence, n)])
    )


def _told_as_place(text: str, mention: Mention) -> bool:
    """Whether a name is told as where something is or happens: after a word of place ("in
    neighbouring Burgenland", "at Porto airport")."""
    before = _WORDS.findall(text[: mention.start].lower())[-2:]
    return bool(set(before) & word_set("reading.yaml", "place_prepositions"))


_SAYS_AFTER = re.compile(r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|stated)\b")
_SAYS_BEFORE = re.compile(r"\b(?:said|says|told|according to)\s*$")


def _speaker(text: str, mention: Mention) -> bool:
    """Whether a name is told as who said something ("..., Wurm said")."""
    return bool(_SAYS_AFTER.match(text, mention.end) or _SAYS_BEFORE.search(text[: mention.start]))


_RETOLD = 0.5  # share of a claim's content words a sentence it retells closely uses


def _retells(features: Features, sentence: Features) -> bool:
    """Whether the claim uses mostly the sentence's words: it retells what the sentence
    tells, not something else that happened there."""
    mine = features.content
    return bool(mine) and len(mine & sentence.content) / len(mine) >= _RETOLD


_ABBREVIATION = re.compile(r"[A-Z]{2,6}")
_JOINING = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&"})


def _spelt_out(name: str, record: SourceRecord) -> bool:
    """Whether `name` is an abbreviation ("AI", "ECB") of words the article writes out in
    full ("artificial intelligence", "European Central Bank"), in any case."""
    if not _ABBREVIATION.fullmatch(name):
        return False
    wanted = name.lower()
    for features in record.features:
        words = re.findall(r"[a-z]+", features.text.lower())
        if any(_abbreviated_at(words, at, wanted) for at in range(len(words))):
            return True
    return False


def _abbreviated_at(words: list[str], at: int, wanted: str) -> bool:
    """Whether the words from `at` on begin with initials `wanted`, joining words after the
    first aside ("European Central Bank", "Bank of England")."""
    found = ""
    for word in words[at:]:
        if word in _JOINING and found:
            continue
        found += word[0]
        if found == wanted:
            return True
        if not wanted.startswith(found):
            return False
    return False


def _entity_named(
    mention: Mention, record: SourceRecord, known: frozenset[str], context: CheckContext
) -> bool:
    """Whether the article names the mention's known entity, perhaps by another alias or by
    the words of its name ("NATO chief" where the article writes "NATO Secretary General")."""
    if mention.id in context.entity_labels and mention.id in record.entity_ids:
        return True
    name = context.entity_names.get(mention.id)
    return name is not None and _all_known(name, known)


def _named_in(
    mention: Mention, known: frozenset[str], lexicon: Lexicon, *, literal: bool = False
) -> bool:
    """Whether the article names the mention in its words, or (unless `literal`: a city
    told as where something happened) by another name of the same place ("the EU" for
    "Brussels")."""
    words = _words_of_name(mention.text)
    if not words or all(w in known for w in words):
        return True
    if literal:
        return False
    phrase = " ".join(words)
    same_place = lexicon.places.get(phrase, frozenset()) | lexicon.places.get(
        mention.text.lower().replace(".", ""), frozenset()
    )
    return any(all(part in known for part in name.split()) for name in same_place)


def _list_lengths(features: Features) -> frozenset[float]:
    """How many names each enumeration of a sentence lists ("Germany, Norway and NATO
    applicant Sweden": three). A count word in a retelling may stand for such a list."""
    lengths: set[float] = set()
    mentions = sorted(features.entities, key=lambda m: m.start)
    items = 1
    for before, after in zip(mentions, mentions[1:], strict=False):
        gap = features.text[before.end : after.start]
        if _LIST_GAP.fullmatch(gap):
            items += 1
            continue
        if not _SAME_ITEM.fullmatch(gap):
            if items > 1:
                lengths.add(float(items))
            items = 1
    if items > 1:
        lengths.add(float(items))
    return frozenset(lengths)


def _all_known(name: str, known: frozenset[str]) -> bool:
    words = _words_of_name(name)
    return bool(words) and all(w in known for w in words)


def _words_of_name(name: str) -> list[str]:
    """A name's words, lower case, folded as the article's words are ("U.S." as "us")."""
    folded = (_fold(w) for w in _WORDS.findall(name.lower().replace("’", "'")))
    return [w for w in folded if w]


def _date_like(value: PartialDate, features: Features) -> DateMention | None:
    """The matched statement's own date of the same precision (month and year, say)."""
    same = [
        d
        for d in features.calendar_dates
        if d.value is not None
        and (d.value.month is None) == (value.month is None)
        and (d.value.day is None) == (value.day is None)
    ]
    return same[0] if len(same) == 1 else None


def _new_number(
    claim: Claim, record: SourceRecord, known: frozenset[str], aligned: Features
) -> str | None:
    counts = _list_lengths(claim.features) | {
        n for features in record.features for n in _list_lengths(features)
    }
    said = _fractions(record) | _years_ago(record)
    derived = _derived(record) if claim.features.numbers else frozenset()
    # "Unemployment among people with a university degree fell to 4.5%", "The Azores
    # recorded a rate of 6.0%": of something the article never names; "passed the
    # 10-kilometre mark in 29 minutes and 25 seconds": a retelling gets one figure wrong, a
    # sentence giving several new ones tells of something else
    tells_more = _tells_of_more(claim.features, known) or _new_figures(claim.features, record) > 1
    for number in _figures(claim.features):
        if any(same_number(number.value, n) for n in derived):
            continue  # a sum or difference of the article's figures ("74 more aircraft")
        if _across_sentences(number, claim.features, record):
            continue  # "£17.4 million bigger than this year's": £318.6 million, then "up
            # from £301.2 million" in the next sentence
        if _TIMES.match(claim.features.text, number.start):
            continue  # "nearly three times as many": a multiple, no count
        if _computed(number, claim.features, record):
            continue  # "70 fewer than the 710 lost in 2016"
        if any(same_number(number.value, n) for n in record.numbers):
            if _is_span(number) and _in_a_clock(number, record):
                continue  # "2 minutes 51 seconds" for "2:51 down"
            other = _figure_retold_otherwise(claim.features, number, aligned)
            if other is None or _figure_told_elsewhere(claim.features, number, aligned, record):
                continue
            return f"Says {number.text.strip()} where the source article has {other.text.strip()}."
        if number.value in counts:  # "three countries" for a list of three names
            continue
        if _in_a_clock(number, record):  # "two hours, four minutes" for "2:04:31"
            continue
        if number.unit != "%" and _PART_OF_A_WHOLE.match(claim.features.text, number.end):
            continue  # "3,900 of the runners": a part of what the article counts whole
        if _year_given(number, record):  # "the 2021 restructuring" for "restructuring in 2021"
            continue
        if any(close(number) for close in said):  # "0.25 points" for "a quarter of a point"
            continue
        if _hedged(claim.features.text, number) and any(
            abs(number.value - n) <= _ROUNDING * abs(n) for n in record.numbers
        ):  # "nearly 20,000 hours" for "more than 19,800 hours"
            continue
        bound, _ = figure_bound(claim.features.text, number.start)
        if any(bound_holds(bound, number.value, n.value) for n in _counting(record, number)):
            continue  # "more than 1,000 homes" for "1,240 homes": a bound, met
        # (one the article's figures break is the alignment's to name: "more than 2,000")
        if not _in_place_of_a_figure(claim.features, number, aligned, record):
            continue  # a figure the article has nothing in place of adds to it ("inflation
            # fell to 2.2% in August" beside an article giving the rate cut to 3.5%)
        if tells_more:
            continue  # an addition, not a figure swapped
        return f"The source article never gives the number {number.text.strip()}."
    if tells_more:
        return None  # as for a figure: "the 10-kilometre mark in 29 minutes"
    lowered = claim.features.text.lower()
    for found in _WORDS.finditer(lowered):
        word = found.group(0)
        if re.search(r"\d[,.]$", lowered[: found.start()]):
            continue  # "200-euro" of "a 1,200-euro payment"
        if (
            _QUANTITY.match(word)
            and word not in known
            and not _FRACTION_WORD.search(word)  # "two-fifths of the beds": a share
            and not _quantity_given(word, record)
            and not _unit_retold(word, known)
            and _unit_counted(word, record, known)
        ):
            return f"The source article never says “{word}”."
    return None


_FRACTION_WORD = re.compile(r"-(?:half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)$")


def _unit_retold(word: str, known: frozenset[str]) -> bool:
    """Whether the article fuses the quantity's count with another word, and its unit with
    no other count: "a four-level scale" retells "a four-tier scale" (where the article also
    has "a four-year plan", "a five-year deal" is the year count changed)."""
    count, _, unit = word.partition("-")
    if unit.split("-")[0].rstrip("s") in SPAN_DAYS:
        return False  # a span of time is told exactly: "one-month" is no "one-year"
    fused = [k.partition("-") for k in known if _QUANTITY.match(k)]
    return any(c == count for c, _, _ in fused) and not any(u == unit for _, _, u in fused)


def _year_given(number: NumberMention, record: SourceRecord) -> bool:
    """Whether a figure written as a year is one the article dates something by."""
    if not (number.text.strip().isdigit() and 1000 <= number.value <= 2100):
        return False
    return any(
        d.value is not None and d.value.year == number.value
        for features in record.features
        for d in features.calendar_dates
    )


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_CLOCK_FIGURE = re.compile(r"\b(\d{1,2}):(\d{2})(?::(\d{2}))?\b")
_PART_OF_A_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|those|them|all)\b", re.I)


def _in_a_clock(number: NumberMention, record: SourceRecord) -> bool:
    """Whether a figure is one part of a time the article writes with colons ("four
    minutes" in "2:04:31")."""
    return any(
        part is not None and same_number(number.value, float(part))
        for features in record.features
        for match in _CLOCK_FIGURE.finditer(features.text)
        for part in match.groups()
    )


def _figures(features: Features) -> list[NumberMention]:
    """The figures a text gives: its numbers, and its shares in words as percentages in place
    of the counts they are written with ("six in ten": 60%, not six and ten)."""
    shares = [s for s in share_words(features.text) if " in " in s.text or " out " in s.text]
    spans = [(s.start, s.end) for s in shares]
    alone = [
        n
        for n in features.numbers
        if not any(a <= n.start < b for a, b in spans)
        and not _FRACTION_AFTER.match(features.text, n.end)  # "three-quarters" is a share
    ]
    return sorted([*alone, *shares], key=lambda n: n.start)


_FRACTION_AFTER = re.compile(r"-(?:half|halves|thirds?|quarters?|fifths?|sixths?|tenths?)\b")


_AGE_TOLD = re.compile(r"\baged\s+\d|\b[A-Z][\w’'-]+,\s+\d{1,3},|\d[\s-]+years?[\s-]+old\b")


def _unit_counted(word: str, record: SourceRecord, known: frozenset[str]) -> bool:
    """Whether the article tells what a fused quantity counts: an age where it gives
    someone's age, another unit where it uses the word or counts by it. One it never tells
    adds to the article ("driven by a 58-year-old engineer" beside an article giving no
    age; "a 12-storey block" where it speaks of no storeys)."""
    _, _, rest = word.partition("-")
    if rest.startswith("year-old"):
        return any(_AGE_TOLD.search(f.text) for f in record.features)
    unit = rest.split("-")[0]
    if unit in known or f"{unit}s" in known or unit.rstrip("s") in SPAN_DAYS:
        return True  # "a two-week festival" beside "the city's green week"; a span of time
        # is told exactly ("one-month" is no "one-year")
    return any(
        n.unit.lower() in (unit, f"{unit}s") for f in record.features for n in f.numbers
    ) or any(re.search(rf"\d[\d,.]*\s+{re.escape(unit)}s?\b", f.text) for f in record.features)


def _quantity_given(word: str, record: SourceRecord) -> bool:
    """Whether the article gives the count a fused quantity tells, with its unit, in other
    words: "a twelve-year sentence" for "asked for twelve years", "a 3-week trip" for "three
    weeks"."""
    count, _, rest = word.partition("-")
    unit = rest.split("-")[0]
    try:
        value = float(count) if count.isdigit() else float(text2num(count, "en"))
    except ValueError:
        return False
    if unit in _SCALE_WORDS and "-" in rest:  # "a 2-billion-crown package": 2 billion crowns
        value *= _SCALE_WORDS[unit]
        unit = rest.split("-")[1]
    if rest.startswith("year-old"):  # an age: "24-year-olds" for "aged 16 to 24"
        return any(same_number(v, value) for v in record.numbers)
    apart = r"[\s-]+"
    written = re.compile(rf"\b{re.escape(count)}{apart}{rest.replace('-', apart)}", re.I)
    if any(written.search(f.text) for f in record.features):
        return True  # "a 300-basis-point rise" for "an increase of 300 basis points"
    return any(
        same_number(n.value, value) and n.unit.lower() in (unit, f"{unit}s")
        for features in record.features
        for n in features.numbers
    )


_NEIGHBOURS = 4  # words on each side of a figure, in its clause, that tell what it counts
Span = tuple[int, int]


def _in_place_of_a_figure(
    features: Features, number: NumberMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether the claim's figure stands where the article gives another figure, one the
    claim does not give, so that one was put for the other. Where the article sentence the
    claim retells has such a figure (or a share in words or a year: "a quarter of a
    point", "since 2019"), a content word near both in their clauses tells it ("cut its growth
    forecast to 0.6%" beside "lowered its growth forecast ... to 0.8%"); elsewhere in the
    article, the content word nearest both ("sales of $4bn" beside "sales of $5bn"). A
    figure the article has nothing in place of adds to it ("inflation fell to 2.2% in
    August" beside an article giving the rate cut to 3.5%)."""
    given = [n.value for n in features.numbers]
    measure = _measure(features.text, number)

    def others(sentence: Features) -> list[Span]:
        return [
            (n.start, n.end)
            for n in sentence.numbers
            if not any(same_number(n.value, g) for g in given)
            and n.ordinal == number.ordinal
            and (n.unit == "%") == (number.unit == "%")  # "870 euros" is not "6.1%"
            and _measures_alike(measure, _measure(sentence.text, n))
        ]

    told = (number.start, number.end)
    fused = _FUSED_UNIT.match(features.text, number.end)  # "century" of "18th-century"
    unit = _unit_of(number) | ({fused.group(1).lower()} if fused else frozenset())
    # a count of years, or a figure of a year, may stand for a year ("since 2019"); not one
    # counting something else ("870 euros a month")
    counts_else = number.unit.lower() in features.content and number.unit.lower() != "year"
    years = [] if counts_else or number.unit == "%" else _years(aligned)
    places = others(aligned) + _shares_in_words(aligned) + years
    return _stands_for(features, told, aligned, places, counted=unit) or any(
        _stands_for(features, told, sentence, others(sentence), 1, unit, nearest=True)
        for sentence in record.features
    )


# What a figure measures, read from the words right after it (or a currency sign before):
# an age is no length, a price no span of time ("a 58-year-old engineer" stands in place of
# no "49.6-kilometre" link). Figures of unknown measure (counts of things) may stand for any.
_MEASURES = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("age", r"[- ]years?[- ]old\b"),
        (
            "money",
            r"\s+(?:[A-Z][a-z]+\s+)?(?:euros?|dollars?|francs?|pounds?|crowns?|kronor|kronur|"
            r"yen|yuan|rupees?|cedis?|pesos?|zlotys?|forints?|lira|lire|rand|reais|real)\b",
        ),
        (
            "span",
            r"[- ](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b",
        ),
        (
            "length",
            r"[- ](?:kilometres?|kilometers?|km|metres?|meters?|miles?|millimetres?|mm|"
            r"centimetres?|cm|feet|foot)\b",
        ),
        ("weight", r"[- ](?:tonnes?|tons?|kilograms?|kg|grams?)\b"),
        ("share", r"\s*(?:%|percent\b|per cent\b)"),
    )
)


def _measure(text: str, number: NumberMention) -> str:
    """What a figure measures ("age", "money", "span", "length", "weight", "share"), or ""
    for a count or a measure not told."""
    if text[max(0, number.start - 1) : number.start] in ("$", "€", "£"):
        return "money"
    before = text[: number.start]
    if _AGED.search(before) or _NAME_COMMA.search(before) and text.startswith(",", number.end):
        return "age"  # "aged 61"; "Horvat, 61, ..."
    return next((kind for kind, pattern in _MEASURES if pattern.match(text, number.end)), "")


_AGED = re.compile(r"\baged\s*$", re.IGNORECASE)
_NAME_COMMA = re.compile(r"\b[A-Z][\w’'-]+,\s*$")


def _measures_alike(a: str, b: str) -> bool:
    """Whether two figures may measure one thing: either measure is untold, or they agree;
    an age is only ever told as one."""
    return a == b or (not a or not b) and "age" not in (a, b)


_FUSED_UNIT = re.compile(r"-([A-Za-z]+)")


@cache
def _reporting_verbs() -> frozenset[str]:
    return word_set("reading.yaml", "reporting_verbs")


def _year_like(number: NumberMention) -> bool:
    """Whether a figure is written as a year ("2011"), not as a count."""
    written = number.text.strip()
    return written.isdigit() and len(written) == 4 and 1900 <= number.value <= 2100


def _is_span(number: NumberMention) -> bool:
    """Whether a figure counts a span of time ("four days", "two weeks")."""
    return span_days(number) > 0


_SPAN_YEARS = {"year": 1, "decade": 10, "century": 100}


def _same_span(a: NumberMention, b: NumberMention) -> bool:
    """Whether two spans of years agree in another measure ("two decades", "20 years")."""
    x = _SPAN_YEARS.get(a.unit.lower().removesuffix("s"))
    y = _SPAN_YEARS.get(b.unit.lower().removesuffix("s"))
    return x is not None and y is not None and same_number(a.value * x, b.value * y)


def _unit_of(number: NumberMention) -> frozenset[str]:
    """The word a figure counts, as a word near it that tells nothing of its place."""
    return frozenset({number.unit.lower()} if number.unit else ())


_TIMES = re.compile(
    r"\b(?P<n>twice|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times\b",
    re.IGNORECASE,
)


def _told_by_the_claim(features: Features, number: NumberMention) -> Callable[[float], bool]:
    """A test of the figures the claim tells without writing them, from `number` and its other
    figures: their differences and sums ("450 basis points, 200 larger than in 2023": 250),
    and the figure a multiple stands for, within a tenth ("1,142 amphorae, nearly three times
    as many": about 381)."""
    others = [n.value for n in _figures(features) if n is not number]
    sums = [v for b in others for v in _sum_and_difference(number.value, b)]
    multiples = [_multiple(found["n"].lower()) for found in _TIMES.finditer(features.text)]

    def told(value: float) -> bool:
        return any(same_number(value, v) for v in sums) or any(
            value > 0 and abs(number.value / times - value) <= 0.1 * value for times in multiples
        )

    return told


def _multiple(word: str) -> float:
    """The factor a word of `_TIMES` gives ("twice": 2, "three": 3, "2.5": 2.5)."""
    if word == "twice":
        return 2.0
    return float(word) if word[0].isdigit() else float(text2num(word, "en"))


# a figure fused with a measure ("a 2,140-metre volcano") is no count of things
_MEASURE = re.compile(
    r"[\s-]?(?:metres?|meters?|kilometres?|kilometers?|km|miles?|feet|foot|tonnes?|tons?|kg"
    r"|kilogrammes?|kilograms?|litres?|liters?|hectares?|degrees?)\b",
    re.IGNORECASE,
)


def _after(features: Features, number: NumberMention) -> str:
    """The text right after a figure."""
    return features.text[number.end : number.end + 16]


def _figure_retold_otherwise(
    features: Features, number: NumberMention, aligned: Features
) -> NumberMention | None:
    """The figure the article sentence the claim retells gives where the claim gives one that
    the article gives only elsewhere ("the pound fell 2%" beside "the pound fell by about
    0.5%", in an article where inflation is 2%), if it gives one there."""
    if any(same_number(number.value, n.value) for n in aligned.numbers):
        return None
    bound, _ = figure_bound(features.text, number.start)
    rounded = _hedged(features.text, number)
    unit = _unit_of(number)
    implied = _told_by_the_claim(features, number)
    told = (number.start, number.end)
    return next(
        (
            n
            for n in aligned.numbers
            if not any(same_number(n.value, m.value) for m in features.numbers)  # the claim
            # gives that figure too ("370 operations, more than the roughly 250 in 2023")
            and n.ordinal == number.ordinal  # a rank ("the 12th storm") counts nothing
            and not bound_holds(bound, number.value, n.value)  # "more than 18,000" for 18,460
            and not (rounded and abs(number.value - n.value) <= _ROUNDING * abs(n.value))
            and not implied(n.value)  # "450 basis points, 200 larger than the 250 of 2023"
            and bool(_MEASURE.match(_after(aligned, n)))  # "a 2,140-metre volcano" is no
            == bool(_MEASURE.match(_after(features, number)))  # count of volcanoes
            and (n.unit == "%") == (number.unit == "%")  # a share is no count ("81 percent
            # of pilots" is not "the roughly 1,400 pilots")
            and _is_span(n) == _is_span(number)  # "four days" is no count of clubs
            and _year_like(n) == _year_like(number)  # "between 2011 and 2021" is no count
            and not _same_span(n, number)  # "two decades" is "20 years"
            and _stands_for(features, told, aligned, [(n.start, n.end)], counted=unit)
        ),
        None,
    )


def _figure_told_elsewhere(
    features: Features, number: NumberMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether another sentence of the article gives the claim's figure beside a word the
    claim gives it beside (two of them): the claim joins two sentences ("From an initial 64
    passenger trains a day, traffic is set to reach 160" joins "64 passenger trains a day
    would use the tunnel at first" to the sentence giving 160 and 110; not "ruling by seven
    votes to two" beside "seven votes" told of another ruling alone)."""
    mine = _near(features, (number.start, number.end), _NEIGHBOURS)
    return any(
        len(_near(sentence, (n.start, n.end), _NEIGHBOURS) & mine) >= _JOINED
        for sentence in record.features
        if sentence.text != aligned.text
        for n in sentence.numbers
        if same_number(n.value, number.value)
    )


_JOINED = 2  # words beside a figure both sentences give it with, to tell one thing


def _date_retold_otherwise(features: Features, mention: DateMention, aligned: Features) -> bool:
    """Whether the article sentence the claim retells gives another date where the claim
    gives one that the article gives only elsewhere ("took office in June" beside "took
    office in July", in an article where inflation stayed at 2% in June); a date it gives
    in words of time ("this year") is given."""
    dates = aligned.calendar_dates
    if any(_said_alike_date(mention, d.value) for d in aligned.dates if d.value is not None):
        return False
    places = [(d.start, d.end) for d in dates]
    return bool(places) and _stands_for(features, (mention.start, mention.end), aligned, places)


def _said_alike_date(mention: DateMention, other: PartialDate) -> bool:
    """Whether a date the claim gives is `other`: one said without its year by its month and
    day (its year is a guess), any other as it agrees."""
    value = mention.value
    assert value is not None
    return value.same_month_and_day(other) if mention.yearless else value.agrees(other)


def _in_place_of_a_date(
    features: Features, mention: DateMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether the claim's date stands where the article gives a time, as
    `_in_place_of_a_figure` tells for a figure ("first lowered rates in April" beside "first
    lowered rates in June"; not "inflation fell in August" beside "its second cut this
    year")."""
    told = (mention.start, mention.end)
    return _stands_for(features, told, aligned, [(d.start, d.end) for d in aligned.dates]) or any(
        _stands_for(features, told, f, [(d.start, d.end) for d in f.dates], 1, nearest=True)
        for f in record.features
        if _of_the_claims_names(features, f)
    )


def _of_the_claims_names(features: Features, sentence: Features) -> bool:
    """Whether a sentence of the article may tell of whom the claim tells: it names one of
    the claim's names, or the claim names no one ("Arvid Helland ... died in 2009" is not
    told in place of "Alnes married Kjell Alnes ...; he died in 2011")."""
    mine = _name_words(features)
    return not mine or bool(mine & _name_words(sentence))


def _stands_for(
    features: Features,
    told: Span,
    sentence: Features,
    places: list[Span],
    reach: int = _NEIGHBOURS,
    counted: frozenset[str] = frozenset(),
    *,
    nearest: bool = False,
) -> bool:
    """Whether a content word near `told` in the claim is near one of `places` in `sentence`;
    never only what both count (`counted`: "170,000 people" who live on a peninsula are not
    in place of "48 people" killed there)."""
    mine = _near(features, told, reach, nearest=nearest) - counted
    return bool(mine) and any(
        _near(sentence, place, reach, nearest=nearest) & mine for place in places
    )


def _clause(text: str, span: Span, *, contrast: bool = False) -> Span:
    """The bounds of the clause a span lies in: from the mark before it to the mark after it
    (a comma, a semicolon, a colon, a bracket or a dash; with `contrast`, also a word that
    sets one clause against another: "found guilty of fraud but acquitted of ...")."""
    marks = _CONTRAST if contrast else CLAUSE_MARKS
    opening = max((m.end() for m in marks.finditer(text, 0, span[0])), default=0)
    closing = next((m.start() for m in marks.finditer(text, span[1])), len(text))
    return opening, closing


_CONTRAST = re.compile(CLAUSE_MARKS.pattern + r"|\b(?:but|while|whereas|although|though)\b")


def _near(
    features: Features, span: Span, reach: int, *, nearest: bool = False, contrast: bool = False
) -> frozenset[str]:
    """The content words among the `reach` words on each side of a span within its clause
    (`nearest`: the `reach` nearest content words on each side), leaving out a name's words
    ("the Noto peninsula" tells what the story is about, not what a figure counts)."""
    text = features.text
    opening, closing = _clause(text, span, contrast=contrast)

    def telling(w: Word) -> bool:
        return w.lemma in features.content and not _capitalised_within(text, w.start)

    words = [w for w in features.words if not nearest or telling(w)]
    before = [w for w in words if opening <= w.start and w.end <= span[0]][-reach:]
    after = [w for w in words if w.start >= span[1] and w.end <= closing][:reach]
    return frozenset(w.lemma for w in before + after if telling(w))


def _capitalised_within(text: str, start: int) -> bool:
    """Whether the word at `start` is capitalised past the sentence's first word."""
    return text[start : start + 1].isupper() and bool(text[:start].strip())


def _years(features: Features) -> list[Span]:
    """Where a sentence gives a year alone ("since 2019", "in 2023"): a count of years or a
    figure of that year may stand in its place, never in that of a day."""
    return [
        (d.start, d.end)
        for d in features.calendar_dates
        if d.value is not None and d.value.month is None
    ]


def _shares_in_words(features: Features) -> list[Span]:
    """Where a sentence gives a share in words ("a quarter", "two thirds", "half")."""
    return [m.span() for m in _FRACTION.finditer(features.text.lower())]


def _counting(record: SourceRecord, number: NumberMention) -> list[NumberMention]:
    """The article's figures that may count what `number` counts: of its unit ("121 people"
    is no bound that "1,600 homes" meets), or either without one."""
    return [
        n
        for features in record.features
        for n in features.numbers
        if not n.unit or not number.unit or n.unit == number.unit
    ]


def _derived(record: SourceRecord) -> frozenset[float]:
    """The differences and sums of two figures one sentence of the article gives ("74 more
    aircraft" for "735 ... from 661")."""
    found: set[float] = set()
    for features in record.features:
        values = [n.value for n in features.numbers]
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                found.update(_sum_and_difference(a, b))
    return frozenset(found)


def _across_sentences(number: NumberMention, features: Features, record: SourceRecord) -> bool:
    """Whether a figure the claim tells as worked out ("bigger than", "in all") is the
    difference or sum of two figures of one measure (both money, both shares ...) that the
    article gives beside a word of the same thing, in any two sentences."""
    measure = _measure(features.text, number)
    if not measure or not _WORKED_OUT.search(features.text):
        return False
    told = [
        (n.value, _near(f, (n.start, n.end), 2, nearest=True))
        for f in record.features
        for n in f.numbers
        if _measure(f.text, n) == measure
    ]
    return any(
        same_number(number.value, v)
        for i, (x, beside) in enumerate(told)
        for y, other in told[i + 1 :]
        if beside & other  # told of one thing: "a £318.6 million budget", "the net budget is
        # up from £301.2 million"
        for v in _sum_and_difference(x, y)
    )


def _sum_and_difference(a: float, b: float) -> tuple[float, float]:
    """The figures two figures make together: how far apart they are, and their sum."""
    return abs(a - b), a + b


# Words that tell a figure as a difference or a sum of others ("70 fewer than", "19 were never
# built", "in all", "the rest").
_WORKED_OUT = re.compile(
    r"\b(?:fewer|more|less|than|smaller|larger|bigger|higher|lower|remaining|rest|other|others"
    r"|never|difference|combined|together|total|altogether|in all|all but|up from|down from)\b",
    re.IGNORECASE,
)


def _computed(number: NumberMention, features: Features, record: SourceRecord) -> bool:
    """Whether a figure is the difference or sum of another figure the claim gives and one it
    gives or the article gives of what the figure is told of (the words after it in its
    clause: "19 were never built" beside "Only three were ever built"): "The 640 job cuts
    are 70 fewer than the 710 lost in 2016". Every figure of the article would make too many
    sums to tell anything ("1,124 earthquakes" where the article has 1,214)."""
    mine = [n.value for n in _figures(features) if n is not number]
    if not mine:
        return False
    opening, closing = _clause(features.text, (number.start, number.end))
    if not _WORKED_OUT.search(features.text[opening:closing]):
        return False  # nothing tells a difference or a sum: "approved by four of the seven
        # members" is a count the article gives otherwise, whatever sums make four
    after = {
        w.lemma
        for w in features.words
        if number.end <= w.start < closing and w.lemma in features.content
    }
    theirs = {n.value for f in record.features if after & f.content for n in f.numbers}
    return any(
        same_number(number.value, v)
        for a in mine
        for b in {*mine, *theirs}
        if a != b
        for v in _sum_and_difference(a, b)
    )


def _hedged(text: str, number: NumberMention) -> bool:
    """Whether the claim gives the figure as a round one: "nearly", "about", "some" ..."""
    return bool(_HEDGE.search(text[max(0, number.start - 20) : number.start]))


def _fractions(record: SourceRecord) -> set[Callable[[NumberMention], bool]]:
    """The shares the article gives in words ("a quarter of a percentage point", "two
    thirds", "half of"), each as a test of a figure that gives it (0.25, 25%, 67%)."""
    tests: set[Callable[[NumberMention], bool]] = set()
    for features in record.features:
        for share in _figures(features):
            if share.unit == "%" and not any(share is n for n in features.numbers):
                tests.add(partial(_gives_share, share.value / 100))  # "six in ten"
        for match in _FRACTION.finditer(features.text.lower()):
            if match.group(3):
                value = 0.5
            else:
                part = match.group(2).removesuffix("s")
                value = SHARE_COUNTS[match.group(1)] / SHARE_PARTS[part]
            tests.add(partial(_gives_share, value))
    return tests


def _gives_share(share: float, number: NumberMention) -> bool:
    return abs(number.value - share) < 0.005 or abs(number.value - 100 * share) <= 0.5


def _published(record: SourceRecord) -> date | None:
    """The article's own date, as its statements' source gives it."""
    return next((s.source.published for s in record.statements if s.source.published), None)


def _years_ago(record: SourceRecord) -> set[Callable[[NumberMention], bool]]:
    """The spans of years from a year the article gives to its own date ("its first cut
    since 2019", in 2024: "in five years", or four, counted down)."""
    published = _published(record)
    if published is None:
        return set()
    spans = {published.year - d.year for d in record.dates if d.year < published.year}
    return {partial(_gives_years, span) for span in spans}


def _gives_years(span: int, number: NumberMention) -> bool:
    return number.unit == "year" and number.value in (span, span - 1)


def _years_counted_back(record: SourceRecord) -> frozenset[int]:
    """The years the article's spans of years count back to from its own date ("the first
    time in 17 years", in 2024: 2007, or 2006)."""
    published = _published(record)
    if published is None:
        return frozenset()
    spans = {
        int(n.value)
        for f in record.features
        for n in f.numbers
        if n.unit == "year" and n.value.is_integer() and 0 < n.value < 200
    }
    return frozenset(published.year - s - back for s in spans for back in (0, 1))


def _new_date(
    claim: Claim,
    record: SourceRecord,
    known: frozenset[str],
    nearest: Features,
    aligned: Features,
) -> str | None:
    """A date the source article never gives, where the article sentence the claim retells
    (`aligned`) gives another; named against the matched statement's own date of the same
    precision when it has one."""
    counted = _years_counted_back(record)
    for mention in claim.features.calendar_dates:
        value = mention.value
        assert value is not None
        if value.year in counted:  # "since 2007" for "the first time in 17 years", in 2024
            continue
        given = any(_said_alike_date(mention, d) for d in record.dates) or (
            not mention.yearless and str(value.year) in known
        )
        if given and not _date_retold_otherwise(claim.features, mention, aligned):
            continue
        if _in_place_of_a_date(claim.features, mention, aligned, record):
            recorded = _date_like(value, nearest)
            if recorded is not None:
                return f"Says {mention.text} where the record has {recorded.text}."
            return f"The source article never gives the date {mention.text}."
    return None


def _other_of_class(
    claim: Claim, known: frozenset[str], lexicon: Lexicon, aligned: Features, record: SourceRecord
) -> str | None:
    """A colour, ordinal or the like the article never uses, where it uses another of the
    kind; or one the article uses only elsewhere, where the sentence the claim retells has
    another of the kind before the same word ("for the fourth quarter" beside "for the third
    quarter", in an article that speaks of the fourth quarter too)."""
    used = {kind for word, kind in lexicon.specifics.items() if word in known}
    text = claim.features.text.lower()
    fractions = {m.start(1) for m in _PART_OF.finditer(text)}
    retold = _classed(aligned.text.lower(), lexicon)

    def article() -> list[tuple[str, str, str]]:
        return [c for f in record.features for c in _classed(f.text.lower(), lexicon)]

    if _new_figures(claim.features, record):
        return None  # "600 houses were flooded up to the first floor": of more than it tells
    for word, kind, following in _classed(text, lexicon, fractions):
        if kind not in used:
            continue
        if word not in known and word not in _implied(known):
            # an ordinal or a relative in place of another: in the sentence it retells, or
            # before the same word in the article ("his first goal for Portugal", "Bassani's
            # wife" tell of more); a colour or a gender the article never uses anywhere is
            # one put for another (it tells of the same person or thing)
            if (
                kind not in _PLACED
                or any(k == kind for _, k, _ in retold)
                or any(k == kind and f == following for _, k, f in article())
            ):
                return f"The source article never says “{word}” (a different {kind})."
            continue
        if any(w == word for w, _, _ in retold):
            continue
        other = next((w for w, k, f in retold if k == kind and f and f == following), None)
        if other is not None and _given_of_the_same(word, claim.features, aligned, record):
            continue  # "Bassani slid to fourth overall" where another sentence has Bassani
            # "dropped to fourth": the claim joins it to the one giving "second overall"
        if other is not None:
            return f"Says “{word} {following}” where the source article says “{other} {following}”."
    return None


_PLACED = frozenset({"ordinal", "family"})  # classes whose words may bring in someone new


def _given_of_the_same(
    word: str, features: Features, aligned: Features, record: SourceRecord
) -> bool:
    """Whether another sentence of the article than the one retold uses the word and names
    someone or something the claim names."""
    names = _name_words(features)
    return any(
        word in _folded_words(f.text) and _name_words(f) & names
        for f in record.features
        if f.text != aligned.text
    )


def _implied(known: frozenset[str]) -> frozenset[str]:
    """The words the article's words give without writing them ("married": husband, wife;
    `implied_words` in data/reading.yaml)."""
    found: set[str] = set()
    for group in word_lists("reading.yaml")["implied_words"]:
        word, *implied = group.split("/")
        if word in known:
            found.update(implied)
    return frozenset(found)


def _classed(
    text: str, lexicon: Lexicon, skipped: AbstractSet[int] = frozenset()
) -> list[tuple[str, str, str]]:
    """Each word of a class of specific words in a lower-cased text (a colour, an ordinal),
    with its class and the word after it ("fourth", "ordinal", "quarter"); none that starts
    at a position in `skipped` ("a third of the vote" is a share, not the third of a
    series)."""
    found = []
    for match in _WORDS.finditer(text):
        if match.start() in skipped:
            continue
        parts = match.group(0).split("-")
        following = _WORDS.match(text, match.end() + 1)
        after = following.group(0) if following else ""
        for word in parts:
            kind = lexicon.specifics.get(word)
            if kind:
                found.append((word, kind, after))
    return found


# A span of time told with its measure: "every ten minutes", "34 minutes later", "an hour".
_TIME_SPAN = re.compile(
    r"(?:\b(?P<before>every|each|per|within|for|after)\s+)?"
    r"(?P<bound>(?:less than|more than|fewer than|under|over|nearly|almost|about|around)\s+)?"
    r"(?:(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|"
    r"forty|fifty|sixty|few|several|[\d.,]*\d)[\s-]+)?"
    r"(?P<unit>minute|hour|day|week|month|year|decade)s?\b(?P<half>\s+and\s+a\s+half\b)?"
    r"(?:\s+(?P<after>later|earlier|after|before|ago))?"
)
# how a bound before a span ("less than an hour") holds of another length, within a tenth
# for an estimate ("about an hour": 50 to 66 minutes)
_SPAN_BOUNDS = {"less than": "<", "fewer than": "<", "under": "<", "more than": ">", "over": ">"}


def _new_clock_time(text: str, record: SourceRecord) -> str | None:
    """A time of day the article never gives, told after the words that lead to one it gives
    ("lifted off at 9:42 p.m." beside "lifted off at 9:24 p.m.")."""
    theirs = [(t, f.text) for f in record.features for t in clock_times(f.text)]
    given = {t.value for t, _ in theirs}
    for time in clock_times(text):
        lead = _lead_words(text, time.start)
        if time.value in given or not lead:
            continue
        other = next((t for t, said in theirs if _lead_words(said, t.start) == lead), None)
        if other is not None:
            said, recorded = time.text.strip(), other.text.strip()
            return f"Says “{said}” where the source article has “{recorded}”."
    return None


def _lead_words(text: str, start: int) -> tuple[str, ...]:
    """The two words before a position, lower case ("off at" in "lifted off at 9 p.m.")."""
    return tuple(_WORDS.findall(text[max(0, start - 40) : start].lower())[-2:])


def _same_length(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether two spans of time are as long in their two measures ("two decades", "20
    years"; "an hour", "60 minutes"), within a tenth, or the first is a bound the second's
    length meets ("less than an hour" beside "50 minutes")."""
    x, y = _span_days(a), _span_days(b)
    if x is None or y is None:
        return False
    bound = (a["bound"] or "").strip()
    if bound in _SPAN_BOUNDS:
        return bound_holds(_SPAN_BOUNDS[bound], x, y)
    if bound:  # "nearly", "about": an estimate, near the other length
        return abs(x - y) <= 0.2 * max(x, y)
    return abs(x - y) <= 0.1 * max(x, y)


def _span_days(span: re.Match[str]) -> float | None:
    count = span["count"]
    if count is None or count in ("a", "an", "one"):
        amount = 1.0  # "every hour", "an hour"
    else:
        try:
            amount = float(count.replace(",", "")) if count[0].isdigit() else text2num(count, "en")
        except (ValueError, IndexError):
            return None
    return (float(amount) + (0.5 if span["half"] else 0.0)) * SPAN_DAYS[span["unit"]]


def _time_retold_otherwise(text: str, retold: str) -> str | None:
    """A span of time given in another measure than the retold sentence gives it in the same
    place: after the same word ("every hour" beside "every ten minutes") or before it ("an
    hour later" beside "34 minutes later")."""
    theirs = [m for m in _TIME_SPAN.finditer(retold.lower()) if m["before"] or m["after"]]
    spans = list(_TIME_SPAN.finditer(text.lower()))
    for mine in spans:
        for other in theirs:
            if any(_same_length(told, other) for told in spans if told["bound"] is None):
                continue  # "a 17-year veteran ... questioned for six hours" tells both
            same_place = (mine["before"] and mine["before"] == other["before"]) or (
                mine["after"] and mine["after"] == other["after"]
            )
            if same_place and mine["unit"] != other["unit"] and not _same_length(mine, other):
                said, recorded = mine.group(0), other.group(0)
                return f"Says “{said}” where the source article says “{recorded}”."
    return None


# A part of a whole told in words: "a third of", "two fifths of" (not "the third of May").
_PART_OF = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+"
    r"(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth)s?"
    # a share, not one of a series, where no noun follows: "a third of the vote", "cut the
    # risk by nearly a third in a trial", "fell by a fifth."
    r"(?:\s+(?:of|in|on|at|by|from|since|to|than|over|compared|after|before|during|and|or|"
    r"while|but)\b|\s*[,.;:)]|\s*$)"
)


def _opposite(
    claim: Claim,
    record: SourceRecord,
    known: frozenset[str],
    aligned: tuple[Statement, Features],
    lexicon: Lexicon,
) -> tuple[str | None, Statement | None]:
    """An opposite word, or a flipped negation, against the article (`aligned`: its sentence
    closest to the claim). The opposite must be said in a sentence that tells of what the
    claim tells (sharing words with it): "late" is no opposite of "early" in another
    sentence about something else."""
    otherwise, alike = moves_against(claim.features, aligned[1])
    if otherwise:  # "shares fell 27%" beside "jumped 27%, while Nordvik's shares fell 4.5%"
        mine_move, their_move = otherwise[0]
        return (
            f"Says “{mine_move.told}” where the source article says “{their_move.told}”.",
            aligned[0],
        )
    agreed = frozenset(m.word.lemma for m in alike)  # "rose 27%" beside "jumped 27%"
    changes = figure_changes(aligned[1].text)  # "up 11 percent": a rise, in this sentence
    near = aligned[1].content | changes.keys()
    related: frozenset[str] | None = None  # read only for a word the article never uses
    named = _name_words(claim.features)
    flipped = aligned[1].negated != claim.features.negated
    denied = denied_words(claim.features) if claim.features.negated else frozenset()
    mine = claim.features.content
    fused = _fused_words(claim.features)  # "old" in "24-year-olds" is part of an age
    for word in mine - named - agreed - fused:  # "North Korea" is a name, not a direction
        # a direction the claim tells of something else too is no inversion: "revenue doubled
        # but profit fell" uses both
        turned = _directions().get(word, frozenset()) - mine
        state = _becoming().get(word)  # "weaken": the opposites of "weak"
        if state is not None:
            turned |= lexicon.antonyms.get(state, frozenset()) - mine
        opposites = lexicon.antonyms.get(word, frozenset()) | turned
        if not opposites:
            continue
        if word in known:
            said_in = near
        else:
            related = _related(claim, record, near) if related is None else related
            said_in = related
        found = sorted(
            o
            for o in opposites & said_in - mine  # "won the final, defeating Moreno" says both
            if not _said_alike(o, word, near, lexicon)
        )
        if found and word not in near:
            if word in denied:
                continue  # "had not lost to City" turns "lose" round itself: no inversion
            if _from_the_other_side(word, found[0], claim.features, aligned[1]):
                continue  # "Chelsea lost to City" retells "City beat Chelsea"
            if _degrees_apart(word, found[0], claim.features, aligned[1]):
                continue  # "higher than among men" compares; "the lowest since 2008" ranks
            holder = aligned[1]
            if found[0] not in near:  # said in another sentence: read the opposite there
                holder = max(
                    (f for f in record.features if found[0] in sentence_words(f)),
                    key=lambda f: len(f.content & claim.features.content),
                    default=aligned[1],
                )
            if _of_another_figure(found[0], claim.features, holder):
                continue  # "a 9 percent raise" beside "demanding 9 percent, arguing that
                # salaries were cut by up to 25 percent": the cut is the 25 percent's
            if flipped and found[0] not in near:
                return None, None  # "a ban on exporting" retells "a rule on not exporting"
            if found[0] in _fused_words(holder) or _bound_only(found[0], holder.text):
                continue  # "old" of "a 58-year-old", "up" of "fines of up to 150,000"
            if found[0] in negated_words(holder) and word not in negated_words(claim.features):
                continue  # "rejected the section" retells "could not accept the section"
            if _SPAN_OF_TIME.search(claim.features.text) and word in ("last", "first", "next"):
                continue  # "in the last four months of 2025": a span of time, not a rank
            if _told_of_another(claim.features, word, found[0], holder):
                continue  # "Cork recorded the shortest stay" beside "Limerick recorded the
                # longest waits, whereas Cork ... cut its time": the opposite is Limerick's
            if _noun_beside_verb(word, claim.features, found[0], holder):
                continue  # "slid to fourth" beside "the final climb"; "until the end of the
                # year" beside "restrictions began": a thing is no act turned round
            if holder is aligned[1] and not _in_its_place(word, found[0], claim.features, holder):
                continue  # "was acquitted of money laundering" beside "A jury convicted
                # Pellow ... of three counts of fraud": the opposite tells of something else
            said = changes.get(found[0], found[0])
            return f"Says “{word}” where the source article says “{said}”.", (
                aligned[0] if found[0] in near else None
            )
    degree = _opposite_degree(claim.features, aligned[1], lexicon)
    if degree is not None:
        return f"Says “{degree[0]}” where the source article says “{degree[1]}”.", aligned[0]
    again = _again(claim.features, aligned[1])
    if again is not None:
        return f"Says “{again}” where the source article says it was the first time.", aligned[0]
    if (
        flipped
        and _negation_retold(claim.features, aligned[1])
        and not _denial_retold(claim.features, aligned[1], record)
    ):
        if claim.features.negated:
            return "The claim negates what the source article says.", aligned[0]
        return "The source article says this is not so.", aligned[0]
    return None, None


@cache
def _directions() -> dict[str, frozenset[str]]:
    """Each verb of a figure's change with the verbs of the other direction ("fall": "rise",
    "double", ...; `nlp.moves.verb_directions`)."""
    verbs = verb_directions()
    return {
        verb: frozenset(other for other, way in verbs.items() if way != direction)
        for verb, direction in verbs.items()
    }


@cache
def _becoming() -> dict[str, str]:
    """Each verb of becoming with the adjective it makes true ("weaken": "weak";
    `becoming_verbs` in data/reading.yaml)."""
    return dict(pair.split("/") for pair in word_lists("reading.yaml")["becoming_verbs"])


_HYPHENATED = re.compile(r"[\w'-]+")


def _fused_words(features: Features) -> frozenset[str]:
    """The lemmas a text uses only inside a count fused with its unit ("24-year-olds",
    "a three-day strike")."""
    inside: set[str] = set()
    outside: set[str] = set()
    for word in features.words:
        token = _HYPHENATED.match(features.text, _token_start(features.text, word.start))
        fused = token is not None and _QUANTITY.match(token.group(0).lower()) is not None
        (inside if fused else outside).add(word.lemma)
    return frozenset(inside - outside)


def _token_start(text: str, at: int) -> int:
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-'"):
        at -= 1
    return at


_SPAN_OF_TIME = re.compile(
    r"\b(?:last|first|next|past)\s+(?:\w+\s+)?(?:seconds|minutes|hours|days|weeks|months|years)\b",
    re.IGNORECASE,
)


def _told_of_another(claim: Features, word: str, opposite: str, sentence: Features) -> bool:
    """Whether the opposite stands in a clause of the sentence (bounded also by "whereas",
    "but", "while") that names only others than the claim names, where a name the claim
    gives before its word (whom it tells of) stands in another clause of it ("University
    Hospital Limerick recorded the longest waits, whereas Cork University Hospital ...")."""
    mine = [_name_words_of(m) for m in claim.entities]
    at = next((w.start for w in claim.words if w.lemma == word), len(claim.text))
    subjects = [_name_words_of(m) for m in claim.entities if m.end <= at]
    uses = [w for w in sentence.words if w.lemma == opposite]
    if not subjects or not uses:
        return False

    def claimed(words: frozenset[str], names: list[frozenset[str]] = mine) -> bool:
        return any(words <= m or m <= words for m in names)

    for use in uses:
        start, end = _clause(sentence.text, (use.start, use.end), contrast=True)
        inside = [_name_words_of(m) for m in sentence.entities if start <= m.start < end]
        outside = [_name_words_of(m) for m in sentence.entities if not start <= m.start < end]
        if (
            not inside
            or any(claimed(n) for n in inside)
            or not any(claimed(n, subjects) for n in outside)
        ):
            return False
    return True


def _name_words_of(mention: Mention) -> frozenset[str]:
    return frozenset(_WORDS.findall(mention.text.lower().replace("’", "'")))


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our"})
# words after which a word's base form is a verb: "would begin", "to decline"
_BEFORE_A_VERB = frozenset(
    {"would", "will", "to", "could", "can", "may", "might", "should", "must"}
)


def _noun_beside_verb(word: str, claim: Features, opposite: str, sentence: Features) -> bool:
    """Whether one sentence uses its word only as a noun (right after a determiner, or after
    a determiner and one word: "the final climb", "the end of the year") and the other its
    word as a verb, inflected or after a modal ("slid", "would begin"); not "a fourth-quarter
    increase" beside "a 26.3% decline", two nouns of change."""

    def as_noun(features: Features, lemma: str) -> bool:
        words = features.words
        uses = [i for i, w in enumerate(words) if w.lemma == lemma]
        return bool(uses) and all(
            features.text[words[i].start : words[i].end].lower() == lemma
            and any(w.lemma in _DETERMINERS for w in words[max(0, i - 2) : i])
            for i in uses
        )

    def as_verb(features: Features, lemma: str) -> bool:
        words = features.words
        return any(
            w.lemma == lemma
            and (
                features.text[w.start : w.end].lower() not in (lemma, f"{lemma}s", f"{lemma}es")
                or i > 0
                and words[i - 1].lemma in _BEFORE_A_VERB
            )
            for i, w in enumerate(words)
        )

    return (as_noun(claim, word) and as_verb(sentence, opposite)) or (
        as_verb(claim, word) and as_noun(sentence, opposite)
    )


def _degrees_apart(word: str, opposite: str, claim: Features, sentence: Features) -> bool:
    """Whether the claim uses its word only as a comparative ("higher") and the sentence its
    opposite only as a superlative ("lowest"), or the reverse: a comparison between two
    things is no inversion of a rank."""
    mine, theirs = _degree_of(claim, word), _degree_of(sentence, opposite)
    return bool(mine and theirs) and len(mine) == len(theirs) == 1 and mine != theirs


def _degree_of(features: Features, lemma: str) -> set[str]:
    """How a sentence uses a word of degree: "comparative", "superlative" or "plain"."""
    found = set()
    for w in features.words:
        if w.lemma != lemma:
            continue
        said = features.text[w.start : w.end].lower()
        found.add(
            "superlative"
            if said.endswith("est") and not lemma.endswith("est")
            else "comparative"
            if said.endswith("er") and not lemma.endswith("er")
            else "plain"
        )
    return found


_FIGURE_REACH = 4  # words from a word of change to the figure it changes ("cut by up to 25")


def _of_another_figure(opposite: str, claim: Features, sentence: Features) -> bool:
    """Whether the sentence uses `opposite` only of figures the claim never gives: each time
    a figure follows within a few words, and the claim gives none of them."""
    given = [n.value for n in claim.numbers]
    uses = [at for at, w in enumerate(sentence.words) if w.lemma == opposite]
    if not uses:
        return False
    for at in uses:
        reach = sentence.words[at + 1 : at + 1 + _FIGURE_REACH]
        if not reach:
            return False
        end = reach[-1].end
        figures = [n for n in sentence.numbers if sentence.words[at].end <= n.start < end]
        if not figures or any(same_number(n.value, v) for n in figures for v in given):
            return False
    return True


def _opposite_degree(
    claim: Features, sentence: Features, lexicon: Lexicon
) -> tuple[str, str] | None:
    """A word of degree the content words leave out ("more", "fewer", "best", "worst": stop
    words, or read as "well" and "wrong"), whose opposite the retold sentence uses before
    the same word: "more votes than in 2017" beside "fewer votes than in 2017", "their worst
    result" beside "their best result" (not "more seats" beside "fewer votes")."""
    mine, theirs = _degrees(claim), _degrees(sentence)
    for word, following in sorted(mine - theirs):
        for opposite in sorted(lexicon.antonyms.get(word, frozenset())):
            if (opposite, following) in theirs:
                return word, opposite
    return None


def _degrees(features: Features) -> set[tuple[str, str]]:
    """Each word of degree of a sentence, with the lemma of the content word after it ("more
    seats but fewer votes": more, seat; fewer, vote)."""
    text, words = features.text, features.words
    found: set[tuple[str, str]] = set()
    for at, word in enumerate(words):
        said = text[word.start : word.end].lower()
        # past "of any", "of all" ("the fewest of any team": fewest, team)
        following = words[at + 1 : at + 4]
        if not following or text[following[0].start : following[0].end].lower() != "of":
            following = following[:2]
        after = next((w.lemma for w in following if w.lemma in features.content), "")
        if said in _DEGREE_WORDS and after:
            found.add((said, after))
    return found


# Words of degree a sentence's content words leave out, compared as written.
_DEGREE_WORDS = frozenset(
    {"more", "less", "fewer", "most", "least", "fewest", "best", "worst", "better", "worse"}
)


def _related(claim: Claim, record: SourceRecord, near: frozenset[str]) -> frozenset[str]:
    """The words of the closest sentence (`near`) and of every article sentence sharing
    enough content words with the claim to tell of what it tells."""
    mine = content_lemmas(claim.features.lemmas)
    return near.union(
        *(
            sentence_words(f) - _fused_words(f)  # not "old" of "a 44-year-old"
            for f in record.features
            if len(mine & f.content) >= _ALIGNED
        )
    )


def _from_the_other_side(word: str, opposite: str, claim: Features, sentence: Features) -> bool:
    """Whether the claim tells with `word` the act the article tells with its converse
    `opposite` ("lose" for "win"), from the other party's side: it names another party
    first than the article's sentence does."""
    if opposite not in _converses().get(word, frozenset()):
        return False
    doer, done_to = _named_near(claim, word, before=True), _named_near(sentence, opposite)
    if doer and done_to and doer == done_to:
        return True  # "Tor Ekeberg beat her" retells "she ... lost to Tor Ekeberg"
    mine, theirs = _first_named(claim), _first_named(sentence)
    return bool(mine and theirs and mine != theirs)


_PARTY_REACH = 12  # characters between a verb and the party it names ("lost to", "beaten by")


def _named_near(features: Features, lemma: str, *, before: bool = False) -> str:
    """The words of the name right before (or right after) the word of `lemma` in a
    sentence: who did it, or to whom ("" where none is that close)."""
    text = features.text
    for word in features.words:
        if word.lemma != lemma:
            continue
        for mention in features.entities:
            gap = text[mention.end : word.start] if before else text[word.end : mention.start]
            if 0 <= len(gap) <= _PARTY_REACH and (mention.end <= word.start) == before:
                if before and gap.strip() or not before and gap.strip() not in _PARTY_WORDS:
                    continue
                return " ".join(_words_of_name(mention.text))
    return ""


_PARTY_WORDS = frozenset({"", "to", "by", "against"})


@cache
def _converses() -> dict[str, frozenset[str]]:
    return word_pairs(word_lists("reading.yaml")["converse_acts"], "reading.yaml")


def _first_named(features: Features) -> str:
    """The id of the entity a sentence names first ("" where it names none)."""
    return min(features.entities, key=lambda m: m.start).id if features.entities else ""


def _name_words(features: Features) -> frozenset[str]:
    """The words of the names a sentence mentions, lower-cased."""
    return frozenset(
        w for m in features.entities for w in _WORDS.findall(m.text.lower().replace("’", "'"))
    )


# A first time, told by denying any time before it, and told as a first.
_NEVER_BEFORE = re.compile(
    r"\b(?:never|not|n't)\b[^.;]*\b(?:before|previously|until now|until then|in (?:its|their|"
    r"his|her) history)\b",
    re.I,
)
_FIRST_TIME = re.compile(r"\bfirst(?:[- ]ever)?\b|\bmaiden\b|\bnever before\b", re.I)


# An earlier time told of the same act ("had won it before."; not "before the Fed did").
_AGAIN = re.compile(r"\b(?:again|previously|once more)\b|\bbefore(?=\s*(?:[.,;:]|$))", re.I)


def _again(claim: Features, sentence: Features) -> str | None:
    """The words by which a claim tells of an earlier time ("had won the FA Cup before"),
    where the clause of the sentence that tells the same act says it was the first time
    ("won the FA Cup for the first time on Saturday"); every content word of the claim is in
    that clause (not "had beaten City before", told of another clause)."""
    if claim.negated or _FIRST_TIME.search(claim.text):
        return None
    said = _AGAIN.search(claim.text)
    first = _FIRST_TIME.search(sentence.text)
    if said is None or first is None:
        return None
    clause = _clause(sentence.text, first.span())
    within = {w.lemma for w in sentence.words if clause[0] <= w.start < clause[1]}
    named = _name_words(claim)
    content = {w for w in claim.content if w not in named and w not in _TIME_WORDS}
    words = set(_folded_words(sentence.text[clause[0] : clause[1]]))
    if not content or not content <= within | words:
        return None
    return said.group(0)


_TIME_WORDS = frozenset({"before", "previously", "again", "once", "time"})


_DENIED_REACH = 2  # words a denial may deny and be retold by one of them
_NOT_SEEN = re.compile(r"\b(?:not|never)\s+(?:been\s+)?seen\s+(?:since|in|for)\b", re.I)


def _negated_span_told(negated: Features, other: Features) -> bool:
    """Whether the other sentence uses a content word (not a name's) of what follows a
    negation of the negated one, up to the end of its clause, and does not deny it itself
    ("rejected claims that the dam had been damaged, saying ... found no cracks" beside
    "denied reports that the dam had been damaged": the denials line up)."""
    text = negated.text
    names = _name_words(negated)
    starts = [m.end() for m in NEGATION_PHRASES.finditer(text)]
    starts += [w.end for w in negated.words if text[w.start : w.end].lower() in NEGATION_WORDS]
    matched = denied_words(other) if other.negated or other.negations else frozenset()
    for start in starts:
        end = next((m.start() for m in CLAUSE_MARKS.finditer(text, start)), len(text))
        span = (
            {w.lemma for w in negated.words if start <= w.start < end} & negated.content
        ) - names
        told = span & other.content
        if len(told) >= min(2, len(span)) and told and not told & matched:
            return True  # a negation the other sentence does not line up with its own (one
            # word of several is no retelling: "dismissed reports that the aid had been
            # delayed by a row" beside "announced 25 billion rupiah in emergency aid")
    return not starts


_NOT_DENIED = re.compile(
    r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:deny|denied|reject|rejected|dismiss|dismissed|refute)",
    re.IGNORECASE,
)


_EXPLICIT_NOT = re.compile(r"\b(?:not|never|no|none|nobody|nothing)\b|n't\b", re.IGNORECASE)


def _denial_retold(claim: Features, sentence: Features, record: SourceRecord) -> bool:
    """Whether the claim tells of a denial the article tells of too ("rejected a report
    that" beside "denied a report that"; "Benedetti rejected Lanzoni's claim that ..." in an
    article where "Benedetti rejected the accusation"): it reports what someone denied, which
    the article's telling of the claim denied does not contradict."""
    denials = word_set("reading.yaml", "denial_verbs")
    if not {w.lemma for w in claim.words} & denials or _NOT_DENIED.search(claim.text):
        return False  # "did not deny the claim that": no denial
    if _EXPLICIT_NOT.search(claim.text) and not any(
        _denied_alike(claim.text, f.text) for f in record.features
    ):
        return False  # "Rejecting the criticism, Marković acknowledged the records had not
        # been checked": a negation of its own beside the denial, which the article never
        # makes ("saying no other club had made a formal proposal" retells a quote)
    if {w.lemma for w in sentence.words} & denials:
        return True
    names = _name_words(claim)
    return any(
        {w.lemma for w in f.words} & denials and _name_words(f) & names for f in record.features
    )


def _negation_retold(claim: Features, sentence: Features) -> bool:
    """Whether the negation one of the two has and the other lacks bears on what the
    sentence says (not on a gerund after a preposition: "its rule on not exporting"), and
    the other does not negate the same word where its features do not count it."""
    negated = claim if claim.negated else sentence
    other = sentence if claim.negated else claim
    if not denies_itself(negated):
        return False  # every "not" qualifies a gerund after a preposition
    if _NEVER_BEFORE.search(negated.text) and _FIRST_TIME.search(other.text):
        return False  # "had never won the FA Cup before" retells "won it for the first time"
    if _NOT_SEEN.search(negated.text):
        return False  # "a level not seen since early 2021": the highest since then
    if _counts_apart(negated, other):
        return False  # "19 were never built" beside "Only three were ever built": a
        # negation of what another count tells of (here, the rest of 22)
    if not _negated_span_told(negated, other):
        return False  # the negation bears on what the other never tells ("... and rejected
        # press reports that TAP meant to bring in foreign pilots" beside a sentence on the
        # cost of the strike)
    denied = denied_words(negated)
    shown = denied & other.content
    if denied and not shown:
        # the negation denies what the other never says in these words ("has yet to cut
        # rates" beside "has kept its rates unchanged"): which of them is right is unknown
        return False
    if len(shown) == 1 and len(denied) > _DENIED_REACH:
        # one word of a long denial tells nothing of it ("The weekly newspaper that reported
        # the methodology claims is based in Lisbon" beside "denied a report in a weekly
        # newspaper that the institute had changed its methodology to flatter the figures")
        return False
    if (
        shown
        and not shown & told_as_done(other)
        and not any(under_modal(negated, w) for w in shown)
    ):
        # what it denies as done, the other tells only as not done yet: "have yet to approve"
        # retells "still waiting for them to approve" ("would not shade" still denies
        # "would shade")
        return False
    if denied & {w.lemma for w in deprived(other)}:
        return False  # "left without power" retells "lost power"
    # the other may negate the same word in words its features leave out (a quotation)
    if negated_words(negated) & negated_words(other):
        return False
    return not _denied_alike(negated.text, other.text)


_NEGATION_RUN = re.compile(r"\b(?:not|never|n't|no)\b((?:\W+\w+){1,6})", re.IGNORECASE)


def _denied_alike(text: str, other: str) -> bool:
    """Whether the few words after a negation in one text share a content word with those
    after a negation in the other, wherever it stands (a quotation the features leave out:
    "would not give away decisions" beside "we will not sign away decisions")."""

    def runs(written: str) -> set[str]:
        return {
            w.lower()
            for m in _NEGATION_RUN.finditer(written)
            for w in re.findall(r"[A-Za-z]+", m.group(1))
            if len(w) > 3 and w.lower() not in STOP_WORDS
        }

    return bool(runs(text) & runs(other))


def _bound_only(word: str, text: str) -> bool:
    """Whether a sentence uses a direction word only in a bound ("fines of up to 150,000",
    "down to the last"): "up to" moves nothing."""
    uses = list(re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE))
    return bool(uses) and all(text[u.end() :].lstrip().lower().startswith("to ") for u in uses)


def _in_its_place(word: str, opposite: str, claim: Features, sentence: Features) -> bool:
    """Whether the claim says `word` where the sentence says its opposite: words beside the
    two alike ("confirmed press reports" beside "denied reports"). An opposite the sentence
    gives in no word of its own (a figure's change: "up 11 percent") is taken as in place."""
    theirs = [(w.start, w.end) for w in sentence.words if w.lemma == opposite]
    if not theirs:
        return True
    near = [_near(sentence, place, _NEIGHBOURS, nearest=True, contrast=True) for place in theirs]
    mine = [
        _near(claim, (w.start, w.end), _NEIGHBOURS, nearest=True, contrast=True)
        for w in claim.words
        if w.lemma == word
    ]
    if not all(near) or not all(mine):
        return True  # no words beside one of them in its clause ("Watson, founder of ...,
        # was arrested Thursday, Feb. 23, on ..."): nothing tells it is elsewhere
    return any(m & other for m in mine for other in near)


def _counts_apart(negated: Features, other: Features) -> bool:
    """Whether both give counts and the negated one gives, in the clause of its negation, one
    the other does not (a count of what the negation bears on: ", 19 were never built")."""
    theirs = [n.value for n in _figures(other)]
    if not theirs:
        return False
    text = negated.text
    marks = [w for w in negated.words if text[w.start : w.end].lower() in NEGATION_WORDS]
    clauses = [_clause(text, (w.start, w.end)) for w in marks]
    return any(
        not any(same_number(n.value, b) for b in theirs)
        for n in _figures(negated)
        if any(a <= n.start < b for a, b in clauses)
    )


def _said_alike(opposite: str, word: str, sentence: frozenset[str], lexicon: Lexicon) -> bool:
    """The retold sentence has its own word for the claim's meaning: "rates had fallen" for
    "rates dropped" (both opposites of "rise"), so a "rise" elsewhere is about something else."""
    return any(
        opposite in lexicon.antonyms.get(other, frozenset()) for other in sentence if other != word
    )


def _aligned(features: Features, record: SourceRecord) -> tuple[Statement, Features] | None:
    """The article sentence sharing the most content words, figures and dates with the claim,
    if it shares enough words; of those sharing as many, the one sharing most figures ("coal
    use in the EU fell 23 percent" retells "use in the EU fell 23 percent", not "coal use rose
    1.4 percent"). A figure or date counts as a word: "raised rates 14 times between December
    2021 and August 2023" retells "It then raised them 14 times in a row from December 2021
    to August 2023", not "The Bank of England cut interest rates ... for the first time"."""
    mine = content_lemmas(features.lemmas)
    figures = {n.value for n in features.numbers}
    counting = {n.unit.lower() for n in features.numbers if n.unit}
    dates = {d.value for d in features.calendar_dates}

    def shared(pair: tuple[Statement, Features]) -> tuple[int, int, int]:
        theirs = pair[1]
        told = len(figures & {n.value for n in theirs.numbers})
        dated = len(dates & {d.value for d in theirs.calendar_dates})
        # then the one counting what the claim's figures count ("about 80,000 civil
        # servants" retells "for about 18,000 civil servants", not the title's "pilot for
        # civil servants")
        counted = len(counting & {n.unit.lower() for n in theirs.numbers if n.unit})
        return len(mine & theirs.content) + told + dated, told, counted

    best = max(zip(record.statements, record.features, strict=True), key=shared, default=None)
    if best is None:
        return None
    words = len(mine & best[1].content)
    # a short claim shares few words: its figures and dates then tell which sentence it
    # retells ("Inflation rose to 2% in May" beside "inflation fell to 2% in May")
    if words < _ALIGNED and (words == 0 or shared(best)[0] < _ALIGNED):
        return None
    return best
