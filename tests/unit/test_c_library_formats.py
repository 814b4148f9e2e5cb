"""The command line writes dates, times and numbers as the C library's locale does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_PRINT_FORMATS = """
import datetime, json
from posturebreak.i18n.c_library_formats import c_library_formats
formats = c_library_formats()
day = datetime.date(2026, 3, 23)
print(json.dumps([type(formats).__name__, formats.clock(datetime.time(18, 5)),
    formats.weekday(0), formats.day_month_year(day), formats.decimal(1234.5),
    formats.integer(12345)]))
"""


@pytest.fixture(scope="module")
def locales(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """German, Spanish and US English compiled into a folder of their own (LOCPATH), as
    the test machine need not have them installed."""
    folder = tmp_path_factory.mktemp("locales")
    for name in ("de_DE", "es_ES", "en_US"):
        subprocess.run(
            ["localedef", "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")],
            check=True,
            capture_output=True,
        )
    return folder


def written_in(locales: Path, lang: str) -> list[str]:
    env = {**os.environ, "LOCPATH": str(locales), "LANG": lang}
    for name in ("LC_ALL", "LC_TIME", "LC_NUMERIC"):
        env.pop(name, None)
    run = subprocess.run(
        [sys.executable, "-c", _PRINT_FORMATS], env=env, capture_output=True, text=True, check=True
    )
    return list(json.loads(run.stdout))


@pytest.mark.parametrize(
    ("lang", "written"),
    [
        ("de_DE.UTF-8", ["CLibraryFormats", "18:05", "Mo", "23. Mär 2026", "1.234,5", "12.345"]),
        ("es_ES.UTF-8", ["CLibraryFormats", "18:05", "lun", "23 mar 2026", "1.234,5", "12.345"]),
        ("en_US.UTF-8", ["CLibraryFormats", "6:05 PM", "Mon", "Mar 23, 2026", "1,234.5", "12,345"]),
        # No locale, or one that is not installed: plain, as before there were locales.
        ("C.UTF-8", ["PlainFormats", "18:05", "Mon", "23 Mar 2026", "1234.5", "12345"]),
        ("fr_FR.UTF-8", ["PlainFormats", "18:05", "Mon", "23 Mar 2026", "1234.5", "12345"]),
    ],
)
def test_the_command_line_writes_as_the_c_librarys_locale_does(
    locales: Path, lang: str, written: list[str]
) -> None:
    assert written_in(locales, lang) == written
