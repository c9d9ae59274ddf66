"""Unit tests for joining an article cut into several messages."""

from __future__ import annotations

import asyncio

from bot.joiner import ArticleJoiner


async def test_a_continuation_is_joined_and_a_sentence_cut_gets_a_space() -> None:
    joiner = ArticleJoiner(window=5, min_chars=20)
    waiting = asyncio.create_task(
        joiner.collect("k", "A long first part that stops mid", forwarded=False)
    )
    await asyncio.sleep(0)
    assert joiner.take("k", "sentence. End.", forwarded=False)
    assert await waiting == "A long first part that stops mid sentence. End."


async def test_a_forward_does_not_continue_a_pasted_text_nor_another_senders() -> None:
    joiner = ArticleJoiner(window=0.05, min_chars=10)
    waiting = asyncio.create_task(joiner.collect("k", "A long first part.", forwarded=False))
    await asyncio.sleep(0)
    assert not joiner.take("k", "Forwarded text.", forwarded=True)
    assert not joiner.take("other", "Someone else.", forwarded=False)
    assert await waiting == "A long first part."


async def test_at_most_max_parts_are_joined() -> None:
    joiner = ArticleJoiner(window=5, min_chars=5, max_parts=2)
    waiting = asyncio.create_task(joiner.collect("k", "Part one.", forwarded=False))
    await asyncio.sleep(0)
    assert joiner.take("k", "Part two is long too.", forwarded=False)
    assert not joiner.take("k", "Part three.", forwarded=False)
    assert await waiting == "Part one.\nPart two is long too."


def test_short_messages_and_a_zero_window_never_wait() -> None:
    assert not ArticleJoiner(window=2, min_chars=3000).may_continue("short")
    assert not ArticleJoiner(window=0, min_chars=1).may_continue("x" * 4000)
