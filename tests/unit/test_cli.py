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
