"""Finding links in Telegram-style messages by their entities, and spotting link-only messages."""

from __future__ import annotations

import pytest

from knowledge.fetch import Entity, is_mostly_link, urls_from_entities


def _url_entity(text: str, url: str) -> Entity:
    """A `url` entity for the first occurrence of `url`, with UTF-16 offsets as Telegram sends."""
    start = text.index(url)
    offset = len(text[:start].encode("utf-16-le")) // 2
    return ("url", offset, len(url.encode("utf-16-le")) // 2, None)


def test_url_offsets_count_utf16_code_units() -> None:
    text = "👀🇺🇦 Look: https://news.example/a and https://other.example/b"
    entities = [
        _url_entity(text, "https://other.example/b"),
        _url_entity(text, "https://news.example/a"),
    ]

    assert urls_from_entities(text, entities) == [
        "https://news.example/a",
        "https://other.example/b",
    ]


def test_text_links_and_urls_in_message_order_without_repeats() -> None:
    text = "Read this then news.example/b and this again"
    entities: list[Entity] = [
        ("bold", 0, 4, None),
        ("text_link", 5, 4, "https://news.example/a"),
        _url_entity(text, "news.example/b"),
        ("text_link", 34, 10, "https://news.example/a"),
    ]

    assert urls_from_entities(text, entities) == [
        "https://news.example/a",
        "http://news.example/b",
    ]


def test_links_that_cannot_be_fetched_are_left_out() -> None:
    text = "join tg://resolve?domain=x"
    entities: list[Entity] = [
        ("text_link", 0, 4, "tg://join?invite=abc"),
        _url_entity(text, "tg://resolve?domain=x"),
        ("email", 0, 4, None),
    ]
    assert urls_from_entities(text, entities) == []


@pytest.mark.parametrize(
    ("text", "link", "mostly_link"),
    [
        pytest.param("https://news.example/a", "https://news.example/a", True, id="bare-link"),
        pytest.param(
            "Is this true?? 😱👇 https://news.example/a",
            "https://news.example/a",
            True,
            id="few-words",
        ),
        pytest.param(
            "Stoltenberg made the plea in a statement released on Tuesday during a visit to "
            "Seoul, urging arms exports. https://news.example/a",
            "https://news.example/a",
            False,
            id="own-text",
        ),
        pytest.param("No link here at all", None, False, id="no-link"),
    ],
)
def test_is_mostly_link(text: str, link: str | None, mostly_link: bool) -> None:
    entities = [_url_entity(text, link)] if link else []
    assert is_mostly_link(text, entities) is mostly_link


def test_a_text_link_alone_counts_as_mostly_link() -> None:
    text = "NATO chief in Seoul"
    assert is_mostly_link(text, [("text_link", 0, len(text), "https://news.example/a")])
