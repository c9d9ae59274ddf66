"""Commands typed on a phone: the main text first, then optional `name: value` lines."""

from __future__ import annotations

from knowledge import KnowledgeError


def parse_fields(body: str, names: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """Split a command body into its main text and `name: value` lines for the known names.

    Raises KnowledgeError when text follows the fields (a field name mistyped, most often)."""
    main: list[str] = []
    fields: dict[str, str] = {}
    for line in body.splitlines():
        name, colon, value = line.partition(":")
        key = name.strip().lower()
        if colon and key in names and not value.startswith("//"):
            fields[key] = value.strip()
        elif fields:
            raise KnowledgeError(
                f"Put the text first and the fields after it; "
                f"{line.strip()[:40]!r} is not a field ({', '.join(names)})."
            )
        else:
            main.append(line)
    return " ".join(" ".join(main).split()), fields
