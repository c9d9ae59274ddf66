"""The bot prunes the page cache as it starts, within its settings; fresh pages stay served."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from bot_harness import TOKEN, run_bot
from fake_telegram import FakeTelegram

from bot.settings import Settings, SettingsError, load_settings
from knowledge.fetch import Article, PageCache
from knowledge.retrieval import TEXT_INDEX
from knowledge.store import open_store

PAGE = Article("https://a.example/x", "https://a.example/x", "A", "a.example", None, "Hi")


async def _cache_pages(path: Path, ages: dict[str, timedelta]) -> None:
    store = await open_store(path, text_index=TEXT_INDEX)
    try:
        now = datetime.now(UTC)
        for url, age in ages.items():
            await PageCache(store.pages, clock=lambda age=age: now - age).put_article(url, PAGE)
    finally:
        await store.close()


async def test_old_pages_are_gone_after_start_and_a_fresh_page_is_served(
    fake: FakeTelegram, make_settings: Callable[..., Settings], db_path: Path
) -> None:
    old, fresh = "https://old.example/", "https://fresh.example/"
    await _cache_pages(db_path, {old: timedelta(hours=5), fresh: timedelta(minutes=10)})

    async with run_bot(fake, make_settings(page_cache_max_age_hours=2)) as bot:
        pages = bot.services.kb.pages
        assert await bot.services.kb.store.pages.count() == 1
        served = await pages.get(fresh, ttl=timedelta(hours=6), failure_ttl=timedelta(0))
    assert served is not None and served.text == "Hi"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        pytest.param("PAGE_CACHE_MAX_AGE_HOURS", "0", id="age"),
        pytest.param("PAGE_CACHE_MAX_PAGES", "none", id="pages"),
    ],
)
def test_a_bad_page_cache_setting_gives_one_line(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name) as caught:
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, name: value})
    assert "\n" not in str(caught.value)


def test_the_page_cache_settings_become_its_limits() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "PAGE_CACHE_MAX_AGE_HOURS": "1.5",
            "PAGE_CACHE_MAX_PAGES": "9",
        }
    )
    limits = settings.page_cache_limits()
    assert (limits.max_age, limits.max_pages) == (timedelta(minutes=90), 9)
