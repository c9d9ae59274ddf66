"""Running a check's stages in order, and hooks that observe them (the benchmark times them;
checks ignore them)."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any, Protocol

from knowledge.checking.stages import STAGES, Stage


class StageHook(Protocol):
    """Something told when each stage of a check starts and ends."""

    def stage(self, name: str) -> AbstractContextManager[object]: ...


class Unobserved:
    """The default hook: stages pass unobserved."""

    def stage(self, name: str) -> AbstractContextManager[object]:
        return nullcontext()


UNOBSERVED = Unobserved()


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


async def run_stages(
    stages: Sequence[Stage[Any, Any]], data: object, hook: StageHook = UNOBSERVED
) -> object:
    """Pass `data` through each stage in turn, each observed by `hook`; the last one's value."""
    for stage in stages:
        with hook.stage(stage.name):
            data = await stage(data)
    return data
