"""The bot's settings, read once at start-up from the environment and `.env`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from knowledge import RELATED_FLOOR, FetchLimits, PageCacheLimits

_TOKEN_PATTERN = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{30,}$")

_TOKEN_HELP = "get one from @BotFather and put it in the environment or in .env"


class SettingsError(Exception):
    """The settings are missing or malformed; the message is one line for the operator."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment (see .env.example for each one)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    telegram_bot_token: SecretStr
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    factcheck_db: str = "factcheck.sqlite"

    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)

    check_workers: int = Field(default=2, ge=0, le=64)
    check_budget_seconds: float = Field(default=60.0, gt=0, le=3600)
    concurrent_updates: int = Field(default=64, ge=1, le=1024)
    user_queue_limit: int = Field(default=25, ge=1, le=1000)
    user_queue_total: int = Field(default=56, ge=1, le=100_000)  # below concurrent_updates
    admin_cache_seconds: float = Field(default=600.0, ge=0)
    autocheck_min_chars: int = Field(default=400, ge=1)
    group_min_confidence: float = Field(default=0.9, ge=0.0, le=1.0)
    group_cards_per_minute: int = Field(default=10, ge=1, le=20)
    callback_cache_size: int = Field(default=1024, ge=16, le=100_000)
    reply_index_size: int = Field(default=10_000, ge=1, le=1_000_000)
    article_join_seconds: float = Field(default=2.0, ge=0.0, le=30.0)
    article_join_min_chars: int = Field(default=3000, ge=1, le=4096)
    poll_timeout: int = Field(default=30, ge=0, le=60)
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    log_level: str = "INFO"

    request_expiry_days: int = Field(default=30, ge=1, le=365)
    requests_per_person: int = Field(default=20, ge=1, le=1000)
    request_recheck_seconds: float = Field(default=30.0, ge=0.05, le=3600)
    related_min_score: float = Field(default=RELATED_FLOOR, ge=0.0, le=1.01)

    fetch_connect_timeout: float = Field(default=5.0, gt=0, le=120)
    fetch_total_timeout: float = Field(default=15.0, gt=0, le=600)
    fetch_max_redirects: int = Field(default=5, ge=0, le=30)
    fetch_max_bytes: int = Field(default=2_000_000, ge=1)
    fetch_allow_private: bool = False
    page_cache_max_age_hours: float = Field(default=24.0, gt=0, le=24 * 365)
    page_cache_max_pages: int = Field(default=2_000, ge=1, le=1_000_000)
    kb_write_wait_seconds: float = Field(default=10.0, gt=0, le=300)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if not token:
            raise ValueError(f"TELEGRAM_BOT_TOKEN is empty: {_TOKEN_HELP}")
        if not _TOKEN_PATTERN.match(token):
            raise ValueError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token "
                "(digits, a colon, then letters, digits, '_' or '-'): copy it again from @BotFather"
            )
        return SecretStr(token)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(int(part) for part in re.split(r"[,\s]+", value.strip()) if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("webhook_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    def fetch_limits(self) -> FetchLimits:
        """The limits for fetching forwarded links; build once at start-up and pass down."""
        return FetchLimits(
            connect_timeout=self.fetch_connect_timeout,
            total_timeout=self.fetch_total_timeout,
            max_redirects=self.fetch_max_redirects,
            max_bytes=self.fetch_max_bytes,
            allow_private=self.fetch_allow_private,
        )

    def page_cache_limits(self) -> PageCacheLimits:
        """How long fetched pages are kept and how many; pruned at start and on each fetch."""
        return PageCacheLimits(
            max_age=timedelta(hours=self.page_cache_max_age_hours),
            max_pages=self.page_cache_max_pages,
        )

    @property
    def token(self) -> str:
        return self.telegram_bot_token.get_secret_value()

    @property
    def webhook_path(self) -> str:
        """The URL path the webhook listens on: the path part of WEBHOOK_URL."""
        url = self.webhook_url or ""
        path = url.split("://", 1)[-1].partition("/")[2]
        return path.strip("/")


def load_settings(
    environ: Mapping[str, str] | None = None, *, env_file: str | None = ".env"
) -> Settings:
    """Build the settings from `environ` (or the process environment plus `env_file`)."""
    try:
        if environ is None:
            return Settings(_env_file=env_file)  # type: ignore[call-arg]
        return Settings.model_validate({key.lower(): value for key, value in environ.items()})
    except ValidationError as error:
        raise SettingsError(_first_problem(error)) from None


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    name = str(problem["loc"][0]).upper() if problem["loc"] else "settings"
    if problem["type"] == "missing":
        if name == "TELEGRAM_BOT_TOKEN":
            return f"TELEGRAM_BOT_TOKEN is not set: {_TOKEN_HELP} (see .env.example)"
        return f"{name} is not set (see .env.example)"
    message = str(problem["msg"]).removeprefix("Value error, ")
    return message if message.startswith(name) else f"{name}: {message}"
