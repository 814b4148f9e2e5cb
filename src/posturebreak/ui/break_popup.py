"""The break window: what to do, a countdown, and Done / Snooze / Skip.

It appears on top, on the screen with the mouse pointer, without taking the
keyboard from whatever the user is typing into; once they click it, Enter is
Done, Esc is Skip and S is Snooze. Left alone, it closes itself and reports
the reminder as ignored. Closed because the app quits, it reports no answer
at all: the user chose nothing. :class:`~posturebreak.ui.break_windows.BreakWindows`
shows one at a time and queues the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from posturebreak.core.clock import Clock
from posturebreak.core.countdown import countdown_announcement, time_left_text
from posturebreak.core.events import BreakRequest, Outcome
from posturebreak.core.reminders import ReminderAction
from posturebreak.i18n import _, pgettext
from posturebreak.resources import resources_dir

_TICK_MS = 250
_ILLUSTRATION_SIZE = 140


class BreakPopup(QWidget):
    """One break: the exercise, its countdown, and the three answers."""

    answered = Signal(object, object)  # Outcome, or None when withdrawn unanswered; datetime
    # A polite word for screen readers now and then (core/countdown.py says when).
    announced = Signal(str)

    def __init__(
        self,
        request: BreakRequest,
        clock: Clock,
        ignore_after: timedelta,
        snooze_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.request = request
        self._clock = clock
        self._started = clock.now()
        self._ignore_at = self._started + ignore_after
        self._finished = False
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(request.title)  # Qt adds " — Posture Break"
        self.setAccessibleName(request.title)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_body(request))
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, round(request.break_length.total_seconds())))
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(_("Time left in the break"))
        layout.addWidget(self.progress)
        # Its own line, wrapping: "Well done! Press Done to log it." is never cut off.
        self.time_left = QLabel()
        self.time_left.setWordWrap(True)
        # A name of its own keeps Qt from telling screen readers of every second's new text;
        # the countdown is announced now and then instead.
        self.time_left.setAccessibleName(_("Countdown"))
        self._seconds_left: int | None = None
        self.announced.connect(self._announce)
        layout.addWidget(self.time_left)
        layout.addLayout(self._build_buttons(snooze_label, request.action))
        self.setMinimumWidth(460)

        self._ticker = QTimer(self)
        self._ticker.setInterval(_TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self.tick()

    def _build_body(self, request: BreakRequest) -> QHBoxLayout:
        """The breathing pacer or the illustration, if any, beside the title, instruction,
        steps and caution."""
        exercise = request.exercise
        text = QVBoxLayout()
        text.addWidget(QLabel(request.title.upper()))
        heading = QLabel(f"<b>{exercise.title if exercise else request.title}</b>")
        heading.setStyleSheet("font-size: 15pt;")
        self.instruction = QLabel(exercise.instruction if exercise else request.message)
        labels = [heading, self.instruction]
        if exercise and exercise.steps:
            steps = "".join(f"<li>{step}</li>" for step in exercise.steps)
            steps_style = "margin-left: -20px; margin-top: 0; margin-bottom: 0"
            labels.append(QLabel(f"<ol style='{steps_style}'>{steps}</ol>"))
        if exercise and exercise.caution:
            labels.append(QLabel(f"<i>{exercise.caution}</i>"))
        for label in labels:
            label.setWordWrap(True)
            text.addWidget(label)
        text.addStretch()

        body = QHBoxLayout()
        if exercise and exercise.pacer:
            from posturebreak.ui.breathing_pacer import BreathingPacer  # breathing breaks only

            pacer = BreathingPacer(exercise.pacer, self._seconds_into_break)
            body.addWidget(pacer, 0, Qt.AlignmentFlag.AlignTop)
        elif exercise and exercise.illustration:
            from PySide6.QtSvgWidgets import QSvgWidget  # Qt's SVG libraries: only when shown

            picture = QSvgWidget(str(resources_dir() / exercise.illustration))
            picture.setFixedSize(_ILLUSTRATION_SIZE, _ILLUSTRATION_SIZE)
            picture.setAccessibleName(_("Illustration: {name}").format(name=exercise.title))
            body.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(text, 1)
        return body

    def _seconds_into_break(self) -> float:
        return (self._clock.now() - self._started).total_seconds()

    def _build_buttons(self, snooze_label: str, action: ReminderAction) -> QHBoxLayout:
        """Skip / Snooze / Done on the right, with their keyboard shortcuts; a reminder
        that opens a dialog says Start instead of Done."""
        self.done_button = QPushButton(
            # Translators: the break window's buttons; each needs its own & letter.
            _("&Done") if action is ReminderAction.BREAK else _("S&tart")
        )
        # Translators: {duration} is how long, e.g. "5 min".
        self.snooze_button = QPushButton(_("&Snooze {duration}").format(duration=snooze_label))
        self.skip_button = QPushButton(_("S&kip"))
        self.done_button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        for button, outcome, key in (
            # Translators: the names of keys, shown as the buttons' tooltips.
            (self.skip_button, Outcome.SKIPPED, pgettext("key", "Esc")),
            (self.snooze_button, Outcome.SNOOZED, "S"),
            (self.done_button, Outcome.DONE, pgettext("key", "Enter")),
        ):
            button.clicked.connect(self._answer_with(outcome))
            button.setToolTip(key)
            row.addWidget(button)
        for keys, outcome in (
            (Qt.Key.Key_Return, Outcome.DONE),
            (Qt.Key.Key_Enter, Outcome.DONE),
            (Qt.Key.Key_Escape, Outcome.SKIPPED),
            (Qt.Key.Key_S, Outcome.SNOOZED),
        ):
            QShortcut(QKeySequence(keys), self, self._answer_with(outcome))
        return row

    def show_on_pointer_screen(self) -> None:
        """Shows the window near the top centre of the screen the pointer is on."""
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.setMaximumSize(area.size())
        self.ensurePolished()
        # Wrapped text is as tall as the width it gets: size for the width, then the height.
        self.resize(self.minimumSizeHint().expandedTo(self.sizeHint()).width(), 1)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), layout.totalHeightForWidth(self.width()))
        top = area.y() + min(area.height() // 5, area.height() - self.frameGeometry().height())
        self.move(area.x() + (area.width() - self.width()) // 2, max(area.y(), top))
        self.show()
        self._ticker.start()

    def tick(self) -> None:
        """Brings the countdown up to the clock; closes as ignored once the time is up."""
        if self._finished:
            return
        now = self._clock.now()
        if now >= self._ignore_at:
            self._finish(Outcome.IGNORED)
            return
        total = self.request.break_length.total_seconds()
        elapsed = min((now - self._started).total_seconds(), total)
        self.progress.setValue(round(elapsed))
        left = max(0, round(total - elapsed))
        self.time_left.setText(time_left_text(left))
        message = countdown_announcement(round(total), self._seconds_left, left)
        self._seconds_left = left
        if message:
            self.announced.emit(message)

    def _announce(self, message: str) -> None:
        event = QAccessibleAnnouncementEvent(self, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def clock_set(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``; the countdown keeps what it had left."""
        self._started += jump
        self._ignore_at += jump

    def withdraw(self) -> None:
        """Closes the window without an answer (the app is quitting)."""
        self._finish(None)

    def _answer_with(self, outcome: Outcome) -> Callable[[], None]:
        return lambda: self._finish(outcome)

    def _finish(self, outcome: Outcome | None) -> None:
        if self._finished:
            return
        self._finished = True
        self._ticker.stop()
        self.answered.emit(outcome, self._clock.now())
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802  (Qt's name)
        """Closing the window by its title bar (a spontaneous close, from the window
        manager) counts as Skip; Qt closing every window as the app quits does not."""
        self._finish(Outcome.SKIPPED if event.spontaneous() else None)
        super().closeEvent(event)
