"""`factcheck check`: files, standard input, URLs, JSON output and unusable input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REWRITTEN = ROOT / "seeds" / "articles" / "rewritten.txt"


def factcheck(
    *args: str, db: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )


def test_json_report_of_the_seed_article(tmp_path: Path) -> None:
    done = factcheck("check", str(REWRITTEN), "--json", db=tmp_path / "kb.sqlite")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["reference_date"] == "2023-01-30"
    text = REWRITTEN.read_text(encoding="utf-8")
    flagged = [c for c in report["claims"] if c["verdict"] in ("contradicted", "outdated")]
    assert any("Tuesday" in c["text"] for c in flagged)
    assert any("Minsk" in c["text"] for c in flagged)
    assert all(text[c["start"] : c["end"]] == c["text"] for c in report["claims"])


def test_date_option_changes_the_judgement(tmp_path: Path) -> None:
    article = b"Kyiv and Moscow must respect the Minsk accords, the minister said in a statement.\n"
    before = factcheck(
        "check", "-", "--json", "--date", "2021-05-01", db=tmp_path / "kb.sqlite", stdin=article
    )
    after = factcheck(
        "check", "-", "--json", "--date", "2023-05-01", db=tmp_path / "kb.sqlite", stdin=article
    )
    assert json.loads(before.stdout)["summary"]["outdated"] == 0
    assert json.loads(after.stdout)["summary"]["outdated"] == 1


def test_readable_report_names_the_problems(tmp_path: Path) -> None:
    done = factcheck("check", str(REWRITTEN), db=tmp_path / "kb.sqlite")
    out = done.stdout.decode()
    assert done.returncode == 0
    assert "CONTRADICTED" in out and "OUTDATED" in out and "Minsk" in out


def test_readable_report_gives_the_summary_before_the_details(tmp_path: Path) -> None:
    done = factcheck("check", str(REWRITTEN), "--date", "2023-01-30", db=tmp_path / "kb.sqlite")
    out = done.stdout.decode()
    summary, details = out.index("Summary"), out.index("Details")
    assert summary < out.index("Says “Tuesday”") < details
    assert out.count("britannica.com", summary, details) == 1  # one link for its two findings
    assert "(2 claims)" in out[summary:details]
    assert "UNVERIFIED" in out[details:] and "SUPPORTED" in out[details:]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"   \n", "no text", id="empty"),
        pytest.param(bytes(range(256)) * 50, "not UTF-8", id="binary"),
        pytest.param(("word " * 250_000).encode(), "limit is", id="huge"),
        pytest.param(
            "Le président a déclaré lundi que la guerre continuerait encore longtemps dans le pays et que les alliés étaient prêts.".encode(),
            "English",
            id="french",
        ),
    ],
)
def test_unusable_input_is_refused_and_nothing_is_written(
    tmp_path: Path, data: bytes, message: str
) -> None:
    db = tmp_path / "kb.sqlite"
    factcheck("check", str(REWRITTEN), "--json", db=db)  # create and seed
    before = db.read_bytes()
    done = factcheck("check", "-", db=db, stdin=data)
    assert done.returncode == 2
    assert message in done.stderr.decode()
    assert len(done.stderr.decode().strip().splitlines()) <= 2
    assert db.read_bytes() == before


def test_missing_file(tmp_path: Path) -> None:
    done = factcheck("check", str(tmp_path / "nope.txt"), db=tmp_path / "kb.sqlite")
    assert done.returncode == 2 and "No such file" in done.stderr.decode()


def test_url_is_fetched_and_checked(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "fetch"))
    from fetch_server import article_html, html_reply, serving

    with serving() as server:
        server.routes["/story"] = html_reply(article_html())
        done = factcheck(
            "check", server.url("/story"), "--json", "--allow-private", db=tmp_path / "kb.sqlite"
        )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["reference_date"] == "2023-01-30"
    flagged = [c["text"] for c in report["claims"] if c["verdict"] in ("contradicted", "outdated")]
    assert any("Tuesday" in t for t in flagged) and any("Minsk" in t for t in flagged)


def test_private_url_refused_by_default(tmp_path: Path) -> None:
    done = factcheck("check", "http://127.0.0.1:9/story", db=tmp_path / "kb.sqlite")
    assert done.returncode == 2
    assert "private or local network" in done.stderr.decode()


def test_a_check_past_its_budget_stops_with_one_line_and_exit_2(tmp_path: Path) -> None:
    done = factcheck("check", str(REWRITTEN), "--budget", "0.001", db=tmp_path / "kb.sqlite")
    err = done.stderr.decode().strip()
    assert done.returncode == 2
    assert err.startswith("error: The check took longer than 0.001 seconds and was stopped.")
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_the_budget_comes_from_the_environment(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "--db", str(tmp_path / "kb.sqlite"), "check", "-"],
        input=b"NATO troops moved to the border on Monday.",
        capture_output=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "CHECK_BUDGET_SECONDS": "0.002"},
    )
    assert done.returncode == 2
    assert "longer than 0.002 seconds" in done.stderr.decode()


def test_a_budget_must_be_a_positive_number(tmp_path: Path) -> None:
    done = factcheck("check", str(REWRITTEN), "--budget", "-1", db=tmp_path / "kb.sqlite")
    assert done.returncode == 2 and "is not a number of seconds above 0" in done.stderr.decode()
