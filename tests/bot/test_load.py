"""End to end under load: many chats at once through the worker pool, and one user's burst."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, Sent

from bot.settings import Settings

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
_REPORT_HEAD = re.compile(r"^(🚩 \d+ contradicted|👋 I found nothing to check)")  # card or line


def _reports(fake: FakeTelegram, message: JSON) -> list[Sent]:
    return [s for s in fake.replies_to(message) if _REPORT_HEAD.match(s.text)]


def _paragraphs(article: str) -> list[str]:
    return [p.strip() for p in article.split("\n\n") if len(p.strip()) > 80]


async def test_fifty_articles_from_ten_chats_are_each_answered_once(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    texts = [articles["rewritten"], articles["cnn"], *_paragraphs(articles["rewritten"])]
    settings = make_settings(check_workers=2, user_queue_limit=5)
    async with run_bot(fake, settings) as bot:
        sent: list[JSON] = []
        for n in range(10):
            user = fake.user(f"Reader {n}")
            chat = fake.private_chat(user)
            for k in range(5):
                text = texts[(n * 5 + k) % len(texts)]
                sent.append(fake.send(chat, text, sender=user, forward_date=FORWARDED_ON))
        await fake.wait_for(lambda: all(_reports(fake, m) for m in sent), timeout=90)
        await bot.idle()
    assert [len(_reports(fake, m)) for m in sent] == [1] * 50
    assert not any("I dropped" in s.text for s in fake.sent)


async def test_eight_forwards_sent_together_are_all_answered(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    alice = fake.user("Alice")
    chat = fake.private_chat(alice)
    paragraphs = _paragraphs(articles["rewritten"]) * 8
    burst = [
        fake.send(chat, text, sender=alice, forward_date=FORWARDED_ON) for text in paragraphs[:8]
    ]
    await fake.wait_for(lambda: all(_reports(fake, m) for m in burst), timeout=90)
    await bot.idle()
    assert [len(_reports(fake, m)) for m in burst] == [1] * 8
    assert not any("dropped" in s.text for s in fake.sent_to(chat))


async def test_a_burst_past_the_users_bound_is_cut_once_while_others_are_served(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    async with run_bot(fake, make_settings(user_queue_limit=3)) as bot:
        alice, bob = fake.user("Alice"), fake.user("Bob")
        alice_chat = fake.private_chat(alice)
        burst = [
            fake.send(alice_chat, articles["rewritten"], sender=alice, forward_date=FORWARDED_ON)
            for _ in range(10)
        ]
        bobs = fake.send(fake.private_chat(bob), articles["rewritten"], sender=bob)
        await fake.wait_for_reply(bobs, timeout=60)
        await bot.idle()
    answered = [m for m in burst if _reports(fake, m)]
    notices = [s for s in fake.sent_to(alice_chat) if "I dropped" in s.text]
    assert len(answered) == 3
    assert len(notices) == 1  # told once, not once per dropped message
    assert "I dropped 7 of yours" in notices[0].text
    assert notices[0].reply_to == burst[3]["message_id"]
    last_for_alice = max(fake.sent.index(_reports(fake, m)[0]) for m in answered)
    assert fake.sent.index(fake.replies_to(bobs)[0]) < last_for_alice  # Bob did not wait


async def test_past_the_overall_bound_a_waiting_users_burst_is_cut_and_a_new_user_served(
    fake: FakeTelegram, make_settings: Callable[..., Settings], articles: dict[str, str]
) -> None:
    async with run_bot(fake, make_settings(user_queue_limit=25, user_queue_total=3)) as bot:
        alice, bob = fake.user("Alice"), fake.user("Bob")
        alice_chat = fake.private_chat(alice)
        burst = [
            fake.send(alice_chat, articles["rewritten"], sender=alice, forward_date=FORWARDED_ON)
            for _ in range(6)
        ]
        bobs = fake.send(fake.private_chat(bob), articles["rewritten"], sender=bob)
        await fake.wait_for_reply(bobs, timeout=60)
        await bot.idle()
    notices = [s for s in fake.sent_to(alice_chat) if "I dropped" in s.text]
    assert sum(1 for m in burst if _reports(fake, m)) == 3
    assert len(notices) == 1 and "I dropped 3 of yours" in notices[0].text
    assert _reports(fake, bobs)  # a user with nothing waiting is always served
