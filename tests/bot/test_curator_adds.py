"""/kb_add and /kb_rule add: dates read as an import reads them, duplicates refused."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date

import pytest
import pytest_asyncio
from bot_harness import RunningBot, run_bot
from fake_telegram import JSON, FakeTelegram, telegram_text

from bot.settings import Settings

CURATOR_ID = 5002
RULE = "/kb_rule add zorblat committee\nfrom: {when}\nbecause: It was renamed the Zorblat Council."


@pytest_asyncio.fixture
async def curated(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[RunningBot]:
    settings = make_settings(admin_ids=str(CURATOR_ID))
    async with run_bot(fake, settings) as running_bot:
        yield running_bot


@pytest.fixture
def curator(fake: FakeTelegram) -> tuple[JSON, JSON]:
    user = fake.user("Cora", user_id=CURATOR_ID)
    return user, fake.private_chat(user)


async def _say(fake: FakeTelegram, who: tuple[JSON, JSON], text: str) -> str:
    message = fake.send(who[1], text, sender=who[0])
    return telegram_text((await fake.wait_for_reply(message)).text, "HTML")


@pytest.mark.parametrize(
    ("when", "said"),
    [
        pytest.param("2014-03", "'2014-03' must be a full date like 2022-02-24", id="month"),
        pytest.param("20140307", "'20140307' is not a date like 2023-01-30", id="compact"),
        pytest.param("2014-02-30", "'2014-02-30' is not a calendar date", id="no-such-day"),
    ],
)
async def test_a_bad_rule_date_is_refused_as_an_import_refuses_it(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON], when: str, said: str
) -> None:
    rules = (await curated.services.kb.curator.rule_list()).rules
    assert said in await _say(fake, curator, RULE.format(when=when))
    assert (await curated.services.kb.curator.rule_list()).rules == rules


async def test_a_rule_is_added_once(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    assert "Added rule" in await _say(fake, curator, RULE.format(when=" 2014-03-07 "))
    (rule,) = [
        r
        for r in (await curated.services.kb.curator.rule_list()).rules
        if r.pattern == "zorblat committee"
    ]
    assert rule.applies_from == date(2014, 3, 7)
    again = await _say(fake, curator, RULE.format(when="2015-01-01"))
    assert f"Rule {rule.id} already has this pattern" in again


async def test_a_statement_is_added_once(
    curated: RunningBot, fake: FakeTelegram, curator: tuple[JSON, JSON]
) -> None:
    added = await _say(fake, curator, "/kb_add The Zorblat Council met in Oslo.\ndate: 2014-03")
    assert "Invalid" not in added
    (found,) = [
        s
        for s, _ in await curated.services.kb.search("zorblat council oslo")
        if "Zorblat" in s.text
    ]
    assert found.event_date == "2014-03"
    again = await _say(fake, curator, "/kb_add The Zorblat Council met in Oslo.")
    assert f"Statement {found.id} already says this" in again
