"""Wiring the bot: the Application, its services, start-up, polling or webhook, and shutdown."""

from __future__ import annotations

import asyncio
import logging
import secrets
import signal
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager, suppress
from typing import Any

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ChatType, ParseMode, UpdateType
from telegram.error import InvalidToken, TelegramError
from telegram.ext import AIORateLimiter, Application, ContextTypes, Defaults

import knowledge
from bot.auth import AdminCache
from bot.chats import ChatSettingsTable
from bot.context import Services, attach
from bot.followup import follow_ups
from bot.handlers import asks, curators, group_admins, readers
from bot.i18n import N_, for_user
from bot.joiner import ArticleJoiner
from bot.replies import ReplyIndex
from bot.settings import Settings, SettingsError, load_settings
from bot.throttle import CardBudget, UserThrottle
from knowledge import CheckPool, CuratorDesk

log = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

ALLOWED_UPDATES = [
    UpdateType.MESSAGE, UpdateType.EDITED_MESSAGE, UpdateType.CALLBACK_QUERY,
    UpdateType.CHAT_MEMBER,
]  # fmt: skip

COMMANDS = [
    BotCommand("check", "Check the message you reply to (or the text after /check)"),
    BotCommand("help", "What I do and how to use me in a group"),
    BotCommand("settings", "This group's settings"),
    BotCommand("autocheck", "Admins: check forwarded and long messages, on or off"),
    BotCommand("quiet", "Admins: reply only when something is flagged, on or off"),
    BotCommand("reload_admins", "Admins: refresh this group's admin list"),
    BotCommand("kb_find", "Search the knowledge base"),
    BotCommand("kb_show", "One knowledge-base entry in full, with its history"),
    BotCommand("kb_stats", "Knowledge-base counts and last change"),
    BotCommand("privacy", "What I keep about you, and for how long"),
]

APOLOGY = N_("Sorry, something went wrong on my side while handling that. Please try again later.")


def run(settings: Settings | None = None) -> None:
    """Run the bot until SIGINT or SIGTERM (polling, or a webhook when WEBHOOK_URL is set).

    Raises SettingsError (one line for the operator) for bad settings or a rejected token.
    """
    settings = settings if settings is not None else load_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    asyncio.run(serve(settings))


async def serve(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Run the bot until `stop` is set (by default: until SIGINT or SIGTERM)."""
    stop = stop if stop is not None else _stop_on_signals()
    application = build_application(settings)
    async with open_services(settings) as shared, running(application, shared):
        log.info("bot running; stop with Ctrl+C")
        await stop.wait()


def build_application(settings: Settings) -> AnyApplication:
    """The Application with every handler, pointed at TELEGRAM_BASE_URL; not started."""
    defaults = Defaults(
        parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .defaults(defaults)
        .concurrent_updates(settings.concurrent_updates)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .arbitrary_callback_data(settings.callback_cache_size)
        .build()
    )
    for handler in readers.handlers() + group_admins.handlers() + curators.handlers():
        application.add_handler(handler)
    asks.register(application)
    application.add_error_handler(on_error)
    return application


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    """Open the knowledge base (the chat settings among its tables) and the check pool for
    the life of the bot; the page cache is pruned as the knowledge base opens."""
    pages = settings.page_cache_limits()
    async with knowledge.open_kb(
        settings.factcheck_db, pages=pages, write_wait=settings.kb_write_wait_seconds
    ) as kb:
        pool = CheckPool(
            settings.factcheck_db,
            workers=settings.check_workers,
            kb=kb,
            budget=settings.check_budget_seconds,
            background=True,  # poll at once; the workers load spaCy and the KB meanwhile
        )
        async with pool, _reported(pool.ready(), "check workers"):
            yield Services(
                settings=settings,
                kb=kb,
                pool=pool,
                admins=AdminCache(ttl=settings.admin_cache_seconds),
                throttle=UserThrottle(
                    limit=settings.user_queue_limit, total=settings.user_queue_total
                ),
                fetch_limits=settings.fetch_limits(),
                cards=CardBudget(per_minute=settings.group_cards_per_minute),
                replies=ReplyIndex(size=settings.reply_index_size),
                joiner=ArticleJoiner(
                    window=settings.article_join_seconds,
                    min_chars=settings.article_join_min_chars,
                ),
                requests=CuratorDesk(
                    kb,
                    expiry_days=settings.request_expiry_days,
                    per_person=settings.requests_per_person,
                ),
                chats=ChatSettingsTable(kb.chats),
            )


@asynccontextmanager
async def _reported(start: Awaitable[None], what: str) -> AsyncIterator[None]:
    """Log when `start` (a background start-up) is done, or why it failed, while the bot runs."""

    async def report() -> None:
        try:
            await start
        except Exception as error:  # the operator's log says it at once, not only per check
            log.error("%s: %s; every check fails until the bot is restarted", what, error)
        else:
            log.info("%s ready", what)

    task = asyncio.get_running_loop().create_task(report())
    try:
        yield
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


@asynccontextmanager
async def running(application: AnyApplication, shared: Services) -> AsyncIterator[AnyApplication]:
    """Start `application` with `shared` attached; stop it cleanly on the way out."""
    attach(application, shared)
    await _initialize(application)
    try:
        await _set_commands(application)
        await _start_receiving(application, shared.settings)
        await application.start()
        try:
            async with follow_ups(application.bot, shared):
                yield application
        finally:
            await _stop(application)
    finally:
        await application.shutdown()


async def _initialize(application: AnyApplication) -> None:
    """Connect and fetch the bot's identity; a rejected token becomes a SettingsError."""
    try:
        await application.initialize()
    except BaseException as error:
        await application.bot.shutdown()  # close the HTTP clients opened before the failure
        if isinstance(error, InvalidToken):
            raise SettingsError(
                "Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather"
            ) from None
        raise


async def _start_receiving(application: AnyApplication, settings: Settings) -> None:
    updater = application.updater
    if updater is None:
        raise RuntimeError("the application was built without an updater")
    if settings.webhook_url:
        secret = settings.webhook_secret
        await updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=secret.get_secret_value() if secret else secrets.token_urlsafe(32),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        await updater.start_polling(timeout=settings.poll_timeout, allowed_updates=ALLOWED_UPDATES)


async def _stop(application: AnyApplication) -> None:
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()


async def _set_commands(application: AnyApplication) -> None:
    """Nice to have: the command menu. A failure is logged, not fatal."""
    try:
        await application.bot.set_my_commands(COMMANDS)
    except TelegramError as error:
        log.warning("could not set the command list: %s", error)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log with the traceback, apologise briefly where it is welcome.
    A knowledge base busy with another writer is no fault: that is said as it is."""
    busy = isinstance(context.error, knowledge.KnowledgeBaseBusy)
    if busy:
        log.warning("a write waited too long for the knowledge base: %s", context.error)
    else:
        log.error("error while handling an update", exc_info=context.error)
    if not isinstance(update, Update):
        return
    if update.callback_query is not None and busy:
        with suppress(TelegramError):
            await update.callback_query.answer(str(context.error), show_alert=True)
        return
    message = update.effective_message
    if message is None:
        return
    addressed = message.chat.type == ChatType.PRIVATE or (message.text or "").startswith("/")
    if addressed:
        with suppress(TelegramError):
            text = for_user(message.from_user).gettext(APOLOGY)
            await message.reply_text(str(context.error) if busy else text)


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    return stop
