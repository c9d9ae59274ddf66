"""Timeline: weekdays and dates that contradict the recorded event, and ended states."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import SEOUL_DAY, finding_kinds, verdict_of


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "On Wednesday in Seoul, Stoltenberg urged South Korea to send arms to Ukraine.",
            id="wednesday",
        ),
        pytest.param(
            "Stoltenberg spoke in Seoul on Friday, calling for military support for Ukraine.",
            id="friday",
        ),
    ],
)
async def test_wrong_weekday_for_recent_event(kb: knowledge.KnowledgeBase, text: str) -> None:
    assert "timeline" in await finding_kinds(kb, text, SEOUL_DAY)


async def test_right_weekday_is_supported_or_unflagged(kb: knowledge.KnowledgeBase) -> None:
    text = (
        "On Monday in Seoul, Stoltenberg asked South Korea to reconsider its rule on arms exports."
    )
    assert "timeline" not in await finding_kinds(kb, text, SEOUL_DAY)


async def test_other_event_on_other_weekday_is_not_flagged(kb: knowledge.KnowledgeBase) -> None:
    text = "On Tuesday Stoltenberg met Japan's prime minister in Tokyo to discuss security."
    assert "timeline" not in await finding_kinds(kb, text, date(2023, 2, 1))


async def test_weekday_months_later_is_another_occasion(kb: knowledge.KnowledgeBase) -> None:
    text = "On Thursday in Seoul, Stoltenberg urged South Korea to allow arms exports to Ukraine."
    assert "timeline" not in await finding_kinds(kb, text, date(2023, 9, 14))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Russia launched its full-scale invasion of Ukraine on 24 March 2022.",
            True,
            id="wrong-month",
        ),
        pytest.param(
            "Russia began its full-scale invasion of Ukraine on February 24, 2022.",
            False,
            id="right-date",
        ),
        pytest.param("Sweden and Finland applied to join NATO in May 2021.", True, id="wrong-year"),
        pytest.param("Finland and Sweden asked to join NATO in May 2022.", False, id="right-month"),
    ],
)
async def test_explicit_dates(kb: knowledge.KnowledgeBase, text: str, flagged: bool) -> None:
    assert ("timeline" in await finding_kinds(kb, text, date(2024, 1, 1))) is flagged


async def test_state_that_had_ended(kb: knowledge.KnowledgeBase) -> None:
    text = "Jens Stoltenberg is NATO Secretary General and leads the alliance."
    assert await verdict_of(kb, text, date(2025, 3, 1)) == "outdated"
    assert await verdict_of(kb, text, date(2023, 3, 1)) != "outdated"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("The tram line to the airport opened in September 2019.", True, id="month"),
        pytest.param("The tram line to the airport opened in 2018.", False, id="same-year"),
        pytest.param(
            "The tram line to the airport, opened in September 2018, was extended in 2022.",
            False,
            id="another-date-for-another-thing",
        ),
    ],
)
async def test_retold_statement_with_another_date(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    await kb.curator.add("The tram line to the airport opened in September 2018.")
    assert ("timeline" in await finding_kinds(kb, text, date(2024, 1, 10))) is flagged


async def test_a_year_the_record_does_not_give_is_never_supported(
    kb: knowledge.KnowledgeBase,
) -> None:
    await kb.curator.add("The tram line to the airport opened in September 2018.")
    verdict = await verdict_of(
        kb, "The tram line to the airport opened in 2017.", date(2024, 1, 10)
    )
    assert verdict != "supported"


OFFICE_DAY = date(2025, 3, 1)  # Rutte in office since 1 October 2024, Stoltenberg 2014-2024


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Mark Rutte became NATO Secretary General in 2019.", id="became"),
        pytest.param("Rutte took office as NATO chief in March 2023.", id="took-office"),
        pytest.param("Jens Stoltenberg became head of NATO in 2012.", id="alias"),
        pytest.param(
            "Rutte became NATO Secretary General in 2019 and prime minister in 2010.",
            id="first-of-two",
        ),
        pytest.param("Rutte, who took office as NATO chief in 2019, spoke on Monday.", id="who"),
        pytest.param(
            "Mark Rutte has been NATO Secretary General since 1 October 2023.", id="since-a-day"
        ),
        pytest.param(
            "Jens Stoltenberg was NATO Secretary General from 2012 to 2022.", id="from-to"
        ),
        # the office of the title before the name is the one taken
        pytest.param(
            "NATO Secretary General Mark Rutte took office on 1 October 2023.", id="titled"
        ),
        pytest.param(
            "NATO chief Mark Rutte, who took office in October 2023, visited Kyiv on Monday.",
            id="titled-who",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte took over from Stoltenberg in 2023.",
            id="titled-took-over",
        ),
        pytest.param(
            "NATO chief Mark Rutte, who took office in October 2023, said the alliance would "
            "keep supporting Ukraine.",
            id="titled-who-in-a-modal-sentence",
        ),
    ],
)
async def test_a_wrong_start_of_a_recorded_office_is_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await kb.check(text, reference_date=OFFICE_DAY)
    (claim,) = report.claims
    assert claim.verdict.value == "contradicted"
    assert "but this began on" in claim.findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Mark Rutte became NATO Secretary General in October 2024.", id="right"),
        pytest.param(
            "Mark Rutte has been NATO Secretary General since 1 October 2024.", id="right-since"
        ),
        pytest.param(
            "Jens Stoltenberg took office as NATO Secretary General in 2014.", id="right2"
        ),
        pytest.param(
            "Rutte became prime minister in 2010 and NATO Secretary General in 2024.",
            id="other-office-first",
        ),
        pytest.param("Mark Rutte became Dutch prime minister in 2010.", id="other-office"),
        pytest.param(
            "Mark Rutte was chosen in June 2024 to become NATO Secretary General.", id="aimed"
        ),
        pytest.param(
            "In June 2024 Mark Rutte became NATO Secretary General-designate.", id="designate"
        ),
        pytest.param("Mark Rutte became the next NATO Secretary General in June 2024.", id="next"),
        pytest.param(
            "NATO Secretary General Mark Rutte has warned since 2019 that Russia is a threat.",
            id="since-of-another-verb",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte became famous in 2010 for cycling to work.",
            id="onset-of-another-state",
        ),
        pytest.param("Mark Rutte did not become NATO Secretary General in 2019.", id="negated"),
        pytest.param("Mark Rutte could become NATO Secretary General in 2019.", id="modal"),
        pytest.param(
            "Jens Stoltenberg was NATO Secretary General from 2014 to 2024.", id="right-from-to"
        ),
        pytest.param(
            "Jens Stoltenberg, NATO Secretary General from 2014, visited Seoul in 2023.",
            id="from-then-another-date",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte, who took office on 1 October 2024, visited Kyiv.",
            id="titled-right",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte took office in 2010 as Dutch prime minister.",
            id="titled-another-office",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte took office for a fourth term as prime minister "
            "in 2022.",
            id="titled-another-term",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte, who took office in 2010, led four Dutch "
            "governments.",
            id="titled-then-another-office",
        ),
        pytest.param(
            "NATO Secretary General Mark Rutte said on 1 October 2023 that he would take office "
            "a year later.",
            id="titled-aimed",
        ),
        pytest.param(
            "Deputy NATO Secretary General Mark Rutte took office in October 2019.",
            id="titled-deputy",
        ),
        pytest.param(
            "Former NATO Secretary General Jens Stoltenberg took over Norway's finance ministry "
            "in February 2025.",
            id="titled-took-over-another-thing",
        ),
        pytest.param(
            "Former NATO Secretary General Jens Stoltenberg stepped down from the podium on "
            "5 March 2025.",
            id="titled-stepped-down-from-a-place",
        ),
    ],
)
async def test_a_right_or_unrelated_start_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "timeline" not in await finding_kinds(kb, text, OFFICE_DAY)


async def test_a_title_held_since_a_wrong_year_is_flagged_on_its_own(
    kb: knowledge.KnowledgeBase,
) -> None:
    text = (
        "BRUSSELS, 3 March 2025 – Mark Rutte, NATO Secretary General since 2021, spoke to "
        "reporters in Brussels on Monday."
    )
    (claim,) = (await kb.check(text)).claims
    assert claim.verdict.value == "contradicted"
    message = claim.findings[0].message
    assert "since 2021" in message  # read from the sentence, or its title part ("Mark Rutte
    # has been the NATO Secretary General since 2021"): the place it names is no other state
    assert "began on Tuesday 1 October 2024" in message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Jens Stoltenberg stepped down as NATO Secretary General in 2022.", True, id="2022"
        ),
        pytest.param("Jens Stoltenberg resigned as NATO chief in 2019.", True, id="resigned"),
        pytest.param(
            "Jens Stoltenberg was NATO Secretary General until 1 October 2023.",
            True,
            id="until-a-day",
        ),
        pytest.param(
            "Jens Stoltenberg stepped down as NATO Secretary General in October 2024.",
            False,
            id="right",
        ),
        pytest.param(
            "Jens Stoltenberg stepped down as prime minister of Norway in 2013.",
            False,
            id="other-office",
        ),
        pytest.param(
            "NATO Secretary General Jens Stoltenberg stepped down in October 2023.",
            True,
            id="titled",
        ),
        pytest.param(
            "Former NATO Secretary General Jens Stoltenberg, who stepped down in 2022, now "
            "chairs the Munich Security Conference.",
            True,
            id="titled-former-who",
        ),
    ],
)
async def test_a_wrong_end_of_a_recorded_office_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    (claim,) = (await kb.check(text, reference_date=OFFICE_DAY)).claims
    assert (claim.verdict.value == "contradicted") == flagged
    if flagged:
        assert "but this ended on Tuesday 1 October 2024" in claim.findings[0].message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Russia's full-scale invasion of Ukraine on 24 February 2022 was the largest attack "
            "on a European country since 1945.",
            False,
            id="largest-since",
        ),
        pytest.param(
            "The full-scale invasion of Ukraine was the first such attack in Europe since 1945.",
            False,
            id="first-since",
        ),
        pytest.param(
            "Russia has been waging a full-scale war against Ukraine since 24 February 2021.",
            True,
            id="wrong-start",
        ),
    ],
)
async def test_a_since_date_compared_with_is_not_the_events_date(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """ "The largest attack since 1945" says when it last happened, not when this did."""
    assert ("timeline" in await finding_kinds(kb, text, date(2023, 1, 30))) is flagged


async def _accession(kb: knowledge.KnowledgeBase) -> None:
    await kb.curator.add(
        "Sweden joined NATO on 7 March 2024, becoming the alliance's 32nd member.",
        kind="event",
        event_date="2024-03-07",
        source="https://www.nato.int/cps/en/natohq/news_223446.htm",
    )


@pytest.mark.parametrize("text", ["Sweden never joined NATO.", "Sweden has not joined NATO."])
async def test_a_recorded_event_said_not_to_have_happened_is_contradicted(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    await _accession(kb)
    report = await kb.check(text, reference_date=date(2025, 1, 15))
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert claim.findings[0].message == (
        "Says this did not happen, but it happened on Thursday 7 March 2024."
    )


@pytest.mark.parametrize(
    "text",
    ["There is no ceasefire in Ukraine.", "There has been no ceasefire in eastern Ukraine."],
)
async def test_a_thing_said_not_to_exist_now_is_not_a_denied_event(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    """A ceasefire agreement signed in 2015 (a dated event in the seeds) does not make "there
    is no ceasefire" a denial that it was signed: what is said not to exist is a state now."""
    assert "timeline" not in await finding_kinds(kb, text, date(2025, 1, 15))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        pytest.param("Sweden has not joined NATO.", date(2023, 6, 1), id="before-the-event"),
        pytest.param(
            "Sweden had not joined NATO when the war began.", date(2025, 1, 15), id="then"
        ),
        pytest.param("Sweden did not join NATO in 2022.", date(2025, 1, 15), id="another-year"),
        pytest.param("Sweden did not join NATO until 2024.", date(2025, 1, 15), id="until"),
        pytest.param(
            "Sweden did not join NATO's nuclear planning group.", date(2025, 1, 15), id="more"
        ),
        pytest.param("Sweden will not join NATO.", date(2023, 6, 1), id="future"),
        pytest.param(
            "Not only did Sweden join NATO, it also raised its defence budget.",
            date(2025, 1, 15),
            id="not-only",
        ),
    ],
)
async def test_a_denial_of_its_own_time_or_of_more_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str, day: date
) -> None:
    await _accession(kb)
    report = await kb.check(text, reference_date=day)
    assert report.flagged == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("Finland joined NATO in April 2021.", True, id="wrong-year"),
        pytest.param(
            "Finland joined NATO in April 2021, becoming the alliance's 31st member and more "
            "than doubling the length of NATO's land border with Russia.",
            True,
            id="wrong-year-in-a-clause",
        ),
        pytest.param("Finland joined NATO on 4 April 2023.", False, id="right-day"),
        pytest.param("Finland joined NATO in April 2023.", False, id="right-month"),
        pytest.param(
            "Finland's foreign minister said on 4 May 2023 that joining NATO was the right choice.",
            False,
            id="the-day-of-another-act",
        ),
    ],
)
async def test_a_statement_added_with_its_day_in_its_words_is_a_dated_event(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """A curator adds the sentence alone, no --event-date: its words give the day."""
    new_id = await kb.curator.add("Finland joined NATO on 4 April 2023.", source="nato.int")
    stored = await kb.store.statements.get(new_id)
    assert (stored.kind, stored.event_date) == ("event", "2023-04-04")
    assert ("timeline" in await finding_kinds(kb, text, date(2025, 3, 12))) is flagged


async def test_dates_a_curator_gives_are_kept_as_given(kb: knowledge.KnowledgeBase) -> None:
    new_id = await kb.curator.add("The harbour bridge reopened on 2 June 2021.", kind="fact")
    stored = await kb.store.statements.get(new_id)
    assert (stored.kind, stored.event_date, stored.valid_from) == ("fact", None, None)
    bounded = await kb.curator.add("The port strike lasted until 3 May 2021.")
    assert (await kb.store.statements.get(bounded)).valid_until == "2021-05-03"


@pytest.mark.parametrize(
    "text",
    [
        "Mark Rutte took office as NATO Secretary General on 1 October 2024.",
        "Jens Stoltenberg took office as NATO Secretary General on 1 October 2014.",
        "Jens Stoltenberg stepped down as NATO Secretary General on 1 October 2024.",
        "NATO Secretary General Mark Rutte took office on 1 October 2024.",
        "Former NATO Secretary General Jens Stoltenberg stepped down on 1 October 2024.",
    ],
)
async def test_the_recorded_start_or_end_of_an_office_told_in_other_words_is_supported(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    """The seeds say "has been ... since 1 October 2024" and "was ... from 1 October 2014 to
    1 October 2024": taking office or stepping down on that day is what they record."""
    assert await verdict_of(kb, text, OFFICE_DAY) == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "Mark Rutte stepped down as NATO Secretary General on 1 October 2024.",  # began then
        "Mark Rutte took office as NATO Secretary General on 1 October 2024 after a vote.",
        "Mark Rutte succeeded Jens Stoltenberg as NATO Secretary General on 1 October 2024.",
        "Mark Rutte did not take office as NATO Secretary General on 1 October 2024.",
        "Mark Rutte took office as NATO Secretary General on 1 October 2024 and visited Kyiv "
        "on 3 October 2024.",
    ],
)
async def test_an_office_told_with_more_than_the_record_gives_is_not_supported(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert await verdict_of(kb, text, OFFICE_DAY) != "supported"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("Finland joined NATO before 1 May 2023.", False, id="before-holds"),
        pytest.param("Finland joined NATO after 1 March 2023.", False, id="after-holds"),
        pytest.param("Finland joined NATO by 2024.", False, id="by-holds"),
        pytest.param("Finland joined NATO after 1 May 2023.", True, id="after-broken"),
        pytest.param("Finland joined NATO before March 2023.", True, id="before-broken"),
        pytest.param("Finland joined NATO on April 4.", False, id="yearless-same-day"),
        pytest.param("Finland joined NATO on April 5.", True, id="yearless-other-day"),
    ],
)
async def test_a_date_said_as_a_bound_or_without_its_year_is_read_as_said(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """Beside "Finland joined NATO on 4 April 2023.": "before 1 May 2023" is true, and "on
    April 4" in an article of 2025 says the day, its year left to the reader."""
    await kb.curator.add("Finland joined NATO on 4 April 2023.")
    (claim,) = (await kb.check(text, reference_date=date(2025, 6, 12))).claims
    assert claim.flagged is flagged, claim.findings
    if flagged:
        assert "4 April 2023" in claim.findings[0].message


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param("Stoltenberg arrived in Seoul on Sunday.", False, id="arrival"),
        pytest.param(
            "Stoltenberg arrived in Seoul on Sunday and spoke on Monday.", False, id="two-days"
        ),
        pytest.param(
            "Stoltenberg arrived in Seoul on Sunday and spoke there on Wednesday.",
            True,
            id="the-event-on-another-day",
        ),
    ],
)
async def test_the_day_of_coming_or_going_is_not_the_events_day(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    """The seeds record the Seoul speech on Monday: arriving the day before is no error."""
    assert ("timeline" in await finding_kinds(kb, text, SEOUL_DAY)) is flagged


async def test_a_wrong_end_of_a_span_is_flagged(kb: knowledge.KnowledgeBase) -> None:
    text = "Jens Stoltenberg was NATO Secretary General from 1 October 2014 to 1 October 2023."
    (claim,) = (await kb.check(text, reference_date=OFFICE_DAY)).claims
    assert claim.findings[0].message == (
        "Says “1 October 2023”, but this ended on Tuesday 1 October 2024."
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "On 30 January 2022, Stoltenberg urged South Korea to allow direct exports of arms "
            "to Ukraine.",
            id="fronted",
        ),
        pytest.param(
            "Stoltenberg urged South Korea to allow direct exports of arms to Ukraine, on 30 "
            "January 2022.",
            id="trailing",
        ),
    ],
)
async def test_a_date_set_off_by_a_comma_is_the_date_of_the_clause_it_frames(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "timeline" in await finding_kinds(kb, text, date(2025, 3, 12))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "On 12 February 2016, a year after the Minsk II agreement was signed, fighting "
            "continued in eastern Ukraine.",
            id="counted-from-the-event",
        ),
        pytest.param(
            "On 30 January 2024, Stoltenberg said that urging South Korea to allow direct "
            "exports of arms to Ukraine had been right.",
            id="another-act",
        ),
    ],
)
async def test_a_framing_date_of_something_else_is_not_the_events(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "timeline" not in await finding_kinds(kb, text, date(2025, 3, 12))


async def test_a_day_without_its_year_told_as_done_is_last_years() -> None:
    # Written in March 2025, "joined NATO on April 5" tells a past April, not one to come.
    async with knowledge.open_kb(":memory:", seed=False) as kb:
        await kb.curator.add("Finland joined NATO on 4 April 2023.")
        kinds = await finding_kinds(kb, "Finland joined NATO on April 5.", date(2025, 3, 12))
        assert "timeline" in kinds
        assert await verdict_of(kb, "Finland joined NATO on April 4.", date(2025, 3, 12)) == (
            "supported"
        )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Russia invaded Ukraine on 24 March 2022.", id="the-verb-of-the-invasion"),
        pytest.param("Russia invaded Ukraine in 2021.", id="a-year"),
    ],
)
async def test_an_event_told_by_its_verb_is_the_recorded_event(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    # the seeds record "Russia began its full-scale invasion of Ukraine on 24 February 2022"
    assert "timeline" in await finding_kinds(kb, text, date(2024, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Six days after Russia invaded Ukraine, on 2 March 2022, the UN General Assembly "
            "condemned the invasion.",
            id="framed-by-a-later-clause",
        ),
        pytest.param(
            "When Russia invaded Ukraine, in February 2022, public opinion in Finland swung "
            "in favour of joining NATO.",
            id="when-clause",
        ),
        pytest.param(
            "Russia invaded Ukraine on 24 February 2022.",
            id="the-right-day",
        ),
    ],
)
async def test_a_date_of_what_followed_the_event_is_not_the_events(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    assert "timeline" not in await finding_kinds(kb, text, date(2024, 6, 1))


async def test_a_wrong_weekday_is_flagged_though_the_article_also_gives_the_year(
    kb: knowledge.KnowledgeBase,
) -> None:
    # "for this year" in the article is no day: "on Wednesday" cannot be it.
    day = date(2024, 9, 12)
    await kb.curator.learn(ECB_CUT, source="https://example.org/ecb", published=day)
    wrong = "The European Central Bank cut its deposit rate to 3.5% on Wednesday."
    assert "timeline" in await finding_kinds(kb, wrong, day)
    right = "The European Central Bank cut its deposit rate to 3.5% on Thursday."
    assert "timeline" not in await finding_kinds(kb, right, day)


ECB_CUT = (
    "FRANKFURT, Sept 12, 2024 – The European Central Bank cut its deposit rate by a "
    "quarter of a percentage point to 3.5% on Thursday, its second cut this year, as "
    "inflation in the euro zone eased towards its 2% target.\n"
    "ECB President Christine Lagarde told reporters in Frankfurt that the bank was "
    'not committing to any particular path for rates. "We are not pre-committing to a'
    ' particular rate path," she said.\n'
    "The bank also lowered its growth forecast for the euro zone to 0.8% for this "
    "year, from 0.9% in June, citing weak consumer spending and a slump in German "
    "industry.\n"
    "Economists polled by Reuters had expected the cut. Most now see one more "
    "reduction in December.\n"
    "The ECB first lowered rates in June, ending a record run of ten consecutive "
    "hikes that began in July 2022.\n"
)


@pytest.mark.parametrize(
    ("text", "when", "verdict"),
    [
        pytest.param(
            "Mark Rutte became NATO Secretary General on Monday.",
            date(2024, 10, 3),
            "contradicted",
            id="start-a-day-early",
        ),
        pytest.param(
            "Jens Stoltenberg stepped down as NATO Secretary General on Monday.",
            date(2024, 10, 3),
            "contradicted",
            id="end-a-day-early",
        ),
        pytest.param(
            "Mark Rutte took office as NATO Secretary General on Tuesday.",
            date(2024, 10, 1),
            "supported",
            id="start-that-day",
        ),
        pytest.param(
            "Mark Rutte became NATO Secretary General on Monday.",
            date(2024, 12, 3),
            "unverified",
            id="weeks-later-another-monday",
        ),
    ],
)
async def test_the_weekday_an_office_began_or_ended_is_read_on_the_articles_day(
    kb: knowledge.KnowledgeBase, text: str, when: date, verdict: str
) -> None:
    """An article dated 3 October 2024 that says Rutte took office "on Monday" puts it on 30
    September; the seeds record 1 October (a Tuesday)."""
    assert await verdict_of(kb, text, when) == verdict


@pytest.mark.parametrize(
    ("text", "when", "flagged"),
    [
        pytest.param(
            "A year ago today, Russian forces began a full-scale invasion of Ukraine.",
            date(2023, 2, 24),
            False,
            id="a-year-ago-today",
        ),
        pytest.param(
            "Two years ago today, Russian forces began a full-scale invasion of Ukraine.",
            date(2024, 2, 24),
            False,
            id="two-years-ago-today",
        ),
        pytest.param(
            "Two years ago today, Russian forces began a full-scale invasion of Ukraine.",
            date(2023, 2, 24),
            True,
            id="one-year-too-many",
        ),
    ],
)
async def test_so_long_ago_today_is_that_day_back_then(
    kb: knowledge.KnowledgeBase, text: str, when: date, flagged: bool
) -> None:
    report = await kb.check(text, reference_date=when)
    assert bool(report.flagged) == flagged


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "The EU adopted its tenth sanctions package against Russia yesterday, a day after "
            "the first anniversary of the full-scale invasion.",
            date(2023, 2, 26),
            id="yesterday-of-the-sanctions",
        ),
        pytest.param(
            "Zelensky is in Washington today, on his first trip abroad since Russia's full-scale "
            "invasion began.",
            date(2022, 12, 21),
            id="today-of-the-visit",
        ),
        pytest.param(
            "Sweden, which applied in May 2022, became the 32nd member of NATO yesterday.",
            date(2024, 3, 8),
            id="yesterday-of-the-joining",
        ),
        pytest.param(
            "Stoltenberg, who spent Sunday and Monday in Seoul, urged South Korea to send "
            "arms to Ukraine.",
            date(2023, 1, 31),
            id="one-of-two-weekdays",
        ),
    ],
)
async def test_a_day_told_of_something_else_is_not_the_events(
    kb: knowledge.KnowledgeBase, text: str, when: date
) -> None:
    report = await kb.check(text, reference_date=when)
    assert report.flagged == []


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "Two years ago today Russia launched its full-scale invasion of Ukraine.",
            date(2023, 2, 24),
            id="launched-is-began",
        ),
        pytest.param(
            "Russia invaded Ukraine yesterday.", date(2023, 2, 25), id="yesterday-of-the-event"
        ),
        pytest.param(
            "Stoltenberg, who spent Tuesday and Wednesday in Seoul, urged South Korea to send "
            "arms to Ukraine.",
            date(2023, 2, 2),
            id="two-wrong-weekdays",
        ),
    ],
)
async def test_a_day_told_of_the_event_itself_is_still_checked(
    kb: knowledge.KnowledgeBase, text: str, when: date
) -> None:
    report = await kb.check(text, reference_date=when)
    assert report.flagged


