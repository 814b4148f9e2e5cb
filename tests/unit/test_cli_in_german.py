"""The command line speaks the system's language, argparse's own words included, and the
app's notices speak the installed one, with every placeholder filled; English comes
back afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from posturebreak.cli import _language_setting, main
from posturebreak.core.settings import Settings
from posturebreak.i18n import _
from posturebreak.platform.calls import CallDetector
from posturebreak.services.private_files import what_is_there
from posturebreak.services.settings_store import LoadedSettings
from tests.support.language import speaking
from tests.unit.test_settings_store import make_store


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    """A German system, as the command line reads it from the environment."""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def error_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_help_is_german_down_to_argparse_s_own_words(
    german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    out = help_of(["--help"], capsys)
    assert out.startswith("Aufruf: posture-break")
    for words in (
        "Optionen:",
        "diese Hilfe anzeigen und beenden",
        "Erinnerungen pausieren (Standard: 30 Minuten)",
        "Umgebung: POSTURE_BREAK_PROFILE_DIR=DIR wirkt wie --profile-dir DIR",
        "Posture Break: Erinnerungen im Infobereich",
    ):
        assert words in " ".join(out.split()), words
    assert "usage:" not in out and "{" not in out


def test_a_command_s_help_is_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    out = " ".join(help_of(["pause", "--help"], capsys).split())
    assert "wie lange, von 1 bis 10080 (eine Woche; Standard: 30)" in out
    assert "bis zum Beginn der Arbeitszeit morgen" in out


def test_a_bad_argument_is_refused_in_german(
    german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    error = error_of(["stats", "--days", "0"], capsys)
    assert "posture-break stats: Fehler: Argument --days: " in error
    assert "muss eine ganze Zahl von 1 bis 36500 sein, nicht '0'" in error
    error = error_of(["nap"], capsys)
    assert "ungültige Auswahl: 'nap'" in error


def test_the_language_setting_wins_over_the_system(
    german: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('[general]\nlanguage = "es"\n')
    code = main(["--profile-dir", str(tmp_path), "status"])
    assert code == 1
    assert capsys.readouterr().err.strip() == "Posture Break no se está ejecutando."


def test_english_comes_back_after_a_language(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    help_of(["--help"], capsys)
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = help_of(["--help"], capsys)
    assert out.startswith("usage: posture-break") and "show this help message and exit" in out


def test_settings_notices_are_german_with_every_placeholder_filled(tmp_path: Path) -> None:
    aside = tmp_path / "settings.toml.broken-20261128-101500"
    problems = tuple(f"problem {number}" for number in range(5))
    with speaking("de"):
        notice = LoadedSettings(Settings(), problems, aside).user_message()
        (tmp_path / "settings.toml").write_text("")
        loaded = make_store(tmp_path).load()
    assert notice is not None
    assert "• und 2 weitere (siehe Protokoll)" in notice
    assert notice.endswith(
        "Deine alte Datei bleibt als settings.toml.broken-20261128-101500 erhalten."
    )
    assert loaded.problems == ("settings.toml war leer",)


def test_a_file_in_the_wrong_form_is_named_in_spanish() -> None:
    with speaking("es"):
        assert what_is_there("settings.toml", "a folder") == (
            "settings.toml es una carpeta, no un archivo"
        )


def test_a_detector_s_name_reaches_the_about_window_in_german() -> None:
    with speaking("de"):
        shown = _(CallDetector(None).name)
    assert shown == "Anruferkennung: nur Kamera (kein pactl für das Mikrofon)"


def test_the_language_setting_is_found_however_the_profile_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('[general]\nlanguage = "de"\n')
    for words in (["--profile-dir", str(tmp_path)], [f"--profile-dir={tmp_path}", "status"]):
        assert _language_setting(words) == "de"
    monkeypatch.setenv("POSTURE_BREAK_PROFILE_DIR", str(tmp_path))
    assert _language_setting([]) == "de"  # a plain start: no words at all
    assert _language_setting(["--profile-dir"]) == "de"  # argparse will refuse it
