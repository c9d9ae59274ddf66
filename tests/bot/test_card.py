"""The card: one short message first, and a Details button that pages the whole report."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot_harness import RunningBot
from fake_telegram import FakeTelegram, Sent, telegram_text, utf16_length
from telegram import InlineKeyboardButton

from bot.card import build_view, card_keyboard
from bot.formatting import MESSAGE_LIMIT
from knowledge import ClaimResult, Evidence, Finding, FindingKind, Report, Verdict

FORWARDED_ON = int(datetime(2023, 1, 30, 12, 0, tzinfo=UTC).timestamp())
CARD_LIMIT = 1200


def _buttons(sent: Sent) -> dict[str, str]:
    rows = sent.params["reply_markup"]["inline_keyboard"]
    return {b["text"]: b["callback_data"] for row in rows for b in row}


def _button(sent: Sent, starts: str) -> str:
    return next(data for text, data in _buttons(sent).items() if text.startswith(starts))


async def test_the_seed_rewrite_gets_one_short_card(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    alice = fake.user("Alice")
    chat = fake.private_chat(alice)
    message = fake.send(chat, articles["rewritten"], sender=alice, forward_date=FORWARDED_ON)
    card = await fake.wait_for_reply(message)
    await bot.idle()
    assert len(fake.sent_to(chat)) == 1
    assert utf16_length(card.text) <= CARD_LIMIT  # the HTML itself, so the shown text too
    shown = telegram_text(card.text, "HTML")
    lines = shown.splitlines()
    assert lines[0].startswith("🚩 4 contradicted")
    flagged = [line for line in lines if line.startswith(("🚩 ", "⏳ "))][1:]
    assert len(flagged) == 3 and "Tuesday" in flagged[0] and "Minsk" in flagged[1]
    assert shown.count("Source:") == 3
    assert card.text.count("britannica.com") == 1  # one link serves both of its claims
    assert list(_buttons(card)) == ["Details", "❔ Ask the curators", "Wrong verdict?"]


async def test_details_pages_through_every_claim_and_back_to_the_card(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    bob = fake.user("Bob")
    chat = fake.private_chat(bob)
    message = fake.send(chat, articles["rewritten"], sender=bob, forward_date=FORWARDED_ON)
    card = await fake.wait_for_reply(message)
    first_card = card.text
    fake.press(card, _buttons(card)["Details"], sender=bob)
    await fake.wait_for(lambda: "Summary" in str(_buttons(card)))
    pages = [telegram_text(card.text, "HTML")]
    while any(text.startswith("Next") for text in _buttons(card)):
        before = card.text
        fake.press(card, _button(card, "Next"), sender=bob)
        await fake.wait_for(lambda before=before: card.text != before)  # type: ignore[misc]
        pages.append(telegram_text(card.text, "HTML"))
    assert len(pages) >= 2 and all(utf16_length(p) <= MESSAGE_LIMIT for p in pages)
    details = "\n".join(pages)
    assert "✅ Supported: “NATO secretary general urges South Korea" in details
    assert "❔ Unverified: “He said that providing Ukraine with defensive weaponry" in details
    assert "Evidence:" in details and "statement released Tuesday" in details
    fake.press(card, _button(card, "◀ Summary"), sender=bob)
    await fake.wait_for(lambda: card.text == first_card)
    assert list(_buttons(card)) == ["Details", "❔ Ask the curators", "Wrong verdict?"]
    await bot.idle()
    assert len(fake.sent_to(chat)) == 1  # all in the one message


async def test_a_button_from_a_forgotten_card_says_it_expired(
    bot: RunningBot, fake: FakeTelegram, articles: dict[str, str]
) -> None:
    carol = fake.user("Carol")
    message = fake.send(fake.private_chat(carol), articles["rewritten"], sender=carol)
    card = await fake.wait_for_reply(message)
    fake.press(card, "no-longer-known-button-data", sender=carol)
    await bot.idle()
    answers = [p for name, p in fake.calls if name == "answercallbackquery"]
    assert answers and "expired" in answers[-1]["text"]


def _similar(n: int) -> ClaimResult:
    cited = (Evidence(14, "There has been no ceasefire.", "Britannica", "https://brit.example/w"),)
    message = "Takes for granted what the record rules out: there has been no ceasefire."
    finding = Finding(FindingKind.BACKGROUND, message, cited)
    return ClaimResult(
        f"Claim {n} about the fragile ceasefire.", 0, 1, Verdict.CONTRADICTED, (finding,)
    )


def test_forty_similar_claims_make_a_card_with_one_line_and_one_link() -> None:
    report = Report(date(2023, 1, 30), "explicit", tuple(_similar(n) for n in range(40)))
    view = build_view(report)
    shown = telegram_text(view.card, "HTML")
    assert shown.count("no ceasefire") == 1 and "(40 claims)" in shown
    assert view.card.count("brit.example") == 1
    assert utf16_length(view.card) <= CARD_LIMIT
    details = "\n".join(telegram_text(page, "HTML") for page in view.pages)
    assert all(f"Claim {n} about" in details for n in range(40))
    assert "not shown" not in details


def test_extra_button_rows_stay_under_the_card_and_every_page() -> None:
    report = Report(date(2023, 1, 30), "explicit", tuple(_similar(n) for n in range(40)))
    extra = [[InlineKeyboardButton("Wrong verdict?", callback_data="x")]]
    view = build_view(report, extra_rows=extra)
    for page in (-1, 0, 1):
        rows = card_keyboard(view, page=page).inline_keyboard
        assert rows[-1][0].text == "Wrong verdict?"
