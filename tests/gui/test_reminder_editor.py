"""The reminder editor, driven by keys and clicks: what it hands back, why OK waits,
and that the keyboard reaches every control."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QDialogButtonBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from posturebreak.core.categories import Category
from posturebreak.core.reminders import (
    AtTimesOfDay,
    EveryActiveMinutes,
    EveryNDays,
    NotificationStyle,
    ReminderAction,
    ReminderDefinition,
)
from posturebreak.core.weekdays import Weekday
from posturebreak.ui.reminder_editor import ReminderEditor
from tests.support.keyboard_walk import check_keyboard_and_names, walk_tab_order

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
CHECK_IN = ReminderDefinition(
    "comfort_check_in",
    "Comfort check-in",
    "How did your back feel today?",
    AtTimesOfDay((time(16, 45),)),
    action=ReminderAction.COMFORT_CHECK_IN,
)


def open_editor(
    qtbot: QtBot, reminder: ReminderDefinition | None = None, first_day: Weekday = MON
) -> ReminderEditor:
    editor = ReminderEditor(reminder, lambda name: f"new_{len(name)}", first_day)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
    return editor


def ok_button(editor: ReminderEditor) -> QAbstractButton:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Ok)


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, field: QAbstractSpinBox, text: str) -> None:
    """Replaces a number with ``text``."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def type_clock(qtbot: QtBot, field: QTimeEdit, digits: str) -> None:
    """Types a time as a user does, e.g. "1330": the hour fills, then the minutes."""
    field.setFocus()  # on the hour
    qtbot.keyClicks(field, digits)


def type_time(qtbot: QtBot, editor: ReminderEditor, digits: str) -> None:
    type_clock(qtbot, editor.times_fields.new_time, digits)


