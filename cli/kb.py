"""`factcheck kb …`: curating the knowledge base from the command line (as the local user)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.progress import DownloadColumn, Progress

import knowledge
from cli.render import (
    show_found,
    show_history,
    show_log,
    show_proposal,
    show_rules,
    show_statement,
    show_stats,
    undo_hint,
)
from knowledge import (
    ChangeNotFound,
    InvalidDate,
    KnowledgeBase,
    KnowledgeError,
    RuleKind,
    full_date,
)

Handler = Callable[[argparse.Namespace, str, Console], Awaitable[int]]
Action = Callable[[argparse.Namespace, KnowledgeBase, Console], Awaitable[int]]


def _day(value: str) -> date:
    try:
        return full_date(value)
    except InvalidDate as exc:
        raise argparse.ArgumentTypeError(exc.problem) from exc


def _with_kb(action: Action) -> Handler:
    """Open the knowledge base for one subcommand."""

    async def handler(args: argparse.Namespace, db: str, console: Console) -> int:
        async with knowledge.open_kb(db, write_wait=args.write_wait) as kb:
            return await action(args, kb, console)

    return handler


# -- reading ----------------------------------------------------------------------------


async def _find(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    show_found(console, await kb.curator.find(" ".join(args.text), limit=args.limit))
    return 0


async def _get(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    show_history(console, await kb.curator.statement_history(args.id))
    return 0


async def _log(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    show_log(console, await kb.curator.log_page(args.n))
    return 0


async def _stats(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    show_stats(console, await kb.curator.stats())
    return 0


# -- changing ---------------------------------------------------------------------------


async def _add(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    new_id = await kb.curator.add(
        " ".join(args.text),
        source=args.source,
        external_id=args.external_id,
        event_date=args.event_date,
        valid_from=args.valid_from,
        valid_until=args.valid_until,
    )
    console.print(f"Added statement {new_id}. {undo_hint(await kb.curator.last_change_of(new_id))}")
    show_statement(console, await kb.curator.details(new_id))
    return 0


async def _learn(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise KnowledgeError(f"No such file: {args.file}")
    source = knowledge.Source(title=args.title, url=args.source, published=args.published)
    proposal = await kb.curator.learn_proposal(
        path.read_text(encoding="utf-8"), published=args.published, source=source, limit=None
    )
    show_proposal(console, proposal)
    learned = await kb.curator.learn_chosen(proposal, _choose(args, len(proposal.drafts)))
    console.print(escape(f"{learned.summary} {undo_hint(learned.change_id)}".strip()))
    return 0


def _choose(args: argparse.Namespace, count: int) -> list[int]:
    """Which candidates to add: --yes (all), --pick 1,3, or asked on the terminal."""
    if args.yes:
        return list(range(1, count + 1))
    answer = args.pick
    if answer is None:
        if not sys.stdin.isatty() or count == 0:
            raise KnowledgeError("Nothing added: confirm with --yes, or choose with --pick 1,3.")
        answer = input("Add which? (all, none, or numbers like 1,3) ").strip().lower()
    if answer in ("all", "a", "y", "yes"):
        return list(range(1, count + 1))
    numbers = [p.strip() for p in answer.replace(" ", ",").split(",") if p.strip()]
    if not all(n.isdigit() for n in numbers):
        raise KnowledgeError(f"Choose numbers from 1 to {count}, like 1,3.")
    return [int(n) for n in numbers]


async def _edit(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    statement = await kb.curator.edit(args.id, " ".join(args.text))
    console.print(
        f"Edited statement {statement.id}. {undo_hint(await kb.curator.last_change_of(args.id))}"
    )
    show_statement(console, await kb.curator.details(statement.id))
    return 0


async def _retire(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    await kb.curator.retire(args.id, " ".join(args.reason) or None)
    hint = undo_hint(await kb.curator.last_change_of(args.id))
    console.print(f"Retired statement {args.id}; it is no longer used for checks. {hint}")
    return 0


async def _undo(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    try:
        undo_id = await kb.curator.revert(args.change_id)
    except ChangeNotFound as error:
        if error.last_change is None:
            raise
        raise KnowledgeError(
            f"{error} Undo it with: factcheck kb undo {error.last_change}"
        ) from None
    console.print(f"Undid change {args.change_id} (recorded as change {undo_id}).")
    return 0


async def _import(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise KnowledgeError(f"No such file: {args.file}")
    with Progress(
        *Progress.get_default_columns(), DownloadColumn(), console=console, transient=True
    ) as bar:
        name = escape(path.name)
        task = bar.add_task(f"Importing {name}", total=path.stat().st_size)

        def show(done: int, size: int, stage: str) -> None:  # a large file is read twice
            bar.update(task, completed=done, total=size, description=f"{stage.title()} {name}")

        result = await kb.curator.import_file(path, progress=show)
    console.print(escape(f"{result.summary} {undo_hint(result.change_ids)}".strip()))
    return 0


async def _export(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    text = await kb.curator.export_yaml()
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        console.print(f"Exported the knowledge base to {escape(args.output)}.")
    return 0


# -- rules ------------------------------------------------------------------------------


async def _rule_add(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    rule_id = await kb.curator.add_rule(
        " ".join(args.pattern),
        explanation=args.explanation,
        kind=args.kind,
        applies_from=args.applies_from,
        applies_until=args.applies_until,
        context=tuple(args.context or ()),
        evidence_id=args.evidence,
    )
    console.print(
        f"Added rule {rule_id}. {undo_hint(await kb.curator.last_change_of(rule_id, 'rule'))}"
    )
    return 0


async def _rule_list(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    show_rules(console, await kb.curator.rule_list())
    return 0


async def _rule_remove(args: argparse.Namespace, kb: KnowledgeBase, console: Console) -> int:
    rule = await kb.curator.remove_rule(args.id)
    hint = undo_hint(await kb.curator.last_change_of(rule.id, "rule"))
    console.print(f"Removed rule {rule.id} ({escape(rule.pattern)}). {hint}")
    return 0


# -- the parser -------------------------------------------------------------------------

if TYPE_CHECKING:
    Sub = argparse._SubParsersAction[argparse.ArgumentParser]


def _reading(sub: Sub) -> None:
    find = sub.add_parser("find", help="search statements")
    find.add_argument("text", nargs="+")
    find.add_argument("--limit", type=int, default=10)
    find.set_defaults(handler=_with_kb(_find))
    show = sub.add_parser("show", help="one statement in full, with its history")
    show.add_argument("id", type=int)
    show.set_defaults(handler=_with_kb(_get))
    log = sub.add_parser("log", help="recent changes")
    log.add_argument("n", type=int, nargs="?", default=20)
    log.set_defaults(handler=_with_kb(_log))
    stats = sub.add_parser("stats", help="counts by kind and status, last change, file size")
    stats.set_defaults(handler=_with_kb(_stats))
    export = sub.add_parser("export", help="the knowledge base as YAML (import takes it back)")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(handler=_with_kb(_export))


def _changing(sub: Sub) -> None:
    add = sub.add_parser("add", help="add a statement")
    add.add_argument("text", nargs="+")
    add.add_argument("--source", help="source URL or title")
    add.add_argument("--external-id", dest="external_id")
    add.add_argument("--event-date", dest="event_date")
    add.add_argument("--valid-from", dest="valid_from")
    add.add_argument("--valid-until", dest="valid_until")
    add.set_defaults(handler=_with_kb(_add))
    learn = sub.add_parser("learn", help="learn the factual sentences of a trusted article")
    learn.add_argument("file")
    learn.add_argument("--source", help="the article's URL")
    learn.add_argument("--title", help="the article's title")
    learn.add_argument(
        "--published",
        type=_day,
        required=True,
        help="publication date, YYYY-MM-DD (relative dates resolve against it)",
    )
    learn.add_argument("--yes", action="store_true", help="add every candidate without asking")
    learn.add_argument("--pick", help="add only these candidates, e.g. 1,3")
    learn.set_defaults(handler=_with_kb(_learn))
    edit = sub.add_parser("edit", help="replace a statement's text")
    edit.add_argument("id", type=int)
    edit.add_argument("text", nargs="+")
    edit.set_defaults(handler=_with_kb(_edit))
    retire = sub.add_parser("retire", help="stop using a statement (it stays in the history)")
    retire.add_argument("id", type=int)
    retire.add_argument("reason", nargs="*")
    retire.set_defaults(handler=_with_kb(_retire))
    undo = sub.add_parser("undo", help="revert one change exactly")
    undo.add_argument("change_id", type=int)
    undo.set_defaults(handler=_with_kb(_undo))
    imported = sub.add_parser(
        "import",
        help="import YAML/JSON/CSV or ClaimReview (JSON, "
        "JSON-LD, DataFeed, JSON Lines) of any size, all or nothing",
    )
    imported.add_argument("file")
    imported.set_defaults(handler=_with_kb(_import))


def _rules(sub: Sub) -> None:
    rule = sub.add_parser("rule", help="outdated-reference and contradiction rules")
    rules = rule.add_subparsers(dest="rule_command", required=True)
    add = rules.add_parser("add", help="add a rule (a phrase pattern, never a regex)")
    add.add_argument("pattern", nargs="+", help="words; a|b either; [a] optional; * any word")
    add.add_argument("--explanation", "--because", required=True)
    add.add_argument("--kind", choices=[str(k) for k in RuleKind], default=RuleKind.OUTDATED)
    add.add_argument("--from", dest="applies_from", help="YYYY-MM-DD")
    add.add_argument("--until", dest="applies_until", help="YYYY-MM-DD")
    add.add_argument("--context", nargs="*", help="entity ids, one of which must be present")
    add.add_argument("--evidence", type=int, help="id of the statement that backs the rule")
    add.set_defaults(handler=_with_kb(_rule_add))
    listed = rules.add_parser("list", help="active rules")
    listed.set_defaults(handler=_with_kb(_rule_list))
    remove = rules.add_parser("remove", help="retire a rule")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=_with_kb(_rule_remove))


def add_kb_commands(commands: Sub) -> None:
    """Register `factcheck kb …` and its subcommands."""
    kb = commands.add_parser("kb", help="curate the knowledge base")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    _reading(sub)
    _changing(sub)
    _rules(sub)
