"""Timeline detector: a wrong weekday or date for a recorded event, a recorded event said not
to have happened ("Sweden never joined NATO"), a wrong start for a recorded state ("became
NATO Secretary General in 2019"), or a state that had ended."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from knowledge.checking.align import Alignment
from knowledge.matching import CheckContext, Match
from knowledge.model import Evidence, Finding, FindingKind, StatementKind, Verdict
from knowledge.nlp.bounds import date_bound
from knowledge.nlp.claims import Claim
from knowledge.nlp.dates import WEEKDAY_NAMES, DateMention, PartialDate, weekday_date
from knowledge.nlp.features import (
    Features,
    Mention,
    Word,
    can_be_noun,
    can_be_verb,
    given_since,
    name_as_written,
    person_like,
)
from knowledge.nlp.modality import Modality
from knowledge.nlp.negation import denied_words, told_as_done
from knowledge.nlp.parts import below_office, held_before
from knowledge.resources import has_phrase, word_lists, word_pairs, word_set

_SAME_EVENT = 0.45
# share of the claim's concepts a longer record gives: the claim retells one part of it
# ("Finland became the 31st member of NATO on Tuesday" of "..., doubling its border")
_TOLD_WITHIN = 0.8
_RESTATED = 0.6  # share of concepts in common, both ways, for a retelling of one statement
_WEEKDAY_WINDOW = timedelta(days=8)
# "from 2012 to": the end of a span whose start was just given
_SPAN_TO = re.compile(r"(?:^|.*\s)from\s+[^,;:]{2,30}?\s+(?:to|until|till)$")
_JOINERS = frozenset({"and", "but", "then", "while", "when"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that"})
_AUXILIARIES = frozenset("be have do will would shall should can could may might must".split())
# A piece that tells a time from another event: "a year after", "three days before".
_RELATIVE_TIME = re.compile(
    r"\W*(?:[\w-]+\s+){0,3}(?:after|before|since|later|earlier|ago|following|prior)\b",
    re.IGNORECASE,
)
# A clause that tells when something else happened: "after Russia invaded Ukraine, ...".
_SUBORDINATE = re.compile(
    r"\W*(?:after|before|since|when|while|as|until|once|because|although|though|if)\b",
    re.IGNORECASE,
)
_CLAUSE_MARKS = (",", ";", ":", "(", ")", " – ", " — ")
# before "since <date>", a comparison with the last time: "the first ... since", "its lowest
# ... since"
_COMPARED = re.compile(
    r"\b(?:first|highest|lowest|largest|biggest|smallest|strongest|weakest|worst|best|most"
    r"|least|fastest|slowest|longest|shortest)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Bound:
    """How a text tells when a recorded state began or ended, and where the record keeps it:
    a word said of the role ("became", "stepped down as"), or a preposition before the date
    right after the role ("NATO Secretary General since 2021")."""

    words: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    preposition: str
    field: str  # the statement's attribute: valid_from or valid_until
    verb: str  # "began", "ended"


_BOUNDS = (
    _Bound(
        frozenset({"become", "join", "succeed"}),
        frozenset({("take", "office"), ("assume", "office"), ("take", "over")}),
        "since",
        "valid_from",
        "began",
    ),
    _Bound(
        frozenset({"resign"}),
        frozenset({("step", "down"), ("stand", "down"), ("leave", "office")}),
        "until",
        "valid_until",
        "ended",
    ),
)
# A denial tied to a time of its own ("had not joined when the war began", "did not join
# before 2024") says nothing against the event's having happened since.
_TIMED = re.compile(
    r"\b(?:when|before|after|until|till|while|by the time|at the time|as of|then|had)\b",
    re.IGNORECASE,
)
# A role still to come is another state: "the next Secretary General", "Secretary General-elect".
_TO_COME_BEFORE = re.compile(r"\b(?:next|incoming|future|prospective|designated)\s+$", re.I)
_TO_COME_AFTER = re.compile(r"^[-\s](?:designate|elect)\b", re.I)


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    # each recorded event the claim may tell: a sentence can tell two ("Putin, who recognised
    # the republics on Monday, said on Tuesday that ..."), each date judged against its own act
    events = [m for m in matches if same_event(m)] or next(
        ([m] for m in matches if _recent_event(claim, m, context)), []
    )
    findings = []
    for event in events:
        findings += _wrong_dates(claim, event, matches, context)
        if findings:
            break
    findings += _denied_events(claim, matches, context)
    findings += _wrong_onsets(claim, matches, context)
    findings += _ended_states(claim, matches, context)
    findings += _other_holder(claim, matches, context)
    return findings[:1]


def _other_holder(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """A claim that someone holds an office one person holds at a time (`single_offices` in
    data/reading.yaml) on a day the record gives it to someone else, and never to them:
    "Moon Jae-in is the President of South Korea" on 30 January 2023, beside "Yoon Suk Yeol
    was President of South Korea from 10 May 2022 to 4 April 2025". Someone the record gives
    the office at another time is judged by when they held it (`_ended_states`)."""
    features = claim.features
    if not claim.states_fact or features.negated or not features.present_tense:
        return []
    roles = [m for m in features.entities if _single_office(m, features, context)]
    people = [m for m in features.entities if person_like(m, context.label(m))]
    if len(roles) != 1 or len(people) != 1:
        return []
    role, person = roles[0], people[0]
    day = context.reference_date
    found: list[Finding] = []
    for match in matches:
        statement = match.statement
        holders = [e for e in match.statement_entities if context.entity_labels.get(e) == "PERSON"]
        since = PartialDate.parse(statement.valid_from)
        until = PartialDate.parse(statement.valid_until)
        if (
            statement.kind != StatementKind.FACT
            or role.id not in match.statement_entities
            or len(holders) != 1
            or since is None
        ):
            continue
        if holders[0] == person.id:
            return []  # the record gives them this office: when is the other checks' part
        if since.first_day() <= day and (until is None or day < until.first_day()):
            holder = context.entity_names.get(holders[0], holders[0])
            office = context.entity_names.get(role.id, role.text)
            said = name_as_written(features.text, person)
            problem = f"On {PartialDate.of(day).human()} the {office} was {holder}, not {said}."
            found = found or [Finding(FindingKind.OFFICE, problem, (Evidence.of(statement),))]
    return found


def _single_office(mention: Mention, features: Features, context: CheckContext) -> bool:
    """Whether a mention is an office one person holds at a time, held in full (not "deputy
    secretary general", "former president")."""
    if context.label(mention) != "ROLE":
        return False
    name = context.entity_names.get(mention.id, mention.text)
    return has_phrase(name, _single_offices()) is not None and not held_before(
        features.text, mention.start
    )


@cache
def _single_offices() -> tuple[str, ...]:
    return tuple(word_lists("reading.yaml")["single_offices"])


def same_event(match: Match) -> bool:
    """A recorded event the claim tells: it shares a name with it and most of its words, an
    event's noun matching the verb of the same act ("invaded" for "invasion"), or nearly all
    the claim's words are the record's (a longer record tells more besides)."""
    claimed = with_kin(_named_in_full(match.claim_concepts, match.statement_concepts))
    shared = [c for c in match.statement_concepts if c in claimed]
    told = len(shared) / max(1, len(match.claim_concepts))
    return (
        match.statement.kind == StatementKind.EVENT
        and match.statement.event_date is not None
        and told >= 0.3
        and (
            len(shared) / max(1, len(match.statement_concepts)) >= _SAME_EVENT
            or (told >= _TOLD_WITHIN and len(shared) >= 3)
        )
        and any(c.startswith("@") for c in shared)
    )


def _named_in_full(claimed: frozenset[str], recorded: frozenset[str]) -> frozenset[str]:
    """The claim's concepts with each name the record gives only in a longer form, as its
    first words, taken as that name ("Nordlys" for "Nordlys Pharma", as news shortens a
    company's name after its first mention); a name the record also gives as it is, or
    that begins several of its names, stays as it is."""
    found = set(claimed)
    for concept in claimed:
        if not concept.startswith("@") or concept in recorded:
            continue
        longer = [c for c in recorded if c.startswith(concept + "_")]
        if len(longer) == 1:
            found.add(longer[0])
    return frozenset(found)


def with_kin(lemmas: frozenset[str]) -> frozenset[str]:
    """The lemmas with the nouns and verbs of the same acts ("invasion" and "invade")."""
    kin = _event_kin()
    return lemmas | {k for lemma in lemmas for k in kin.get(lemma, ())}


@cache
def _event_kin() -> dict[str, frozenset[str]]:
    return word_pairs(word_lists("reading.yaml")["event_nouns"], "reading.yaml")


def _recent_event(claim: Claim, match: Match, context: CheckContext) -> bool:
    """A recent event with the same people and places, told with a day of its own.

    An article written within days of a recorded event, naming its person and place and
    giving a day for what they did, is most likely telling that event.
    """
    recorded = PartialDate.parse(match.statement.event_date)
    day = recorded.as_date() if recorded else None
    if match.statement.kind != StatementKind.EVENT or day is None:
        return False
    if abs(day - context.reference_date) > _WEEKDAY_WINDOW:
        return False
    if not any(d.kind in ("weekday", "relative") for d in claim.features.dates):
        return False
    anchors = {
        e for e in match.statement_entities if context.entity_labels.get(e) in ("PERSON", "GPE")
    }
    people = {e for e in anchors if context.entity_labels.get(e) == "PERSON"}
    mentioned = claim.features.entity_ids | {m.id for m in claim.features.context_entities}
    elsewhere = {
        i for i in claim.features.entity_ids - anchors if context.entity_labels.get(i) == "GPE"
    }
    return bool(people) and len(anchors) > len(people) and anchors <= mentioned and not elsewhere


def _denied_events(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """A recorded event, dated on or before the reference day, that the claim says did not
    happen: the claim gives no time of its own, every word and name it uses is the event's,
    and what it denies is what the record tells as done ("Sweden never joined NATO" against
    "Sweden joined NATO on 7 March 2024")."""
    features = claim.features
    if not features.negated or features.dates or _TIMED.search(features.text):
        return []
    denied = {w for w in denied_words(features) if _denied_as_act(features.text, w)}
    for match in matches:
        recorded = PartialDate.parse(match.statement.event_date)
        if (
            match.statement.kind != StatementKind.EVENT
            or recorded is None
            or recorded.first_day() > context.reference_date
            or match.features.negated
            or match.precision < 1.0
            or not features.entity_ids <= match.statement_entities
            or not denied & told_as_done(match.features)
        ):
            continue
        problem = f"Says this did not happen, but it happened on {recorded.human()}."
        return [Finding(FindingKind.TIMELINE, problem, (Evidence.of(match.statement),))]
    return []


def _denied_as_act(text: str, lemma: str) -> bool:
    """Whether a denied word is an act denied ("never joined", "has not signed"), not a thing
    said not to exist ("there is no ceasefire": a state now, which a past event does not
    contradict)."""
    if not can_be_verb(lemma):
        return False
    return not re.search(rf"\bno\s+(?:\w+\s+)?{re.escape(lemma)}", text, re.IGNORECASE)


def _known_dates(matches: list[Match]) -> list[PartialDate]:
    known = []
    for match in matches:
        for value in (
            match.statement.event_date,
            match.statement.valid_from,
            match.statement.valid_until,
        ):
            parsed = PartialDate.parse(value)
            if parsed:
                known.append(parsed)
        known += [d.value for d in match.features.calendar_dates if d.value]
    return known


def _wrong_dates(
    claim: Claim, event: Match, matches: list[Match], context: CheckContext
) -> list[Finding]:
    recorded = PartialDate.parse(event.statement.event_date)
    assert recorded is not None
    # the dates of the statements that tell of the claim's event (the one taken may be a
    # mention of it: "after the invasion of Ukraine, these countries ..."), and the others
    telling = [m for m in matches if m is event or same_event(m)]
    own = _known_dates(telling)
    record = context.record_of(event.statement)  # dates elsewhere in the same article
    elsewhere = _known_dates([m for m in matches if all(m is not t for t in telling)])
    elsewhere += list(record.dates) if record else []
    dates = claim.features.dates
    for mention in dates:
        if mention.value is None or any(_agrees(mention, k) for k in _as_precise(own, mention)):
            continue
        if weekday_date(claim.features.text, dates, mention) is not None:
            continue  # a weekday beside its date: the date is judged, and the calendar judges
            # whether the weekday is the date's
        if any(_agrees(mention, k) for k in _as_precise(elsewhere, mention)) and (
            mention.kind != "weekday" or not _attached(claim.features, mention, event, context)
        ):
            continue  # another event's day ("won on Thursday"), told of it; a weekday told
            # of this event's own act ("appointed ... on Thursday") is still wrong
        if mention.kind in ("date", "relative") and not _attached(
            claim.features, mention, event, context
        ):
            continue  # the day of something else the sentence tells ("sanctions adopted on
            # Oct. 6", "the EU adopted its tenth package yesterday, a day after ...")
        if _one_of_days(claim.features, mention, recorded):
            continue  # "spent Sunday and Monday in Seoul": the days told include the event's
        if _of_travel(claim.features, mention, event):
            continue  # "arrived in Seoul on Sunday": the visit's first day, not the event's
        if _compared_since(claim.features, mention):
            continue  # "for the first time since 2007": when it last happened, not this time
        if _to_come(mention, recorded, context):
            continue  # "will publish its full-year results on 4 February" beside a record of
            # results reported on 5 November: what is still to come is another occasion
        problem = _conflict(mention, recorded, claim.features.text)
        if problem:
            return [Finding(FindingKind.TIMELINE, problem, (Evidence.of(event.statement),))]
    return []


def _to_come(mention: DateMention, recorded: PartialDate, context: CheckContext) -> bool:
    """Whether the claim dates its event after the reference day, a recorded event that
    happened on or before it."""
    value = mention.value
    return (
        value is not None
        and value.first_day() > context.reference_date
        and recorded.first_day() <= context.reference_date
    )


def _told_as_former(features: Features, entities: frozenset[str]) -> bool:
    """Whether the claim gives one of the state's entities as held before ("a former prime
    minister of Norway", "ex-chief"): it says itself that the state has ended."""
    return any(m.id in entities and held_before(features.text, m.start) for m in features.entities)


def _one_of_days(features: Features, mention: DateMention, recorded: PartialDate) -> bool:
    """Whether a weekday is one of several the claim gives, another of which is the recorded
    event's."""
    return mention.kind == "weekday" and any(
        other is not mention and other.kind == "weekday" and _agrees(other, recorded)
        for other in features.dates
    )


def _attached(
    features: Features, mention: DateMention, event: Match, context: CheckContext
) -> bool:
    """Whether a calendar or relative date is told of the recorded event: the piece of the
    sentence it sits in (between punctuation) has a word of the event's own ("invasion") and
    names no one the event leaves out ("the EU adopted sanctions on Oct. 6 over the invasion"). A
    piece that tells no act ("On 30 January 2023, Stoltenberg urged ...") is read with the
    piece it introduces, or the one it ends ("..., on 30 January 2023.")."""
    start, end = clause_piece(features.text, mention.start, mention.end)
    own = with_kin(event.words_only(event.statement_concepts)) - features.entity_ids
    words = _words_within(features, mention, start, end)
    text = features.text
    if not any(w.lemma in own or _can_be_act(text, w) for w in words):
        if end < len(text):  # a piece before the clause it frames
            after = clause_piece(text, end + 1, end + 1)[1]
            if _RELATIVE_TIME.match(text, end + 1):
                return False  # "On 12 February 2016, a year after it was signed, ...": the
                # day is counted from the event, it is not the event's
            end = after
        elif start > 0:  # the last piece: it ends the clause before it
            before = clause_piece(text, start - 1, start - 1)[0]
            if _RELATIVE_TIME.match(text, before) or _SUBORDINATE.match(text, before):
                return False  # "Two days after Russia invaded Ukraine, on 26 February"
            start = before
        words = _words_within(features, mention, start, end)
    if not own & {w.lemma for w in words}:
        return False
    act = _act_of(features.text, words, mention, own)
    if act is None or act.lemma not in own:  # "said on 4 May 2023 that joining NATO": the
        return False  # date is the saying's, not the joining's
    theirs = event.statement_entities
    return not any(
        start <= m.start and m.end <= end and m.id not in theirs
        for m in features.entities
        if m.id in context.entity_labels  # known entities: a capitalised first word is none
    )


def _words_within(features: Features, mention: DateMention, start: int, end: int) -> list[Word]:
    """The words of [start, end) that are not the date's own."""
    return [
        w
        for w in features.words
        if start <= w.start and w.end <= end and not mention.start <= w.start < mention.end
    ]


def _can_be_act(text: str, word: Word) -> bool:
    """Whether a word may tell an act: it can be a verb, is no auxiliary, is not part of a
    name ("the Telluride Film Festival") and follows no determiner ("the film")."""
    if word.lemma in _AUXILIARIES or not can_be_verb(word.lemma):
        return False
    if word.start > 0 and text[word.start].isupper():
        return False
    before = text[: word.start].split()
    return not before or before[-1].lower() not in _DETERMINERS


def _of_travel(features: Features, mention: DateMention, event: Match) -> bool:
    """Whether the day is told of an act of coming or going that the record does not tell
    ("arrived in Seoul on Sunday" beside a speech there on Monday)."""
    own = with_kin(event.words_only(event.statement_concepts))
    act = _act_of(features.text, list(features.words), mention, own)
    return (
        act is not None
        and act.lemma in word_set("reading.yaml", "travel_acts")
        and act.lemma not in own
    )


def _act_of(
    text: str, words: list[Word], mention: DateMention, own: set[str] | frozenset[str]
) -> Word | None:
    """The act a date is told of: of the words that tell an act (the event's own, or any that
    can be a verb, auxiliaries, names and nouns after a determiner aside), the last one
    before the date in its clause ("arrived in Seoul on Sunday and spoke on Monday"), else
    the first one after it that is not a noun's plural ("On Sunday, Stoltenberg arrived";
    "Two years ago today Russian forces began ...")."""
    clause_start = 0
    acts_before: list[Word] = []
    acts_after: list[Word] = []
    for word in words:
        if mention.start <= word.start < mention.end:
            continue
        if word.end <= mention.start and word.lemma in _JOINERS:
            clause_start, acts_before = word.end, []
            continue
        if word.lemma in own or _can_be_act(text, word):
            if word.end <= mention.start and word.start >= clause_start:
                acts_before.append(word)
            elif word.start >= mention.end:
                acts_after.append(word)
    if acts_before:
        return acts_before[-1]
    for word in acts_after:  # a plural noun ("Russian forces began") gives way to the act
        if word.lemma in own or not _plural_noun(text, word):  # after it
            return word
    return None


def _plural_noun(text: str, word: Word) -> bool:
    """Whether a word reads as a noun's plural ("forces", "troops"): its lemma and an -s."""
    said = text[word.start : word.end].lower()
    return said in (f"{word.lemma}s", f"{word.lemma}es") and can_be_noun(word.lemma)


def _compared_since(features: Features, mention: DateMention) -> bool:
    """Whether a "since" date says when something last happened, the sentence's event
    compared with it: "the first rate rise since 2007", "its lowest level since 2019"."""
    text = features.text
    if not given_since(text, mention):
        return False
    start, _ = clause_piece(text, mention.start, mention.end)
    return bool(_COMPARED.search(text[start : mention.start]))


def clause_piece(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the stretch of `text` around [start, end) between clause punctuation."""
    before = max((text.rfind(p, 0, start) for p in _CLAUSE_MARKS), default=-1)
    after = [i for i in (text.find(p, end) for p in _CLAUSE_MARKS) if i >= 0]
    return before + 1, min(after, default=len(text))


def _as_precise(known: list[PartialDate], mention: DateMention) -> list[PartialDate]:
    """The known dates at least as precise as the mention: a day said ("on Wednesday") is
    not another date of the article's because the article also says "this year"."""
    value = mention.value
    assert value is not None
    return [k for k in known if k.precision >= value.precision]


def _agrees(mention: DateMention, other: PartialDate) -> bool:
    """Whether a date said could be `other`: one said without its year ("on March 7") by its
    month and day alone (its year was only guessed from the article's)."""
    value = mention.value
    if value is None:
        return True
    if mention.yearless:
        return PartialDate(other.year, value.month, value.day).agrees(other)
    return value.agrees(other)


def _order(mention: DateMention, text: str) -> str | None:
    """ "before" or "after" when the date is said as a bound ("released before 1 September
    1972", "after April 2013"), "" for "by" (on or before), "from" for on or after ("no
    earlier than 2015"); None when it is the day itself, or the start of a state ("since")."""
    if mention.preposition == "by":  # "by 2023": the year pattern keeps its word
        return ""
    kind, words = date_bound(text, mention.start)
    word = words.lower().removesuffix(" the")
    if kind == "<=" and word in ("until", "till", "up to"):
        return None  # the end of a state ("until 2015"), not when something happened
    if kind == ">=" and word in ("since", "from"):
        return None
    return {"<": "before", ">": "after", "<=": "", ">=": "from"}.get(kind)


def _outside(mention: DateMention, order: str, recorded: PartialDate) -> bool:
    """Whether the recorded day breaks a bound the claim gives, compared at the precision the
    claim gives ("before April 2013" against 16 October 2012 holds)."""
    value = mention.value
    assert value is not None
    said = (value.year, value.month or 0, value.day or 0)
    kept = (
        recorded.year,
        (recorded.month or 0) if value.month else 0,
        (recorded.day or 0) if value.day else 0,
    )
    if value.month and not recorded.month or value.day and not recorded.day:
        return False  # the record is coarser than the bound: it cannot break it
    if order == "before":
        return kept >= said
    if order == "after":
        return kept <= said
    if order == "from":
        return kept < said
    return kept > said  # "by"


def _conflict(mention: DateMention, recorded: PartialDate, text: str) -> str | None:
    order = _order(mention, text) if mention.kind == "date" else None
    if order is not None:
        if mention.yearless or mention.value is None or not _outside(mention, order, recorded):
            return None
        words = "" if mention.preposition else date_bound(text, mention.start)[1]
        bound = f"{words} {mention.text}".strip()
        return f"Says “{bound}”, but this happened on {recorded.human()}."
    day = recorded.as_date()
    if mention.kind == "weekday":
        said = mention.value.as_date() if mention.value else None
        if day is None or said is None or mention.weekday == day.weekday():
            return None
        if abs(said - day) > _WEEKDAY_WINDOW:
            return None  # too far apart to be the same occasion
        return (
            f"Says “{mention.text}”, but this happened on a "
            f"{WEEKDAY_NAMES[day.weekday()]} ({recorded.human()})."
        )
    if mention.value is not None and not _agrees(mention, recorded):
        return f"Says “{mention.text}”, but this happened on {recorded.human()}."
    return None


def _wrong_onsets(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """A date given for when a recorded state began or ended that is not the record's: "Mark
    Rutte became NATO Secretary General in 2019" beside "... has been NATO Secretary General
    since 1 October 2024", "Stoltenberg stepped down as NATO chief in 2022" beside "...
    from 1 October 2014 to 1 October 2024". The claim must state it as fact and name everyone
    and everything in the state, and the date must be told of the state's start or end
    (`_bound_dates`)."""
    features = claim.features
    if not claim.states_fact or features.negated:
        return []
    days = _told_days(features, context)
    for match in matches[:3]:
        statement = match.statement
        entities = match.statement_entities
        if statement.kind != StatementKind.FACT or not entities <= features.entity_ids:
            continue
        roles = [
            m
            for m in features.entities
            if m.id in entities and context.entity_labels.get(m.id) != "PERSON"
        ]
        people = entities - {m.id for m in roles}
        named = [m for m in features.entities if m.id in people]
        for bound in _BOUNDS:
            recorded = PartialDate.parse(getattr(statement, bound.field))
            said = _bound_dates(features, roles, bound, days, named) if recorded else []
            if recorded is None or not said:
                continue
            # a date the record gives for something else these people did is not a wrong one
            known = _known_dates(
                [m for m in matches if not people or people & m.statement_entities]
            )
            for mention in said:
                assert mention.value is not None
                if any(_agrees(mention, k) for k in known) or _other_week(mention, recorded):
                    continue
                return [
                    Finding(
                        FindingKind.TIMELINE,
                        f"Says “{mention.text}”, but this {bound.verb} on {recorded.human()}.",
                        (Evidence.of(statement),),
                    )
                ]
    return []


def agreeing_onset(claim: Claim, match: Match, alignment: Alignment, context: CheckContext) -> bool:
    """Whether the claim tells when a recorded state began or ended, on the record's day and
    in its words apart from those that tell the start or end: "Mark Rutte took office as NATO
    Secretary General on 1 October 2024" beside "Mark Rutte has been NATO Secretary General
    since 1 October 2024" (the record says so in other words). Every date the claim gives
    must be told of that start or end and agree with the record, and it names no one else."""
    features = claim.features
    statement = match.statement
    if (
        not claim.states_fact
        or features.negated
        or statement.kind != StatementKind.FACT
        or alignment.differences
        or alignment.uncovered_names
        or alignment.embedded
        or features.entity_ids != match.statement_entities
    ):
        return False
    roles = [
        m
        for m in features.entities
        if m.id in match.statement_entities and context.entity_labels.get(m.id) != "PERSON"
    ]
    days = _told_days(features, context)
    named = [m for m in features.entities if m.id in match.statement_entities and m not in roles]
    for bound in _BOUNDS:
        recorded = PartialDate.parse(getattr(statement, bound.field))
        said = _bound_dates(features, roles, bound, days, named) if recorded else []
        if recorded is None or not said or len(said) != len(days):
            continue
        own = bound.words | {w for pair in bound.pairs for w in pair}
        if set(alignment.uncovered_words) <= own and all(
            d.value is not None and _agrees(d, recorded) for d in said
        ):
            return True
    return False


def _told_days(features: Features, context: CheckContext) -> list[DateMention]:
    """The dates a claim gives on the calendar and, where the reference date is the
    article's own, the weekdays it gives alone ("took office on Tuesday": the last Tuesday on
    or before that day); a weekday said beside a date is that date's."""
    days = list(features.calendar_dates)
    if not context.dated:
        return days
    days += [
        m
        for m in features.dates
        if m.kind == "weekday"
        and m.value is not None
        and weekday_date(features.text, features.dates, m) is None
    ]
    return sorted(days, key=lambda d: d.start)


def _other_week(mention: DateMention, recorded: PartialDate) -> bool:
    """Whether a weekday said alone is too far from the recorded day to be told of it."""
    if mention.kind != "weekday":
        return False
    said, day = mention.value.as_date() if mention.value else None, recorded.as_date()
    return said is None or day is None or abs(said - day) > _WEEKDAY_WINDOW


def _bound_dates(
    features: Features,
    roles: list[Mention],
    bound: _Bound,
    days: list[DateMention],
    people: Sequence[Mention] = (),
) -> list[DateMention]:
    """The dates told as when a role or organisation's state began (or ended): "since <date>"
    right after it ("NATO Secretary General since 2021"), or, after a word that governs it
    ("became [the] NATO Secretary General", "took office as NATO chief", "stepped down as"),
    the date nearest to it in its stretch between clause punctuation ("became Dutch prime
    minister in 2010, and NATO Secretary General in 2024" gives 2024 for the second), or the
    date told of the start or end of the person whose title the role is (`_titled_bound`). A
    role still to come ("the next Secretary General", "-designate") is another state."""
    found = []
    text = features.text
    for role in roles:
        if _TO_COME_BEFORE.search(text[: role.start]) or _TO_COME_AFTER.match(text[role.end :]):
            continue
        titled = _titled_bound(features, role, bound, days, people)
        if titled is not None:
            found.append(titled)
            continue
        start, end = clause_piece(text, role.start, role.end)
        near = [d for d in days if start <= d.start and d.end <= end]
        after = [
            d
            for d in near
            if d.start >= role.end
            and _after(text, d, bound.preposition)
            and _right_after(text[role.end : d.start], bound.preposition)
        ]
        if after:
            found.append(after[0])
        elif near and _governed(features, role, bound):
            found.append(
                min(near, key=lambda d: min(abs(d.start - role.end), abs(role.start - d.end)))
            )
    return found


def _governed(features: Features, role: Mention, bound: _Bound) -> bool:
    """One of the bound's words said as done (not "to become"), at most seven words before
    the role with no clause punctuation and no other act between: "became the new NATO
    Secretary General", "took over from Jens Stoltenberg as NATO Secretary General"."""
    text = features.text
    before = [w for w in features.words if w.end <= role.start]
    for i in range(max(0, len(before) - _GOVERNED_REACH), len(before)):
        word = before[i]
        following = before[i + 1].lemma if i + 1 < len(before) else ""
        pair = (word.lemma, following) in bound.pairs
        said = word.lemma in bound.words or pair
        aimed = i > 0 and before[i - 1].lemma == "to"
        between = text[word.end : role.start]
        acts = [w for w in before[i + 1 + pair :] if _can_be_act(text, w) and w.lemma != "as"]
        if (
            said
            and not aimed
            and not acts
            and not any(mark.strip() in between for mark in _CLAUSE_MARKS)
        ):
            return True
    return False


_GOVERNED_REACH = 7  # words before a role that its bound word may stand
_AUXILIARIES = frozenset({"have", "has", "had", "be", "was", "were", "is"})
# after the bound's words, another office or one term of several: not the title's start or end
_ANOTHER_TERM = re.compile(r"\b(?:as|again|term|terms|re-?elected|once more)\b", re.IGNORECASE)
# words after "took office" that lead to its date ("on 1 October", "last year")
_LEADS_TO_DATE = frozenset({"on", "in", "at", "last", "this", "since", "early", "late", "earlier"})
# bound words that name the state they begin ("became NATO Secretary General"): read as above
_NAMING = frozenset({"become", "join", "succeed"})


def _titled_bound(
    features: Features,
    role: Mention,
    bound: _Bound,
    days: list[DateMention],
    people: Sequence[Mention],
) -> DateMention | None:
    """A date told of the start or end of an office through the person whose title it is:
    the role right before a name the record gives ("NATO Secretary General Mark Rutte"), the
    bound's words said of that person, right after the name or in a "who" clause set off after
    it, naming no office of their own ("took office on 1 October 2023", ", who stepped down in
    2022,"; not "took office as Dutch prime minister in 2010"), and the first date after them
    before clause punctuation. The title names the office the words are about."""
    text = features.text
    person = next(
        (p for p in people if p.start >= role.end and not text[role.end : p.start].strip()),
        None,
    )
    if person is None or below_office(text, role.start):
        return None
    after = [w for w in features.words if w.start >= person.end]
    if after and text[person.end : after[0].start].strip() == "," and after[0].lemma == "who":
        after = after[1:]
    elif after and text[person.end : after[0].start].strip():
        return None  # other punctuation: not said of the person here
    while after and after[0].lemma in _AUXILIARIES:
        after = after[1:]
    if not after:
        return None
    if after[0].lemma in bound.words - _NAMING:
        used = 1
    elif len(after) > 1 and (after[0].lemma, after[1].lemma) in bound.pairs:
        used = 2
    else:
        return None
    end = after[used - 1].end
    stop = min((i for i in (text.find(m, end) for m in _CLAUSE_MARKS) if i >= 0), default=len(text))
    if _ANOTHER_TERM.search(text[end:stop]):
        return None  # "took office in 2010 as prime minister", "for a second term", "again"
    told = [d for d in days if end <= d.start and d.end <= stop]
    if not told or not _said_alone(text, after[used:], told[0], bound):
        return None
    return told[0]


def _said_alone(text: str, rest: Sequence[Word], told: DateMention, bound: _Bound) -> bool:
    """Whether the bound's words take no object of their own before the date: the date, a
    word that leads to it ("on", "in", "last") or, for a start, "from" and the name of the one
    left ("took over from Jens Stoltenberg on ..."); not "took over Norway's finance ministry
    in February 2025" nor "stepped down from the podium on Tuesday"."""
    if not rest or rest[0].start >= told.start:
        return True
    first = rest[0].lemma
    if first in _LEADS_TO_DATE:
        return True
    following = text[rest[1].start : rest[1].end] if len(rest) > 1 else ""
    return first == "from" and bound.field == "valid_from" and following[:1].isupper()


def _right_after(between: str, preposition: str) -> bool:
    """Whether a date comes right after the role, told as its bound: "NATO Secretary General
    since 2021", "from 2012", and for its end "until 2022" or "from 2012 to 2022"."""
    between = between.strip().lower()
    if preposition == "until":
        return between in ("", "until", "till", "to") or bool(_SPAN_TO.fullmatch(between))
    return between in ("", preposition, "from")


def _after(text: str, mention: DateMention, preposition: str) -> bool:
    """Whether the date is given after the preposition ("since 2021"; "from 2014" and, for
    an end, "to 2024" after such a start)."""
    words = (preposition, "from") if preposition == "since" else (preposition, "till", "to")
    before = text[: mention.start].rstrip().lower()
    return mention.preposition in words or (
        before.endswith(words)
        and (preposition != "until" or not before.endswith("to") or bool(_SPAN_TO.search(before)))
    )


def _ended_states(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    """A claim in the present tense about a state the record says had ended (or not begun)."""
    findings = []
    when = context.reference_date
    for match in matches[:3]:
        statement = match.statement
        if statement.kind != StatementKind.FACT or match.coverage < 0.7 or match.precision < 0.5:
            continue
        if _told_as_former(claim.features, match.statement_entities):
            continue  # "Stoltenberg, a former prime minister of Norway, has been ..."
        until = PartialDate.parse(statement.valid_until)
        since = PartialDate.parse(statement.valid_from)
        if until and claim.features.present_tense and until.first_day() <= when:
            findings.append(
                Finding(
                    FindingKind.TIMELINE,
                    f"This stopped being true on {until.human()}, before the article's date "
                    f"({when.isoformat()}).",
                    (Evidence.of(statement),),
                    Verdict.OUTDATED,
                )
            )
        elif (
            since
            and since.first_day() > when
            and not claim.features.negated
            and claim.modality != Modality.FUTURE  # "will get a bonus from 1 April"
        ):
            findings.append(
                Finding(
                    FindingKind.TIMELINE,
                    f"This only became true on {since.human()}, after the article's date "
                    f"({when.isoformat()}).",
                    (Evidence.of(statement),),
                )
            )
    return findings
