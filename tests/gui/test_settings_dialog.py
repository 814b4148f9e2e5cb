"""The settings dialog, driven by keyboard and mouse, and its effect on the running app."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.reminders import EveryActiveMinutes
from posturebreak.core.settings import GeneralSettings, IconTheme, Settings
from posturebreak.core.weekdays import Weekday
from posturebreak.ui import settings_dialog
from posturebreak.ui.reminder_editor import ReminderEditor
from posturebreak.ui.settings_dialog import SettingsDialog
from tests.gui.conftest import FakeClock

STRETCH, LEGS, STOOL = "stretch", "uncross_legs", "foot_stool"
Button = QDialogButtonBox.StandardButton


def open_dialog(posture_app: PostureBreakApp, qtbot: QtBot) -> SettingsDialog:
    dialog = posture_app.show_settings()
    qtbot.addWidget(dialog)
    return dialog


def type_into(qtbot: QtBot, box: QAbstractSpinBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def saved(posture_app: PostureBreakApp) -> dict[str, object]:
    return tomllib.loads(posture_app.settings_store.path.read_text())


def press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


ROWS = {STRETCH: 0, LEGS: 1, STOOL: 2}


def open_editor(qtbot: QtBot, dialog: SettingsDialog, ident: str) -> ReminderEditor:
    """Opens the reminder editor on ``ident``'s row with Enter, as a keyboard user does."""
    reminders = dialog.reminder_list
    item = reminders.tree.topLevelItem(ROWS[ident])
    assert item is not None
    reminders.tree.setCurrentItem(item)
    reminders.tree.setFocus()
    qtbot.keyClick(reminders.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reminders.editor is not None and reminders.editor.isVisible())
    assert reminders.editor is not None
    return reminders.editor


def edit(qtbot: QtBot, dialog: SettingsDialog, ident: str, field: str, text: str) -> None:
    """Types ``text`` into one of the editor's number fields for ``ident`` and presses OK."""
    editor = open_editor(qtbot, dialog, ident)
    type_into(qtbot, getattr(editor, field), text)
    qtbot.mouseClick(editor.buttons.button(Button.Ok), Qt.MouseButton.LeftButton)
    assert not editor.isVisible()


