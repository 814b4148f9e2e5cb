"""The core's sentences (settings problems, comfort, stool trial, ``stats``, request
errors) in German and Spanish: translated, every placeholder filled, English after."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from posturebreak.core.comfort import CheckIn, ComfortAverage, InvalidCheckInError
from posturebreak.core.commands import BadRequestError, parse_request, unknown_reminder
from posturebreak.core.events import Outcome
from posturebreak.core.settings import Settings, settings_from_dict
from posturebreak.core.statistics import DayTally, summarise
from posturebreak.core.stool_trial import (
    SettingComfort,
    parse_setting_names,
    per_setting_text,
    stool_reminder_line,
)
from posturebreak.i18n import PlainFormats
from posturebreak.reports import ComfortReport, stats_text
from tests.support.language import speaking

TODAY = date(2026, 11, 27)
LANGUAGES = ("de", "es")


def problems_of(data: dict[str, object]) -> list[str]:
    return settings_from_dict(data)[1]


def bad_settings() -> dict[str, object]:
    return {
        "version": 2,
        "schedule": {"idle_threshold_minutes": 999, "working_days": "mon"},
        "general": {"daily_goal": "six"},
        "stool_trial": {"enabled": "yes"},
        "colour": "blue",
    }


def report() -> str:
    tallies = [
        DayTally(TODAY, "stretch", Outcome.DONE, False, 3),
        DayTally(TODAY, "stretch", Outcome.SKIPPED, False, 1),
    ]
    summary = summarise(tallies, {TODAY: 3}, TODAY, Settings(), days=7)
    comfort = ComfortReport(
        ComfortAverage(6.25, 4), [SettingComfort("low", ComfortAverage(6.0, 3))]
    )
    return stats_text(summary, comfort)


def assert_filled(text: str) -> None:
    """No ``{field}`` left unfilled (a TOML table such as ``{ at = … }`` may stay)."""
    assert re.search(r"\{\w+\}", text) is None, text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["muss zwischen 0 und 120 liegen", "unbekannte Einstellung colour ignoriert"]),
        ("es", ["debe estar entre 0 y 120", "ajuste desconocido colour ignorado"]),
    ],
)
def test_settings_problems_are_translated_with_keys_and_values_kept(
    language: str, expected: list[str]
) -> None:
    with speaking(language):
        problems = problems_of(bad_settings())
    english = problems_of(bad_settings())
    assert len(problems) == len(english) == 5
    joined = "\n".join(problems)
    for text in expected:
        assert text in joined
    for key in ("schedule.idle_threshold_minutes", "schedule.working_days", "general.daily_goal"):
        assert key in joined
    assert "'six'" in joined and "'yes'" in joined
    for problem in problems:
        assert_filled(problem)
    assert not set(problems) & set(english)


def test_the_stats_report_speaks_german_with_its_columns_aligned() -> None:
    with speaking("de"):
        text = report()
    lines = text.splitlines()
    assert lines[0] == "Posture Break: die letzten 7 Tage (21 Nov 2026 bis 27 Nov 2026)"
    assert "Übersprungen" in lines[2] and "Quote" in lines[2]
    assert len(lines[2]) == len(lines[3])  # headings as wide as the rows below
    for german in (
        "Heute: 3 von 6 Pausen erledigt",
        "Serie: 0 Tage (Rekord 0 Tage)",
        "Wohlbefinden: Durchschnitt 6.2 an 4 Tagen",
        "Wohlbefinden je Fußstützen-Stufe: low: 6.0 an 3 Tagen",
    ):
        assert german in text
    assert_filled(text)
    assert report().splitlines()[0].startswith("Posture Break: the last 7 days")


def test_the_stats_report_speaks_spanish() -> None:
    with speaking("es"):
        text = report()
    assert text.startswith("Posture Break: los últimos 7 días (21 Nov 2026 a 27 Nov 2026)")
    assert "Hoy: 3 de 6 descansos hechos" in text and "Omitidos" in text
    assert "Comodidad: media de 6.2 en 4 días" in text
    assert_filled(text)


def test_comfort_and_stool_texts_use_the_locale_s_numbers() -> None:
    class Commas(PlainFormats):
        def decimal(self, value: float, places: int = 1) -> str:
            return super().decimal(value, places).replace(".", ",")

    with speaking("de", Commas()):
        assert ComfortAverage(6.25, 1).text == "Wohlbefinden: Durchschnitt 6,2 an 1 Tag"
        assert ComfortAverage(None, 0).text == "Wohlbefinden: noch keine Einträge"
        assert SettingComfort("hoch", ComfortAverage(5.0, 1)).text == "hoch: noch 2 Tage nötig"
        assert stool_reminder_line("mittel") == "Fußstützen-Stufe heute: mittel"
        assert per_setting_text([SettingComfort("hoch", ComfortAverage(7.5, 3))]) == (
            "Wohlbefinden je Fußstützen-Stufe: hoch: 7,5 an 3 Tagen"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_refused_input_is_explained_in_the_language(language: str) -> None:
    with speaking(language):
        with pytest.raises(InvalidCheckInError) as check_in:
            CheckIn(TODAY, 11, datetime(2026, 11, 27, 17, 0))
        with pytest.raises(ValueError) as names:
            parse_setting_names("low, low")
        with pytest.raises(BadRequestError) as request:
            parse_request({"command": "pause", "minutes": "ten"})
        unknown = str(unknown_reminder("walk", ["stretch"]))
    messages = [str(check_in.value), str(names.value), str(request.value), unknown]
    for message in messages:
        assert_filled(message)
    assert "11" in messages[0] and "'low'" in messages[1] and "'ten'" in messages[2]
    assert "'walk'" in unknown and "stretch" in unknown
    assert not any(
        message.startswith(("comfort must", "the stool", "minutes must", "no rem"))
        for message in messages
    )
