"""Guards for import files: YAML aliases that cannot explode, bounded nesting, short quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
from yaml.nodes import Node

from knowledge.errors import InvalidImport

MAX_DEPTH = 32  # nesting of lists and mappings; our records need four
MAX_EXPANDED = 5_000_000  # characters a YAML file may stand for, aliases written out
MAX_QUOTED = 100  # characters of a bad value shown in a message
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, CR, LF are spacing


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


def kind_of(value: Any) -> str:
    """What a value is, in a user's words: "a number", "a list", "text", ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"a number ({quoted(value)})"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a mapping"


def control_characters(value: Any, name: str = "") -> Iterator[tuple[str, str]]:
    """(field, problem) for each text in `value` (a record, walked through its mappings and
    lists, keys too) that holds a control character such as NUL: refused at the door, since
    they hide text from people and from the duplicate check."""
    if isinstance(value, str):
        found = _CONTROL.search(value)
        if found:
            char = found.group()
            label = f"U+{ord(char):04X}" + (f" {_NAMES[char]}" if char in _NAMES else "")
            yield (
                name or "(value)",
                f"holds a control character ({label}) at character "
                f"{found.start() + 1:,}; remove it and import again",
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{name}.{key}" if name else str(key)
            if isinstance(key, str) and _CONTROL.search(key):
                yield from control_characters(key, f"{inner} (the field name)")
            yield from control_characters(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from control_characters(item, f"{name or '(list)'}[{index}]")


_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL"}
