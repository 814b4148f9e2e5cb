"""The command line: help, version, and control commands with no app running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from posturebreak import __version__
from posturebreak.cli import main


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "posturebreak", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
        timeout=60,
    )


def test_version_prints_the_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"posture-break {__version__}"


def test_help_lists_the_commands_and_the_environment() -> None:
    out = run_cli("--help").stdout
    for word in ("pause", "resume", "skip", "status", "--profile-dir", "TIME_SCALE"):
        assert word in out


def test_a_control_command_without_a_running_app_says_so(tmp_path: Path) -> None:
    result = run_cli("--profile-dir", str(tmp_path), "status")
    assert result.returncode == 1
    assert "not running" in result.stderr


def test_a_bad_time_scale_stops_with_a_clear_message(tmp_path: Path) -> None:
    result = run_cli("--profile-dir", str(tmp_path), POSTURE_BREAK_TIME_SCALE="fast")
    assert result.returncode == 2
    assert "POSTURE_BREAK_TIME_SCALE: time scale must be a positive number" in result.stderr


@pytest.mark.parametrize("minutes", ["0", "-5", "soon"])
def test_pause_minutes_must_be_positive(minutes: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["pause", "--minutes", minutes])
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["pause", "--minutes", "soon"], "--minutes: must be a number of minutes, got 'soon'"),
        (["pause", "--minutes", "1e12"], "a pause lasts from 1 minute to a week"),
        (["pause", "--minutes", "inf"], "a pause lasts from 1 minute to a week"),
        (["pause", "--minutes", "100000000"], "a pause lasts from 1 minute to a week"),
        (["export", "--format", "xml"], "--format: must be one of csv, json, got 'xml'"),
        (["export", "--since", "yesterday"], "--since: must be a date like 2026-03-31"),
        (["stats", "--days", "week"], "--days: must be a whole number from 1 to 36500"),
        (["break-now", "Nap!"], "kind must be a reminder id like 'stretch', got 'Nap!'"),
    ],
)
def test_bad_arguments_say_what_is_expected_not_a_function_name(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert message in error
    assert "invalid _" not in error and "ExportFormat" not in error and "fromisoformat" not in error


def test_help_offers_quit_status_json_and_break_kinds() -> None:
    assert "quit" in run_cli("--help").stdout
    assert "--json" in run_cli("status", "--help").stdout
    break_help = run_cli("break-now", "--help").stdout
    assert "uncross_legs" in break_help and "foot_stool" in break_help
    pause_help = " ".join(run_cli("pause", "--help").stdout.split())
    assert "until tomorrow's first working hours (or midnight when you remind at any time)" in (
        pause_help
    )
    assert "10080" in pause_help