def toggle(qtbot: QtBot, box: QAbstractButton) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_a_new_time_of_day_reminder_is_typed_and_clicked_together(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    assert editor.windowTitle() == "New reminder"
    qtbot.keyClicks(editor.name, "Morning stretch")
    qtbot.keyClicks(editor.message, "Stretch before you start.")
    type_time(qtbot, editor, "1330")
    click(qtbot, editor.times_fields.add_time)
    click(qtbot, editor.times_fields.day_boxes[FRI])  # Mon-Thu only
    toggle(qtbot, editor.category_boxes[Category.STRETCH])
    editor.show_as.setFocus()
    qtbot.keyClick(editor.show_as, Qt.Key.Key_Down)  # Notification -> Break window

    with qtbot.waitSignal(editor.accepted):
        click(qtbot, ok_button(editor))

    assert editor.definition() == ReminderDefinition(
        id="new_15",  # from the list's id maker
        name="Morning stretch",
        message="Stretch before you start.",
        schedule=AtTimesOfDay((time(9, 15), time(13, 30)), (MON, TUE, WED, THU)),
        categories=(Category.STRETCH,),
        style=NotificationStyle.POPUP,
    )


def test_ok_waits_and_says_why_while_the_draft_cannot_be_a_reminder(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    assert not ok_button(editor).isEnabled()
    assert editor.problem.isVisible()
    assert editor.problem.text() == "Give the reminder a name."

    qtbot.keyClicks(editor.name, "Water")
    assert ok_button(editor).isEnabled()
    assert not editor.problem.isVisible()

    for day in (MON, TUE, WED, THU, FRI):
        click(qtbot, editor.times_fields.day_boxes[day])
    assert not ok_button(editor).isEnabled()
    assert editor.problem.text() == "Choose at least one day of the week."
    click(qtbot, editor.times_fields.day_boxes[SUN])
    assert ok_button(editor).isEnabled()

    editor.times_fields.times.setCurrentRow(0)
    click(qtbot, editor.times_fields.remove_time)
    assert editor.problem.text() == "Add at least one time of day."
    assert not ok_button(editor).isEnabled()

    editor.name.setFocus()
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)  # Enter cannot press a disabled OK
    assert editor.isVisible()


def test_a_time_is_listed_once_in_clock_order_and_at_most_twelve_a_day(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN)
    for text in ("0800", "1645", "1210"):
        type_time(qtbot, editor, text)
        click(qtbot, editor.times_fields.add_time)
    listed = editor.times_fields.times
    assert [listed.item(row).text() for row in range(listed.count())] == [
        "08:00",
        "12:10",
        "16:45",
    ]
    for hour in range(9):
        type_time(qtbot, editor, f"{hour + 1:02d}30")
        click(qtbot, editor.times_fields.add_time)
    assert listed.count() == 12
    assert not editor.times_fields.add_time.isEnabled()
    assert "12 times" in editor.times_fields.add_time.toolTip()


def test_every_two_weeks_from_a_date_is_chosen_from_the_keyboard(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    qtbot.keyClicks(editor.name, "Book a massage")
    editor.schedule_kind.setFocus()
    qtbot.keyClick(editor.schedule_kind, Qt.Key.Key_End)  # the last kind: every N days
    fields = editor.days_fields
    assert fields.count.isVisible() and not editor.times_fields.times.isVisible()
    fields.unit.setFocus()
    qtbot.keyClick(fields.unit, Qt.Key.Key_End)  # weeks
    type_into(qtbot, fields.count, "2")
    type_clock(qtbot, fields.at, "0730")

    assert editor.definition().schedule == EveryNDays(14, EveryNDays().start, time(7, 30))


def test_editing_keeps_the_id_and_what_answering_opens(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN)
    assert editor.windowTitle() == "Edit reminder"
    assert editor.name.text() == "Comfort check-in"
    editor.schedule_kind.setFocus()
    qtbot.keyClick(editor.schedule_kind, Qt.Key.Key_Home)  # every few minutes
    type_into(qtbot, editor.minutes, "90")
    toggle(qtbot, editor.enabled)

    edited = editor.definition()
    assert (edited.id, edited.action) == ("comfort_check_in", ReminderAction.COMFORT_CHECK_IN)
    assert edited.schedule == EveryActiveMinutes(90)
    assert edited.enabled is False


def test_an_existing_every_n_days_reminder_shows_in_weeks(qtbot: QtBot) -> None:
    check = ReminderDefinition(
        "workstation_check", "Workstation check", "", EveryNDays(28, date(2026, 2, 2), time(10))
    )
    editor = open_editor(qtbot, check)
    fields = editor.days_fields
    assert (fields.count.value(), fields.unit.currentText()) == (4, "weeks")
    assert fields.start.text() == "2 Feb 2026"
    assert editor.definition() == check


def test_break_length_and_snooze_wait_while_the_reminder_is_a_notification_only(
    qtbot: QtBot,
) -> None:
    editor = open_editor(qtbot, CHECK_IN)  # a notification
    assert not editor.break_length.isEnabled() and not editor.snooze.isEnabled()
    assert "break window" in editor.snooze.toolTip()
    editor.show_as.setCurrentIndex(editor.show_as.findData("both"))
    assert editor.break_length.isEnabled() and editor.snooze.isEnabled()


def test_tab_reaches_and_names_every_control_for_each_kind_of_schedule(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, first_day=SUN)
    qtbot.keyClicks(editor.name, "Morning stretch")  # OK on
    editor.show_as.setCurrentIndex(editor.show_as.findData("both"))  # break and snooze on
    editor.times_fields.times.setCurrentRow(0)  # Remove time on
    checked = 0
    for kind in range(editor.schedule_kind.count()):
        editor.schedule_kind.setCurrentIndex(kind)
        editor.name.setFocus()
        checked += check_keyboard_and_names(qtbot, editor)
    assert checked == 18 + 28 + 21  # every few minutes, times of day, every few days


def test_the_weekday_boxes_follow_the_first_day_of_the_week(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN, first_day=SUN)
    editor.name.setFocus()
    reached = walk_tab_order(qtbot, editor)
    boxes = editor.times_fields.day_boxes
    days = [day for widget in reached for day, box in boxes.items() if box is widget]
    assert days == list(Weekday.week_from(SUN))


def test_a_reminder_that_opens_a_dialog_suggests_no_exercise(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN)
    stretches = editor.category_boxes[Category.STRETCH]
    assert not stretches.isEnabled()
    assert "opens the comfort check-in" in stretches.toolTip()
    new = open_editor(qtbot)
    assert new.category_boxes[Category.STRETCH].isEnabled()


def test_enter_in_the_time_field_adds_the_time_and_delete_removes_it(qtbot: QtBot) -> None:
    editor = open_editor(qtbot, CHECK_IN)
    type_time(qtbot, editor, "0745")
    qtbot.keyClick(editor.times_fields.new_time, Qt.Key.Key_Return)
    listed = editor.times_fields.times
    assert editor.isVisible()  # Enter added the time; it did not press OK
    assert [listed.item(row).text() for row in range(listed.count())] == ["07:45", "16:45"]

    listed.setFocus()
    listed.setCurrentRow(1)
    qtbot.keyClick(listed, Qt.Key.Key_Delete)
    assert editor.definition().schedule == AtTimesOfDay((time(7, 45),))
    assert editor.isVisible()


def test_ok_says_why_it_waits_to_a_screen_reader_too(qtbot: QtBot) -> None:
    editor = open_editor(qtbot)
    assert ok_button(editor).accessibleDescription() == "Give the reminder a name."
    assert ok_button(editor).toolTip() == "Give the reminder a name."
    qtbot.keyClicks(editor.name, "Tea")
    assert ok_button(editor).accessibleDescription() == ""
