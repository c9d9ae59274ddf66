"""Loading the curated seed knowledge (seeds/*.yaml) into a store: an import, idempotent."""

from __future__ import annotations

import asyncio
from pathlib import Path

from knowledge.errors import InvalidImport, InvalidSeed, KnowledgeError
from knowledge.formats import Batch, read_import
from knowledge.model import Actor
from knowledge.store import Store
from knowledge.writing import fresh_rules, fresh_statements, store_seed

SEED_ACTOR = Actor(id="seed", name="seed data")
SEED_FILES = ("entities.yaml", "statements.yaml", "rules.yaml")


def default_seed_dir() -> Path:
    """`seeds/` beside the package (a source checkout or an editable install)."""
    return Path(__file__).resolve().parent.parent / "seeds"


def read_seeds(directory: Path) -> Batch:
    """The seed files read and validated as `factcheck kb import` reads a file; InvalidSeed
    names the file and its first bad record."""
    batch = Batch()
    for name in SEED_FILES:
        path = directory / name
        try:
            part = read_import(path.read_bytes(), filename=name, allow_empty=True)
        except OSError as error:
            raise InvalidSeed(str(path), f"cannot read: {error.strerror}") from None
        except InvalidImport as error:
            raise InvalidSeed(str(path), _one_line(error)) from None
        batch.entities += part.entities
        batch.statements += part.statements
        batch.rules += part.rules
    return batch


def _one_line(error: InvalidImport) -> str:
    if not error.problems:
        return str(error).splitlines()[0]
    more = len(error.problems) - 1
    return f"{error.problems[0]}" + (f" (and {more} more bad record(s))" if more else "")


async def seed(store: Store, directory: Path | None = None) -> int:
    """Import whatever seed statements, entities and rules are missing, all or nothing;
    returns how many were added. Duplicates are skipped as in any import (same text, external
    id or key), so re-seeding adds nothing and never brings back a retired statement or rule.
    """
    directory = directory or default_seed_dir()
    if not directory.is_dir():
        raise KnowledgeError(f"Seed folder {directory} not found.")
    batch = await asyncio.to_thread(read_seeds, directory)  # YAML parsing holds no loop
    if not await _anything_to_write(store, batch):
        return 0  # no turn at the write lock: opening never waits for another writer
    return (await store_seed(store, batch, SEED_ACTOR)).added


async def _anything_to_write(store: Store, batch: Batch) -> bool:
    """Whether seeding would change anything: an entity new or changed, a statement or a rule
    the store does not hold (read without the write lock; the write checks again)."""
    stored = set(await store.entities.all())
    if any(entity not in stored for entity in batch.entities):
        return True
    if await fresh_statements(store, batch.statements, set()):
        return True
    return bool(await fresh_rules(store, batch.rules))
