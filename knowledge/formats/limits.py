"""Guards for import files: YAML aliases that cannot explode, bounded nesting, short quotes."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node

from knowledge.errors import InvalidImport

MAX_DEPTH = 32  # nesting of lists and mappings; our records need four
MAX_EXPANDED = 5_000_000  # characters a YAML file may stand for, aliases written out
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
    """Safe YAML nested at most MAX_DEPTH deep, whose anchors and aliases expand to at most
    MAX_EXPANDED characters (a few hundred bytes of nested aliases expand to gigabytes;
    yaml.safe_dump and our seeds write an alias for each shared source, which stays small).
    Dates stay text, so a bad date is reported, not a crash."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise too_deep(f"line {event.start_mark.line + 1}")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_document(self) -> Node | None:
        document: Node | None = super().compose_document()
        if document is not None and _expanded(document, {}) > MAX_EXPANDED:
            raise InvalidImport(
                [],
                summary=f"The file's YAML anchors and aliases expand to more "
                f"than {MAX_EXPANDED:,} characters; write values out.",
            )
        return document


def _expanded(node: Node, sizes: dict[int, int]) -> int:
    """Characters and nodes `node` stands for with every alias written out; each shared node
    is sized once, so this takes time in proportion to the file, not to the expansion."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.ScalarNode):
        size = 1 + len(node.value)
    elif isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded(child, sizes) for child in node.value)
    else:
        size = 1 + sum(_expanded(k, sizes) + _expanded(v, sizes) for k, v in node.value)
    sizes[id(node)] = size
    return size


def _timestamp_as_text(loader: StrictLoader, node: Node) -> str:
    return str(loader.construct_yaml_str(node))


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def too_deep(where: str) -> InvalidImport:
    return InvalidImport(
        [],
        summary=f"The file nests lists or mappings more than {MAX_DEPTH} "
        f"deep ({where}); records are flat.",
    )


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
