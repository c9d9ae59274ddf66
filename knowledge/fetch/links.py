"""Links in a Telegram-style message (from its entities) and whether it is mostly a link."""

from __future__ import annotations

from collections.abc import Sequence

# (type, offset, length, url): offset and length count UTF-16 code units, as Telegram does.
Entity = tuple[str, int, int, str | None]

_SPACE = " ".encode("utf-16-le")


def urls_from_entities(text: str, entities: Sequence[Entity]) -> list[str]:
    """The web links of `url` and `text_link` entities, in message order, without repeats.

    A `url` entity written without a scheme (`example.com/a`) gets `http://`, as clients do;
    links to other schemes (`tg://`, `ftp://`) are left out since they cannot be fetched.
    """
    urls: list[str] = []
    for kind, offset, length, link in sorted(entities, key=lambda entity: entity[1]):
        url = _entity_url(text, kind, offset, length, link)
        if url and url.lower().startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    return urls


def is_mostly_link(text: str, entities: Sequence[Entity], *, max_own_words: int = 12) -> bool:
    """True when the message carries a web link and at most `max_own_words` words of its own.

    Own words are what remains once the `url` entities are removed; words of a `text_link`
    count as the sender's own. Tokens without a letter or digit (emoji, arrows) do not count.
    """
    if not urls_from_entities(text, entities):
        return False
    own_words = [word for word in _without_urls(text, entities).split() if _is_word(word)]
    return len(own_words) <= max_own_words


def _entity_url(text: str, kind: str, offset: int, length: int, link: str | None) -> str | None:
    if kind == "text_link":
        return link
    if kind != "url":
        return None
    url = _slice(text, offset, length).strip()
    return url if "://" in url else f"http://{url}"


def _without_urls(text: str, entities: Sequence[Entity]) -> str:
    units = text.encode("utf-16-le")
    url_entities = sorted((e for e in entities if e[0] == "url"), key=lambda e: e[1], reverse=True)
    for _kind, offset, length, _link in url_entities:
        units = units[: 2 * offset] + _SPACE + units[2 * (offset + length) :]
    return units.decode("utf-16-le", errors="replace")


def _slice(text: str, offset: int, length: int) -> str:
    """`text[offset:offset + length]` with both counted in UTF-16 code units."""
    units = text.encode("utf-16-le")[2 * offset : 2 * (offset + length)]
    return units.decode("utf-16-le", errors="replace")


def _is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)
