"""Handlers for the knowledge base's curators (ADMIN_IDS); searching and reading is for anyone.

Changing commands take the statement or pattern on the first line and optional fields on the
following lines, one `name: value` per line, which is easy to type on a phone:

    /kb_add NATO has not deployed troops to Ukraine.
    source: https://www.nato.int/…
    from: 2022-02-24
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

import knowledge
from bot.auth import is_bot_admin
from bot.context import services
from bot.formatting import MESSAGE_LIMIT, shorten, utf16_length
from knowledge import MAX_IMPORT_BYTES, KnowledgeError, Statement, StatementDraft

Context = ContextTypes.DEFAULT_TYPE
Command = Callable[[Message, Context, str], Awaitable[None]]

REFUSAL = (
    "Only the bot's curators can change the knowledge base. You can still /kb_find and /kb_show."
)
ADD_FIELDS = ("source", "date", "from", "until", "id")
RULE_FIELDS = ("because", "from", "until", "kind", "evidence", "context")
LEARN_FIELDS = ("source", "published")
_MAX_CANDIDATES = 20
_PENDING = "kb_learn_pending"

USAGE = {
    "kb_add": "Usage: /kb_add statement text, then optional lines:\nsource: URL or title\n"
    "date: 2023-01-30 (when it happened)\nfrom: 2022-02-24\nuntil: 2024-10-01\n"
    "id: external id",
    "kb_learn": "Reply with /kb_learn to the trusted article (optional lines: source: URL, "
    "published: 2023-01-30).",
    "kb_find": "Usage: /kb_find words to search for",
    "kb_show": "Usage: /kb_show 12 (a statement id; find ids with /kb_find)",
    "kb_edit": "Usage: /kb_edit 12 the new text of the statement",
    "kb_retire": "Usage: /kb_retire 12 [reason]",
    "kb_rule": "Usage: /kb_rule list · /kb_rule remove 3 · /kb_rule add phrase pattern, then "
    "lines:\nbecause: why it is outdated or wrong (required)\nfrom: 2022-02-24\n"
    "evidence: 12\nkind: outdated or contradiction\ncontext: ukraine, russia\n"
    "Patterns are words; a|b either word; [a] optional; * any one word.",
    "kb_import": "Send a YAML, JSON or CSV file (or ClaimReview JSON-LD) with /kb_import as its "
    f"caption, or reply with /kb_import to one; at most "
    f"{MAX_IMPORT_BYTES // 1000:,} kB.",
    "kb_undo": "Usage: /kb_undo 42 (a change id from /kb_log)",
    "kb_log": "Usage: /kb_log [how many, default 10]",
}


KB_HELP = """\
<b>Curating the knowledge base</b> (curators only change it; anyone can read it)
/kb_find words · /kb_show 12 · /kb_stats · /kb_export
/kb_add a statement, with optional lines source:, date:, from:, until:, id:
/kb_learn as a reply to a trusted article · /kb_edit 12 new text · /kb_retire 12 reason
/kb_rule list | add | remove · /kb_import as the caption of a file, or a reply to one
/kb_log · /kb_undo 42
/kb_queue (readers' asks, most asked first) · /kb_queue disputes · /kb_queue 12
/kb_answer 12 a statement (or the line rating: False) answers a request and tells who asked
Send a command alone for its usage; docs/CURATING.md has the rest."""


@dataclass
class PendingLearn:
    """Candidate statements proposed by /kb_learn, waiting for their curator's choice."""

    owner: int
    drafts: list[StatementDraft]
    published: date
    chosen: set[int] = field(default_factory=set)


def handlers() -> list[BaseHandler[Any, Any, Any]]:
    new = filters.UpdateType.MESSAGE
    commands: dict[str, Command] = {
        "kb_find": _find, "kb_show": _show, "kb_stats": _stats, "kb_export": _export,
        "kb_add": _admin(_add), "kb_learn": _admin(_learn), "kb_edit": _admin(_edit),
        "kb_retire": _admin(_retire), "kb_rule": _rule, "kb_import": _admin(_import),
        "kb_log": _admin(_log), "kb_undo": _admin(_undo),
    }  # fmt: skip
    found: list[BaseHandler[Any, Any, Any]] = [
        CommandHandler(name, _command(name, action), filters=new)
        for name, action in commands.items()
    ]
    captioned = new & filters.Document.ALL & filters.CaptionRegex(r"^/kb_import(@\w+)?(\s|$)")
    return [
        *found,
        CommandHandler("kb_help", kb_help, filters=new),
        MessageHandler(captioned, _command("kb_import", commands["kb_import"])),
        CallbackQueryHandler(learn_choice, pattern=r"^kbl:"),
    ]


async def kb_help(update: Update, context: Context) -> None:
    """The curators' commands in one short list."""
    if update.effective_message is not None:
        await _reply(update.effective_message, KB_HELP)


# -- plumbing: arguments, permission, errors ----------------------------------------------


def _command(name: str, action: Command) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """Run `action` with the text after the command; answer domain errors in plain words."""

    async def handle(update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None:
            return
        try:
            await action(message, context, _body(message.text or message.caption or ""))
        except _Usage:
            await _reply(message, escape(USAGE[name]))
        except KnowledgeError as error:
            await _reply(message, "⚠️ " + escape(str(error)))

    return handle


def _body(text: str) -> str:
    """What follows the command (`/kb_add@bot …`), line breaks kept."""
    command = text.split(maxsplit=1)[0] if text.strip() else ""
    return text.strip()[len(command) :].strip()


class _Usage(Exception):
    """The command was used the wrong way: answer with its usage text."""


def _admin(action: Command) -> Command:
    """Only ADMIN_IDS may run `action`; anyone else gets a short refusal and nothing changes."""

    @functools.wraps(action)
    async def guarded(message: Message, context: Context, body: str) -> None:
        if not is_bot_admin(services(context).settings.admin_ids, message.from_user):
            await _reply(message, REFUSAL)
            return
        await action(message, context, body)

    return guarded


def _actor(message: Message) -> knowledge.Actor:
    user = message.from_user
    if user is None:
        return knowledge.Actor(id=str(message.chat_id), name="unknown")
    return knowledge.Actor(id=str(user.id), name=user.full_name)


def _id(text: str) -> int:
    if not text.strip().isdigit():
        raise _Usage
    return int(text.strip())


def parse_fields(body: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """Split a command body into its main text and `name: value` lines for the known names."""
    main: list[str] = []
    fields: dict[str, str] = {}
    for line in body.splitlines():
        name, colon, value = line.partition(":")
        key = name.strip().lower()
        if colon and key in names and not value.startswith("//"):
            fields[key] = value.strip()
        elif fields:
            raise KnowledgeError(
                f"Put the text first and the fields after it; "
                f"{line.strip()[:40]!r} is not a field ({', '.join(names)})."
            )
        else:
            main.append(line)
    return " ".join(" ".join(main).split()), fields


async def _reply(message: Message, html: str) -> None:
    """Answer in as many messages as needed, split between lines (each line is whole HTML)."""
    for part in _chunks(html.split("\n")):
        await message.reply_text(part, do_quote=True, allow_sending_without_reply=True)


def _chunks(lines: list[str], *, limit: int = MESSAGE_LIMIT - 96) -> list[str]:
    parts: list[str] = []
    for line in lines:
        line = line if utf16_length(line) <= limit else escape(shorten(line, limit // 8))
        if parts and utf16_length(parts[-1]) + utf16_length(line) + 1 <= limit:
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return parts[:4]


def describe(statement: Statement) -> str:
    """One statement in full, as Telegram HTML (user text escaped)."""
    dates = [
        f"{n} {v}"
        for n, v in (
            ("date", statement.event_date),
            ("from", statement.valid_from),
            ("until", statement.valid_until),
        )
        if v
    ]
    lines = [
        f"<b>#{statement.id}</b> {statement.kind} · {statement.status}"
        + (f" · {', '.join(dates)}" if dates else ""),
        escape(statement.text),
    ]
    if statement.source.title or statement.source.url:
        lines.append(f"Source: {escape(statement.source.label())}")
    if statement.external_id:
        lines.append(f"External id: {escape(statement.external_id)}")
    return "\n".join(lines)


# -- reading: anyone --------------------------------------------------------------------


async def _find(message: Message, context: Context, body: str) -> None:
    if not body:
        raise _Usage
    hits = await services(context).kb.search(body, limit=10)
    if not hits:
        await _reply(message, "No matching statements.")
        return
    lines = [f"<b>#{s.id}</b> ({score:.2f}) {escape(shorten(s.text, 200))}" for s, score in hits]
    await _reply(message, "\n".join(lines) + "\n\nFull entry: /kb_show ID")


async def _show(message: Message, context: Context, body: str) -> None:
    kb = services(context).kb
    statement = await kb.get(_id(body))
    history = [
        f"change {c.id} · {c.at[:16]} · {c.action} by {escape(c.actor_name)}"
        + (f": {escape(str(c.after['reason']))}" if c.after and c.after.get("reason") else "")
        + (f" (undone by {c.undone_by})" if c.undone_by else "")
        for c in await kb.history(statement.id)
    ]
    await _reply(message, describe(statement) + "\n\n<b>History</b>\n" + "\n".join(history))


async def _stats(message: Message, context: Context, body: str) -> None:
    stats = await services(context).kb.stats()
    lines = ["<b>Knowledge base</b>"]
    lines += [f"Statements {n}: {c}" for n, c in sorted(stats.statements.items())]
    lines += [f"Rules {n}: {c}" for n, c in sorted(stats.rules.items())]
    lines.append(f"Entities: {stats.entities}")
    if stats.last_change is not None:
        last = stats.last_change
        lines.append(
            f"Last change: {last.action} {last.target} at {last.at[:16]} "
            f"by {escape(last.actor_name)}"
        )
    if stats.file_bytes:
        lines.append(f"File size: {stats.file_bytes / 1000:,.0f} kB")
    await _reply(message, "\n".join(lines))


async def _export(message: Message, context: Context, body: str) -> None:
    text = await services(context).kb.export_yaml()
    name = f"knowledge-base-{date.today().isoformat()}.yaml"
    await message.reply_document(
        InputFile(text.encode("utf-8"), filename=name),
        caption="The whole knowledge base; /kb_import takes it back.",
    )


# -- changing: curators only ------------------------------------------------------------


async def _add(message: Message, context: Context, body: str) -> None:
    text, fields = parse_fields(body, ADD_FIELDS)
    if not text:
        raise _Usage
    kb = services(context).kb
    new_id = await kb.add(
        text,
        source=fields.get("source"),
        external_id=fields.get("id"),
        event_date=fields.get("date"),
        valid_from=fields.get("from"),
        valid_until=fields.get("until"),
        actor=_actor(message),
    )
    await _reply(message, "Added:\n" + describe(await kb.get(new_id)))


async def _edit(message: Message, context: Context, body: str) -> None:
    number, _, text = body.partition(" ")
    if not text.strip():
        raise _Usage
    statement = await services(context).kb.edit(_id(number), text, actor=_actor(message))
    await _reply(message, "Edited:\n" + describe(statement))


async def _retire(message: Message, context: Context, body: str) -> None:
    number, _, reason = body.partition(" ")
    statement = await services(context).kb.retire(
        _id(number), reason.strip() or None, actor=_actor(message)
    )
    await _reply(
        message,
        f"Retired #{statement.id}; it is no longer used for checks. "
        "Undo with /kb_undo and the change id from /kb_log.",
    )


async def _undo(message: Message, context: Context, body: str) -> None:
    undo_id = await services(context).kb.revert(_id(body), actor=_actor(message))
    await _reply(message, f"Undid change {body.strip()} (recorded as change {undo_id}).")


async def _log(message: Message, context: Context, body: str) -> None:
    count = _id(body) if body else 10
    changes = await services(context).kb.log(min(count, 50))
    lines = [
        f"<b>{c.id}</b> · {c.at[:16]} · {escape(c.actor_name)} ({escape(c.actor_id)}) · "
        f"{c.action} {c.target} {c.target_id or ''}".rstrip()
        + (f" · undone by {c.undone_by}" if c.undone_by else "")
        for c in changes
    ]
    await _reply(message, "\n".join(lines) or "No changes yet.")


async def _rule(message: Message, context: Context, body: str) -> None:
    first, _, more = body.partition("\n")
    verb, _, rest = first.partition(" ")
    verb, rest = verb.strip().lower(), rest + ("\n" + more if more else "")
    if verb in ("", "list"):
        await _rule_list(message, context)
        return
    if verb not in ("add", "remove"):
        raise _Usage
    if not is_bot_admin(services(context).settings.admin_ids, message.from_user):
        await _reply(message, REFUSAL)
        return
    await (_rule_add if verb == "add" else _rule_remove)(message, context, rest.strip())


async def _rule_list(message: Message, context: Context) -> None:
    rules = await services(context).kb.rules()
    lines = [
        f"<b>{r.id}</b> {r.kind}: <code>{escape(r.pattern)}</code>"
        + (f" from {r.applies_from}" if r.applies_from else "")
        + (f" · evidence #{r.evidence_id}" if r.evidence_id else "")
        for r in rules
    ]
    await _reply(message, "\n".join(lines) or "No rules yet.")


async def _rule_add(message: Message, context: Context, body: str) -> None:
    pattern, fields = parse_fields(body, RULE_FIELDS)
    if not pattern or "because" not in fields:
        raise _Usage
    evidence = fields.get("evidence", "").lstrip("#")
    if evidence and not evidence.isdigit():
        raise KnowledgeError(f"evidence must be a statement id like 12, not {evidence!r}.")
    context_ids = tuple(p.strip() for p in fields.get("context", "").split(",") if p.strip())
    rule_id = await services(context).kb.add_rule(
        pattern,
        explanation=fields["because"],
        kind=fields.get("kind", "outdated"),
        applies_from=fields.get("from"),
        applies_until=fields.get("until"),
        context=context_ids,
        evidence_id=int(evidence) if evidence else None,
        actor=_actor(message),
    )
    await _reply(message, f"Added rule {rule_id}: <code>{escape(pattern)}</code>")


async def _rule_remove(message: Message, context: Context, body: str) -> None:
    rule = await services(context).kb.remove_rule(_id(body), actor=_actor(message))
    await _reply(message, f"Removed rule {rule.id}: <code>{escape(rule.pattern)}</code>")


async def _import(message: Message, context: Context, body: str) -> None:
    """The file sent with /kb_import as its caption, or the file the command replies to."""
    target = message.reply_to_message
    document = message.document or (target.document if target is not None else None)
    if document is None:
        raise _Usage
    if (document.file_size or 0) > MAX_IMPORT_BYTES:
        raise KnowledgeError(
            f"The file is {document.file_size:,} bytes; the limit is "
            f"{MAX_IMPORT_BYTES:,} bytes. Nothing was imported."
        )
    data = bytes(await (await context.bot.get_file(document.file_id)).download_as_bytearray())
    result = await services(context).kb.import_records(
        data, filename=document.file_name or "", actor=_actor(message)
    )
    await _reply(
        message,
        f"Imported {len(result.statement_ids)} statement(s), "
        f"{len(result.rule_ids)} rule(s), {len(result.entity_ids)} entities; "
        f"skipped {result.duplicates} duplicate(s).",
    )


# -- learning a trusted article, with confirmation ----------------------------------------


async def _learn(message: Message, context: Context, body: str) -> None:
    article = message.reply_to_message
    text = (article.text or article.caption) if article is not None else None
    if article is None or not text:
        raise _Usage
    _, fields = parse_fields(body, LEARN_FIELDS)
    published = _published(fields.get("published"), article)
    source = fields.get("source") or None
    drafts = await services(context).kb.propose(text, source=source, published=published)
    if not drafts:
        await _reply(message, "I found no factual sentences to learn in that message.")
        return
    drafts = drafts[:_MAX_CANDIDATES]
    token = secrets.token_hex(4)
    owner = message.from_user.id if message.from_user else 0
    context.bot_data.setdefault(_PENDING, {})[token] = PendingLearn(owner, drafts, published)
    await message.reply_text(
        _candidates(drafts, published),
        reply_markup=_first_choice(token, drafts),
        do_quote=True,
        allow_sending_without_reply=True,
    )


def _published(value: str | None, article: Message) -> date:
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise KnowledgeError(f"published: {value!r} is not a date like 2023-01-30.") from None
    if article.forward_origin is not None:
        return article.forward_origin.date.date()
    return article.date.date()


def _candidates(drafts: list[StatementDraft], published: date) -> str:
    lines = [f"<b>{len(drafts)} candidate statement(s)</b>, dates read as of {published}:"]
    lines += [
        f"{n}. {escape(shorten(d.text, 180))}"
        + (f" <i>({d.event_date})</i>" if d.event_date else "")
        for n, d in enumerate(drafts, start=1)
    ]
    return "\n".join(lines)


def _first_choice(token: str, drafts: list[StatementDraft]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(f"Add all ({len(drafts)})", callback_data=f"kbl:{token}:all"),
        InlineKeyboardButton("Pick", callback_data=f"kbl:{token}:pick"),
        InlineKeyboardButton("Cancel", callback_data=f"kbl:{token}:cancel"),
    ]])  # fmt: skip


def _picker(token: str, pending: PendingLearn) -> InlineKeyboardMarkup:
    toggles = [
        InlineKeyboardButton(
            ("☑ " if i in pending.chosen else "☐ ") + str(i + 1), callback_data=f"kbl:{token}:t:{i}"
        )
        for i in range(len(pending.drafts))
    ]
    rows = [toggles[i : i + 5] for i in range(0, len(toggles), 5)]
    rows.append(
        [
            InlineKeyboardButton(
                f"Add selected ({len(pending.chosen)})", callback_data=f"kbl:{token}:save"
            ),
            InlineKeyboardButton("Cancel", callback_data=f"kbl:{token}:cancel"),
        ]
    )
    return InlineKeyboardMarkup(rows)


async def learn_choice(update: Update, context: Context) -> None:
    """A press on the /kb_learn buttons: add all, pick (toggle, add selected) or cancel."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    _, token, action, *rest = query.data.split(":") + [""]
    pending: PendingLearn | None = context.bot_data.get(_PENDING, {}).get(token)
    if pending is None:
        await query.answer("This list has expired; send /kb_learn again.")
        return
    if query.from_user.id != pending.owner or not is_bot_admin(
        services(context).settings.admin_ids, query.from_user
    ):
        await query.answer("Only the curator who sent /kb_learn can choose.")
        return
    await query.answer()
    if action == "t" and rest and rest[0].isdigit():
        pending.chosen ^= {int(rest[0])}
    if action in ("pick", "t"):
        await query.edit_message_text(
            _candidates(pending.drafts, pending.published), reply_markup=_picker(token, pending)
        )
        return
    context.bot_data[_PENDING].pop(token, None)
    await query.edit_message_text(await _finish_learn(action, pending, query.from_user, context))


async def _finish_learn(action: str, pending: PendingLearn, user: Any, context: Context) -> str:
    if action == "cancel":
        return "Cancelled; nothing was added."
    chosen = range(len(pending.drafts)) if action == "all" else sorted(pending.chosen)
    actor = knowledge.Actor(id=str(user.id), name=user.full_name)
    ids, duplicates = await services(context).kb.add_many(
        [pending.drafts[i] for i in chosen], actor=actor, action="learn"
    )
    known = f"; {duplicates} already known" if duplicates else ""
    listed = ", ".join(f"#{i}" for i in ids) or "none new"
    return f"Learned {len(ids)} statement(s): {listed}{known}."
