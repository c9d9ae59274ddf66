"""Interface text in the reader's language: gettext catalogues for English, Russian and
Ukrainian (bot/locale, built from the .po files by scripts/catalogues.py)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from telegram import User

DOMAIN = "bot"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
SOURCE = "en"  # the language the interface is written in
LANGUAGES = (SOURCE, "ru", "uk")

Translations = gettext.NullTranslations


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined; it is translated where shown."""
    return message


@cache
def translations(language: str) -> Translations:
    """The catalogue of `language` (one of LANGUAGES; any other: the English source text).

    A shipped language whose compiled catalogue is missing is an installation error, raised."""
    if language == SOURCE or language not in LANGUAGES:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language])


def user_language(user: User | None) -> str:
    """The interface language of `user`'s Telegram app when we ship it, else English."""
    code = (user.language_code or "") if user is not None else ""
    short = code.split("-")[0].lower()
    return short if short in LANGUAGES else SOURCE


def for_user(user: User | None) -> Translations:
    return translations(user_language(user))
