"""The reply: a matched fact-check on the first card (rating, checker, date, rated claim, link)
and as a full card on the Details pages."""

from __future__ import annotations

import knowledge
from bot.card import format_card
from bot.formatting import format_report
from tests.fake_telegram import telegram_text


async def test_the_first_card_names_rating_checker_date_claim_and_link(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    report = await rated_kb.check("Experts now admit that 5G towers spread COVID-19.")
    card = format_card(report)
    shown = telegram_text(card, "HTML")
    assert "Rated False by Example Check, 2021-05-01: “5G towers spread COVID-19.”" in shown
    assert '<a href="https://check.example/5g-covid">' in card
    details = "\n".join(format_report(report))
    assert "Fact-check: <b>False</b> — Example Check, 2021-05-01" in details
    assert '<a href="https://check.example/5g-covid">Read the fact-check</a>' in details


async def test_a_denial_is_not_on_the_card_as_a_flag(rated_kb: knowledge.KnowledgeBase) -> None:
    report = await rated_kb.check("5G towers do not spread COVID-19.")
    assert "🚩" not in telegram_text(format_card(report), "HTML").split("\n", 1)[1]


async def test_a_fact_check_that_settles_nothing_is_on_the_card_as_context(
    rated_kb: knowledge.KnowledgeBase,
) -> None:
    # a mixed rating, and a message that may deny the rated claim or only report it: no verdict,
    # but the card shows the fact-check and its link, and never says the knowledge base has
    # nothing on the claim
    for text, slug in (
        ("Drinking hot water cures the flu, my aunt says.", "hot-water"),
        ("No one said 5G towers spread COVID-19.", "5g-covid"),
    ):
        report = await rated_kb.check(text)
        assert not report.flagged
        card = format_card(report)
        shown = telegram_text(card, "HTML")
        assert "has nothing on these claims" not in shown
        assert "does not settle it either way" in shown
        assert f'<a href="https://check.example/{slug}">' in card
        assert "Rated " in shown.split("\n", 3)[3]
