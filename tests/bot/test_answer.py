"""How a question is answered: the first line says no, yes or not known yet; a related entry
is labelled as not the same claim, a related fact-check with its checker, rating and link."""

from __future__ import annotations

from datetime import date

from fake_telegram import telegram_text

from bot.answer import format_answer
from knowledge import ClaimResult, Related, Report, Review, Source, Statement, Verdict

ASKED = "Did Zelensky buy a villa in Egypt with US aid?"
RATED = Statement(7, "Zelensky bought two yachts with money from US aid.", source=Source("LS"))
REVIEW = Review(checker="Lead Stories", rating="False", url="https://example.org/yachts")


def _answer(related: Related | None) -> str:
    claim = ClaimResult(ASKED, 0, len(ASKED), Verdict.UNVERIFIED)
    report = Report(date(2024, 5, 1), "today", (claim,))
    return format_answer(report, claim, related)


def test_a_related_fact_check_is_labelled_with_its_rating_and_link() -> None:
    html = _answer(Related(RATED, 0.8, REVIEW))
    shown = telegram_text(html, "HTML")
    assert shown.startswith("Not known yet — ")
    assert (
        "🔎 Related fact-check (not the same claim): Lead Stories rated “Zelensky bought two "
        "yachts with money from US aid.” False — read it"
    ) in shown
    assert 'href="https://example.org/yachts"' in html
    assert shown.endswith("As of 1 May 2024.")


def test_without_a_related_entry_the_answer_says_only_what_is_not_known() -> None:
    shown = telegram_text(_answer(None), "HTML")
    assert "Related" not in shown and "Ask the curators" in shown