@pytest.mark.parametrize(
    ("text", "when", "verdict"),
    [
        pytest.param(
            "Finland joined NATO on 4 May 2023, becoming the alliance's 31st member.",
            date(2023, 6, 1),
            "contradicted",
            id="finland-wrong-month",
        ),
        pytest.param(
            "Finland joined NATO on 4 April 2023, becoming the alliance's 31st member.",
            date(2023, 6, 1),
            "supported",
            id="finland-right",
        ),
        pytest.param(
            "Sweden became NATO's 32nd member on Wednesday.",
            date(2024, 3, 8),
            "contradicted",
            id="sweden-wrong-weekday",
        ),
        pytest.param(
            "The first Minsk agreement was signed on 5 September 2015.",
            date(2023, 9, 5),
            "contradicted",
            id="minsk-protocol-wrong-year",
        ),
        pytest.param(
            "Volodymyr Zelensky, who became Ukraine's president in May 2017, has led the country "
            "through the war.",
            date(2022, 9, 1),
            "contradicted",
            id="zelensky-wrong-start",
        ),
    ],
)
async def test_the_seeded_accessions_and_terms_of_office_are_checked(
    kb: knowledge.KnowledgeBase, text: str, when: date, verdict: str
) -> None:
    assert await verdict_of(kb, text, when) == verdict


