"""Acronyms of capitalised names ("State of the Union" -> "sotu", "John F. Kennedy" -> "jfk")."""

from __future__ import annotations

import re
from functools import lru_cache

# A name: capitalised words (hyphenated parts each count: "Ocasio-Cortez" -> "oc"), initials
# ("F.") and dotted abbreviations ("U.S."), with function words between them.
_REST = r"(?:[a-z]+(?:-[A-Z][a-z]+)*|(?:\.[A-Z])+\.?|\.)"
_JOINING = r"of|the|and|for|on|in|at|to|de|del|la|van|von|&"
_RUN = re.compile(  # the first capital is matched before the look-behind: a fast scan for it
    rf"[A-Z](?<![\w'’.-][A-Z]){_REST}(?:[ \t]+(?:[A-Z]{_REST}|{_JOINING}))+(?![\w-])"
)
_FUNCTION = frozenset("of the and for on in at to de del la van von & a an".split())
_SHORTEST, _LONGEST = 2, 6


def acronyms(text: str) -> list[str]:
    """Lowercase acronyms of the names of two or more capitalised words in `text`, in order:
    the initials of every word ("sotu") and, when different, of the capitalised ones ("su")."""
    if text.islower():
        return []
    found: list[str] = []
    for match in _RUN.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()].rstrip(" \t\"“”'‘(")
        opening = not before or before[-1] in ".!?:;\n"
        found.extend(_of_name(match.group(), opening=opening))
    return list(dict.fromkeys(found)) if len(found) > 1 else found


@lru_cache(maxsize=8192)  # names recur: "Donald Trump", "White House"
def _of_name(name: str, *, opening: bool) -> tuple[str, ...]:
    parts = name.split()
    if opening and len(parts) > 1 and parts[1] in _FUNCTION:  # "Talks in D.C.": not a name
        parts = parts[1:]
    while parts and parts[0].lower() in _FUNCTION:
        parts = parts[1:]
    while parts and parts[-1].lower() in _FUNCTION:
        parts = parts[:-1]
    capitals = [_initials(p) for p in parts if p.lower() not in _FUNCTION]
    if len(capitals) < 2:
        return ()
    every = "".join(_initials(p) for p in parts)
    named = "".join(capitals)
    return tuple(a for a in dict.fromkeys((every, named)) if _SHORTEST <= len(a) <= _LONGEST)


def _initials(part: str) -> str:
    if part == "&":
        return ""
    if "." in part:
        return part.replace(".", "").lower()
    return "".join(piece[0] for piece in part.split("-")).lower()
