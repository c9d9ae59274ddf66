"""End to end: a message that is only a link gets the report on the article behind it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from bot_harness import RunningBot, run_bot
from fake_telegram import FakeTelegram, telegram_text, utf16_length

from bot.settings import Settings

sys.path.append(str(Path(__file__).resolve().parents[1] / "fetch"))  # the local HTTP server

from fetch_server import LocalServer, article_html, html_reply, serving  # noqa: E402

FORWARDED_ON = int(datetime(2023, 1, 31, 9, 0, tzinfo=UTC).timestamp())


@pytest.fixture
def pages() -> Iterator[LocalServer]:
    with serving() as server:
        server.routes["/news/article"] = html_reply(article_html())
        yield server


def _send_link(
    fake: FakeTelegram, chat: dict[str, Any], sender: dict[str, Any], url: str, number: int
) -> dict[str, Any]:
    """Inject a forwarded message whose whole text is `url`, with its `url` entity."""
    message = {
        "message_id": number,
        "date": FORWARDED_ON,
        "chat": chat,
        "from": sender,
        "forward_origin": {"type": "hidden_user", "date": FORWARDED_ON, "sender_user_name": "X"},
        "text": url,
        "entities": [{"type": "url", "offset": 0, "length": utf16_length(url)}],
    }
    fake.push({"message": message})
    return message


async def test_forwarded_link_is_fetched_and_checked(
    fake: FakeTelegram, make_settings: Callable[..., Settings], pages: LocalServer
) -> None:
    async with run_bot(fake, make_settings(fetch_allow_private="true")):
        alice = fake.user("Alice")
        chat = fake.private_chat(alice)
        url = pages.url("/news/article")
        message = _send_link(fake, chat, alice, url, number=801)
        reply = await fake.wait_for_reply(message)
        shown = telegram_text(reply.text, "HTML")
        first, second, *_ = shown.splitlines()
        assert first.startswith("🔗 Checked: ") and "Example News (2023-01-30)" in first
        assert second == url
        assert "Says “Tuesday”, but this happened on a Monday" in shown
        assert "Minsk" in shown
        assert "30 January 2023" in shown  # the publication date, older than the forward

        missing = _send_link(fake, chat, alice, pages.url("/gone"), number=802)
        failure = await fake.wait_for_reply(missing)
        assert len(failure.text.splitlines()) == 1
        assert "404" in failure.text
        assert pages.hits["/news/article"] == 1


async def test_private_address_is_refused_by_default(
    bot: RunningBot, fake: FakeTelegram, pages: LocalServer
) -> None:
    bob = fake.user("Bob")
    message = _send_link(fake, fake.private_chat(bob), bob, pages.url("/news/article"), number=803)
    reply = await fake.wait_for_reply(message)
    assert len(reply.text.splitlines()) == 1
    assert "private or local network" in reply.text and "refused" in reply.text
    assert not pages.hits


async def test_help_says_links_work_and_leaves_the_fetch_limits_to_the_docs(
    bot: RunningBot, fake: FakeTelegram
) -> None:
    carol = fake.user("Carol")
    chat = fake.private_chat(carol)
    fake.send(chat, "/help", sender=carol)
    shown = telegram_text((await fake.wait_for_message(chat)).text, "HTML")
    assert "send a link" in shown
    assert "redirects" not in shown and "text/html" not in shown  # operator details
    deployment = (Path(__file__).resolve().parents[2] / "docs" / "DEPLOYMENT.md").read_text()
    assert "FETCH_MAX_REDIRECTS" in deployment and "text/html and text/plain" in deployment
