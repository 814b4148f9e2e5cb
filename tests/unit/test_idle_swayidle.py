"""The wlroots idle detector, driven by a stand-in for swayidle that prints its lines."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.platform.idle_swayidle import SwayidleDetector, swayidle_argv, whole_seconds

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


class StillClock:
    def now(self) -> datetime:
        return NOW


def fake_swayidle(tmp_path: Path, script: str) -> str:
    """A program that takes swayidle's arguments and does what ``script`` says."""
    program = tmp_path / "swayidle"
    program.write_text("#!/bin/sh\n" + script)
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(program)


def test_swayidle_prints_our_markers_and_dies_with_the_app() -> None:
    assert swayidle_argv("swayidle", 300, "/usr/bin/setpriv") == [
        "/usr/bin/setpriv", "--pdeathsig", "TERM", "--",
        "swayidle", "timeout", "300", "echo posture-break-idle",
        "resume", "echo posture-break-back",
    ]  # fmt: skip
    assert swayidle_argv("swayidle", 5, None)[0] == "swayidle"


@pytest.mark.parametrize(
    ("threshold", "seconds"),
    [(timedelta(milliseconds=200), 1), (timedelta(seconds=90.5), 91), (timedelta(minutes=5), 300)],
)
def test_swayidle_counts_whole_seconds_and_at_least_one(threshold: timedelta, seconds: int) -> None:
    assert whole_seconds(threshold) == seconds


def test_outside_wayland_it_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    detector = SwayidleDetector(StillClock(), timedelta(minutes=5), swayidle="/bin/true")
    assert not detector.start()
    assert detector.unavailable_reason == "not a Wayland session"


def test_idle_is_away_since_the_threshold_began_and_resume_is_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-test")
    script = (
        'echo posture-break-idle; echo posture-break-back; echo "no idle protocol" >&2; exit 3\n'
    )
    detector = SwayidleDetector(
        StillClock(), timedelta(seconds=90), swayidle=fake_swayidle(tmp_path, script)
    )
    away: list[datetime] = []
    back: list[datetime] = []
    detector.went_away.connect(away.append)
    detector.came_back.connect(back.append)
    assert detector.start()
    qtbot.waitUntil(lambda: detector.unavailable_reason != "", timeout=10_000)
    assert away == [NOW - timedelta(seconds=90)]
    assert back == [NOW]
    assert detector.unavailable_reason == "swayidle ended (exit 3): no idle protocol"


def test_a_swayidle_that_ends_while_away_brings_the_user_back(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-test")
    program = fake_swayidle(tmp_path, "echo posture-break-idle; exit 1\n")
    detector = SwayidleDetector(StillClock(), timedelta(seconds=60), swayidle=program)
    with qtbot.waitSignal(detector.came_back, timeout=10_000):
        assert detector.start()
    assert not detector.away


def test_a_new_threshold_starts_a_new_swayidle_that_counts_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-test")
    arguments = tmp_path / "arguments"
    # Writes its arguments down, says "idle", and waits to be ended.
    script = f'echo "$@" >> {arguments}; echo posture-break-idle; exec sleep 600\n'
    detector = SwayidleDetector(
        StillClock(), timedelta(seconds=60), swayidle=fake_swayidle(tmp_path, script)
    )
    with qtbot.waitSignal(detector.went_away, timeout=10_000):
        assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=10_000) as second:
        detector.set_threshold(timedelta(seconds=120))
    assert second.args == [NOW - timedelta(seconds=120)]
    lines = arguments.read_text().splitlines()
    assert [line.split()[1] for line in lines] == ["60", "120"]
    detector.stop()
    assert detector.unavailable_reason == ""  # stopping is no failure
