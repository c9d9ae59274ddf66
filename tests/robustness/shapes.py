"""Adversarial text shapes of a given length, for the robustness tests and the benchmark."""

from __future__ import annotations

from collections.abc import Callable
from itertools import cycle, islice

_LEAD = "NATO troops moved to the border on Monday, the ministry said. "


def _fill(pattern: str, length: int, *, head: str = "", tail: str = "") -> str:
    body = max(0, length - len(head) - len(tail))
    return head + "".join(islice(cycle(pattern), body)) + tail


def punctuation(length: int) -> str:
    return _fill("!?.,;:-()[]", length, head=_LEAD)


def spaces(length: int) -> str:  # the tweet-signature pattern: a dash, then nothing but space
    return _fill(" ", length, head="NATO troops moved to the border on Monday -", tail=" x y z")


def tildes(length: int) -> str:  # the boilerplate pattern: "copyright" and one long "word"
    return _fill("~", length, head="copyright ", tail=" x")


def quotes(length: int) -> str:
    return _fill("“\"'‘", length, head=_LEAD + 'He said "')


def dashes(length: int) -> str:
    return _fill("a-", length, head=_LEAD, tail=".")


def one_sentence(length: int) -> str:
    return _fill("the army moved east and the ministry said that ", length, head="NATO ", tail=".")


def tiny_sentences(length: int) -> str:
    return _fill("Biden met Putin in 2021. ", length)


def numbers(length: int) -> str:
    return _fill("1,000,000 and 25% of 3.5 million ", length, head=_LEAD)


def capitals(length: int) -> str:  # long runs of capitalised words: names and acronyms
    return _fill("Of The New York Times And U.S. ", length, head=_LEAD)


def mixed_scripts(length: int) -> str:
    return _fill("the army moved Москва and 東京 to the east 🚀 said عربي the ", length, head=_LEAD)


def newlines(length: int) -> str:
    return _fill("\n", length, head=_LEAD, tail="The army moved east.")


SHAPES: dict[str, Callable[[int], str]] = {
    shape.__name__: shape
    for shape in (
        punctuation,
        spaces,
        tildes,
        quotes,
        dashes,
        one_sentence,
        tiny_sentences,
        numbers,
        capitals,
        mixed_scripts,
        newlines,
    )
}