def test_ok_saves_the_typed_interval_and_reschedules_without_a_restart(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, clock = app
    start = clock.moment
    clock.moment += timedelta(minutes=10)
    dialog = open_dialog(posture_app, qtbot)

    edit(qtbot, dialog, STRETCH, "minutes", "30")
    stool = dialog.reminder_list.tree.topLevelItem(ROWS[STOOL])
    assert stool is not None
    stool.setCheckState(0, Qt.CheckState.Unchecked)
    press(qtbot, dialog, Button.Ok)

    assert not dialog.isVisible()
    document = saved(posture_app)
    assert document["reminder"][0]["schedule"]["every_minutes"] == 30  # type: ignore[index]
    assert document["reminder"][2]["enabled"] is False  # type: ignore[index]
    jobs = posture_app.scheduler.job_run_times()
    assert jobs == {
        "stretch": start + timedelta(minutes=30),  # the 10 minutes waited still count
        "uncross_legs": start + timedelta(minutes=20),  # unrelated: untouched
    }
    assert posture_app.tray.tray.toolTip().endswith("Sit evenly at 09:20")


def test_apply_keeps_the_dialog_open_and_cancel_discards_edits(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    edit(qtbot, dialog, STRETCH, "break_length", "45")
    press(qtbot, dialog, Button.Apply)
    assert dialog.isVisible()
    assert posture_app.settings.reminder(STRETCH).break_seconds == 45

    edit(qtbot, dialog, STRETCH, "break_length", "90")
    press(qtbot, dialog, Button.Cancel)
    assert not dialog.isVisible()
    assert posture_app.settings.reminder(STRETCH).break_seconds == 45
    reopened = open_dialog(posture_app, qtbot)
    assert reopened.reminder_list.reminders()[ROWS[STRETCH]].break_seconds == 45


def test_restore_defaults_fills_in_defaults_but_keeps_reminders_and_applies_only_on_ok(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    mine = Settings().with_reminder(STRETCH, schedule=EveryActiveMinutes(90))
    posture_app.apply_settings(dataclasses.replace(mine, general=GeneralSettings(daily_goal=9)))
    dialog = open_dialog(posture_app, qtbot)
    press(qtbot, dialog, Button.RestoreDefaults)
    assert dialog.daily_goal.value() == 6
    # The reminders are the user's own list: its Restore shipped resets them, not this.
    assert dialog.reminder_list.reminders() == mine.reminders
    assert posture_app.settings.general.daily_goal == 9
    press(qtbot, dialog, Button.Ok)
    assert posture_app.settings == mine


def test_working_hours_and_general_options_are_edited_and_take_effect(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    dialog.tabs.setCurrentIndex(1)
    assert not dialog.hours_start.isEnabled()  # only meaningful when keeping to hours
    dialog.outside_hours.setCurrentIndex(1)
    assert dialog.hours_start.isEnabled()
    qtbot.mouseClick(dialog.day_boxes[Weekday.SAT], Qt.MouseButton.LeftButton)
    dialog.tabs.setCurrentIndex(2)
    dialog.icon_theme.setCurrentIndex(dialog.icon_theme.findData("dark"))
    dialog.first_day.setCurrentIndex(dialog.first_day.findData("sun"))
    dialog.daily_goal.selectAll()
    qtbot.keyClicks(dialog.daily_goal, "8")
    dialog.start_at_login.setFocus()
    qtbot.keyClick(dialog.start_at_login, Qt.Key.Key_Space)
    press(qtbot, dialog, Button.Ok)

    settings = posture_app.settings
    assert settings.schedule.working_days[-1] is Weekday.SAT
    assert settings.general.icon_theme is IconTheme.DARK
    assert settings.general.first_day_of_week is Weekday.SUN
    assert posture_app.autostart.is_enabled()
    assert posture_app.scheduler.schedule.working_time is not None
    assert saved(posture_app)["general"] == {
        "sound": True,
        "start_at_login": True,
        "first_day_of_week": "sun",
        "icon_theme": "dark",
        "daily_goal": 8,
        "language": "",
    }


def test_the_week_in_the_dialog_starts_on_the_chosen_day(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    dialog.first_day.setCurrentIndex(dialog.first_day.findData("sun"))
    dialog.tabs.setCurrentIndex(1)
    ordered = sorted(dialog.day_boxes.values(), key=lambda box: box.x())
    assert [box.text() for box in ordered][:2] == ["Sun", "Mon"]


def test_a_week_without_working_days_is_refused_with_a_message(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    dialog.outside_hours.setCurrentIndex(1)
    for box in dialog.day_boxes.values():
        box.setChecked(False)
    press(qtbot, dialog, Button.Ok)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Choose at least one working day."
    assert posture_app.settings == Settings()


def test_a_failed_save_is_shown_in_the_dialog_and_the_settings_still_apply(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    posture_app.settings_store.path.unlink()
    posture_app.settings_store.path.mkdir()  # a folder where the file should be
    dialog = open_dialog(posture_app, qtbot)
    edit(qtbot, dialog, STRETCH, "minutes", "50")
    press(qtbot, dialog, Button.Ok)
    assert dialog.isVisible()
    assert "Settings could not be saved" in dialog.error_label.text()
    assert posture_app.settings.reminder(STRETCH).schedule.minutes == 50


def test_every_field_has_an_accessible_name_or_a_label(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    fields: list[QWidget] = [
        *dialog.findChildren(QAbstractSpinBox),
        *dialog.findChildren(QComboBox),
        *dialog.findChildren(QTimeEdit),
    ]
    for field in fields:
        assert field.accessibleName(), field
    named_spins = [w for w in dialog.findChildren(QAbstractSpinBox) if w in buddies]
    assert len(named_spins) >= 6  # working time, goal, pack and sit/stand, each labelled
    for box in [*dialog.findChildren(QCheckBox), *dialog.findChildren(QGroupBox)]:
        assert box.accessibleName() or box.text() or box.title()  # type: ignore[attr-defined]


def test_the_dialog_is_operable_from_the_keyboard(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    with qtbot.waitActive(dialog := posture_app.show_settings()):
        qtbot.addWidget(dialog)
    editor = open_editor(qtbot, dialog, STRETCH)  # Enter on a reminder edits it
    editor.minutes.setFocus()
    qtbot.keyClick(editor.minutes, Qt.Key.Key_Up)
    qtbot.keyClick(editor.minutes, Qt.Key.Key_Return)  # the editor's default button, OK
    assert not editor.isVisible() and dialog.isVisible()
    dialog.daily_goal.setFocus()
    qtbot.keyClick(dialog.daily_goal, Qt.Key.Key_Return)  # the dialog's default button, OK
    assert not dialog.isVisible()
    assert posture_app.settings.reminder(STRETCH).schedule.minutes == 46


def test_settings_opens_one_dialog_at_a_time(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    assert posture_app.show_settings() is dialog
    assert posture_app.control.handle({"command": "settings"})["ok"] is True
    assert posture_app.settings_dialog is dialog


def test_break_length_and_snooze_wait_while_a_reminder_is_a_notification_only(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    legs = open_editor(qtbot, dialog, LEGS)  # a notification by default
    assert not legs.break_length.isEnabled() and not legs.snooze.isEnabled()
    assert "break window" in legs.break_length.toolTip()
    legs.show_as.setCurrentIndex(legs.show_as.findData("both"))
    assert legs.break_length.isEnabled() and legs.snooze.isEnabled()


def test_working_hours_that_start_when_they_end_are_refused_with_a_reason(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    dialog.outside_hours.setCurrentIndex(dialog.outside_hours.findData("silent"))
    dialog.hours_end.setTime(dialog.hours_start.time())
    press(qtbot, dialog, Button.Apply)
    assert "must start and end at different times" in dialog.error_label.text()
    assert posture_app.settings.schedule.outside_working_hours.value == "remind"  # unchanged


def test_notifications_while_busy_can_come_quietly(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot
) -> None:
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    dialog.while_busy.setCurrentIndex(dialog.while_busy.findData("quiet"))
    press(qtbot, dialog, Button.Apply)
    assert posture_app.settings.schedule.notifications_while_busy.value == "quiet"


def test_language_is_chosen_by_its_own_name_and_saved_as_its_code(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_dialog, "available_languages", lambda: ("en", "de", "es"))
    posture_app, _ = app
    dialog = open_dialog(posture_app, qtbot)
    box = dialog.language.box
    names = [box.itemText(i) for i in range(box.count())]
    assert names == ["System default", "English", "Deutsch", "Español"]
    assert box.currentData() == ""
    assert dialog.language.note.text() == "Takes effect when Posture Break restarts."
    dialog.tabs.setCurrentIndex(2)
    box.setCurrentIndex(box.findText("Deutsch"))
    press(qtbot, dialog, Button.Apply)
    assert posture_app.settings.general.language == "de"
    assert saved(posture_app)["general"]["language"] == "de"  # type: ignore[index]

    box.setCurrentIndex(0)
    press(qtbot, dialog, Button.Ok)
    assert posture_app.settings.general.language == ""
    assert saved(posture_app)["general"]["language"] == ""  # type: ignore[index]


def test_a_saved_language_that_no_longer_ships_shows_as_its_code_and_is_kept(
    app: tuple[PostureBreakApp, FakeClock], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_dialog, "available_languages", lambda: ("en", "de"))
    posture_app, _ = app
    posture_app.apply_settings(Settings(general=GeneralSettings(language="pt_BR")))
    dialog = open_dialog(posture_app, qtbot)
    assert dialog.language.box.currentText() == "pt_BR"
    dialog.daily_goal.setValue(9)
    press(qtbot, dialog, Button.Apply)
    assert posture_app.settings.general == GeneralSettings(daily_goal=9, language="pt_BR")

    press(qtbot, dialog, Button.RestoreDefaults)  # back to the system's language
    assert dialog.language.code() == ""
    assert dialog.language.box.findText("pt_BR") == -1
