"""The shipped languages are complete and current, and the app picks the right one."""

from __future__ import annotations

import gettext
import importlib.machinery
import importlib.util
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale

from posturebreak.i18n import PlainFormats
from posturebreak.i18n.language import (
    available_languages,
    choose_language,
    locale_dir,
    system_languages,
    translations_for,
)
from posturebreak.i18n.qt_locale import QtFormats, formats_for

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [language for language in available_languages() if language != "en"]


def _update_script() -> ModuleType:
    path = ROOT / "scripts" / "update-translations"
    loader = importlib.machinery.SourceFileLoader("update_translations", str(path))
    spec = importlib.util.spec_from_loader("update_translations", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_german_and_spanish_ship() -> None:
    assert {"de", "es"} <= set(SHIPPED)


@pytest.mark.parametrize("language", SHIPPED)
def test_a_shipped_language_translates_every_string_and_its_mo_is_compiled_from_its_po(
    language: str,
) -> None:
    assert _update_script().stale(language) == []


def test_the_template_holds_every_string_marked_in_the_code_and_the_catalogue(
    tmp_path: Path,
) -> None:
    script = _update_script()
    fresh = tmp_path / "fresh.pot"
    script.extract(fresh)
    current, committed = script.message_ids(fresh), script.message_ids(script.TEMPLATE)
    assert current - committed == set(), "run scripts/update-translations"
    assert committed - current == set(), "run scripts/update-translations"


@pytest.mark.parametrize(
    ("environ", "platform", "wanted"),
    [
        ({"LANG": "de_DE.UTF-8"}, [], ["de_DE.UTF-8"]),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "es:fr"}, [], ["es", "fr", "de_DE.UTF-8"]),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "de_DE.UTF-8"}, [], ["es_ES.UTF-8"]),
        ({"LANG": "C.UTF-8", "LANGUAGE": "de"}, ["es-ES"], []),  # C means "no language"
        ({}, ["es-ES", "en-US"], ["es-ES", "en-US"]),  # Windows and macOS say it this way
    ],
)
def test_the_systems_languages_are_read_as_gettext_reads_them(
    environ: dict[str, str], platform: list[str], wanted: list[str]
) -> None:
    assert system_languages(environ, platform) == wanted


@pytest.mark.parametrize(
    ("setting", "wanted", "chosen"),
    [
        ("", ["de_AT.UTF-8"], "de"),
        ("", ["fr_FR", "es-MX"], "es"),
        ("es", ["de_DE"], "es"),  # the setting wins over the system
        ("pt_BR", ["de_DE"], "de"),  # a language that does not ship falls through
        ("", ["fr_FR"], "en"),
        ("", ["../../etc"], "en"),
    ],
)
def test_the_setting_comes_first_then_the_system_then_english(
    setting: str, wanted: list[str], chosen: str
) -> None:
    assert choose_language(setting, wanted, ["en", "de", "es"]) == chosen


def test_a_missing_or_broken_catalogue_means_english(tmp_path: Path) -> None:
    (tmp_path / "de.mo").write_bytes(b"\xde\x12\x04\x95 not really a catalogue")
    for language in ("de", "fr"):
        translations = translations_for(language, tmp_path)
        assert type(translations) is gettext.NullTranslations
        assert translations.gettext("Settings…") == "Settings…"


def test_the_language_list_comes_from_the_compiled_catalogues(tmp_path: Path) -> None:
    for name in ("es.mo", "de.mo", "de.po", "posture-break.pot"):
        (tmp_path / name).write_bytes(b"")
    assert available_languages(tmp_path) == ("en", "de", "es")
    assert available_languages(locale_dir())[0] == "en"


MONDAY = date(2026, 11, 23)
EVENING = datetime(2026, 11, 23, 18, 5)


@pytest.mark.parametrize(
    ("locale", "written"),
    [
        ("de_DE", ("18:05", "Mo.", "23. Nov.", "23. Nov. 2026", "3,5", "12.345")),
        ("es_ES", ("18:05", "lun", "23 nov", "23 nov 2026", "3,5", "12.345")),
        ("en_US", ("6:05\u202fPM", "Mon", "Nov 23", "Nov 23, 2026", "3.5", "12,345")),
        ("en_GB", ("18:05", "Mon", "23 Nov", "23 Nov 2026", "3.5", "12,345")),
    ],
)
def test_dates_times_and_numbers_follow_the_locale(locale: str, written: tuple[str, ...]) -> None:
    formats = QtFormats(QLocale(locale))
    assert formats.clock(time(18, 5)) == formats.clock(EVENING)
    assert (
        formats.clock(EVENING).replace(" ", "\u202f"),
        formats.weekday(MONDAY.weekday()),
        formats.day_month(MONDAY),
        formats.day_month_year(MONDAY),
        formats.decimal(3.5),
        formats.integer(12345),
    ) == written


def test_the_plain_formats_are_what_the_app_wrote_before_it_had_locales() -> None:
    formats = PlainFormats()
    assert formats.clock(EVENING) == "18:05"
    assert formats.weekday(0) == "Mon"
    assert formats.day_month_year(MONDAY) == "23 Nov 2026"
    assert formats.decimal(3.25, 2) == "3.25"


def test_formats_follow_the_system_where_it_speaks_the_language_and_its_country_otherwise() -> None:
    assert formats_for("en", QLocale.c()).clock(EVENING) == "18:05"
    assert formats_for("de", QLocale.c()).weekday(0) == "Mo."
    austrian = formats_for("de", QLocale("de_AT"))
    assert isinstance(austrian, QtFormats) and austrian.locale.name() == "de_AT"
    english_in_germany = formats_for("en", QLocale("de_DE"))
    assert english_in_germany.clock(EVENING) == "18:05"  # not "6:05 PM"
    assert english_in_germany.weekday(0) == "Mon"
