"""Which language the app speaks: the user's setting, else the system's, else English.

The shipped languages are the compiled catalogues in ``resources/locale``; a language
is added by adding its ``.po`` and ``.mo`` there (``README.md`` → *Translations*).
"""

from __future__ import annotations

import gettext
import logging
import os
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from posturebreak.i18n import use
from posturebreak.i18n.c_library_formats import c_library_formats
from posturebreak.resources import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"  # the language the code is written in; it has no catalogue
DOMAIN = "posture-break"
_NO_LANGUAGE = {"c", "posix"}
_LANGUAGE_PART = re.compile(r"[A-Za-z]{2,3}")


def locale_dir() -> Path:
    """The folder with one ``<language>.po`` and ``<language>.mo`` per shipped language."""
    return resources_dir() / "locale"


def available_languages(folder: Path | None = None) -> tuple[str, ...]:
    """English first, then every language with a compiled catalogue, by code."""
    found = sorted(path.stem for path in (folder or locale_dir()).glob("*.mo"))
    return (SOURCE_LANGUAGE, *found)


def system_languages(environ: Mapping[str, str], platform: Iterable[str] = ()) -> list[str]:
    """The languages the user asked for, most wanted first, as gettext reads them.

    ``LANGUAGE`` (a colon list) counts unless the locale is C; then the first set of
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.  ``platform`` is what the desktop itself says
    (``QLocale.uiLanguages()``), which is all there is on Windows and macOS.
    """
    wanted: list[str] = []
    locale = next(
        (environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), ""
    )
    if _language_of(locale) != "":
        wanted.extend(part for part in environ.get("LANGUAGE", "").split(":") if part)
        wanted.append(locale)
    elif not locale:
        wanted.extend(platform)
    return wanted


def choose_language(setting: str, wanted: Iterable[str], available: Iterable[str]) -> str:
    """The first of the setting and the wanted languages that ships, else English."""
    shipped = set(available)
    for candidate in (setting, *wanted):
        language = _language_of(candidate)
        if language in shipped:
            return language
    return SOURCE_LANGUAGE


def _language_of(locale: str) -> str:
    """ "de" for "de_DE.UTF-8", "de-AT" or "de"; "" for C, POSIX or nonsense."""
    match = _LANGUAGE_PART.match(locale)
    if match is None or match.group().lower() in _NO_LANGUAGE:
        return ""
    return match.group().lower()


@cache  # the command line reads it for its help, then the tray app for its windows
def translations_for(language: str, folder: Path | None = None) -> gettext.NullTranslations:
    """The catalogue of ``language``; English (no catalogue) when it is missing or broken."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    path = (folder or locale_dir()) / f"{language}.mo"
    try:
        with path.open("rb") as catalogue:
            return gettext.GNUTranslations(catalogue)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        log.warning(
            "Cannot read the %s translation %s (%s); speaking English", language, path, error
        )
        return gettext.NullTranslations()


def users_language(setting: str, platform: Iterable[str] = ()) -> str:
    """The language to speak: the setting, else the environment's or the desktop's."""
    return choose_language(setting, system_languages(os.environ, platform), available_languages())


def speak(language: str) -> None:
    """Installs ``language``'s catalogue with the C library's formats: the command
    line's choice, as it loads no Qt."""
    use(translations_for(language), c_library_formats())
