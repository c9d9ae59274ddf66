"""A learned article backs a retelling only where it gives every detail the same way: a
person's title as the article gives it anywhere, a denial as well as what is denied, the end
of a period, the degree of a comparison. A weekday said beside its date, or a day to come
said alone, is that date."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

DAY = date(2026, 10, 14)
ARTICLE = (
    "Storm closes Adriatic ferry routes\n\n"
    "SPLIT, 14 October 2026 – Ferry operator Jadrolinija cancelled all crossings from Split "
    "on Tuesday and Wednesday as a storm brought winds of up to 120 kilometres per hour, the "
    "company said on Wednesday.\n\n"
    "Harbour master Ivana Kovač said services would remain suspended at least until Friday, "
    "16 October.\n\n"
    '"The worst of the storm is behind us, but the sea is still too rough," Kovač told '
    "reporters in Split.\n\n"
    "Goran Babić, head of the regional civil protection office, said about 300 firefighters "
    "and volunteers had been deployed along the coast. Forecasters expect the wind to ease "
    "by Saturday, 17 October.\n\n"
    "The smaller of the two ports, Makarska, reopened on Wednesday afternoon, while Split, "
    "the largest port in the region, stayed closed."
)


async def _report(kb: knowledge.KnowledgeBase, text: str) -> knowledge.Report:
    return await report_after_learning(kb, ARTICLE, text, DAY)


@pytest.mark.parametrize(
    "text",
    [
        # a title naming what its holder heads
        "Goran Babić, head of the national fire service, said about 300 firefighters and "
        "volunteers had been deployed along the coast.",
        # a denial of no content word ("not yet behind")
        "Kovač told reporters in Split that the worst of the storm was not yet behind them.",
        # another end of the period
        "Harbour master Ivana Kovač said services would remain suspended at least until "
        "17 October.",
    ],
)
async def test_a_retelling_with_one_detail_otherwise_is_not_backed(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await _report(kb, text)
    assert not any(c.verdict == knowledge.Verdict.SUPPORTED for c in report.claims), [
        c.reason for c in report.claims
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Harbour master Ivana Kovač said services would remain suspended at least until "
        "16 October.",
        "Kovač told reporters in Split that the worst of the storm was behind them.",
        "Goran Babić, head of the regional civil protection office, said about 300 "
        "firefighters and volunteers had been deployed along the coast.",
    ],
)
async def test_the_same_details_are_backed(kb: knowledge.KnowledgeBase, text: str) -> None:
    report = await _report(kb, text)
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.SUPPORTED], [
        c.reason for c in report.claims
    ]


MUSEUM = (
    "Thieves snatch jewels in six-minute Lyon museum raid\n\n"
    "LYON, 6 November 2026 – Three masked men forced open a ground-floor window of the Musée "
    "Delorme at about 4:40 a.m. on Wednesday, smashed two display cases and fled on two "
    "scooters, Lyon prosecutor Hélène Marchal said on Friday.\n\n"
    '"This was a meticulously prepared operation by people who knew exactly what they were '
    'looking for," Marchal told a news conference.'
)
BATTERIES = (
    "Battery maker cuts jobs\n\n"
    "STOCKHOLM, 24 September 2026 – Swedish battery maker Norrcell said on Thursday it would "
    "cut about 1,100 jobs.\n\n"
    "Chief executive Anna Lindqvist said the company's largest customer, which she did not "
    "name, had cut its orders for 2027 by about 40 percent."
)
BANKS = (
    "Two lenders agree merger\n\n"
    "MILAN, 3 March 2025 – Credito Lombardo Unito and Banca Adriatica have agreed to merge in "
    "an all-share deal that values the smaller Adriatica at 4.8 billion euros and will create "
    "Italy's fourth-largest bank by assets, the two lenders said on Monday."
)


@pytest.mark.parametrize(
    ("article", "published", "retold", "otherwise"),
    [
        (  # the title the article gives her in another sentence than the one retold
            MUSEUM,
            date(2026, 11, 6),
            "Marchal said the raid was a meticulously prepared operation by people who knew "
            "exactly what they were looking for.",
            "Investigating judge Hélène Marchal said the raid was a meticulously prepared "
            "operation by people who knew exactly what they were looking for.",
        ),
        (  # a verb denied in the statement's relative clause, said in the claim
            BATTERIES,
            date(2026, 9, 24),
            "Lindqvist said the company's largest customer, which she did not name, had cut "
            "its orders for 2027 by about 40 percent.",
            "Lindqvist named the company's largest customer and said it had cut its orders for "
            "2027 by about 40 percent.",
        ),
        (  # a comparative matched only by a superlative, its opposite in the sentence
            BANKS,
            date(2025, 3, 3),
            "The all-share deal values the smaller of the two lenders, Adriatica, at 4.8 "
            "billion euros.",
            "The all-share deal values the larger of the two lenders, Adriatica, at 4.8 "
            "billion euros.",
        ),
    ],
)
async def test_the_article_backs_its_own_detail_not_another(
    kb: knowledge.KnowledgeBase, article: str, published: date, retold: str, otherwise: str
) -> None:
    await kb.curator.learn(article, source="https://example.org/article", published=published)
    faithful = await kb.check(retold, reference_date=published)
    changed = await kb.check(otherwise, reference_date=published)
    assert [c.verdict for c in faithful.claims] == [knowledge.Verdict.SUPPORTED]
    assert not any(c.verdict == knowledge.Verdict.SUPPORTED for c in changed.claims)
