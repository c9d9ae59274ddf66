"""Schema v8 and v10: statements in the old rating wording (ClaimReview imports, curators' rated
answers) become rated claims."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

import knowledge
from knowledge.retrieval import TEXT_INDEX
from knowledge.retrieval.terms import index_terms
from knowledge.store import open_store
from knowledge.store.legacy import legacy_review
from knowledge.store.schema import MIGRATIONS

OLD = (
    "Example Check rated as “False” the claim by a news blog that “NATO has imposed "
    "sanctions on Russia.” (claim made 2023-01-30)."
)


async def test_old_claimreview_statements_become_rated_claims(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    async with aiosqlite.connect(path) as conn:
        for script in MIGRATIONS[:5]:
            await conn.executescript(script.replace("index_terms(text)", "terms"))
        await conn.execute(
            "INSERT INTO statements (text, kind, event_date, quote, source_title, source_url,"
            " source_published, added_at, updated_at, terms) VALUES (?, 'event', '2023-02-02',"
            " ?, 'Example Check fact check', 'https://check.example/n', '2023-02-02', '', '',"
            " 'x')",
            (OLD, "NATO has imposed sanctions on Russia."),
        )
        await conn.execute(
            "INSERT INTO statements (text, kind, added_at, updated_at)"
            " VALUES ('An ordinary statement.', 'fact', '', '')"
        )
        await conn.execute("PRAGMA user_version = 5")
        await conn.commit()
    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        rated, ordinary = await store.statements.get(1), await store.statements.get(2)
        assert rated.text == "NATO has imposed sanctions on Russia."
        assert (rated.event_date, rated.quote) == ("2023-01-30", None)
        review = (await store.reviews.of([1, 2]))[1]
        assert (review.checker, review.rating, review.claimant) == (
            "Example Check",
            "False",
            "a news blog",
        )
        assert (review.url, review.review_date) == ("https://check.example/n", "2023-02-02")
        assert ordinary.text == "An ordinary statement." and 2 not in await store.reviews.of([2])
        found = await store.index.matches('"sanction"', ranked=False, size=10, title_weight=1.0)
        assert [statement_id for statement_id, _, _ in found] == [1]
    finally:
        await store.close()


BUG = "Health Desk rated as “False” the claim that “Drinking bleach cures the flu”."


async def _file_at_v9(path: Path, rows: list[tuple[str, str | None, str | None]]) -> None:
    """A knowledge-base file as schema v9 left it, holding statements (text, quote, source)."""
    async with aiosqlite.connect(path) as conn:
        await conn.create_function("index_terms", 1, index_terms, deterministic=True)
        await conn.create_function("legacy_review", 2, legacy_review, deterministic=True)
        for script in MIGRATIONS[:9]:
            await conn.executescript(script)
        for text, quote, source in rows:
            await conn.execute(
                "INSERT INTO statements (text, kind, quote, source_title, added_by, added_at,"
                " updated_at, terms) VALUES (?, 'fact', ?, ?, 'Cora (5001)',"
                " '2026-11-30T10:00:00+00:00', '2026-11-30T10:00:00+00:00', index_terms(?))",
                (text, quote, source, text),
            )
        await conn.execute("PRAGMA user_version = 9")
        await conn.commit()


async def test_answers_stored_as_rating_sentences_become_rated_claims(tmp_path: Path) -> None:
    path = tmp_path / "kb.sqlite"
    unproven = "The curators rated as “Unproven” the claim that “Poland spends 10 percent on arms”."
    await _file_at_v9(
        path,
        [
            (BUG, "Drinking bleach cures the flu.", "Health Desk"),
            (unproven, None, None),
            ("Oslo banned private cars from its centre in 2019.", None, None),
        ],
    )
    async with knowledge.open_kb(path) as kb:
        bleach, poland, oslo = (await kb.store.statements.get_many([1, 2, 3])).values()
        assert (bleach.text, bleach.quote) == ("Drinking bleach cures the flu.", None)
        assert poland.text == "Poland spends 10 percent on arms"
        reviews = await kb.store.reviews.of([1, 2, 3])
        assert (reviews[1].checker, reviews[1].rating) == ("Health Desk", "False")
        assert reviews[1].review_date == "2026-11-30"
        assert (reviews[2].checker, reviews[2].rating) == ("The curators", "Unproven")
        assert 3 not in reviews and oslo.text.startswith("Oslo banned")
        report = await kb.check("Drinking bleach cures the flu.")
        assert [c.verdict for c in report.claims] == [knowledge.Verdict.CONTRADICTED]
        assert "Rated False by Health Desk" in report.claims[0].reason
        report = await kb.check("Poland spends 10 percent on arms.")
        assert [c.verdict for c in report.claims] == [knowledge.Verdict.UNVERIFIED]
        hits = await kb.search("bleach flu")
        assert [s.id for s, _ in hits] == [1]
