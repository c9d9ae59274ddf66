"""A learned article is read whole: its sentences that are not learned as statements (a vote
told beside a condition, an economists' forecast, an opinion in a quote) are kept beside its
statements, so a claim giving a figure from one of them does not "never give" it. The articles
are parts of ones our probe writers wrote for the retellings benchmark; each retelling was
flagged before article sentences were kept."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge

REFERENDUM = (
    "Graz abandons 2042 Winter Olympics bid after referendum defeat\n\n"
    "In Sunday's vote, 57.8 percent of voters in Graz said no to the bid and 42.2 percent"
    " backed it. Turnout was 46 percent, with about 106,000 of the city's 231,000 "
    "registered voters casting a ballot. In the ski resort of Schladming, which would "
    "have staged the Alpine skiing events and held its own vote on the same day, 64 "
    "percent voted in favour, but the bid could not go ahead without Graz, which was to "
    "host the opening ceremony and all ice events.\n\n"
    "Pichler denied opposition claims that the city had overspent on its campaign, saying"
    " it had used 4.1 million euros of the 4.5 million set aside for the bid. A visit by "
    "the IOC's Future Host Commission to Graz and Schladming, scheduled for Wednesday, 23"
    " September, has been called off."
)

RATE_VOTE = (
    "Chile's central bank cuts rate to 4.25% in split vote as inflation cools\n\n"
    "The decision, announced after markets closed on 27 January, surprised many "
    "investors. Eleven of 18 economists surveyed by the financial daily El Mercurio "
    "Inversiones last week had forecast that the rate would be held at 4.50 percent. "
    "Board members Tomás Ibáñez and Rosa Valdivia voted to keep borrowing costs "
    "unchanged, according to the bank's statement.\n\n"
    "In its quarterly monetary policy report, also published on Wednesday, the bank "
    "lowered its forecast for economic growth this year to between 2.0 and 2.75 percent, "
    "from 2.25 to 3.0 percent previously, citing weaker investment in mining and softer "
    "demand from China, Chile's largest trading partner. It expects inflation to reach "
    "its 3 percent target in the first half of 2027."
)


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (
            REFERENDUM,
            date.fromisoformat("2026-06-16"),
            "Schladming, which was to have hosted the Alpine skiing events, backed the project with 64 percent of the vote, whereas a majority in Graz opposed it.",
        ),
        (
            RATE_VOTE,
            date.fromisoformat("2026-01-28"),
            "Three members of the board voted for the cut, while Tomás Ibáñez and Rosa Valdivia wanted to keep the rate at 4.50 percent.",
        ),
    ],
)
async def test_a_figure_from_a_sentence_not_learned_is_the_article_s(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    await kb.curator.learn(article, source="https://example.org/article", published=published)
    report = await kb.check(text, reference_date=published)
    assert not report.flagged, [c.reason for c in report.flagged]


async def test_the_figure_changed_is_still_flagged(kb: knowledge.KnowledgeBase) -> None:
    published = date.fromisoformat("2026-06-16")
    await kb.curator.learn(REFERENDUM, source="https://example.org/article", published=published)
    report = await kb.check(
        "Schladming, which was to have hosted the Alpine skiing events, backed the project "
        "with 46 percent of the vote, whereas a majority in Graz opposed it.",
        reference_date=published,
    )
    assert report.flagged


async def test_the_sentences_not_learned_are_kept_with_the_article(
    kb: knowledge.KnowledgeBase,
) -> None:
    published = date.fromisoformat("2026-01-28")
    ids = await kb.curator.learn(
        RATE_VOTE, source="https://example.org/article", published=published
    )
    statement = await kb.curator.store.statements.get(ids[0])
    kept = await kb.curator.store.articles.of(statement.source)
    assert any("held at 4.50 percent" in text for text in kept)
    learned = [(await kb.curator.store.statements.get(i)).text for i in ids]
    assert not any("held at 4.50 percent" in text for text in learned)
