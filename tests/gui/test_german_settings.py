"""The settings dialog, the reminder editor and the reset question speak German, whole.

They are built after the German catalogue is installed, as at start-up; every label
and button must show its German text uncut, even though German runs longer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from posturebreak.core.reminders import EveryActiveMinutes
from posturebreak.core.settings import Settings
from posturebreak.ui.reminder_editor import ReminderEditor
from posturebreak.ui.settings_dialog import SettingsDialog
from tests.support.clipping import clipped_text
from tests.support.language import speaking


@pytest.fixture
def german() -> Iterator[None]:
    with speaking("de"):
        yield


@pytest.fixture
def dialog(german: None, qtbot: QtBot) -> SettingsDialog:
    shown = SettingsDialog(Settings(), QIcon(), date(2026, 11, 28), languages=("en", "de", "es"))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def label_texts(dialog: SettingsDialog) -> set[str]:
    return {label.text() for label in dialog.findChildren(QLabel)}


def test_every_tab_of_the_settings_is_german_and_nothing_is_cut_off(
    dialog: SettingsDialog,
) -> None:
    assert dialog.windowTitle() == "Einstellungen"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == ["&Erinnerungen", "&Zeitplan", "&Allgemein"]
    assert dialog.reminder_list.add_button.text() == "&Hinzufügen…"
    assert dialog.sit_stand.title() == "Sitz-Steh-Schreibtisch"
    assert "A&rbeitszeit:" in label_texts(dialog)
    assert dialog.outside_hours.currentText() == "Jederzeit erinnern"
    assert dialog.first_day.itemText(0) == "Montag"
    language = dialog.language.box
    assert [language.itemText(i) for i in range(language.count())] == [
        "Systemstandard",
        "English",
        "Deutsch",
        "Español",
    ]
    assert dialog.language.note.text() == "Wirkt nach einem Neustart von Posture Break."
    assert dialog.idle_threshold.suffix() == " Min."
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert clipped_text(dialog) == [], dialog.tabs.tabText(tab)


def test_refusals_are_german_with_their_values_filled_in(
    dialog: SettingsDialog, qtbot: QtBot
) -> None:
    dialog.hours_end.setTime(dialog.hours_start.time())
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "Die Arbeitszeit muss zu verschiedenen Uhrzeiten beginnen und enden. "
        "Für Erinnerungen zu jeder Tageszeit wähle „Jederzeit erinnern“."
    )


def test_the_reminder_editor_is_german_for_every_kind_of_schedule(
    german: None, qtbot: QtBot
) -> None:
    editor = ReminderEditor(None, lambda name: name)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.windowTitle() == "Neue Erinnerung"
    assert editor.times_fields.add_time.text() == "Uhrzeit &hinzufügen"
    assert editor.enabled.text() == "&Ein"
    assert editor.problem.isVisible()  # no name yet: the reason is shown, in German
    assert editor.problem.text() != ""
    for kind in range(editor.schedule_kind.count()):
        editor.schedule_kind.setCurrentIndex(kind)
        assert clipped_text(editor) == [], editor.schedule_kind.currentText()
    assert editor.schedule_kind.itemText(2) == "Alle paar Tage oder Wochen"
    assert editor.days_fields.unit.itemText(1) == "Wochen"


def test_a_shipped_reminder_edited_in_german_keeps_its_stored_name(
    dialog: SettingsDialog, qtbot: QtBot
) -> None:
    reminders = dialog.reminder_list
    stretch = reminders.reminders()[0]
    reminders.edit_current()
    qtbot.waitUntil(lambda: reminders.editor is not None and reminders.editor.isVisible())
    assert reminders.editor is not None
    assert reminders.editor.windowTitle() == "Erinnerung bearbeiten"
    reminders.editor.minutes.setValue(30)
    reminders.editor.accept()
    edited = reminders.reminders()[0]
    assert edited == replace(stretch, schedule=EveryActiveMinutes(30))


def test_the_reset_question_names_the_changed_reminders_in_german(
    dialog: SettingsDialog, qtbot: QtBot
) -> None:
    reminders = dialog.reminder_list
    first = reminders.reminders()[0]
    reminders.set_reminders(
        (replace(first, schedule=EveryActiveMinutes(30)), *reminders.reminders()[1:])
    )
    reminders.restore()
    question = reminders.reset_question
    assert question is not None
    qtbot.waitExposed(question)
    assert question.windowTitle() == "Mitgelieferte Erinnerungen wiederherstellen"
    assert question.text().startswith("Du hast ")
    assert "{" not in question.text()
    assert question.text().endswith(" geändert. Auf den Auslieferungszustand zurücksetzen?")
    assert clipped_text(question) == []
    question.reject()
