"""The comfort check-in dialog: lower-back comfort from 0 to 10 and an optional note.

Keyboard first: the slider has the focus, the arrow keys (or Home/End, or
Page Up/Down) move it one point at a time, Tab reaches the note, and Enter
saves. It only says what the user answered (:attr:`answered`); the caller
saves and then calls :meth:`saved` or :meth:`show_error`. When today was
answered already, the dialog says so and starts from that answer, which
saving replaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.comfort import (
    HIGHEST,
    HIGHEST_LABEL,
    LOWEST,
    LOWEST_LABEL,
    MAX_NOTE_LENGTH,
    QUESTION,
    CheckIn,
)
from posturebreak.i18n import _, formats
from posturebreak.ui.screen_fit import fit_to_screen

# Where the slider starts when today has no answer yet: the middle, favouring neither end.
_START = (LOWEST + HIGHEST) // 2


def answer_text(comfort: int) -> str:
    # Translators: under the comfort slider, e.g. "Your answer: 7 of 10".
    return _("Your answer: {comfort} of {highest}").format(
        comfort=formats().integer(comfort), highest=formats().integer(HIGHEST)
    )


class ComfortCheckInDialog(QDialog):
    """Asks how the lower back feels; :attr:`answered` carries comfort, note and the stool
    setting used today (None when the stool trial is off)."""

    answered = Signal(int, str, object)

    def __init__(
        self,
        icon: QIcon,
        *,
        earlier: CheckIn | None = None,
        stool_settings: Sequence[str] = (),
        todays_setting: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Comfort check-in"))  # Qt adds " — Posture Break"
        self.setWindowIcon(icon)
        layout = QVBoxLayout(self)
        question = QLabel(f"<b>{_(QUESTION)}</b>")
        question.setWordWrap(True)
        layout.addWidget(question)
        layout.addLayout(self._build_scale())
        form = QFormLayout()
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setAccessibleName(_("Note (optional)"))
        self.note.setPlaceholderText(_("e.g. long meeting, new chair"))
        form.addRow(_("&Note (optional):"), self.note)
        self.stool = QComboBox()
        self.stool.setAccessibleName(_("Stool setting used today"))
        for name in stool_settings:
            self.stool.addItem(name)
        if stool_settings:
            form.addRow(_("&Stool setting used today:"), self.stool)
        layout.addLayout(form)
        self.earlier_label = QLabel()
        self.earlier_label.setWordWrap(True)
        layout.addWidget(self.earlier_label)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._start_from(earlier, todays_setting)
        self.slider.setFocus()
        self._fit(480)

    def _build_scale(self) -> QGridLayout:
        grid = QGridLayout()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(LOWEST, HIGHEST)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(
            _("Lower-back comfort, {lowest} to {highest}").format(
                lowest=_(LOWEST_LABEL), highest=_(HIGHEST_LABEL)
            )
        )
        self.value_label = QLabel()
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.value_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.slider.valueChanged.connect(self._show_value)
        low, high = QLabel(_(LOWEST_LABEL)), QLabel(_(HIGHEST_LABEL))
        high.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.slider, 0, 0, 1, 2)
        grid.addWidget(low, 1, 0)
        grid.addWidget(high, 1, 1)
        grid.addWidget(self.value_label, 2, 0, 1, 2)
        return grid

    def _start_from(self, earlier: CheckIn | None, todays_setting: str | None) -> None:
        self.slider.setValue(_START if earlier is None else earlier.comfort)
        self._show_value(self.slider.value())
        setting = todays_setting if earlier is None else earlier.stool_setting
        if setting is not None and self.stool.findText(setting) >= 0:
            self.stool.setCurrentText(setting)
        if earlier is None:
            self.earlier_label.hide()
            return
        self.note.setText(earlier.note)
        self.earlier_label.setText(
            _(
                "You answered today already ({comfort} at {time}). Saving replaces that answer."
            ).format(
                comfort=formats().integer(earlier.comfort),
                time=formats().clock(earlier.answered_at),
            )
        )

    def _show_value(self, value: int) -> None:
        self.value_label.setText(answer_text(value))

    def _save(self) -> None:
        setting = self.stool.currentText() if self.stool.count() else None
        self.answered.emit(self.slider.value(), self.note.text(), setting)

    def saved(self) -> None:
        """The answer is kept: the dialog closes."""
        self.accept()

    def show_error(self, text: str) -> None:
        """The answer could not be kept: says why and stays open, answer intact."""
        self.error_label.setText(text)
        self.error_label.show()
        self._fit(self.width())

    def _fit(self, width: int) -> None:
        """As tall as the wrapped text needs at ``width`` (longer in some languages), within
        the screen."""
        fit_to_screen(self, QSize(width, max(self.sizeHint().height(), self.heightForWidth(width))))
