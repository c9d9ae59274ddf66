"""Normalising a fact-checker's published rating ("Pants on Fire!") into a rating class."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from knowledge.errors import InvalidSeed

CLASSES = ("false", "misleading", "mixed", "unproven", "satire", "true")
OTHER = "other"
FALSE_CLASSES = frozenset({"false", "misleading"})
_NOT_WORD = re.compile(r"[^\w]+")


def _normal(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


@dataclass(frozen=True, slots=True)
class RatingTable:
    """Published rating phrases (normalised) and the class each stands for."""

    phrases: dict[str, str]

    def classify(self, rating: str) -> str:
        """The class of a published rating: the whole rating if listed, else the longest listed
        phrase in it (as whole words), else "other"."""
        text = _normal(rating)
        if text in self.phrases:
            return self.phrases[text]
        padded = f" {text} "
        found = [p for p in self.phrases if f" {p} " in padded]
        return self.phrases[max(found, key=len)] if found else OTHER

    def extended(self, extra: dict[str, str]) -> RatingTable:
        return RatingTable({**self.phrases, **extra})


def _phrases(data: Any, where: str) -> dict[str, str]:
    if not isinstance(data, dict):
        raise InvalidSeed(where, "expected a mapping of rating class: list of ratings")
    table: dict[str, str] = {}
    for name, items in data.items():
        if name not in CLASSES and name != OTHER:
            raise InvalidSeed(
                where, f"{name!r} is not a rating class (use one of {', '.join(CLASSES)}, {OTHER})"
            )
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise InvalidSeed(where, f"{name}: expected a list of ratings as text")
        table.update((_normal(i), str(name)) for i in items if _normal(i))
    return table


def default_ratings() -> RatingTable:
    """The table shipped with the engine (knowledge/data/ratings.yaml)."""
    text = resources.files("knowledge.data").joinpath("ratings.yaml").read_text(encoding="utf-8")
    return RatingTable(_phrases(yaml.safe_load(text), "ratings.yaml"))


def load_ratings(seed_dir: Path | None) -> RatingTable:
    """The shipped table, extended by the curators' `ratings.yaml` in `seed_dir` if present."""
    table = default_ratings()
    path = seed_dir / "ratings.yaml" if seed_dir is not None else None
    if path is None or not path.is_file():
        return table
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidSeed(str(path), f"cannot read: {exc}") from exc
    return table.extended(_phrases(data, str(path)))
