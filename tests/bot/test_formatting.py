"""Unit tests for turning reports into Telegram HTML: escaping, counts, splitting at the limit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fake_telegram import ApiError, telegram_text

from bot.formatting import (
    MESSAGE_LIMIT,
    counts_line,
    format_report,
    pack,
    shorten,
    utf16_length,
)
from knowledge.model import (
    ClaimResult,
    Evidence,
    Finding,
    FindingKind,
    ModelReading,
    Report,
    Verdict,
)


def _claim(
    text: str, verdict: Verdict = Verdict.CONTRADICTED, *, evidence: str = ""
) -> ClaimResult:
    cited = (
        Evidence(7, evidence or "Stoltenberg spoke on Monday.", "CNN", "https://cnn.com/a?b=1&c=2"),
    )
    finding = Finding(FindingKind.TIMELINE, f"Wrong day: {text[:20]}", cited, verdict)
    findings = (finding,) if verdict in (Verdict.CONTRADICTED, Verdict.OUTDATED) else ()
    return ClaimResult(text, 0, len(text), verdict, findings)


def _report(*claims: ClaimResult) -> Report:
    return Report(date(2023, 1, 30), "explicit", claims)


def _shown(message: str) -> str:
    """What Telegram would display; raises ApiError when the HTML would be rejected."""
    return telegram_text(message, "HTML")


def test_counts_line_lists_every_verdict_in_order() -> None:
    report = _report(
        _claim("a"), _claim("b"), _claim("c", Verdict.OUTDATED), _claim("d", Verdict.SUPPORTED),
        _claim("e", Verdict.UNVERIFIED), _claim("f", Verdict.UNVERIFIED),
    )  # fmt: skip
    assert (
        counts_line(report)
        == "🚩 2 contradicted · ⏳ 1 outdated · ✅ 1 supported · ❔ 2 unverified"
    )


def test_report_starts_with_counts_and_names_the_reference_date() -> None:
    (message,) = format_report(_report(_claim("It happened on Tuesday.")))
    first, second = _shown(message).splitlines()[:2]
    assert first.startswith("🚩 1 contradicted")
    assert "30 January 2023" in second and "original post" in second


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param("<b>bold</b> & <script>alert(1)</script>", id="tags-and-ampersand"),
        pytest.param("a < b > c && d", id="bare-signs"),
        pytest.param("&amp; &lt; already escaped", id="entities"),
        pytest.param('<a href="http://x">link</a>', id="anchor"),
    ],
)
def test_claim_and_evidence_text_are_escaped(hostile: str) -> None:
    (message,) = format_report(_report(_claim(hostile, evidence=hostile)))
    shown = _shown(message)  # would raise if any < > & leaked through unescaped
    assert shown.count(hostile) >= 2  # quoted as the claim and as evidence
    assert "&lt;" in message or "&amp;" in message


def test_evidence_link_is_an_escaped_href() -> None:
    (message,) = format_report(_report(_claim("x")))
    assert '<a href="https://cnn.com/a?b=1&amp;c=2">CNN</a>' in message


def test_unverified_note_and_nothing_flagged() -> None:
    (message,) = format_report(
        _report(_claim("a", Verdict.SUPPORTED), _claim("b", Verdict.UNVERIFIED))
    )
    shown = _shown(message)
    assert "Nothing in it contradicts" in shown
    assert "1 claim could not be checked" in shown


def test_a_report_with_nothing_known_does_not_claim_the_text_is_consistent() -> None:
    (message,) = format_report(
        _report(_claim("a", Verdict.UNVERIFIED), _claim("b", Verdict.UNVERIFIED))
    )
    shown = _shown(message)
    assert "Nothing in it contradicts" not in shown
    assert "has nothing on these claims" in shown


def test_a_report_whose_close_statements_settle_nothing_says_so() -> None:
    read = replace(_claim("a", Verdict.UNVERIFIED), model=ModelReading(refutes=0.2, supports=0.1))
    (message,) = format_report(_report(read, _claim("b", Verdict.UNVERIFIED)))
    shown = _shown(message)
    assert "statements close to these claims, but none clearly supports" in shown
    assert "has nothing on these claims" not in shown
    assert "Nothing in it contradicts" not in shown
    unread = replace(read, model=ModelReading(same_claim=0.3))  # a rated claim only
    assert "has nothing on these claims" in _shown(format_report(_report(unread))[0])


def test_a_report_with_claims_left_unread_gives_no_clean_bill() -> None:
    # one claim is supported, another had close statements the check's budget left unread:
    # the card says so, and does not say that nothing contradicts the knowledge base
    unread = replace(_claim("b", Verdict.UNVERIFIED), model=ModelReading(unread=True))
    (message,) = format_report(_report(_claim("a", Verdict.SUPPORTED), unread))
    shown = _shown(message)
    assert "did not read" in shown and "on their own" in shown
    assert "Nothing in it contradicts" not in shown
    assert "has nothing on these claims" not in shown


def test_no_claims_says_so() -> None:
    (message,) = format_report(_report())
    assert "no factual claims" in _shown(message)


def test_long_report_is_split_on_claim_boundaries_within_the_limit() -> None:
    claims = [_claim(f"Claim number {i} " + "word " * 60) for i in range(40)]
    messages = format_report(_report(*claims), max_messages=10)
    assert len(messages) > 1
    assert all(utf16_length(m) <= MESSAGE_LIMIT for m in messages)
    shown = "\n\n".join(_shown(m) for m in messages)
    assert all(f"Claim number {i} " in shown for i in range(40))
    for message in messages[1:]:
        assert message.startswith("🚩 <b>Contradicted</b>")  # each part starts at a claim


def test_too_many_parts_are_summarised() -> None:
    claims = [_claim(f"Claim number {i} " + "word " * 60) for i in range(60)]
    messages = format_report(_report(*claims), max_messages=2)
    assert len(messages) == 2
    assert "more parts of this report not shown" in messages[-1]
    assert all(utf16_length(m) <= MESSAGE_LIMIT for m in messages)


def test_limit_counts_utf16_units_for_emoji() -> None:
    claims = [_claim("😀" * 200 + f" {i}") for i in range(30)]
    messages = format_report(_report(*claims), limit=1000, max_messages=50)
    assert all(utf16_length(m) <= 1000 for m in messages)


def test_lines_are_packed_whole_into_messages_with_a_note_for_the_rest() -> None:
    lines = [f"<b>{n}</b> line number {n}" for n in range(100)]
    messages = pack(lines, limit=300, max_messages=3, separator="\n", omitted=lambda n: f"+{n}")
    assert len(messages) == 3 and all(utf16_length(m) <= 300 for m in messages)
    shown = [line for m in messages for line in m.split("\n")]
    kept = [line for line in shown if not line.startswith("+")]
    assert kept == lines[: len(kept)]  # whole lines, in order, none split
    assert shown[-1] == f"+{100 - len(kept)}"


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("one  two\nthree", 50) == "one two three"
    assert shorten("alpha beta gamma delta", 12) == "alpha beta…"


def test_fake_server_rejects_unescaped_html() -> None:
    with pytest.raises(ApiError, match="can't parse entities"):
        _shown("a < b")


def _fact_checked(verdict: Verdict, rating: str = "False") -> ClaimResult:
    from knowledge.model import FactCheck, Review

    review = Review(
        "Example <Check>",
        rating,
        "https://check.example/a?b=1&c=2",
        "2021-05-01",
        claimant="a blog",
    )
    fact_check = FactCheck(3, "5G towers spread COVID-19.", review, "false")
    finding = Finding(
        FindingKind.FACT_CHECK,
        f"Rated {rating} by Example Check, 2021-05-01.",
        (Evidence(3, fact_check.claim, "Example Check fact check", review.url),),
        verdict,
        0.9,
        fact_check,
    )
    text = "5G towers spread COVID-19, a new report claims."
    return ClaimResult(text, 0, len(text), verdict, (finding,))


def test_a_matched_fact_check_is_a_short_card_with_rating_checker_date_and_link() -> None:
    [message] = format_report(_report(_fact_checked(Verdict.CONTRADICTED)))
    shown = _shown(message)
    assert "Fact-check: False — Example <Check>, 2021-05-01" in shown
    assert "Rated claim: “5G towers spread COVID-19.” — a blog" in shown
    assert '<a href="https://check.example/a?b=1&amp;c=2">Read the fact-check</a>' in message


def test_a_fact_check_shown_as_context_appears_though_nothing_is_flagged() -> None:
    [message] = format_report(_report(_fact_checked(Verdict.UNVERIFIED, "Mixture")))
    assert "Fact-check: Mixture" in _shown(message)
