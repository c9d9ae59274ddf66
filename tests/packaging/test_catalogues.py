"""The interface catalogues are in step with the code: every marked text is translated into
Russian and Ukrainian, with the same placeholders and HTML tags, and the shipped .mo files
are built from the current .po files."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("babel")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import catalogues  # noqa: E402

from bot.i18n import LANGUAGES, translations  # noqa: E402

_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_TAG = re.compile(r"</?(\w+)")


def test_the_catalogues_match_the_code_and_the_shipped_mo_files() -> None:
    assert catalogues.problems() == []


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_translations_keep_placeholders_and_tags(language: str) -> None:
    catalog = catalogues.read(catalogues.po_path(language), language)
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert sorted(_PLACEHOLDER.findall(string)) == sorted(
                _PLACEHOLDER.findall(sources[-1])
            ), string
            assert sorted(_TAG.findall(string)) == sorted(_TAG.findall(sources[0])), string


def test_the_bot_loads_each_shipped_language() -> None:
    russian = translations("ru").ngettext(
        "{count} person has asked", "{count} people have asked", 3
    )
    ukrainian = translations("uk").gettext("Cancel")
    assert russian == "{count} человека спросили" and ukrainian == "Скасувати"
