"""Hooks that observe the check pipeline's stages (the benchmark times them; checks ignore them)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Protocol

#: The stages of `KnowledgeBase.check`, in order.
STAGES = (
    "reading",  # tokenising, sentences, claims and their features
    "retrieval",  # full-text candidates for each claim, re-ranked
    "statements",  # the candidates' statements, parsed (cached between checks)
    "context",  # rule evidence and the learned articles behind the candidates
    "pair model",  # alignment, and the closest pairs read by the learned pair model (one batch)
    "judging",  # the verdicts from the model's reading (or the alignment model) and the detectors
    "fact checks",  # rated claims among the candidates
)


class StageHook(Protocol):
    """Something told when each stage of a check starts and ends."""

    def stage(self, name: str) -> AbstractContextManager[object]: ...


class Unobserved:
    """The default hook: stages pass unobserved."""

    def stage(self, name: str) -> AbstractContextManager[object]:
        return nullcontext()


class StageTimes:
    """Wall time spent in each stage, summed over every check it observes."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
