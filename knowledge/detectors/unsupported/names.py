"""Names: a person, place or body the article never names put in place of one it names, a
name the article gives only elsewhere put in the retold sentence's place, and a title the
article gives someone else."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from knowledge.checking.align import (
    city_told_as_place,
)
from knowledge.detectors.unsupported.additions import (
    _NEW_WORDS,
    _loosely_retold,
    _new_altogether,
    _new_figures,
    _own_nouns,
    _with_a_new_figure,
    _with_a_new_year,
)
from knowledge.detectors.unsupported.text import (
    _LIST_GAP,
    _WORDS,
    Span,
    _capitalised_within,
    _folded_words,
    _near,
    _place_key,
    _retells,
    _stands_for,
    _words_of_name,
)
from knowledge.matching import CheckContext, SourceRecord
from knowledge.nlp.claims import Claim
from knowledge.nlp.clauses import clause_bounds
from knowledge.nlp.features import (
    Features,
    Mention,
    can_be_adverb,
    can_be_noun,
    same_number,
)
from knowledge.nlp.titles import other_titles, same_person, titles, titles_in
from knowledge.resources import Lexicon, lexicon, word_lists, word_set

# words that set a name apart from another the text has in mind ("the only other mayor";
# not "another" or "the other", which mostly tell of someone else beside the name)
_SET_APART = re.compile(r"\bonly\s+other\b", re.IGNORECASE)


def _title_of_another(features: Features, record: SourceRecord) -> str | None:
    """A title the claim gives a person that the article gives another person, where it gives
    this one another title ("Chief executive Henrik Baumgart" beside "Chief financial officer
    Henrik Baumgart" and "chief executive Matthias Krell")."""
    mine = titles(features)
    if not mine:
        return None
    theirs = titles_in(record.features)
    for title, same in other_titles(mine, theirs):
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

    mentions = [
        m
        for m in claim.features.entities
        if not _describes(m, text, known, record) and not _CURRENCY.fullmatch(m.text)
    ]
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
            if other is not None and _named_by_another_part(other, text, record):
                other = None  # "talks with Virtanen" beside "talking to Aino", in an article
                # naming "Aino Virtanen": the claim gives that name too
            if other is not None and _new_figures(claim.features, record):
                other = None  # "More than 600 houses in Krnov were flooded": a name and a
                # figure the article never gives with it tell of more, not of a name swapped
            if other is not None and _told_elsewhere(claim.features, mention, aligned, record):
                other = None  # the article gives the name with the claim's figure elsewhere
            if other is not None and _SET_APART.search(text):
                other = None  # "the only other mayor found guilty": the claim itself tells
                # of someone besides the one the article's sentence names
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
        if _loosely_retold(claim.features, aligned):
            continue  # a name the article never gives, in a claim telling of more than the
            # sentence nearest it: an addition
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


# a currency written with its country's letters ("C$15 million", "NZ$", "US$"): no name
_CURRENCY = re.compile(r"[A-Z]{1,3}\$")


def _named_by_another_part(name: Mention, text: str, record: SourceRecord) -> bool:
    """Whether a text names the one an article's name stands for by another word of the full
    name the article gives ("Virtanen" where the sentence has "Aino" and the article "Aino
    Virtanen")."""
    mine = set(_words_of_name(name.text))
    said = _folded_words(text)
    for features in record.features:
        for entity in features.entities:
            full = set(_words_of_name(entity.text))
            if mine and mine < full and (full - mine) & said:
                return True
    return False


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
        beside = (
            _near(features, told, 1, nearest=True)
            - titled
            - word_set("reading.yaml", "reporting_verbs")
        )
        if any(
            w in beside and can_be_noun(w)
            for span in spans
            for w in _near(sentence, span, 1, nearest=True)
        ):
            return True  # "opened at a ceremony in Thusis" joins "Saturday's ceremony in Thusis"
            # (a thing, not a title nor a saying: "Chief operating officer Marta Reis said"
            # does not join every sentence giving her title or telling what she said)
    return False


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
    if place and _country_beside_alike(lexicon, features.text, mention, aligned.text):
        return None  # "Aurelia's Slovak factory in Nitra" beside "its plant in Nitra,
        # Slovakia" (and "the German business press"): the sentence gives the claim's country
        # beside the same words
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


def _country_beside_alike(lexicon: Lexicon, text: str, mention: Mention, other: str) -> bool:
    """Whether another text gives the mention's country beside a word the claim gives beside
    it ("Slovak factory in Nitra" and "plant in Nitra, Slovakia"; not "condemned South Korea's
    missile launches" and "South Korea's military said", nor "North Korea's missile launches",
    another country: the longest name read counts)."""
    country = lexicon.places[_place_key(mention.text)]
    mine = _words_around(text, mention.start, mention.end)
    return any(
        mine & _words_around(other, found.start(), found.end())
        for found in _place_names(frozenset(lexicon.places)).finditer(other.lower())
        if lexicon.places.get(found.group(0)) == country
    )


@lru_cache(maxsize=4)
def _place_names(places: frozenset[str]) -> re.Pattern[str]:
    """A pattern of these place names, the longest first ("north korea" before "korea")."""
    names = sorted(places, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


_AROUND = 4  # words on each side of a name read as what it stands beside


def _words_around(text: str, start: int, end: int) -> frozenset[str]:
    """The words, lower case, among the few on each side of a span, less stop words."""
    before = _WORDS.findall(text[:start].lower())[-_AROUND:]
    after = _WORDS.findall(text[end:].lower())[:_AROUND]
    return frozenset(w for w in before + after if w not in STOP_WORDS and len(w) > 2)


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
    opening, closing = clause_bounds(text, span)
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


def _all_known(name: str, known: frozenset[str]) -> bool:
    words = _words_of_name(name)
    return bool(words) and all(w in known for w in words)
