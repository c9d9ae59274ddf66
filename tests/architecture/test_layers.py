"""The layers hold: the store at the bottom, the core free of Telegram, SQL and the SQLite
driver only inside knowledge/store/. Read from the source's imports and string constants."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STORE = "knowledge.store"
# What the store may build on: the domain's value objects and errors, nothing that uses it.
BELOW_STORE = ("knowledge.errors", "knowledge.model", STORE)
DRIVERS = ("aiosqlite", "sqlite3")
# SQL statements as they are written in this code base: upper-case keywords.
SQL = re.compile(
    r"\b(?:SELECT\b[\s\S]+\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|"
    r"DELETE\s+FROM\b|CREATE\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER)\b|"
    r"DROP\s+(?:TABLE|INDEX|TRIGGER)\b|PRAGMA\s+\w+|BEGIN\s+IMMEDIATE\b)"
)


@dataclass(frozen=True)
class Module:
    name: str  # knowledge.store.schema
    path: Path
    tree: ast.Module

    def imports(self) -> Iterator[tuple[int, str]]:
        """(line, module) for every import, relative ones resolved, inside functions too."""
        package = self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                yield from ((node.lineno, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parent = ".".join(parts[: len(parts) - node.level + 1])
                    base = f"{parent}.{base}" if base else parent
                yield node.lineno, base

    def strings(self) -> Iterator[tuple[int, str]]:
        """(line, text) of every string constant that is not a docstring."""
        docstrings = {
            id(body[0].value)
            for node in ast.walk(self.tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and (body := node.body)
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        }
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in docstrings:
                    yield node.lineno, node.value


def _modules(*packages: str) -> list[Module]:
    found = []
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            found.append(Module(".".join(parts), path, ast.parse(path.read_text())))
    return found


# The product's packages (knowledge/ and its front doors); tests and benchmarks are not checked.
PACKAGES = tuple(
    sorted(
        d.name
        for d in ROOT.iterdir()
        if (d / "__init__.py").is_file() and d.name not in ("tests", "benchmarks", "scripts")
    )
)
FRONTS = ("telegram", *(p for p in PACKAGES if p != "knowledge"))
MODULES = _modules(*PACKAGES)


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _where(module: Module, line: int) -> str:
    return f"{module.path.relative_to(ROOT)}:{line}"


def test_the_modules_are_found() -> None:
    names = {m.name for m in MODULES}
    assert {"knowledge.store.store", "knowledge.kb", "bot.app", "cli.main"} <= names
    assert {"knowledge", "bot", "cli"} <= set(PACKAGES)


def test_the_store_imports_nothing_above_it() -> None:
    upward = [
        f"{_where(m, line)} imports {name}"
        for m in MODULES
        if _within(m.name, (STORE,))
        for line, name in m.imports()
        if _within(name, ("knowledge",)) and not _within(name, BELOW_STORE)
    ]
    assert not upward, "knowledge/store/ may import only knowledge.errors and knowledge.model"


@pytest.mark.parametrize("front", FRONTS)
def test_the_core_never_imports_a_front_door(front: str) -> None:
    found = [
        f"{_where(m, line)} imports {name}"
        for m in MODULES
        if _within(m.name, ("knowledge",))
        for line, name in m.imports()
        if _within(name, (front,))
    ]
    assert not found


def test_only_the_store_imports_the_sqlite_driver() -> None:
    found = [
        f"{_where(m, line)} imports {name}"
        for m in MODULES
        if not _within(m.name, (STORE,))
        for line, name in m.imports()
        if _within(name, DRIVERS)
    ]
    assert not found, "map driver errors to domain errors inside knowledge/store/"


def test_sql_is_written_only_inside_the_store() -> None:
    found = [
        f"{_where(m, line)}: {text.strip()[:60]!r}"
        for m in MODULES
        if not _within(m.name, (STORE,))
        for line, text in m.strings()
        if SQL.search(text)
    ]
    assert not found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("SELECT id FROM statements WHERE id = ?", id="select"),
        pytest.param("INSERT INTO rules (id) VALUES (?)", id="insert"),
        pytest.param("UPDATE requests SET status = ?", id="update"),
        pytest.param("DELETE FROM changes", id="delete"),
        pytest.param("CREATE TABLE IF NOT EXISTS chats (id INTEGER)", id="create"),
        pytest.param("PRAGMA busy_timeout = 100", id="pragma"),
    ],
)
def test_sql_is_recognised(text: str) -> None:
    assert SQL.search(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Select the statements from the list", id="prose"),
        pytest.param("update the rule, then delete from the queue", id="lower-case"),
    ],
)
def test_prose_is_not_sql(text: str) -> None:
    assert not SQL.search(text)
