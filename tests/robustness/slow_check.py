"""A check function for worker processes that never returns on a marked text (the deadline tests)."""

from __future__ import annotations

import time
from typing import Any

from knowledge import KnowledgeBase, Report

STUCK = "STUCK"


async def stuck_on_marked_text(kb: KnowledgeBase, text: str, options: dict[str, Any]) -> Report:
    """`KnowledgeBase.check`, except that a text starting with STUCK blocks its process for an
    hour without yielding, like a check caught in a pathological input."""
    if text.startswith(STUCK):
        time.sleep(3600)
    return await kb.check(text, **options)
