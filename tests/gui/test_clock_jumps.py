"""Setting the wall clock neither brings a burst of reminders nor holds them back."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import ClockJumps, TimeScale
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors
from tests.gui.conftest import FakeClock, RecordingNotifier

SIT = "uncross_legs"


@dataclass
class Elapsed:
    """Seconds of time really passing, which setting the wall clock does not move."""

    seconds: float = 0.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def jumpy_app(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PostureBreakApp, FakeClock, Elapsed]]:
    clock, elapsed = FakeClock(), Elapsed()
    posture_app = PostureBreakApp(
        AppPaths.under(tmp_path),
        clock,
        TimeScale(),
        notifier=RecordingNotifier(),
        clock_jumps=ClockJumps(clock, elapsed),
        detectors=DesktopDetectors(),
    )
    posture_app.start()
    yield posture_app, clock, elapsed
    posture_app.stop()
    posture_app.tray.menu.deleteLater()
    posture_app.deleteLater()
    qtbot.wait(1)


@pytest.mark.parametrize("jump", [timedelta(hours=8), -timedelta(hours=1)])
def test_countdowns_keep_their_time_when_the_clock_is_set(
    jumpy_app: tuple[PostureBreakApp, FakeClock, Elapsed], jump: timedelta
) -> None:
    posture_app, clock, elapsed = jumpy_app
    start = clock.moment
    posture_app.start_pack()
    elapsed.seconds += 5 * 60
    clock.moment += timedelta(minutes=5) + jump  # five minutes pass, and the clock is set

    posture_app.scheduler._on_job_ran(SIT)  # a wake-up, which checks the clock first

    schedule = posture_app.scheduler.schedule
    assert schedule.next_due(SIT) == start + jump + timedelta(minutes=20)  # 15 min still to go
    assert posture_app.scheduler.job_run_times()["uncross_legs"] == schedule.next_due(SIT)
    assert posture_app.pack.timer.ends_at == start + jump + timedelta(minutes=20)
    assert posture_app.status() == "Sit evenly in 15 min"
    assert posture_app.history.recent() == []  # no reminder, no natural break


def test_a_sleep_is_no_clock_jump(jumpy_app: tuple[PostureBreakApp, FakeClock, Elapsed]) -> None:
    posture_app, clock, elapsed = jumpy_app
    due = posture_app.scheduler.schedule.next_due(SIT)
    assert due is not None
    elapsed.seconds += 8 * 3600  # the computer slept: both clocks moved
    clock.moment += timedelta(hours=8)
    posture_app.scheduler._on_job_ran(SIT)
    assert {e.event.outcome.value for e in posture_app.history.recent()} == {"natural_break"}


def test_an_open_break_window_keeps_its_countdown_when_the_clock_is_set_forward(
    jumpy_app: tuple[PostureBreakApp, FakeClock, Elapsed],
) -> None:
    posture_app, clock, elapsed = jumpy_app
    posture_app.flow.take_break_now()
    popup = posture_app.break_windows.current
    assert popup is not None
    elapsed.seconds += 10
    clock.moment += timedelta(hours=8, seconds=10)
    popup.tick()
    assert posture_app.break_windows.current is popup  # not closed as ignored
    assert popup.time_left.text() == "50 s left"  # a 60 s stretch, 10 s in
    assert posture_app.history.recent() == []
