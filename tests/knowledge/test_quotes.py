"""Misquotes and misattributed quotes."""

from __future__ import annotations

import knowledge
from tests.knowledge.conftest import finding_kinds


async def test_changed_words_are_a_misquote(kb: knowledge.KnowledgeBase) -> None:
    text = "“I urge the Republic of Korea to stop the specific issue of military support,” Stoltenberg said."
    assert "misquote" in await finding_kinds(kb, text)


async def test_exact_words_are_fine(kb: knowledge.KnowledgeBase) -> None:
    text = "“I urge the Republic of Korea to continue and to step up the specific issue of military support,” Stoltenberg said."
    kinds = await finding_kinds(kb, text)
    assert not kinds & {"misquote", "misattribution"}


async def test_quote_in_someone_elses_mouth(kb: knowledge.KnowledgeBase) -> None:
    text = "“Several NATO allies who had as a policy never to export weapons to countries in conflict have changed that policy now,” Putin said."
    assert "misattribution" in await finding_kinds(kb, text)
