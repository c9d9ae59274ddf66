"""The seed knowledge base rebuilt by curating: learn the CNN excerpt, import the background."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

import knowledge

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _background() -> bytes:
    """Entities, the non-CNN statements and the rules from seeds/, as one import document."""
    statements = yaml.safe_load((SEEDS / "statements.yaml").read_text(encoding="utf-8"))
    document = {
        "entities": yaml.safe_load((SEEDS / "entities.yaml").read_text())["entities"],
        "statements": [s for s in statements["statements"] if not s["key"].startswith("cnn-")],
        "rules": yaml.safe_load((SEEDS / "rules.yaml").read_text())["rules"],
    }
    return yaml.safe_dump(document, allow_unicode=True).encode()


async def test_learning_the_cnn_excerpt_plus_background_flags_the_rewrite(tmp_path: Path) -> None:
    cnn = (SEEDS / "articles" / "cnn_excerpt.txt").read_text(encoding="utf-8")
    rewritten = (SEEDS / "articles" / "rewritten.txt").read_text(encoding="utf-8")
    async with knowledge.open_kb(tmp_path / "kb.sqlite", seed=False) as kb:
        imported = await kb.curator.import_records(_background(), filename="background.yaml")
        assert len(imported.rule_ids) == 4
        learned = await kb.curator.learn(
            cnn, source="https://edition.cnn.com/2023/01/30/asia/", published=date(2023, 1, 30)
        )
        assert len(learned) >= 3
        report = await kb.check(rewritten)
    flagged = " ".join(c.text for c in report.flagged)
    assert "Tuesday" in flagged
    assert "Minsk" in flagged
