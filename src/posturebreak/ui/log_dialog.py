"""*Log a stretch…*: record an exercise the user did on their own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from posturebreak.core.catalogue import Exercise
from posturebreak.i18n import N_, _

# How far back an exercise can be logged: long enough to catch up on a forgotten day.
LOG_BACK_DAYS = 7
OWN_EXERCISE = N_("A stretch of my own")


class LogStretchDialog(QDialog):
    """Which stretch and when (now by default, never in the future)."""

    logged = Signal(object, object)  # exercise id or None, aware datetime

    def __init__(
        self,
        exercises: Sequence[Exercise],
        now: datetime,
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Log a stretch"))  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        form = QFormLayout(self)
        intro = QLabel(_("Did a stretch on your own? Log it so it counts towards your goal."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.exercise = QComboBox()
        self.exercise.setAccessibleName(_("Exercise"))
        self.exercise.setMinimumContentsLength(24)
        self.exercise.addItem(_(OWN_EXERCISE), None)
        for exercise in sorted(exercises, key=lambda item: item.title):
            self.exercise.addItem(exercise.title, exercise.id)
        form.addRow(_("&Exercise:"), self.exercise)
        local_now = QDateTime.fromSecsSinceEpoch(int(now.timestamp()))
        self.when = QDateTimeEdit(local_now)
        self.when.setAccessibleName(_("When"))
        self.when.setCalendarPopup(True)
        # Translators: a Qt date-time format (ddd: weekday, MMM: month, HH:mm: 24-hour time);
        # reorder it, add dots or commas as dates are written in your language.
        self.when.setDisplayFormat(_("ddd d MMM yyyy, HH:mm"))
        self.when.setDateTimeRange(local_now.addDays(-LOG_BACK_DAYS), local_now)
        form.addRow(_("&When:"), self.when)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Log it"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form.addRow(buttons)

    def accept(self) -> None:
        when = self.when.dateTime().toPython()
        assert isinstance(when, datetime)
        self.logged.emit(self.exercise.currentData(), when.astimezone())
        super().accept()
