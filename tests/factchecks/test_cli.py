"""`factcheck kb import` takes a ClaimReview feed; `factcheck check` shows the fact-check card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from tests.factchecks.conftest import review


def test_imported_feed_is_cited_in_the_check_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    db = str(tmp_path / "kb.sqlite")
    feed = tmp_path / "feed.jsonl"
    items = [
        review(
            "5G towers spread COVID-19.",
            "False",
            "5g",
            itemReviewed={"@type": "Claim", "author": {"name": "a viral post"}},
        )
    ]
    feed.write_text("\n".join(json.dumps(i) for i in items * 2), encoding="utf-8")
    assert main(["--db", db, "kb", "import", str(feed)]) == 0
    assert "Imported 1 rated claim (False), 0 statements," in capsys.readouterr().out
    message = tmp_path / "message.txt"
    message.write_text("5G towers spread COVID-19, a new report claims.", encoding="utf-8")
    assert main(["--db", db, "check", str(message)]) == 0
    out = capsys.readouterr().out
    assert "CONTRADICTED" in out
    assert "fact-check: False — Example Check, 2021-05-01" in out
    assert "rated claim: “5G towers spread COVID-19.” — a viral post" in out
    assert "https://check.example/5g" in out
