"""Form fields the settings dialog and the reminder editor build alike: number fields
whose range comes from the model's limits, clock-time fields, and the words for
weekdays and for how a reminder is shown, in the user's language."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QLocale, QTime
from PySide6.QtWidgets import QSpinBox, QTimeEdit

from posturebreak.core.reminders import NotificationStyle
from posturebreak.core.settings import limits_of
from posturebreak.core.weekdays import Weekday
from posturebreak.i18n import N_, _, formats

_STYLE_LABELS = {
    NotificationStyle.NOTIFICATION: N_("Notification"),
    NotificationStyle.POPUP: N_("Break window"),
    NotificationStyle.BOTH: N_("Notification and break window"),
}
_DAY_NAMES = {
    Weekday.MON: N_("Monday"),
    Weekday.TUE: N_("Tuesday"),
    Weekday.WED: N_("Wednesday"),
    Weekday.THU: N_("Thursday"),
    Weekday.FRI: N_("Friday"),
    Weekday.SAT: N_("Saturday"),
    Weekday.SUN: N_("Sunday"),
}


def style_label(style: NotificationStyle) -> str:
    """How a reminder is shown, in the user's language."""
    return _(_STYLE_LABELS[style])


def day_name(day: Weekday) -> str:
    """The weekday's full name in the user's language ("Monday")."""
    return _(_DAY_NAMES[day])


def short_day_name(day: Weekday) -> str:
    """The weekday's short name as the user's locale writes it ("Mon")."""
    return formats().weekday(day.number)


def spin_box(owner: type, name: str, suffix: str, accessible_name: str) -> QSpinBox:
    """A whole-number field limited to what ``owner.name`` allows."""
    box = QSpinBox()
    box.setRange(*limits_of(owner, name))
    box.setSuffix(suffix)
    box.setAccessibleName(accessible_name)
    return box


def time_edit(accessible_name: str) -> QTimeEdit:
    """A clock-time field, hours and minutes, written as the locale writes them
    ("18:05", "6:05 PM"); 24 hours where there is no locale."""
    edit = QTimeEdit()
    locale = QLocale()
    plain = locale.language() == QLocale.Language.C
    edit.setDisplayFormat("HH:mm" if plain else locale.timeFormat(QLocale.FormatType.ShortFormat))
    edit.setAccessibleName(accessible_name)
    return edit


def to_qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())
