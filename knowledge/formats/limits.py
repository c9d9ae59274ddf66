"""Guards for import files: YAML without anchors or aliases, bounded nesting, short quotes."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node

from knowledge.errors import InvalidImport

MAX_DEPTH = 32  # nesting of lists and mappings; our records need four
MAX_QUOTED = 100  # characters of a bad value shown in a message


def quoted(value: Any, *, limit: int = MAX_QUOTED) -> str:
    """`repr(value)` cut to `limit` characters, so a huge bad value makes a short message."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]  # never build the repr of a whole huge string
    shown = repr(value) if not isinstance(value, list | dict) else _short_repr(value, limit)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _short_repr(value: list[Any] | dict[Any, Any], limit: int) -> str:
    kind = "list" if isinstance(value, list) else "mapping"
    return f"a {kind} of {len(value)} item(s)"


class StrictLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases (a few bytes of them expand to gigabytes), nested
    at most MAX_DEPTH deep; dates stay text, so a bad date is reported, not a crash."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            line = event.start_mark.line + 1
            raise InvalidImport([], summary=f"The file uses a YAML anchor or alias (line {line}); "
                                            "write each value out in full.")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise too_deep(f"line {event.start_mark.line + 1}")
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_str)


def too_deep(where: str) -> InvalidImport:
    return InvalidImport([], summary=f"The file nests lists or mappings more than {MAX_DEPTH} "
                                     f"deep ({where}); records are flat.")


def check_depth(document: Any) -> None:
    """Raise InvalidImport if `document` nests lists and mappings more than MAX_DEPTH deep."""
    if not isinstance(document, dict | list):
        return
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_DEPTH:
                    raise too_deep("in the JSON")
                stack.append((child, depth + 1))
