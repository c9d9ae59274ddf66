"""Fixtures for the bot tests: the fake Bot API server and the real bot running against it."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

sys.path.append(str(Path(__file__).resolve().parents[1]))  # for fake_telegram, shared by suites

from bot_harness import TOKEN, RunningBot, run_bot  # noqa: E402
from fake_telegram import FakeTelegram  # noqa: E402

import knowledge  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402

ARTICLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base file seeded once per session; tests get their own copy."""
    path = tmp_path_factory.mktemp("seeded") / "kb.sqlite"

    async def seed() -> None:
        async with knowledge.open_kb(str(path)):
            pass

    asyncio.run(seed())
    return path


@pytest.fixture
def db_path(seeded_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "kb.sqlite"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{seeded_db}{suffix}").exists():
            shutil.copy(f"{seeded_db}{suffix}", f"{copy}{suffix}")
    return copy


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram(TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def make_settings(fake: FakeTelegram, db_path: Path) -> Callable[..., Settings]:
    """Settings for a test bot: the fake server, a fresh KB copy, overrides by field name."""

    def build(**overrides: Any) -> Settings:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": fake.base_url,
            "FACTCHECK_DB": str(db_path),
            "CHECK_WORKERS": "0",
            "POLL_TIMEOUT": "5",
        }
        env.update({key.upper(): str(value) for key, value in overrides.items()})
        return load_settings(env)

    return build


@pytest_asyncio.fixture
async def bot(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    async with run_bot(fake, make_settings()) as running_bot:
        yield running_bot


@pytest.fixture(scope="session")
def articles() -> Iterator[dict[str, str]]:
    yield {
        "rewritten": (ARTICLES / "rewritten.txt").read_text(encoding="utf-8"),
        "cnn": (ARTICLES / "cnn_excerpt.txt").read_text(encoding="utf-8"),
    }
