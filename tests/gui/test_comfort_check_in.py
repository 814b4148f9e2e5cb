"""The comfort check-in from the keyboard, one answer a day, the foot-stool trial's setting
in the reminder and the dialog, its settings, and comfort in the history window."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.stool_trial import StoolTrialSettings
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.comfort_store import ComfortLog
from posturebreak.ui.comfort_check_in import ComfortCheckInDialog
from tests.gui.conftest import FakeClock, RecordingNotifier

App = tuple[PostureBreakApp, FakeClock]


def open_check_in(posture_app: PostureBreakApp, qtbot: QtBot) -> ComfortCheckInDialog:
    with qtbot.waitActive(dialog := posture_app.check_ins.open()):
        qtbot.addWidget(dialog)
    return dialog


def trial_on(posture_app: PostureBreakApp) -> None:
    posture_app.apply_settings(
        dataclasses.replace(posture_app.settings, stool_trial=StoolTrialSettings(True))
    )


def test_arrow_keys_a_note_and_enter_save_todays_answer(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    posture_app.tray.comfort_action.trigger()
    dialog = posture_app.check_ins.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.slider.hasFocus)
    assert dialog.value_label.text() == "Your answer: 5 of 10"
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Right)
    assert dialog.value_label.text() == "Your answer: 7 of 10"
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.note.hasFocus)
    qtbot.keyClicks(dialog.note, "long meeting")
    with qtbot.waitSignal(posture_app.check_ins.saved):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    (saved,) = posture_app.check_ins.history.log.since()
    assert (saved.comfort, saved.note, saved.stool_setting) == (7, "long meeting", None)
    assert saved.day == clock.now().astimezone().date()


def test_a_second_answer_the_same_day_says_it_replaces_the_first(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    dialog = open_check_in(posture_app, qtbot)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    clock.moment += timedelta(hours=2)
    again = open_check_in(posture_app, qtbot)
    assert again is not dialog
    answered_at = (clock.moment - timedelta(hours=2)).astimezone()
    assert again.earlier_label.text() == (
        f"You answered today already (0 at {answered_at:%H:%M}). Saving replaces that answer."
    )
    assert again.slider.value() == 0
    qtbot.keyClick(again.slider, Qt.Key.Key_End)
    qtbot.keyClick(again.slider, Qt.Key.Key_Return)
    assert [a.comfort for a in posture_app.check_ins.history.log.since()] == [10]


def test_the_dialog_opens_once_and_keeps_the_answer_when_the_log_refuses_it(
    app: App, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    posture_app, _ = app
    dialog = open_check_in(posture_app, qtbot)
    assert posture_app.check_ins.open() is dialog

    def refuse(self: ComfortLog, check_in: object) -> None:
        raise ActivityLogError("Your check-in could not be saved to here (disk full).")

    monkeypatch.setattr(ComfortLog, "save", refuse)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Left)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.slider.value() == 4
    assert dialog.error_label.text() == "Your check-in could not be saved to here (disk full)."
    assert not dialog.error_label.isHidden()


def test_the_trial_names_todays_setting_in_the_reminder_and_records_it(
    app: App, qtbot: QtBot
) -> None:
    posture_app, clock = app
    trial_on(posture_app)
    posture_app.flow.remind([("foot_stool", clock.now())])
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    assert notifier.shown[-1].message.endswith("\nToday's stool setting: low")
    dialog = open_check_in(posture_app, qtbot)
    assert dialog.stool.currentText() == "low"
    assert [dialog.stool.itemText(i) for i in range(dialog.stool.count())] == [
        "low",
        "middle",
        "high",
    ]
    dialog.stool.setCurrentText("middle")  # the user used another setting today
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Return)
    assert posture_app.check_ins.history.log.since()[0].stool_setting == "middle"
    assert posture_app.check_ins.stool_line() == "Today's stool setting: middle"
    clock.moment += timedelta(days=1)  # Tuesday: middle was yesterday's
    assert posture_app.check_ins.stool_line() == "Today's stool setting: low"


def test_other_reminders_say_nothing_of_the_stool(app: App) -> None:
    posture_app, clock = app
    trial_on(posture_app)
    posture_app.flow.remind([("uncross_legs", clock.now())])
    notifier = posture_app.notifier
    assert isinstance(notifier, RecordingNotifier)
    assert "stool setting" not in notifier.shown[-1].message


def test_the_trial_is_set_in_the_settings_dialog(app: App, qtbot: QtBot) -> None:
    posture_app, _ = app
    dialog = posture_app.show_settings()
    qtbot.addWidget(dialog)
    group = dialog.stool_trial
    assert not group.enabled.isChecked() and not group.names.isEnabled()
    group.enabled.setChecked(True)
    assert group.names.isEnabled()
    group.names.setText("8 cm")
    dialog._apply()
    assert dialog.error_label.text() == "Foot-stool trial: name 2 to 8 stool settings, got 1."
    assert not posture_app.settings.stool_trial.enabled
    group.names.selectAll()
    qtbot.keyClicks(group.names, "8 cm, 12 cm, 16 cm")
    qtbot.keyClick(group.names, Qt.Key.Key_Return)  # OK
    assert not dialog.isVisible()
    assert posture_app.settings.stool_trial == StoolTrialSettings(True, ("8 cm", "12 cm", "16 cm"))
    assert posture_app.settings_store.load().settings.stool_trial.settings[2] == "16 cm"


def test_the_history_shows_comfort_against_breaks_and_per_setting(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    trial_on(posture_app)
    for comfort in (4, 6, 8):
        dialog = open_check_in(posture_app, qtbot)
        dialog.slider.setValue(comfort)
        qtbot.keyClick(dialog.slider, Qt.Key.Key_Return)
        clock.moment += timedelta(days=1)
    window = posture_app.show_history()
    qtbot.addWidget(window)
    panel = window.comfort_panel
    assert panel is not None
    assert panel.average_label.text().startswith("Comfort: 6.0 average over 3 days in the last 7")
    assert [day.comfort for day in panel.chart.days] == [None, None, None, 4, 6, 8, None]
    assert panel.stool_label.text() == (
        "Comfort per stool setting: low: needs 2 more days · middle: needs 2 more days · "
        "high: needs 2 more days"
    )
    window.chart_range.setCurrentIndex(1)
    assert len(panel.chart.days) == 30
    assert "3 with a comfort check-in" in panel.chart.accessibleDescription()


def test_the_daily_reminder_asks_only_while_today_is_unanswered(app: App, qtbot: QtBot) -> None:
    posture_app, clock = app
    posture_app.check_ins.remind()
    dialog = posture_app.check_ins.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.slider, Qt.Key.Key_Return)
    posture_app.check_ins.remind()
    assert posture_app.check_ins.dialog is dialog and not dialog.isVisible()
    clock.moment += timedelta(days=1)
    posture_app.check_ins.remind()
    assert posture_app.check_ins.dialog is not dialog
