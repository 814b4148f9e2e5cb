"""Shows break windows one at a time; a reminder due meanwhile waits its turn.

The window itself (:mod:`posturebreak.ui.break_popup`) and the Qt classes it uses
load when the first break is shown, not at the app's start.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from posturebreak.core.clock import Clock
from posturebreak.core.events import BreakRequest, Outcome
from posturebreak.core.reminders import ReminderId
from posturebreak.i18n import _

if TYPE_CHECKING:
    from posturebreak.ui.break_popup import BreakPopup

log = logging.getLogger(__name__)


def _minutes_text(length: timedelta) -> str:
    minutes = max(1, round(length.total_seconds() / 60))
    # Translators: how long Snooze puts a break off, on its button: "Snooze 5 min".
    return _("{minutes} min").format(minutes=minutes)


class BreakWindows(QObject):
    """Shows break windows one at a time; a reminder due meanwhile waits its turn."""

    answered = Signal(object, object, object)  # BreakRequest, Outcome, datetime

    def __init__(
        self,
        clock: Clock,
        sound: Callable[[], bool],
        linger: timedelta,
        parent: QObject | None = None,
    ) -> None:
        """``linger``: how long a window stays after its countdown when nobody answers."""
        super().__init__(parent)
        self._clock = clock
        self._linger = linger
        self._sound = sound
        self._waiting: deque[BreakRequest] = deque()
        self.current: BreakPopup | None = None

    def present(self, request: BreakRequest) -> None:
        """Shows ``request`` now, or after the one on screen; one waiting per kind."""
        if self.current is not None:
            if self.holds(request.kind):
                log.info("A %s break is already on screen or waiting", request.kind)
                return
            self._waiting.append(request)
            return
        self._show(request)

    def dismiss_all(self) -> None:
        """Closes the window on screen unanswered and drops the queue (the app is quitting)."""
        self._waiting.clear()
        if self.current is not None:
            self.current.withdraw()

    def clock_set(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``; the window on screen keeps its time."""
        if self.current is not None:
            self.current.clock_set(jump)

    def holds(self, kind: ReminderId) -> bool:
        """Whether a break of ``kind`` is on screen or waiting its turn."""
        on_screen = self.current is not None and self.current.request.kind == kind
        return on_screen or any(waiting.kind == kind for waiting in self._waiting)

    @property
    def waiting(self) -> tuple[BreakRequest, ...]:
        return tuple(self._waiting)

    def _show(self, request: BreakRequest) -> None:
        from posturebreak.ui.break_popup import BreakPopup

        ignore_after = request.break_length + self._linger
        popup = BreakPopup(request, self._clock, ignore_after, _minutes_text(request.snooze_length))
        popup.answered.connect(self._on_answered)
        self.current = popup
        popup.show_on_pointer_screen()
        if self._sound():
            QApplication.beep()
        exercise_id = request.exercise.id if request.exercise else None
        log.info("Break window shown for %s (%s)", request.kind, exercise_id)

    def _on_answered(self, outcome: Outcome | None, at: datetime) -> None:
        popup = self.current
        assert popup is not None
        self.current = None
        if outcome is None:
            log.info("Break %s closed unanswered as the app quits; not logged", popup.request.kind)
            self._waiting.clear()
            return
        log.info("Break %s: %s", popup.request.kind, outcome)
        self.answered.emit(popup.request, outcome, at)
        if self._waiting:
            self._show(self._waiting.popleft())
