"""`factcheck kb …`: administering the knowledge base from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

import knowledge
from knowledge import KnowledgeError, Statement

Handler = Callable[[argparse.Namespace, str, Console], Awaitable[int]]


def _show(statement: Statement, console: Console) -> None:
    table = Table(show_header=False, box=None)
    for name, value in statement.to_dict().items():
        table.add_row(f"[bold]{name}[/]", escape(str(value)))
    console.print(table)


async def _find(args: argparse.Namespace, db: str, console: Console) -> int:
    async with knowledge.open_kb(db) as kb:
        hits = await kb.search(" ".join(args.text), limit=args.limit)
    table = Table("id", "score", "statement", "external id")
    for statement, score in hits:
        table.add_row(str(statement.id), f"{score:.2f}", escape(statement.text),
                      escape(statement.external_id or ""))
    console.print(table if hits else "No matching statements.")
    return 0


async def _get(args: argparse.Namespace, db: str, console: Console) -> int:
    async with knowledge.open_kb(db) as kb:
        _show(await kb.get(args.id), console)
        for change in await kb.history(args.id):
            console.print(f"[dim]change {change.id} {change.at} {change.action} "
                          f"by {escape(change.actor_name)}[/]")
    return 0


async def _add(args: argparse.Namespace, db: str, console: Console) -> int:
    async with knowledge.open_kb(db) as kb:
        new_id = await kb.add(" ".join(args.text), source=args.source,
                              event_date=args.event_date, valid_from=args.valid_from,
                              valid_until=args.valid_until)
        console.print(f"Added statement {new_id}.")
        _show(await kb.get(new_id), console)
    return 0


async def _learn(args: argparse.Namespace, db: str, console: Console) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise KnowledgeError(f"No such file: {args.file}")
    text = path.read_text(encoding="utf-8")
    async with knowledge.open_kb(db) as kb:
        source = knowledge.Source(title=args.title, url=args.source, published=args.published)
        ids = await kb.learn(text, source=source, published=args.published)
        console.print(f"Learned {len(ids)} statement(s): {', '.join(map(str, ids)) or 'none new'}")
    return 0


def add_kb_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `factcheck kb …` and its subcommands."""
    kb = commands.add_parser("kb", help="administer the knowledge base")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    find = sub.add_parser("find", help="search statements")
    find.add_argument("text", nargs="+")
    find.add_argument("--limit", type=int, default=10)
    find.set_defaults(handler=_find)
    show = sub.add_parser("show", help="one statement in full, with its history")
    show.add_argument("id", type=int)
    show.set_defaults(handler=_get)
    add = sub.add_parser("add", help="add a statement")
    add.add_argument("text", nargs="+")
    add.add_argument("--source", help="source URL or title")
    add.add_argument("--event-date", dest="event_date")
    add.add_argument("--valid-from", dest="valid_from")
    add.add_argument("--valid-until", dest="valid_until")
    add.set_defaults(handler=_add)
    learn = sub.add_parser("learn", help="learn the factual sentences of a trusted article")
    learn.add_argument("file")
    learn.add_argument("--source", help="the article's URL")
    learn.add_argument("--title", help="the article's title")
    learn.add_argument("--published", type=date.fromisoformat, required=True,
                       help="publication date, YYYY-MM-DD (relative dates resolve against it)")
    learn.set_defaults(handler=_learn)
