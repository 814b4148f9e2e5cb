"""The reminder list, driven by keys and clicks: add, edit, turn off, remove, and
restore the shipped reminders, inside a dialog whose OK must not steal Enter."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posturebreak.core.categories import Category
from posturebreak.core.reminders import (
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    NotificationStyle,
    ReminderDefinition,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.ui.reminder_editor import ReminderEditor
from posturebreak.ui.reminder_list import ReminderList

STRETCH = ReminderDefinition(
    "stretch",
    "Stretch",
    "Stand up and lean back gently.",
    EveryActiveMinutes(45),
    (Category.STRETCH,),
    NotificationStyle.BOTH,
)
LEGS = ReminderDefinition("uncross_legs", "Sit evenly", "Feet flat.", EveryActiveMinutes(20))
STOOL = ReminderDefinition("foot_stool", "Foot stool", "Move your feet.", EveryActiveMinutes(60))
SHIPPED = (STRETCH, LEGS, STOOL)
MASSAGE = ReminderDefinition("massage", "Book a massage", "", EveryNDays(14, date(2026, 1, 5)))
TODAY = date(2026, 11, 28)


class Host(QDialog):
    """A dialog around the list, as the settings dialog will be, with OK as its default."""

    def __init__(self, reminders: tuple[ReminderDefinition, ...]) -> None:
        super().__init__()
        self.reminder_list = ReminderList(reminders, SHIPPED, TODAY)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder_list)
        layout.addWidget(self.buttons)


_open_hosts: list[Host] = []  # qtbot only holds widgets weakly; the test's host must live


@pytest.fixture(autouse=True)
def _close_hosts() -> Iterator[None]:
    yield
    _open_hosts.clear()


def open_list(qtbot: QtBot, reminders: tuple[ReminderDefinition, ...] = SHIPPED) -> ReminderList:
    host = Host(reminders)
    qtbot.addWidget(host)
    _open_hosts.append(host)
    with qtbot.waitActive(host):
        host.show()
    return host.reminder_list


def rows(reminder_list: ReminderList) -> list[tuple[str, str, bool]]:
    """What each row shows: name, when, and whether its box is ticked."""
    tree = reminder_list.tree
    shown = []
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        assert item is not None
        shown.append((item.text(0), item.text(1), item.checkState(0) == Qt.CheckState.Checked))
    return shown


def select(reminder_list: ReminderList, row: int) -> None:
    item = reminder_list.tree.topLevelItem(row)
    assert item is not None
    reminder_list.tree.setCurrentItem(item)
    reminder_list.tree.setFocus()


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def opened_editor(qtbot: QtBot, reminder_list: ReminderList) -> ReminderEditor:
    qtbot.waitUntil(lambda: reminder_list.editor is not None and reminder_list.editor.isVisible())
    assert reminder_list.editor is not None
    return reminder_list.editor


def press_ok(qtbot: QtBot, editor: ReminderEditor) -> None:
    click(qtbot, editor.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_the_list_shows_each_reminder_with_when_it_comes_and_whether_it_is_on(
    qtbot: QtBot,
) -> None:
    reminder_list = open_list(qtbot, (STRETCH, MASSAGE, replace(LEGS, enabled=False)))
    assert rows(reminder_list) == [
        ("Stretch", "Every 45 min at the computer", True),
        ("Book a massage", "Every 2 weeks from 5 Jan, 09:00", True),
        ("Sit evenly", "Every 20 min at the computer", False),
    ]
    tree = reminder_list.tree
    header = tree.header()
    for column in range(2):  # no name or summary is cut off
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column)


def test_add_opens_the_editor_and_ok_appends_a_time_of_day_reminder(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot)
    with qtbot.waitSignal(reminder_list.changed):
        reminder_list.add_button.setFocus()
        qtbot.keyClick(reminder_list.add_button, Qt.Key.Key_Space)
        editor = opened_editor(qtbot, reminder_list)
        qtbot.keyClicks(editor.name, "Morning stretch")
        qtbot.keyClick(editor.name, Qt.Key.Key_Return)  # OK is the editor's default

    added = reminder_list.reminders()[-1]
    assert added.id == "morning_stretch"
    assert added.schedule == AtTimesOfDay()  # 09:15 on weekdays, as a new one starts
    assert rows(reminder_list)[-1] == ("Morning stretch", "09:15 Mon\u2013Fri", True)
    assert reminder_list.tree.currentItem() is reminder_list.tree.topLevelItem(3)


def test_a_new_reminder_never_takes_a_shipped_id_even_once_that_one_is_removed(
    qtbot: QtBot,
) -> None:
    reminder_list = open_list(qtbot, (LEGS, STOOL))  # Stretch removed
    click(qtbot, reminder_list.add_button)
    editor = opened_editor(qtbot, reminder_list)
    qtbot.keyClicks(editor.name, "Stretch")
    press_ok(qtbot, editor)
    assert reminder_list.reminders()[-1].id == "stretch_2"


def test_enter_edits_the_current_reminder_and_does_not_press_the_dialogs_ok(
    qtbot: QtBot,
) -> None:
    reminder_list = open_list(qtbot)
    host = reminder_list.window()
    select(reminder_list, 1)
    qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Return)
    editor = opened_editor(qtbot, reminder_list)
    assert host.isVisible()
    assert editor.name.text() == "Sit evenly"

    editor.minutes.setFocus()
    editor.minutes.selectAll()
    qtbot.keyClicks(editor.minutes, "25")
    with qtbot.waitSignal(reminder_list.changed):
        press_ok(qtbot, editor)

    assert reminder_list.reminders()[1] == replace(LEGS, schedule=EveryActiveMinutes(25))
    assert rows(reminder_list)[1] == ("Sit evenly", "Every 25 min at the computer", True)
    assert reminder_list.tree.hasFocus()


def test_double_click_edits_and_cancel_changes_nothing(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot)
    tree = reminder_list.tree
    item = tree.topLevelItem(2)
    assert item is not None
    position = tree.visualItemRect(item).center()
    # A real double click is a click, then a double-click event on the same row.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=position)
    editor = opened_editor(qtbot, reminder_list)
    assert editor.name.text() == "Foot stool"
    qtbot.keyClicks(editor.name, " and feet")
    with qtbot.assertNotEmitted(reminder_list.changed):
        qtbot.keyClick(editor.name, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not editor.isVisible())
    assert reminder_list.reminders() == SHIPPED


def test_space_turns_a_reminder_off_and_on(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot)
    select(reminder_list, 2)
    with qtbot.waitSignal(reminder_list.changed):
        qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Space)
    assert reminder_list.reminders()[2].enabled is False
    assert rows(reminder_list)[2][2] is False
    with qtbot.waitSignal(reminder_list.changed):
        qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Space)
    assert reminder_list.reminders() == SHIPPED


def test_delete_and_the_remove_button_take_reminders_away(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (*SHIPPED, MASSAGE))
    select(reminder_list, 3)
    with qtbot.waitSignal(reminder_list.changed):
        qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Delete)
    assert reminder_list.reminders() == SHIPPED
    assert reminder_list.tree.currentItem() is reminder_list.tree.topLevelItem(2)  # the one above

    select(reminder_list, 0)
    with qtbot.waitSignal(reminder_list.changed):
        click(qtbot, reminder_list.remove_button)
    assert reminder_list.reminders() == (LEGS, STOOL)
    assert rows(reminder_list)[0][0] == "Sit evenly"  # now current, ready for the next key


def test_edit_and_remove_wait_while_nothing_is_listed(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (STOOL,))
    select(reminder_list, 0)
    qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Delete)
    assert reminder_list.reminders() == ()
    assert not reminder_list.edit_button.isEnabled()
    assert not reminder_list.remove_button.isEnabled()
    qtbot.keyClick(reminder_list.tree, Qt.Key.Key_Return)  # nothing to edit: nothing opens
    assert reminder_list.editor is None


def test_restore_shipped_brings_back_removed_ones_without_asking(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (MASSAGE, LEGS))
    assert reminder_list.restore_button.isEnabled()
    with qtbot.waitSignal(reminder_list.changed):
        click(qtbot, reminder_list.restore_button)
    assert reminder_list.reminders() == (MASSAGE, LEGS, STRETCH, STOOL)
    assert reminder_list.reset_question is None
    assert not reminder_list.restore_button.isEnabled()  # everything shipped is back
    assert "all here" in reminder_list.restore_button.toolTip()


def question_button(qtbot: QtBot, reminder_list: ReminderList, text: str) -> QAbstractButton:
    qtbot.waitUntil(
        lambda: (
            reminder_list.reset_question is not None and reminder_list.reset_question.isVisible()
        )
    )
    box = reminder_list.reset_question
    assert isinstance(box, QMessageBox)
    return next(button for button in box.buttons() if button.text().replace("&", "") == text)


LONGER_STRETCH = replace(STRETCH, schedule=EveryActiveMinutes(60))


def test_restore_asks_before_resetting_a_changed_shipped_reminder(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (LONGER_STRETCH, MASSAGE))  # legs and stool removed

    click(qtbot, reminder_list.restore_button)
    assert "You changed Stretch. Reset it" in reminder_list.reset_question.text()  # type: ignore[union-attr]
    with qtbot.waitSignal(reminder_list.changed):
        click(qtbot, question_button(qtbot, reminder_list, "Keep my changes"))
    assert reminder_list.reminders() == (LONGER_STRETCH, MASSAGE, LEGS, STOOL)

    assert reminder_list.restore_button.isEnabled()  # Stretch is still changed
    click(qtbot, reminder_list.restore_button)
    with qtbot.waitSignal(reminder_list.changed):
        click(qtbot, question_button(qtbot, reminder_list, "Reset"))
    assert reminder_list.reminders() == (STRETCH, MASSAGE, LEGS, STOOL)  # the user's own stays


def test_cancelling_the_question_changes_nothing(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (LONGER_STRETCH,))
    click(qtbot, reminder_list.restore_button)
    with qtbot.assertNotEmitted(reminder_list.changed):
        qtbot.keyClick(question_button(qtbot, reminder_list, "Cancel"), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not reminder_list.reset_question.isVisible())  # type: ignore[union-attr]
    assert reminder_list.reminders() == (LONGER_STRETCH,)


def test_tab_goes_from_the_list_through_every_button(qtbot: QtBot) -> None:
    reminder_list = open_list(qtbot, (LEGS, STOOL))
    reminder_list.tree.setFocus()
    qtbot.waitUntil(reminder_list.tree.hasFocus)
    reached = [reminder_list.tree]
    for _ in range(4):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [
        reminder_list.tree,
        reminder_list.add_button,
        reminder_list.edit_button,
        reminder_list.remove_button,
        reminder_list.restore_button,
    ]
    for control in reached:
        assert control.accessibleName()  # type: ignore[union-attr]


def test_weekday_ranges_follow_the_first_day_of_the_week(qtbot: QtBot) -> None:
    weekend = ReminderDefinition(
        "weekend",
        "Weekend walk",
        "",
        AtTimesOfDay((time(10),), (Weekday.SAT, Weekday.SUN, Weekday.MON)),
    )
    reminder_list = open_list(qtbot, (weekend,))
    assert rows(reminder_list)[0][1] == "10:00 Mon, Sat, Sun"
    reminder_list.set_first_day(Weekday.SAT)
    assert rows(reminder_list)[0][1] == "10:00 Sat\u2013Mon"
