"""The `factcheck` command line: check an article, run the bot, administer the knowledge base."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Awaitable
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape

import knowledge
from knowledge import (
    CheckTimedOut,
    ClaimResult,
    FactCheck,
    InvalidDate,
    KnowledgeError,
    Report,
    Verdict,
    full_date,
)

_STYLE = {
    Verdict.CONTRADICTED: ("🚩", "bold red"),
    Verdict.OUTDATED: ("⏳", "bold yellow"),
    Verdict.SUPPORTED: ("✅", "green"),
    Verdict.UNVERIFIED: ("❔", "dim"),
}


def _date(value: str) -> date:
    try:
        return full_date(value)
    except InvalidDate as exc:
        raise argparse.ArgumentTypeError(exc.problem) from exc


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 86_400:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds above 0")
    return seconds


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    parser.add_argument(
        "--db",
        default=None,
        help="knowledge-base file (default: $FACTCHECK_DB or factcheck.sqlite)",
    )
    parser.add_argument(
        "--write-wait",
        type=float,
        default=knowledge.WRITE_WAIT,
        metavar="SECONDS",
        help="how long a change waits while another process writes (default: %(default)g)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check an article (a file, '-' for stdin, or a URL)")
    check.add_argument("source", help="path to a text file, '-' for standard input, or a URL")
    check.add_argument("--date", type=_date, help="the article's date (default: its dateline)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--budget",
        type=_seconds,
        default=os.environ.get("CHECK_BUDGET_SECONDS", "60"),
        help="seconds the check may take (a link's fetch included); past it the check is "
        "stopped "
        "(default: $CHECK_BUDGET_SECONDS or 60)",
    )
    check.add_argument(
        "--allow-private",
        action="store_true",
        default=os.environ.get("FETCH_ALLOW_PRIVATE", "").lower() == "true",
        help="allow links to private/loopback hosts (tests, intranets)",
    )
    check.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands.add_parser("run", help="run the Telegram bot (settings from the environment/.env)")
    from cli.kb import add_kb_commands

    add_kb_commands(commands)
    return parser


def _db(args: argparse.Namespace) -> str:
    return args.db or os.environ.get("FACTCHECK_DB", "factcheck.sqlite")


def _read(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise KnowledgeError(f"No such file: {source}")
        data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise knowledge.UnusableInput(
            "The file is not UTF-8 text (binary data?). Save the article as plain text."
        ) from exc


async def _check(args: argparse.Namespace) -> Report:
    async with knowledge.open_kb(_db(args), write_wait=args.write_wait) as kb:
        return await _within_budget(_checked(kb, args), args.budget)


async def _checked(kb: knowledge.KnowledgeBase, args: argparse.Namespace) -> Report:
    if args.source.startswith(("http://", "https://")):
        limits = knowledge.FetchLimits(allow_private=args.allow_private)
        checked = await kb.check_links([args.source], limits=limits, reference_date=args.date)
        article, report = checked.article, checked.report
        if not args.json:
            label, url = escape(article.label()), escape(article.url)
            Console().print(f"[bold]Article:[/] {label}\n{url}")
        return report
    return await kb.check(_read(args.source), reference_date=args.date)


async def _within_budget(check: Awaitable[Report], budget: float) -> Report:
    """The check, stopped with CheckTimedOut at its first pause (a store query) past the
    budget; reading is linear in a text's length, so no stretch between pauses is long."""
    try:
        async with asyncio.timeout(budget) as scope:
            return await check
    except TimeoutError:
        if scope.expired():
            raise CheckTimedOut(budget) from None
        raise


def print_report(report: Report, console: Console) -> None:
    """A readable, coloured report for a terminal: the summary first (as the bot's card),
    then every claim in detail."""
    counts = " · ".join(f"{_STYLE[v][0]} {report.summary[v.value]} {v.value}" for v in _STYLE)
    console.print(
        f"[bold]Reference date[/] {report.reference_date} "
        f"({report.reference_date_source})   {counts}"
    )
    _print_summary(report, console)
    quiet = knowledge.silence(report)
    if quiet is not None:
        console.print(f"\n{escape(quiet.sentence)}")
    if report.claims:
        console.print("\n[bold]Details[/]")
    for claim in report.claims:
        _print_claim(claim, console)
    if report.skipped:
        console.print(
            f"\n[dim]{report.skipped} sentence(s) skipped as opinion, "
            "prediction or page furniture.[/]"
        )


def _print_summary(report: Report, console: Console) -> None:
    summary = knowledge.summarize(report, max_lines=3)
    if not summary.groups:
        return
    console.print("\n[bold]Summary[/]")
    for group in summary.groups:
        for line in group.lines:
            icon, style = _STYLE[line.verdict]
            repeated = f" [dim]({line.claims} claims)[/]" if line.claims > 1 else ""
            console.print(f"{icon} [{style}]{escape(line.message)}[/]{repeated}")
        if group.evidence is not None:
            where = group.evidence.url or group.evidence.source
            console.print(f"   [dim]source: {escape(where)}[/]")
    if summary.more_claims:
        console.print(f"[dim]+{summary.more_claims} more flagged claim(s) below.[/]")


def _print_claim(claim: ClaimResult, console: Console) -> None:
    icon, style = _STYLE[claim.verdict]
    console.print(
        f"\n{icon} [{style}]{claim.verdict.value.upper()}[/] "
        f"[dim]chars {claim.start}–{claim.end}[/]\n  “{escape(claim.text)}”"
    )
    for finding in claim.findings:
        if finding.fact_check is not None:
            print_fact_check(finding.fact_check, console)
            continue
        console.print(f"  [{style}]→ {finding.kind.value}:[/] {escape(finding.message)}")
        for evidence in finding.evidence:
            console.print(
                f"    [dim]evidence #{evidence.id}: {escape(evidence.text)}\n"
                f"    source: {escape(evidence.source)}[/]"
            )
    if claim.verdict == Verdict.SUPPORTED and claim.support:
        console.print(
            f"  [dim]backed by #{claim.support[0].id}: {escape(claim.support[0].text)}[/]"
        )


def print_fact_check(fact_check: FactCheck, console: Console) -> None:
    """A matched fact-check as a short card: rating, checker, date, rated claim, link."""
    review = fact_check.review
    when = f", {review.review_date}" if review.review_date else ""
    console.print(
        f"  [bold]→ fact-check: {escape(review.rating)}[/] — {escape(review.checker)}"
        f"{when} [dim]({fact_check.rating_class})[/]"
    )
    said = f" — {escape(review.claimant)}" if review.claimant else ""
    console.print(f"    rated claim: “{escape(fact_check.claim)}”{said}")
    if review.url:
        console.print(f"    {escape(review.url)}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console()
    errors = Console(stderr=True)
    try:
        if args.command == "check":
            report = asyncio.run(_check(args))
            if args.json:
                print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
            else:
                print_report(report, console)
            return 0
        if args.command == "run":
            from bot.__main__ import main as run_bot

            return run_bot(db_path=args.db)
        return int(asyncio.run(args.handler(args, _db(args), console)))
    except KnowledgeError as exc:
        errors.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True)  # a line, not wrapped
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
