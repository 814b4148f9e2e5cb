"""Form fields the settings dialog and the reminder editor build alike: number fields
whose range comes from the model's limits, clock-time fields, and the words for
weekdays and for how a reminder is shown."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QSpinBox, QTimeEdit

from posturebreak.core.reminders import NotificationStyle
from posturebreak.core.settings import limits_of
from posturebreak.core.weekdays import Weekday

STYLE_LABELS = {
    NotificationStyle.NOTIFICATION: "Notification",
    NotificationStyle.POPUP: "Break window",
    NotificationStyle.BOTH: "Notification and break window",
}
DAY_NAMES = {
    Weekday.MON: "Monday",
    Weekday.TUE: "Tuesday",
    Weekday.WED: "Wednesday",
    Weekday.THU: "Thursday",
    Weekday.FRI: "Friday",
    Weekday.SAT: "Saturday",
    Weekday.SUN: "Sunday",
}


def spin_box(owner: type, name: str, suffix: str, accessible_name: str) -> QSpinBox:
    """A whole-number field limited to what ``owner.name`` allows."""
    box = QSpinBox()
    box.setRange(*limits_of(owner, name))
    box.setSuffix(suffix)
    box.setAccessibleName(accessible_name)
    return box


def time_edit(accessible_name: str) -> QTimeEdit:
    """A 24-hour clock-time field, hours and minutes."""
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(accessible_name)
    return edit


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())
