"""The tray menu and what its actions do in the wired-up app."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import TimeScale
from posturebreak.core.commands import BadRequestError
from posturebreak.core.reminders import ReminderKind
from posturebreak.core.settings import OutsideWorkingHours, ScheduleSettings
from posturebreak.core.weekdays import Weekday
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors
from posturebreak.ui.tray import PauseLength, TrayIcon, TrayState
from tests.gui.conftest import FakeClock, RecordingNotifier


def labels(tray: TrayIcon) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.text()]


def test_the_menu_offers_every_action_of_the_tray(qtbot: QtBot) -> None:
    tray = TrayIcon(lambda: TrayState("Stretch in 23 min", False), QIcon(), QIcon())
    assert labels(tray) == [
        "Stretch in 23 min",
        "I'm standing now",  # shown only while sit/stand is on
        "Take a break now",
        "Log a stretch…",
        "Your breaks…",
        "Pause reminders",
        "Resume reminders",
        "Skip next reminder",
        "Do not disturb",
        "Turn off do not disturb",  # shown only while it is on
        "Heat/cold pack",
        "Settings…",
        "About Posture Break",
        "Quit",
    ]
    assert [a.text() for a in tray.pause_menu.actions()] == [p.value for p in PauseLength]
    assert not tray.status_action.isEnabled()
    assert not tray.resume_action.isEnabled() and tray.skip_action.isEnabled()
    assert tray.tray.toolTip() == "Posture Break\nStretch in 23 min"


@pytest.mark.parametrize(
    ("action", "signal"),
    [
        ("take_break_action", "take_break_requested"),
        ("log_action", "log_requested"),
        ("history_action", "history_requested"),
        ("skip_action", "skip_requested"),
        ("settings_action", "settings_requested"),
        ("about_action", "about_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_each_menu_action_emits_its_intent(qtbot: QtBot, action: str, signal: str) -> None:
    tray = TrayIcon(lambda: TrayState("", False), QIcon(), QIcon())
    with qtbot.waitSignal(getattr(tray, signal)):
        getattr(tray, action).trigger()


def test_pause_entries_emit_their_length(qtbot: QtBot) -> None:
    tray = TrayIcon(lambda: TrayState("", False), QIcon(), QIcon())
    for length, action in tray.pause_actions.items():
        with qtbot.waitSignal(tray.pause_requested) as emitted:
            action.trigger()
        assert emitted.args == [length]


def test_the_tooltip_names_the_next_reminder_by_a_time_that_stays_true(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    assert posture_app.tray.tray.toolTip() == "Posture Break\nSit evenly at 09:20"
    clock.moment += timedelta(minutes=15)  # nothing refreshes the tray meanwhile
    assert posture_app.tray.tray.toolTip() == "Posture Break\nSit evenly at 09:20"


def test_pausing_from_the_menu_pauses_and_enables_resume(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    posture_app.tray.pause_actions[PauseLength.HALF_HOUR].trigger()
    assert posture_app.scheduler.schedule.paused_until == clock.moment + timedelta(minutes=30)
    assert posture_app.tray.tray.toolTip().endswith("Paused until 09:30")
    assert posture_app.tray.resume_action.isEnabled()

    clock.moment += timedelta(minutes=10)
    posture_app.tray.resume_action.trigger()
    assert not posture_app.scheduler.schedule.is_paused
    assert posture_app.tray.tray.toolTip().endswith("Sit evenly at 09:30")


def test_take_a_break_now_shows_a_stretch_reminder(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    posture_app.tray.take_break_action.trigger()
    popup = posture_app.break_windows.current
    assert popup is not None and popup.request.kind is ReminderKind.STRETCH
    assert popup.request.exercise is not None
    shown = posture_app.notifier.shown  # type: ignore[attr-defined]
    assert shown[-1].title == popup.request.exercise.title


def test_skip_moves_the_next_reminder_on(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, _ = app
    posture_app.tray.skip_action.trigger()
    assert posture_app.tray.tray.toolTip().endswith("Sit evenly at 09:40")


def test_about_opens_one_window_that_says_what_works_here(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    posture_app.tray.about_action.trigger()
    about = posture_app.windows.show_about({"Lock detection": "off, no session bus"})
    qtbot.addWidget(about)
    assert "Posture Break 0.1.0" in about.text()
    assert "Lock detection: off, no session bus" in about.text()
    assert posture_app.windows.show_about({}) is about
    assert about.windowTitle() == "About"  # Qt adds " — Posture Break"


def test_left_click_opens_your_breaks_and_middle_click_takes_a_break(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    posture_app.tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert posture_app.history_window is not None and posture_app.history_window.isVisible()
    posture_app.tray.tray.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)
    assert posture_app.break_windows.current is not None


def test_window_titles_are_their_own_names_without_the_app_name(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    posture_app.flow.take_break_now()
    windows = [
        posture_app.show_settings(),
        posture_app.show_history(),
        posture_app.show_log_dialog(),
        posture_app.break_windows.current,
    ]
    titles = [window.windowTitle() for window in windows if window is not None]
    assert titles == ["Settings", "Your breaks", "Log a stretch", "Stretch break"]


def test_control_commands_pause_resume_and_refuse_bad_requests(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    reply = posture_app.control.handle({"command": "pause", "minutes": 60})
    assert reply["ok"] is True and reply["message"] == "Paused until 10:00"
    assert reply["state"]["paused_until"] == "2037-03-02T10:00:00+00:00"
    assert posture_app.control.handle({"command": "resume"})["state"]["paused"] is False
    with pytest.raises(BadRequestError, match="a pause lasts from 1 minute to a week"):
        posture_app.control.handle({"command": "pause", "minutes": -1})
    with pytest.raises(BadRequestError, match="unknown command 'dance'"):
        posture_app.control.handle({"command": "dance"})


def test_a_broken_settings_file_is_reported_once_at_start(qtbot: QtBot, tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    paths.config_dir.mkdir(parents=True)
    (paths.config_dir / "settings.toml").write_text("[reminders.stretch]\ninterval_minutes = 0\n")
    posture_app = PostureBreakApp(
        paths, FakeClock(), TimeScale(), notifier=RecordingNotifier(), detectors=DesktopDetectors()
    )
    posture_app.start()
    try:
        shown = posture_app.notifier.shown  # type: ignore[attr-defined]
        assert [n.title for n in shown][-1] == "Some settings were reset"
        assert "interval_minutes must be between 1 and 480, got 0" in shown[-1].message
        assert posture_app.settings.reminders[ReminderKind.STRETCH].interval_minutes == 45
    finally:
        posture_app.stop()
        posture_app.deleteLater()


def test_pausing_until_tomorrow_in_a_night_shift_ends_at_the_next_nights_start(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    night = ScheduleSettings(
        working_hours_start=time(22),
        working_hours_end=time(6),
        working_days=tuple(Weekday),
        outside_working_hours=OutsideWorkingHours.SILENT,
    )
    posture_app.apply_settings(replace(posture_app.settings, schedule=night))
    clock.moment = datetime(2037, 3, 7, 4, 59).astimezone()  # Saturday, local time
    posture_app.pause(PauseLength.UNTIL_TOMORROW)
    assert posture_app.scheduler.schedule.paused_until == datetime(2037, 3, 7, 22).astimezone()
