"""`factcheck kb …`: every curating command through the real command line, on a temp file."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from cli.main import main

ARTICLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def kb(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run `factcheck --db <temp> kb ARGS…`; returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "300")  # wide tables: one row per line
    db = str(tmp_path / "kb.sqlite")

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", db, "kb", *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _number(pattern: str, text: str) -> int:
    found = re.search(pattern, text, re.MULTILINE)
    assert found, text
    return int(found.group(1))


def test_add_find_show_edit_retire_and_undo(kb: Run) -> None:
    code, out, _ = kb(
        "add",
        "The <b>Zorblat</b> treaty was signed in Oslo.",
        "--event-date",
        "2019-05-02",
        "--source",
        "https://e.example/zorblat",
    )
    assert code == 0
    new_id = _number(r"Added statement (\d+)", out)
    assert "<b>Zorblat</b>" in out
    assert f"{new_id}" in kb("find", "zorblat", "treaty")[1]
    assert kb("edit", str(new_id), "The Zorblat treaty was signed in Bergen.")[0] == 0
    code, out, _ = kb("show", str(new_id))
    assert "Bergen" in out and "edit" in out
    assert "no longer used" in kb("retire", str(new_id), "duplicate")[1]
    change = _number(r"^\s*(\d+) .*retire", kb("log", "5")[1].replace("│", " "))
    assert "Undid change" in kb("undo", str(change))[1]
    shown = kb("show", str(new_id))[1]
    assert re.search(r"status\s+active", shown) and "undo" in shown


def test_rules_add_list_remove_and_a_bad_pattern(kb: Run) -> None:
    code, out, _ = kb(
        "rule",
        "add",
        "nato",
        "applicant",
        "sweden",
        "--from",
        "2024-03-07",
        "--because",
        "Sweden joined NATO on 7 March 2024.",
    )
    rule_id = _number(r"Added rule (\d+)", out)
    assert "nato applicant sweden" in kb("rule", "list")[1]
    code, _, err = kb("rule", "add", "(?i)minsk.*", "--because", "x")
    assert code == 2 and "Invalid pattern" in err
    assert "Removed rule" in kb("rule", "remove", str(rule_id))[1]
    assert "nato applicant sweden" not in kb("rule", "list")[1]


def test_export_then_import_round_trip_and_bad_files(kb: Run, tmp_path: Path) -> None:
    exported = tmp_path / "kb.yaml"
    assert kb("export", "-o", str(exported))[0] == 0
    data = yaml.safe_load(exported.read_text(encoding="utf-8"))
    entries = len(data["statements"]) + len(data["rules"])
    code, out, _ = kb("import", str(exported))
    assert code == 0 and "Imported 0 statements" in out and f"skipped {entries}" in out
    before = kb("stats")[1]
    bad = tmp_path / "bad.csv"
    bad.write_text("text,event_date\nFine.,2022-01-01\nBroken.,yesterday\n", encoding="utf-8")
    code, _, err = kb("import", str(bad))
    assert code == 2 and "record 2" in err and "event_date" in err
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert "empty" in kb("import", str(empty))[2]
    assert kb("stats")[1] == before


def test_unknown_ids_are_reported(kb: Run) -> None:
    for args in (
        ("show", "9999"),
        ("edit", "9999", "x"),
        ("retire", "9999"),
        ("undo", "9999"),
        ("rule", "remove", "9999"),
    ):
        code, _, err = kb(*args)
        assert code == 2 and "9999" in err, args


def test_learn_shows_candidates_and_adds_them_when_confirmed(kb: Run) -> None:
    article = str(ARTICLES / "cnn_excerpt.txt")
    code, _, err = kb("learn", article, "--published", "2023-01-30")
    assert code == 2 and "--yes" in err
    code, out, _ = kb("learn", article, "--published", "2023-01-30", "--yes")
    assert code == 0 and "Stoltenberg" in out
    assert "already known" in out or "Learned" in out
    stats = kb("stats")[1]
    assert "statements" in stats and "file size" in stats


def test_learn_pick_adds_only_the_chosen_and_a_wrong_number_adds_nothing(
    kb: Run, tmp_path: Path
) -> None:
    article = tmp_path / "nordic.txt"
    article.write_text(
        "Norway opened a new consulate in Bergen on Monday. "
        "Denmark signed a fishing treaty with Iceland on Monday.",
        encoding="utf-8",
    )
    learn = ("learn", str(article), "--published", "2023-01-30")
    before = kb("log", "1")[1]
    code, out, err = kb(*learn, "--pick", "3")
    assert "2 candidate statements, dates read as of 2023-01-30" in out
    assert code == 2 and "no candidate 3" in err
    assert kb("log", "1")[1] == before  # no change recorded
    code, out, _ = kb(*learn, "--pick", "2")
    new_id = _number(r"Learned 1 statement: #(\d+)\.", out)
    assert "Denmark" in kb("show", str(new_id))[1]


def test_a_write_while_another_process_imports_is_one_busy_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "kb.sqlite")
    assert main(["--db", db, "kb", "stats"]) == 0
    capsys.readouterr()
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # a long import in another process holds the file
        code = main(["--db", db, "--write-wait", "0.3", "kb", "add", "The pier was rebuilt."])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [
        "error: The knowledge base is busy importing, try again in a minute."
    ]
