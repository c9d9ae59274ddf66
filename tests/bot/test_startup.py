"""Starting and staying up: settings errors, a rejected token, optional steps, the error handler."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from bot_harness import RunningBot, run_bot
from fake_telegram import ApiError, FakeTelegram

from bot.app import APOLOGY
from bot.settings import Settings, SettingsError, load_settings

GOOD_TOKEN = "123456789:" + "A" * 35
REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        pytest.param({}, "TELEGRAM_BOT_TOKEN is not set", id="missing"),
        pytest.param({"TELEGRAM_BOT_TOKEN": "  "}, "TELEGRAM_BOT_TOKEN is empty", id="blank"),
        pytest.param({"TELEGRAM_BOT_TOKEN": "12345"}, "does not look like a bot token", id="bad"),
        pytest.param(
            {"TELEGRAM_BOT_TOKEN": GOOD_TOKEN, "CHECK_WORKERS": "many"}, "CHECK_WORKERS", id="int"
        ),
    ],
)
def test_bad_settings_give_one_line(environ: dict[str, str], expected: str) -> None:
    with pytest.raises(SettingsError, match=expected) as caught:
        load_settings(environ)
    assert "\n" not in str(caught.value)


def test_settings_parse_lists_and_webhook_path() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": GOOD_TOKEN,
            "ADMIN_IDS": "1, 2 3",
            "WEBHOOK_URL": "https://x.org/tg/hook",
        }
    )
    assert settings.admin_ids == {1, 2, 3}
    assert settings.webhook_path == "tg/hook"
    assert GOOD_TOKEN not in repr(settings)


def test_python_m_bot_without_a_token_prints_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "TELEGRAM_BOT_TOKEN is not set" in done.stderr


async def test_rejected_token_is_a_settings_error(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    with pytest.raises(SettingsError, match="rejected"):
        async with run_bot(fake, make_settings(telegram_bot_token=GOOD_TOKEN)):
            pass


async def test_failing_command_menu_only_warns(
    fake: FakeTelegram, make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    fake.failures["setmycommands"] = ApiError(400, "Bad Request: not today")
    async with run_bot(fake, make_settings()):
        user = fake.user("Gus")
        chat = fake.private_chat(user)
        fake.send(chat, "/help", sender=user)
        await fake.wait_for_message(chat)
    assert any(
        r.levelno == logging.WARNING and "command list" in r.getMessage() for r in caplog.records
    )


async def test_unexpected_errors_are_logged_and_apologised_for(
    bot: RunningBot, fake: FakeTelegram, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(bot.services.pool, "check", broken)
    user = fake.user("Hal")
    message = fake.send(fake.private_chat(user), "Some article text to check.", sender=user)
    reply = await fake.wait_for_message(message["chat"])
    assert reply.text == APOLOGY
    assert any(r.exc_info and "disk on fire" in str(r.exc_info[1]) for r in caplog.records)
    assert bot.services.throttle.pending() == 0  # the user's place in the queue was freed
    again = fake.send(message["chat"], "/help", sender=user)
    await fake.wait_for_message(again["chat"], number=2)


async def test_webhook_mode_receives_updates_with_the_secret(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    port = _free_port()
    settings = make_settings(
        webhook_url=f"http://127.0.0.1:{port}/tg/hook", webhook_listen="127.0.0.1",
        webhook_port=port, webhook_secret="s3cret-token",
    )  # fmt: skip
    async with run_bot(fake, settings):
        (registered,) = [params for name, params in fake.calls if name == "setwebhook"]
        assert registered["secret_token"] == "s3cret-token"
        user = fake.user("Ivy")
        chat = fake.private_chat(user)
        update = {"update_id": 1, "message": {"message_id": 1, "date": 1675080000, "chat": chat,
                                              "from": user, "text": "/help", "entities": [
                      {"type": "bot_command", "offset": 0, "length": 5}]}}  # fmt: skip
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/tg/hook"
            refused = await client.post(url, json=update)
            accepted = await client.post(
                url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            )
        assert refused.status_code == 403 and accepted.status_code == 200
        assert "/check" in (await fake.wait_for_message(chat)).text
    assert not [name for name, _ in fake.calls if name == "getupdates"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.timeout(180)
async def test_the_bot_polls_before_its_check_workers_are_up_and_answers_once_they_are(
    fake: FakeTelegram, make_settings: Callable[..., Settings]
) -> None:
    user = fake.user("Jo")
    chat = fake.private_chat(user)
    waiting = fake.send(chat, "Mark Rutte became NATO Secretary General in 2019.", sender=user)
    async with run_bot(fake, make_settings(check_workers=2)) as running_bot:
        await fake.wait_for(lambda: any(name == "getupdates" for name, _ in fake.calls))
        assert running_bot.services.pool.worker_pids() == []  # polling while they start
        reply = await fake.wait_for_reply(waiting, timeout=150)
        assert reply.text.startswith("🚩") and running_bot.services.pool.worker_pids()


@pytest.mark.timeout(120)
async def test_check_workers_that_cannot_start_are_logged_at_once_and_checks_get_an_apology(
    fake: FakeTelegram, make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    async def broken(self: Any) -> None:
        raise RuntimeError("the language pipeline is missing")

    monkeypatch.setattr("knowledge.pool.WorkerProcess.start", broken)
    async with run_bot(fake, make_settings(check_workers=2)):
        await fake.wait_for(
            lambda: any(
                r.levelno == logging.ERROR and "every check fails" in r.getMessage()
                for r in caplog.records
            )
        )
        user = fake.user("Kit")
        chat = fake.private_chat(user)
        fake.send(chat, "NATO met on Monday in Brussels.", sender=user)
        assert (await fake.wait_for_message(chat)).text == APOLOGY
    failed = [r.getMessage() for r in caplog.records if "every check fails" in r.getMessage()]
    assert "no check worker could start: the language pipeline is missing" in failed[0]
