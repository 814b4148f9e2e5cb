"""Sit/stand in the wired-up app: one timer armed for the next switch, the tray's line and
toggle, the prompt, and the switches in the log."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.sit_stand import Posture, SitStandSettings, SwitchPrompt
from posturebreak.services.activity_store import open_database
from posturebreak.services.sit_stand_store import read_switches
from posturebreak.ui.standing_history import StandingHistory
from posturebreak.ui.tray import PauseLength
from tests.gui.conftest import FakeClock, RecordingNotifier

MIN = timedelta(minutes=1)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def turn_on(app: PostureBreakApp, **changes: Any) -> None:
    sit_stand = SitStandSettings(enabled=True, **changes)
    app.apply_settings(replace(app.settings, sit_stand=sit_stand))


def fire_timer(app: PostureBreakApp, clock: FakeClock, later: timedelta) -> None:
    """Moves the clock on and lets the sit/stand timer fire (as it would by then)."""
    clock.moment += later
    app.sit_stand.timer.timeout.emit()


def due_at(app: PostureBreakApp) -> datetime | None:
    assert app.sit_stand.state is not None
    return app.sit_stand.state.due_at


def logged(app: PostureBreakApp) -> list[Posture]:
    with closing(open_database(app.activity.path)) as connection:
        return [switch.posture for switch in read_switches(connection, EPOCH)]


def shown(app: PostureBreakApp) -> list[str]:
    assert isinstance(app.notifier, RecordingNotifier)
    return [notification.title for notification in app.notifier.shown]


def test_off_by_default_with_no_timer_and_nothing_in_the_tray(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    assert not posture_app.sit_stand.timer.isActive()
    assert "since" not in posture_app.tray.tray.toolTip()
    assert not posture_app.tray.sit_stand_action.isVisible()


def test_turned_on_one_timer_waits_for_the_sitting_spell_and_the_tray_says_since_when(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    turn_on(posture_app, sit_minutes=50)
    timer = posture_app.sit_stand.timer
    assert timer.isActive() and timer.isSingleShot()
    assert timer.remainingTime() > 49 * 60_000
    assert posture_app.tray.tray.toolTip().endswith("\nSitting since 09:00")
    assert posture_app.tray.sit_stand_status_action.text() == "Sitting since 09:00"
    assert posture_app.tray.sit_stand_action.text() == "I'm standing now"


def test_the_tray_toggle_records_a_switch_at_once(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, clock = app
    turn_on(posture_app)
    clock.moment += 20 * MIN
    posture_app.tray.sit_stand_action.trigger()
    assert posture_app.tray.tray.toolTip().endswith("\nStanding since 09:20")
    assert posture_app.tray.sit_stand_action.text() == "I'm sitting now"
    assert 14 * 60_000 < posture_app.sit_stand.timer.remainingTime() <= 15 * 60_000
    clock.moment += 15 * MIN
    posture_app.tray.sit_stand_action.trigger()
    assert logged(posture_app) == [Posture.STANDING, Posture.SITTING]


def test_when_the_spell_is_over_a_notification_says_to_switch(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    turn_on(posture_app)
    fire_timer(posture_app, clock, 45 * MIN)
    assert shown(posture_app)[-1] == "Time to stand up"
    assert "I'm standing now" in posture_app.notifier.shown[-1].message  # type: ignore[attr-defined]
    assert posture_app.sit_stand.timer.isActive()  # asks again after another spell


def test_the_window_prompt_answers_with_a_switch(app: tuple[PostureBreakApp, FakeClock]) -> None:
    posture_app, clock = app
    turn_on(posture_app, style=SwitchPrompt.WINDOW)
    fire_timer(posture_app, clock, 45 * MIN)
    window = posture_app.switch_prompter.window
    assert window is not None and window.isVisible()
    assert window.done_button.text() == "I'm standing now"
    window.done_button.click()
    assert posture_app.sit_stand.standing
    assert logged(posture_app) == [Posture.STANDING]


def test_a_pause_freezes_the_countdown_and_resume_carries_on(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    turn_on(posture_app)
    clock.moment += 30 * MIN
    posture_app.pause(PauseLength.HOUR)
    assert not posture_app.sit_stand.timer.isActive()
    clock.moment += 40 * MIN
    posture_app.scheduler.resume()
    assert due_at(posture_app) == clock.moment + 15 * MIN


def test_back_from_a_long_absence_standing_ends_and_sitting_starts_afresh(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    turn_on(posture_app)
    posture_app.sit_stand.take(Posture.STANDING)
    away = clock.moment + 5 * MIN
    posture_app.scheduler.went_away(away)
    assert not posture_app.sit_stand.timer.isActive()
    clock.moment += 60 * MIN
    posture_app.scheduler.came_back()
    assert posture_app.tray.tray.toolTip().endswith("\nSitting since 10:00")
    assert logged(posture_app) == [Posture.STANDING, Posture.SITTING]
    assert due_at(posture_app) == clock.moment + 45 * MIN


def test_turning_it_off_while_standing_ends_the_spell(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, _ = app
    turn_on(posture_app)
    posture_app.sit_stand.take(Posture.STANDING)
    posture_app.apply_settings(replace(posture_app.settings, sit_stand=SitStandSettings()))
    assert not posture_app.sit_stand.timer.isActive()
    assert "since" not in posture_app.tray.tray.toolTip()
    assert logged(posture_app) == [Posture.STANDING, Posture.SITTING]


def test_the_history_shows_time_standing_per_day(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    window = posture_app.show_history()
    qtbot.addWidget(window)
    assert not window.findChild(StandingHistory).isVisible()  # off, unused
    turn_on(posture_app)
    posture_app.sit_stand.take(Posture.STANDING)
    clock.moment += 20 * MIN
    posture_app.sit_stand.take(Posture.SITTING)
    section = posture_app.show_history().findChild(StandingHistory)
    assert section.isVisible()
    assert "20 min in the last 7 days" in section.title.text()
    assert section.bars.days[clock.moment.astimezone().date()] == 20 * MIN
    assert "20 min" in section.bars.accessibleDescription()


def test_the_settings_group_turns_it_on_with_its_lengths_and_prompt(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = posture_app.show_settings()
    qtbot.addWidget(dialog)
    group = dialog.sit_stand
    assert not group.isChecked()
    assert (group.sit.value(), group.stand.value()) == (45, 15)
    assert (group.sit.minimum(), group.sit.maximum()) == (5, 240)
    group.setChecked(True)
    group.sit.selectAll()
    qtbot.keyClicks(group.sit, "50")
    group.prompt.setCurrentIndex(group.prompt.findData(SwitchPrompt.WINDOW.value))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert posture_app.settings.sit_stand == SitStandSettings(
        enabled=True, sit_minutes=50, style=SwitchPrompt.WINDOW
    )
    assert posture_app.sit_stand.timer.isActive()
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert group.read() == SitStandSettings()


def test_a_switch_slept_through_starts_sitting_afresh_without_a_prompt(
    app: tuple[PostureBreakApp, FakeClock],
) -> None:
    posture_app, clock = app
    turn_on(posture_app)
    posture_app.sit_stand.take(Posture.STANDING)
    fire_timer(posture_app, clock, 15 * MIN + timedelta(hours=2))  # on waking up
    assert "Time to sit down" not in shown(posture_app)
    assert posture_app.tray.tray.toolTip().endswith("\nSitting since 11:15")
    assert logged(posture_app) == [Posture.STANDING, Posture.SITTING]


def test_the_window_closes_unanswered_with_escape(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    turn_on(posture_app, style=SwitchPrompt.WINDOW)
    fire_timer(posture_app, clock, 45 * MIN)
    window = posture_app.switch_prompter.window
    assert window is not None
    assert window.windowTitle() == "Time to stand up"
    assert not window.isActiveWindow()  # it never takes the keyboard by itself
    with qtbot.waitActive(window):
        window.activateWindow()  # the user clicks it
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert not posture_app.sit_stand.standing


def test_enter_in_the_window_means_switched(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    turn_on(posture_app, style=SwitchPrompt.WINDOW)
    posture_app.sit_stand.take(Posture.STANDING)
    fire_timer(posture_app, clock, 15 * MIN)
    window = posture_app.switch_prompter.window
    assert window is not None and window.windowTitle() == "Time to sit down"
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert not posture_app.sit_stand.standing
    assert posture_app.switch_prompter.window is None
