"""The titles a sentence gives the people it names: the words right before a name ("hospital
director Lana Vuković", "The company's former finance director, Sunita Marwah") or in a
phrase set off right after it ("Teresa Bielsa, the town's mayor,", "Pilar Lasheras, who chairs
the plant's works council,").

A title is compared as a set of words, lower case, without a possessive's "'s" and without
the words that only date it ("former", "acting"): "chief executive" is one title whether
"former" or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from knowledge.nlp.features import Features, Mention, can_be_noun, can_be_verb

_REACH = 4  # words of a title before a name
_BEFORE_CHARS = 300  # characters before a name read for its title (more than _REACH words)
_AFTER_REACH = 7  # words of a phrase after a name
# words that end a title read backwards from a name, and words no title is made of
_STOPS = frozenset(
    """the a an and or of by with for from in on at to as that who which said says told tells
    was were is are be been has have had will would but while after before when than says
    according also then its his her their our whose your my this these those itself himself
    herself themselves call calls called calling known named dubbed it he she they we over
    under about into through against between among during without within upon across behind
    beyond toward towards""".split()
)
_RELATIVES = frozenset({"who", "which", "that"})
_DATING = frozenset({"former", "acting", "interim", "then", "outgoing", "incoming", "new"})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A phrase after a name that gives a title: ", the town's mayor," or ", who chairs ...,".
_AFTER = re.compile(
    r"\s*,\s*(?P<phrase>(?:who\s+(?:is|was|chairs|directs|manages|coaches|captains|"
    r"represents|presides over)\s+)?[^,;:()\u2013\u2014]{2,80}?)"
    r"\s*(?=,|;|\)|\u2013|\u2014|$)"
)
_WHO_TITLE = re.compile(
    r"who\s+(?:is|was|chairs|directs|manages|coaches|captains|represents|presides over)\s",
    re.IGNORECASE,
)
# a title naming what its holder heads: "head of the civil protection department"
_HEAD_OF = re.compile(
    r"(?:\w+\s+){0,2}?(?:head|chief|director|president|chair|chairman|chairwoman|minister|"
    r"secretary|governor|mayor|leader|commissioner|spokesman|spokeswoman|spokesperson)"
    r"\s+(?:of|for|at)\s+(?:the\s+)?[\w'’ -]+$",
    re.IGNORECASE,
)
# a title naming where its holder works: "chief economist at Banco Andino", "alderman for
# health" (a title's words, then what they serve)
_SERVES = re.compile(
    r"(?P<title>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?P<by>of|for|at)\s+\S", re.IGNORECASE
)
# what follows "of" in a title that names its holder's field, not an organisation: a word
# in lower case with no article ("director of enforcement", "minister of finance")
_PORTFOLIO = re.compile(r"\s+(?!the\b|a\b|an\b|its\b)[a-z]")
# a form of address between a title and the name ("The TSC's chairman, Dr. Samuel Kiprono")
_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev", "fr"})
_AGED = re.compile(r"^\d{1,3}-year-old\s+(?=\S)", re.IGNORECASE)
_ARTICLES = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Title:
    """A title given to a name: the words as written, and the set compared."""

    name: str  # the name's text
    text: str
    words: frozenset[str]
    role: str = ""  # the id of an office the knowledge base knows, where it is one

    def given_by(self, other: Title) -> bool:
        """Whether `other` gives this title: its words among the other's, or the same known
        office in other words ("NATO chief" and "NATO Secretary General")."""
        return self.words <= other.words or bool(self.role) and self.role == other.role


def titles(features: Features) -> list[Title]:
    """The titles the sentence gives the names it gives (person-like names: those a title
    precedes or follows)."""
    found: list[Title] = []
    text = features.text
    for mention in features.entities:
        if text.startswith(("'s", "’s"), mention.end):
            continue  # "the chief executive, Norrcell's biggest customer": an owner, no person
        leading, name = _leading_title(mention.text)
        role = _role_before(features, mention)
        if role is not None:  # "NATO Secretary General Jens Stoltenberg": a known office
            written = text[role.start : role.end]
            found.append(Title(name, written, _title_words(written), role.id))
        before = _before(text, mention) if role is None else ""
        for written in (before, _after(text, mention), leading):
            if written:
                words = _title_words(written) - _bodies(written, features, mention)
                if words:
                    found.append(Title(name, written, words))
    return found


def _bodies(written: str, features: Features, mention: Mention) -> frozenset[str]:
    """The words of a title that name the body it serves, where the sentence names that body
    apart from the person ("KSTU president", "TSC chief executive"): the office is the same
    whether its body is named there or not."""
    named = {
        w.lower()
        for m in features.entities
        if m is not mention and m.label != "ROLE" and _a_body(m)
        for w in _WORD.findall(m.text)
    }
    return frozenset(
        w.lower()
        for w in _WORD.findall(written)
        if w[:1].isupper() and w.lower() in named and not _role_like(w) and w.lower() not in _HEADS
    )


def _a_body(mention: Mention) -> bool:
    """Whether a name may be a body's: more than one word, an acronym, or a capitalised word
    that does not open the sentence (where a common noun is capitalised too: "Hospital")."""
    words = _WORD.findall(mention.text)
    return len(words) > 1 or mention.start > 0 or mention.text.isupper()


def _role_before(features: Features, mention: Mention) -> Mention | None:
    """An office the knowledge base knows, written right before a name ("Norwegian Prime
    Minister Ingrid Solheim"): read as one entity, it is no part of the name's own text."""
    if mention.label == "ROLE":
        return None
    return role_before(features.text, features.entities, mention)


def role_before(text: str, mentions: Iterable[Mention], mention: Mention) -> Mention | None:
    """The office (a ROLE mention) written right before `mention` in `text`, nothing but
    spaces between ("NATO Secretary General Mark Rutte"), or None."""
    return next(
        (
            m
            for m in mentions
            if m.label == "ROLE"
            and m.end <= mention.start
            and not text[m.end : mention.start].strip()
        ),
        None,
    )


def _leading_title(name: str) -> tuple[str, str]:
    """A title written in capitals at the head of a name ("Finance Minister Marija Bošnjak":
    "Finance Minister", "Marija Bošnjak"), up to its last word a title ends in, with at least
    two words of the name after it; ("", name) where there is none."""
    words = name.split()
    ends = [i for i, w in enumerate(words[:-2]) if w.lower() in _ROLES or w.lower() in _HEADS]
    if not ends:
        return "", name
    last = ends[-1] + 1
    return " ".join(words[:last]), " ".join(words[last:])


def split_title(name: str) -> tuple[str, str]:
    """A name read as a title written in capitals at its head and the name proper ("Finance
    Minister Marija Bošnjak": "Finance Minister", "Marija Bošnjak"); ("", name) where there
    is none."""
    return _leading_title(name)


def name_words(name: str) -> frozenset[str]:
    """A name's words, lower case, for matching one name written in full or in part."""
    return frozenset(w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(name))


def same_person(a: str, b: str) -> bool:
    """Whether two names are one person's: one's words all among the other's ("Vuković",
    "Lana Vuković")."""
    x, y = name_words(a), name_words(b)
    return bool(x and y) and (x <= y or y <= x)


def _before(text: str, mention: Mention) -> str:
    """The title written right before a name, or before a comma before it when the sentence
    or a clause opens with it ("The company's former finance director, Sunita Marwah")."""
    head = _unaddressed(text[: mention.start])
    stripped = head.rstrip()
    if stripped.endswith(","):
        head = stripped[:-1]
        appositive = True
    else:
        appositive = False
        if head and not head[-1].isspace():
            return ""
    # a title is the few words right before the name: read only the end of a long text
    words = list(_WORD.finditer(head, max(0, len(head) - _BEFORE_CHARS)))
    taken: list[re.Match[str]] = []
    for match in reversed(words):
        word = match.group(0)
        between = head[match.end() : taken[0].start() if taken else len(head)]
        if between.strip():
            break  # a mark between: the title ends there
        lower = word.lower()
        if lower in _STOPS or len(taken) == _REACH:
            break
        previous = head[: match.start()].split()[-1:]
        headed = len(taken) == 1 and _role_like(taken[0].group(0))
        if _acting(lower) and not headed or previous and previous[0].lower() in _RELATIVES:
            break  # "defeating Argentina's Tomás Moreno", "who heads Jadran Link" (one right
            # before a title's last word is part of it: "chief operating officer")
        possessive = lower.endswith(("'s", "’s"))
        opening = not head[: match.start()].strip()
        if possessive or (word[0].isupper() and not opening):
            break  # "Greenmoor Solar chief executive": the company is no part of it
        taken.insert(0, match)
    if not taken or not _role_like(taken[-1].group(0)):
        return ""  # "beat Chelsea", "put Spain ahead": no one's title
    if appositive and not _opens(head, taken[0].start()):
        return ""  # "... said on Monday, Sunita Marwah": no title
    return head[taken[0].start() : taken[-1].end()]


def _unaddressed(head: str) -> str:
    """The text before a name without a form of address right before it ("Dr.", "Mrs")."""
    found = re.search(r"\b([A-Z][a-z]{1,3})\.?\s+$", head)
    if found is None or found.group(1).lower() not in _HONORIFICS:
        return head
    return head[: found.start()]


def _opens(head: str, start: int) -> bool:
    """Whether what comes before `start` opens the sentence or a clause: nothing, or an
    article or a possessive after a mark."""
    before = head[:start].strip()
    if not before:
        return True
    last = _WORD.findall(before)[-1:] or [""]
    word = last[0].lower()
    return word in ("the", "a", "an", "its", "his", "her", "their") or word.endswith(("'s", "’s"))


def _after(text: str, mention: Mention) -> str:
    """The title in a phrase set off by commas right after a name (", the town's mayor,")."""
    found = _AFTER.match(text, mention.end)
    if found is None:
        return ""
    phrase = _ARTICLES.sub("", found.group("phrase").strip())
    phrase = _AGED.sub("", phrase)  # ", a 64-year-old French director,": the title after it
    words = _WORD.findall(phrase)
    if not words or len(words) > _AFTER_REACH:
        return ""
    first = words[0].lower()
    if first == "who" and not _WHO_TITLE.match(phrase):
        return ""  # ", who stood outside the gates", ", who heads Jadran Link" (any head)
    if first != "who" and (first in _STOPS or words[0][0].isupper() and len(words) == 1):
        return ""  # ", said on Monday", ", Spain": no title
    head_of = _HEAD_OF.match(phrase)  # ", head of the national civil protection department,"
    served = "" if head_of else _served(phrase)
    headed = head_of or served
    if first != "who" and not headed and any(w.lower() in _STOPS for w in words[1:]):
        return ""  # ", 52, who stood outside the gates": a clause, not a title
    if first != "who" and not headed and not _role_like(words[-1]):
        return ""  # ", the country's largest port,": not a person's title
    if any(_acting(w.lower()) for w in words[:-2] + words[-1:]):
        return ""  # ", speaking to reporters": what the person did, not who they are (one
        # right before the last word is part of it: "chief operating officer")
    if any(c.isdigit() for c in phrase):
        return ""  # an age
    return served or phrase


# How the last word of a title ends, or the word itself: "director", "executive",
# "spokeswoman", "secretary", "mayor", "chief".
_ROLE_ENDING = re.compile(r"(?:or|er|ist|ian|ent|ant|man|woman|person|ive|ee|ary|ess|ier)$")
_ROLES = frozenset(
    """chief head mayor minister captain coach leader boss judge chair general governor king
    queen pope prince princess sheriff bishop mp senator ceo cfo coo deputy envoy aide
    premier chancellor president analyst""".split()
)


# words a title written in capitals at the head of a name ends in ("Finance Minister")
_HEADS = frozenset(
    """secretary director officer spokesman spokeswoman spokesperson commissioner ambassador
    prosecutor inspector superintendent professor""".split()
)


def _role_like(word: str) -> bool:
    """Whether a word may end a person's title (of a word in hyphens, its last part:
    "secretary-general", "editor-in-chief")."""
    lower = word.lower().rstrip(".").split("-")[-1]
    return lower in _ROLES or (len(lower) > 3 and _ROLE_ENDING.search(lower) is not None)


def _served(phrase: str) -> str:
    """The title of a phrase giving a title and where its holder serves ("chief economist at
    Banco Andino in Santiago": "chief economist"; "alderman for health" whole, a portfolio
    being part of the office): a few words that are no stop words, the last of them a
    title's; "" where the phrase is none."""
    found = _SERVES.match(phrase)
    if found is None:
        return ""
    title = found.group("title")
    words = _WORD.findall(title)
    if not words or any(w.lower() in _STOPS for w in words) or not _role_like(words[-1]):
        return ""
    portfolio = found.group("by").lower() == "for" or (
        found.group("by").lower() == "of" and _PORTFOLIO.match(phrase, found.end("by")) is not None
    )  # "alderman for health", "director of enforcement"; not "producer of the band ..."
    return phrase if portfolio else title


def _acting(word: str) -> bool:
    """Whether a word is a verb's "-ing" or "-ed" form and no noun ("defeating", "founded";
    not "building")."""
    return word.endswith(("ing", "ed")) and can_be_verb(word) and not can_be_noun(word)


def _title_words(written: str) -> frozenset[str]:
    """The words compared: not a possessor's ("the plant's works council": works, council),
    nor the name of a place or body after the title's own words ("mayor of Easton Falls":
    mayor; the office is the same wherever the article names its town)."""
    found = _WORD.findall(written)
    lower = [i for i, w in enumerate(found) if not w[:1].isupper()]
    named = {
        w for i, w in enumerate(found) if lower and i > lower[0] and w[:1].isupper()
    }  # "Easton", "Falls" after "mayor of"
    words = {w.lower() for w in found if not w.lower().endswith(("'s", "’s")) and w not in named}
    return frozenset(words - _DATING - _STOPS)


def retitled(claim: Features, statement: Features) -> bool:
    """Whether the claim gives a person a title the statement does not give them, where the
    statement gives them another ("Chief executive Henrik Baumgart" beside "Chief financial
    officer Henrik Baumgart")."""
    return retitled_among(claim, (statement,))


def retitled_among(claim: Features, sentences: Iterable[Features]) -> bool:
    """Whether the claim gives a person a title none of the sentences (an article's) gives
    them, where one of them gives them another ("Investigating judge Hélène Marchal" where
    the article has "Lyon prosecutor Hélène Marchal")."""
    if not claim.entities:
        return False
    theirs = titles_in(sentences)  # the claim's own titles are read only where these exist
    return bool(theirs) and any(True for _ in other_titles(titles(claim), theirs))


def titles_in(sentences: Iterable[Features]) -> list[Title]:
    """The titles a set of sentences (an article's) gives the people they name."""
    return [t for s in sentences if s.entities for t in titles(s)]


def other_titles(mine: list[Title], theirs: list[Title]) -> Iterator[tuple[Title, list[Title]]]:
    """Each of `mine` (a claim's titles) given to a person whom `theirs` never gives it but
    gives another, with the titles `theirs` gives that person."""
    for title in mine:
        same = [t for t in theirs if same_person(t.name, title.name)]
        if same and not any(title.given_by(t) for t in same):
            yield title, same
