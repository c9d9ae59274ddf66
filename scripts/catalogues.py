"""Keeping the interface catalogues in step with the code (needs Babel: pip install -e '.[test]').

    python scripts/catalogues.py update    # extract bot/ text into bot/locale/bot.pot and
                                           # merge it into each language's .po (keeps what is
                                           # translated; new or changed text comes out fuzzy)
    python scripts/catalogues.py compile   # build the .mo files the bot loads (shipped)
    python scripts/catalogues.py check     # exit 1 and say what is stale or untranslated

Text is marked in the code with `N_("...")` where it is defined and translated where shown
(`tr.gettext(...)`, `tr.ngettext(...)`); tests/i18n/test_catalogues.py runs `check`.
"""

from __future__ import annotations

import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
LOCALE = BOT / "locale"
DOMAIN = "bot"
LANGUAGES = ("ru", "uk")  # English is the source text
_PROJECT = "factcheck-bot"


def template() -> Catalog:
    """Every marked message in bot/, with where it is used."""
    catalog = Catalog(project=_PROJECT, charset="utf-8", fuzzy=False)
    for filename, line, message, comments, context in extract_from_dir(
        BOT, method_map=[("**.py", "python")], comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(
            message,
            locations=[(f"bot/{filename}", line)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def _write_po(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False)


def update() -> None:
    fresh = template()
    _write_po(LOCALE / f"{DOMAIN}.pot", fresh)
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read(path, language) if path.exists() else Catalog(locale=language)
        catalog.update(fresh, no_fuzzy_matching=False)
        catalog.obsolete.clear()
        _write_po(path, catalog)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        po = po_path(language)
        po.with_suffix(".mo").write_bytes(compiled(read(po, language)))


def problems() -> list[str]:
    """What is out of step: text in the code not in a catalogue (or the reverse), text not
    translated or marked fuzzy, and .mo files that do not match their .po."""
    found: list[str] = []
    wanted = {m.id for m in template() if m.id}
    for language in LANGUAGES:
        po = po_path(language)
        if not po.exists():
            found.append(f"{po}: missing (run scripts/catalogues.py update)")
            continue
        catalog = read(po, language)
        have = {m.id for m in catalog if m.id}
        found += [f"{language}: not in the catalogue: {_short(m)}" for m in wanted - have]
        found += [f"{language}: no longer in the code: {_short(m)}" for m in have - wanted]
        for message in catalog:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings):
                found.append(f"{language}: not translated (or fuzzy): {_short(message.id)}")
        found += _stale_mo(po, catalog, language)
    return found


def _stale_mo(po: Path, catalog: Catalog, language: str) -> list[str]:
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        return [f"{mo}: out of date (run scripts/catalogues.py compile)"]
    with mo.open("rb") as handle:
        gettext.GNUTranslations(handle)  # it loads
    return []


def _short(message_id: object) -> str:
    text = message_id[0] if isinstance(message_id, tuple) else str(message_id)
    return repr(text[:60])


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        print("\n".join(found) if found else "catalogues in sync")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
