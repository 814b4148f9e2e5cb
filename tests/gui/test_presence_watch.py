"""Detectors' reports become absences: natural breaks, and the idle setting obeyed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import SystemClock, TimeScale
from posturebreak.core.events import Outcome
from posturebreak.core.reminders import ReminderId
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors
from posturebreak.platform.presence import IdleDetector, PresenceDetector
from tests.gui.conftest import FakeClock, RecordingNotifier

SHIPPED_THREE = ("stretch", "uncross_legs", "foot_stool")

SIT = "uncross_legs"


class FakeIdle(IdleDetector):
    name = "Idle detection: a test's"

    def __init__(self, works: bool = True) -> None:
        super().__init__(SystemClock(), timedelta(hours=9))
        self.works = works
        self.running = False
        self.unavailable_reason = "" if works else "no idle time here"

    def start(self) -> bool:
        self.running = self.works
        return self.works

    def stop(self) -> None:
        self.running = False

    def set_threshold(self, threshold: timedelta) -> None:
        self._threshold = threshold


class FakeSleep(PresenceDetector):
    name = "Sleep: a test's"

    def start(self) -> bool:
        return True

    def stop(self) -> None:
        pass


Parts = tuple[PostureBreakApp, FakeClock, FakeIdle, FakeSleep]


@pytest.fixture
def watched_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Parts]:
    clock, idle, sleep = FakeClock(), FakeIdle(), FakeSleep(SystemClock())
    posture_app = PostureBreakApp(
        AppPaths.under(tmp_path),
        clock,
        TimeScale(),
        notifier=RecordingNotifier(),
        detectors=DesktopDetectors(idle=idle, presence=(sleep,)),
    )
    posture_app.start()
    yield posture_app, clock, idle, sleep
    posture_app.stop()
    posture_app.tray.menu.deleteLater()
    posture_app.deleteLater()
    qtbot.wait(1)


def logged(posture_app: PostureBreakApp) -> list[tuple[ReminderId, Outcome]]:
    return sorted((e.event.kind, e.event.outcome) for e in posture_app.history.recent())


def test_idle_then_asleep_is_one_absence_ended_by_the_last_detector(watched_app: Parts) -> None:
    posture_app, clock, idle, sleep = watched_app
    assert idle.running and idle.threshold == timedelta(minutes=5)
    start = clock.moment
    idle.went_away.emit(start)
    assert posture_app.status().startswith("Away since")
    sleep.went_away.emit(start + timedelta(minutes=10))
    clock.moment = start + timedelta(hours=1)
    sleep.came_back.emit(clock.moment)  # woke up: nobody has typed yet
    assert posture_app.scheduler.schedule.away_since == start
    idle.came_back.emit(clock.moment)
    assert posture_app.scheduler.schedule.away_since is None
    assert logged(posture_app) == sorted((kind, Outcome.NATURAL_BREAK) for kind in SHIPPED_THREE)


def test_natural_break_after_0_switches_idle_detection_off(watched_app: Parts) -> None:
    posture_app, clock, idle, _ = watched_app
    idle.went_away.emit(clock.moment)
    settings = posture_app.settings
    off = replace(settings, schedule=replace(settings.schedule, idle_threshold_minutes=0))
    posture_app.apply_settings(off)
    assert not idle.running  # and its absence ends with it
    assert posture_app.scheduler.schedule.away_since is None
    posture_app.apply_settings(settings)
    assert idle.running and idle.threshold == timedelta(minutes=5)
    assert posture_app.timing.presence.states == {
        "Idle detection: a test's": "on",
        "Sleep: a test's": "on",
    }


def test_a_detector_that_cannot_work_here_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    posture_app = PostureBreakApp(
        AppPaths.under(tmp_path),
        FakeClock(),
        TimeScale(),
        notifier=RecordingNotifier(),
        detectors=DesktopDetectors(idle=FakeIdle(works=False)),
    )
    posture_app.start()
    try:
        assert posture_app.timing.presence.states == {
            "Idle detection: a test's": "off, no idle time here"
        }
    finally:
        posture_app.stop()