@pytest.mark.parametrize(
    ("text", "when", "holder"),
    [
        pytest.param(
            "SEOUL, 30 January 2023 – South Korean President Moon Jae-in met NATO Secretary "
            "General Jens Stoltenberg in Seoul on Monday.",
            None,
            "the President of South Korea was Yoon Suk Yeol, not Moon Jae-in",
            id="title-before-an-unknown-name",
        ),
        pytest.param(
            "Klaus Iohannis is NATO's Secretary General.",
            date(2024, 6, 20),
            "the NATO Secretary General was Jens Stoltenberg, not Klaus Iohannis",
            id="said-outright",
        ),
        pytest.param(
            "Norwegian Prime Minister Erna Solberg said on Monday that Norway would help.",
            date(2010, 3, 1),
            "the Prime Minister of Norway was Jens Stoltenberg, not Erna Solberg",
            id="years-before-her-term",
        ),
    ],
)
async def test_an_office_given_to_someone_else_than_its_holder_that_day_is_flagged(
    kb: knowledge.KnowledgeBase, text: str, when: date | None, holder: str
) -> None:
    report = await kb.check(text, reference_date=when)
    (claim,) = report.claims
    assert claim.verdict == knowledge.Verdict.CONTRADICTED
    assert holder in claim.findings[0].message
    assert claim.findings[0].evidence


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "Acting South Korean President Choi Sang-mok said on Friday that Seoul would keep "
            "its policy.",
            date(2025, 1, 10),
            id="acting",
        ),
        pytest.param(
            "NATO Deputy Secretary General Mircea Geoana visited Kyiv on Monday.",
            date(2023, 5, 1),
            id="deputy",
        ),
        pytest.param(
            "Deputy NATO Secretary General Mircea Geoana visited Kyiv on Monday.",
            date(2023, 5, 1),
            id="deputy-before",
        ),
        pytest.param(
            "Norwegian Prime Minister Erna Solberg said on Monday that Norway would help.",
            date(2020, 3, 1),
            id="no-holder-on-record-that-day",
        ),
        pytest.param(
            "Mark Rutte, who will succeed Jens Stoltenberg as NATO Secretary General, visited "
            "Kyiv on Monday.",
            date(2024, 6, 24),
            id="to-come",
        ),
        pytest.param(
            "US President Joe Biden met Ukrainian President Volodymyr Zelensky in Kyiv on Monday.",
            date(2023, 2, 20),
            id="the-holder",
        ),
    ],
)
async def test_an_office_below_to_come_or_held_by_the_one_named_is_not_flagged(
    kb: knowledge.KnowledgeBase, text: str, when: date
) -> None:
    report = await kb.check(text, reference_date=when)
    assert report.flagged == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Vladimir Putin, who recognised the Donetsk and Luhansk people's republics on "
            "Saturday, declared on Tuesday that the Minsk agreements no longer existed.",
            True,
            id="first-event-wrong",
        ),
        pytest.param(
            "Vladimir Putin, who recognised the Donetsk and Luhansk people's republics on "
            "Monday, declared on Tuesday that the Minsk agreements no longer existed.",
            False,
            id="both-right",
        ),
    ],
)
async def test_each_recorded_event_a_sentence_tells_is_dated_by_its_own_act(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("timeline" in await finding_kinds(kb, text, date(2022, 2, 23))) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        pytest.param(
            "Mark Rutte took over from Jens Stoltenberg as NATO Secretary General on Monday.",
            True,
            id="took-over-from-wrong-day",
        ),
        pytest.param(
            "Mark Rutte succeeded Jens Stoltenberg as NATO Secretary General on Monday.",
            True,
            id="succeeded-wrong-day",
        ),
        pytest.param(
            "Mark Rutte succeeded Jens Stoltenberg as NATO Secretary General on Tuesday.",
            False,
            id="succeeded-right-day",
        ),
        pytest.param(
            "Mark Rutte took office as NATO Secretary General in Brussels on Monday.",
            True,
            id="where-it-began",
        ),
        pytest.param(
            "Jens Stoltenberg was succeeded by Mark Rutte as NATO Secretary General on Tuesday.",
            False,
            id="passive-right-day",
        ),
    ],
)
async def test_an_office_passed_on_or_taken_somewhere_is_dated_by_its_start(
    kb: knowledge.KnowledgeBase, text: str, flagged: bool
) -> None:
    assert ("timeline" in await finding_kinds(kb, text, date(2024, 10, 3))) is flagged
