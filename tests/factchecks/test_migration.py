"""Schema v6: statements imported from ClaimReview in the old wording become rated claims."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from knowledge.store import open_store
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
    store = await open_store(path)
    try:
        rated, ordinary = await store.get(1), await store.get(2)
        assert rated.text == "NATO has imposed sanctions on Russia."
        assert (rated.event_date, rated.quote) == ("2023-01-30", None)
        review = (await store.reviews([1, 2]))[1]
        assert (review.checker, review.rating, review.claimant) == (
            "Example Check",
            "False",
            "a news blog",
        )
        assert (review.url, review.review_date) == ("https://check.example/n", "2023-02-02")
        assert ordinary.text == "An ordinary statement." and 2 not in await store.reviews([2])
        found = await store.index.matches('"sanction"', ranked=False, size=10, title_weight=1.0)
        assert [statement_id for statement_id, _, _ in found] == [1]
    finally:
        await store.close()
