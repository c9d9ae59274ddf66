"""Opposites and negations: a word whose opposite the article uses in its place, a degree or
direction turned round, a negation the retold sentence does not have (or the reverse), and
what is none (a converse act, a denial the article reports, a noun beside a verb)."""

from __future__ import annotations

import re
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

from knowledge.checking.align import (
    figure_changes,
)
from knowledge.detectors.unsupported.additions import _figures
from knowledge.detectors.unsupported.text import (
    _ALIGNED,
    _NEIGHBOURS,
    _QUANTITY,
    _folded_words,
    _name_words,
    _near,
    _retells,
    _words_of_name,
)
from knowledge.matching import SourceRecord, sentence_words
from knowledge.model import Statement
from knowledge.nlp.claims import Claim
from knowledge.nlp.clauses import clause_bounds, told_of_another
from knowledge.nlp.features import (
    CLAUSE_MARKS,
    NEGATION_PHRASES,
    NEGATION_WORDS,
    Features,
    content_lemmas,
    same_number,
)
from knowledge.nlp.moves import figure_direction, moves_against, verb_directions
from knowledge.nlp.negation import (
    denied_predicates,
    denied_words,
    denies_itself,
    deprived,
    negated_words,
    told_as_done,
    under_modal,
)
from knowledge.resources import Lexicon, word_lists, word_pairs, word_set


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
        if _with_particle(word, claim.features):
            continue  # "dropped out of the bidding": withdrew, no fall
        turned = _directions().get(word, frozenset()) - mine
        if _both_ways(word, claim.features):
            continue  # "rejected claims that cuts had driven down vaccination, saying funding
            # had grown": the claim tells of a fall too, so a fall in the article is no inversion
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
            if _moved_off(found[0], holder):
                continue  # "rose from five to eight" beside "a bus slid off an icy road": a
                # thing that slid off something moved, no figure fell
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
            if told_of_another(claim.features, word, found[0], holder):
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
        and _retells(claim.features, aligned[1], _NEGATION_RETOLD)
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


# Of the claim's content words, the share (two in five) a sentence must give to be the one it
# retells where a negation one of them lacks is read: below it, the negation judges another
# statement than the claim's ("a city could not host the Olympics against its citizens' will"
# beside "Graz withdrew its bid to host the Winter Olympics", where the article's quote was no
# statement it learned). An opposite word needs no more: it is read in place.
_NEGATION_RETOLD = 0.4


_PARTICLES = re.compile(r"\s+out\b", re.IGNORECASE)


# "off" before what a thing moved off ("slid off an icy road", "slides off icy road"), not
# before a time or a manner ("sales dropped off in March", "dropped off sharply")
_OFF_SOMETHING = re.compile(
    r"\s+off\s+(?!(?:in|at|on|from|to|by|for|after|since|during|again|\w+ly)\b)[a-z]",
    re.IGNORECASE,
)


def _moved_off(word: str, sentence: Features) -> bool:
    """Whether the sentence uses a word of direction only of a thing moving off something
    ("slid off an icy road", "fell off the roof"): a movement, not a figure's fall ("sales
    dropped off in March" still is one)."""
    return _only_before(_OFF_SOMETHING, word, sentence)


def _with_particle(word: str, claim: Features) -> bool:
    """Whether the claim uses a verb only with a particle that makes another verb of it
    ("dropped out of the bidding" is no fall; "sales dropped off" still is)."""
    return _only_before(_PARTICLES, word, claim)


def _only_before(after: re.Pattern[str], word: str, features: Features) -> bool:
    """Whether the sentence uses the word, and each time right before what `after` matches."""
    uses = [w for w in features.words if w.lemma == word]
    return bool(uses) and all(after.match(features.text, w.end) for w in uses)


def _both_ways(word: str, claim: Features) -> bool:
    """Whether the claim tells of a change in both directions: its word's, and the other in
    another word ("grown" beside "driven down")."""
    way = figure_direction(word)
    if way is None:
        return False
    told = {figure_direction(w.lemma) for w in claim.words} | {
        figure_direction(w) for w in _HYPHENATED.findall(claim.text.lower())
    }
    return bool(told - {way, None})


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
    clause = clause_bounds(sentence.text, first.span())
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
    if (predicates := denied_predicates(negated)) and not predicates & other.content:
        return False  # "no jobs will be lost" beside "jobs will be protected": what the
        # negation denies of the jobs, the other never tells of them
    denied = denied_words(negated)
    if denied & _unless_words(other):
        return False  # "unless the system was reformed" retells "without reform": one
        # condition, told by a negation in one and by "unless" in the other
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


def _unless_words(features: Features) -> frozenset[str]:
    """The content words of the few after each "unless" ("unless the system was reformed":
    system, reform): what a condition says must not happen, as "without" says it."""
    words = features.words
    found: set[str] = set()
    for at, word in enumerate(words):
        if features.text[word.start : word.end].lower() == "unless":
            found.update(w.lemma for w in words[at + 1 : at + 1 + _UNLESS_REACH])
    return frozenset(found & features.content)


_UNLESS_REACH = 5  # words after "unless" its condition is read in


def _counts_apart(negated: Features, other: Features) -> bool:
    """Whether both give counts and the negated one gives, in the clause of its negation, one
    the other does not (a count of what the negation bears on: ", 19 were never built")."""
    theirs = [n.value for n in _figures(other)]
    if not theirs:
        return False
    text = negated.text
    marks = [w for w in negated.words if text[w.start : w.end].lower() in NEGATION_WORDS]
    clauses = [clause_bounds(text, (w.start, w.end)) for w in marks]
    return any(
        not any(same_number(n.value, b) for b in theirs)
        for n in _figures(negated)
        if any(a <= n.start < b for a, b in clauses)
    )


def _said_alike(opposite: str, word: str, sentence: frozenset[str], lexicon: Lexicon) -> bool:
    """The retold sentence has its own word for the claim's meaning: "rates had fallen" for
    "rates dropped" (both opposites of "rise"), "denied that" for "rejected suggestions" (two
    denials), "will rise" for "will go up" (a verb of the same direction), so an opposite
    elsewhere is about something else."""
    denials = word_set("reading.yaml", "denial_verbs")
    if word in denials and sentence & denials - {word}:
        return True
    way = figure_direction(word)
    verbs = verb_directions()
    return any(
        opposite in lexicon.antonyms.get(other, frozenset())
        or (way is not None and verbs.get(other) == way)
        for other in sentence
        if other != word
    )
