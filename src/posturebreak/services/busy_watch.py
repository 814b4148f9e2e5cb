"""Asks whether the user is busy when a reminder comes due, and lets held reminders go.

The detectors (a call, a full-screen window, the desktop's do-not-disturb)
are asked only when a reminder is due, and then again every little while
only while one is held: with nothing held, this costs no wake-up at all.
The rules themselves are :class:`~posturebreak.core.do_not_disturb.DoNotDisturb`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from posturebreak.core.clock import Clock
from posturebreak.core.do_not_disturb import BusyDetector, BusyReason, DoNotDisturb
from posturebreak.core.reminders import ReminderId
from posturebreak.i18n import _

log = logging.getLogger(__name__)


class BusyWatch(QObject):
    """Holds reminders while the user is busy and releases each held kind once."""

    released = Signal(object)  # [(ReminderId, due datetime)], soonest first
    changed = Signal()  # do not disturb turned on or off, or reminders released

    def __init__(
        self,
        clock: Clock,
        detectors: Sequence[BusyDetector],
        recheck: timedelta,
        parent: QObject | None = None,
    ) -> None:
        """``recheck``: how often to ask again while a reminder is held."""
        super().__init__(parent)
        self._clock = clock
        self._detectors = list(detectors)
        self._recheck = recheck
        self.rules = DoNotDisturb()
        self._held_for: BusyReason | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check_held)

    @property
    def detector_names(self) -> list[str]:
        """The detectors' names in the user's language (for the About window)."""
        return [_(detector.name) for detector in self._detectors]

    def reason(self) -> BusyReason | None:
        """Why reminders must wait now, or None when the user is free."""
        detected = next((d.reason for d in self._detectors if d.busy()), None)
        return self.rules.reason(self._clock.now(), detected)

    def holding_for(self) -> BusyReason | None:
        """Why reminders are being held right now (without asking the detectors again)."""
        if self.rules.is_on(self._clock.now()):
            return BusyReason.TURNED_ON
        return self._held_for if self.rules.holding else None

    def hold(self, kind: ReminderId, due_at: datetime, reason: BusyReason) -> None:
        log.info("%s reminder held: %s", kind, reason.words)
        self.rules.hold(kind, due_at)
        self._held_for = reason
        self._arm()
        self.changed.emit()

    def turn_on(self, until: datetime | None) -> None:
        """Do not disturb from the tray or the command line: until then, or until turned off."""
        self.rules.turn_on(until)
        log.info("Do not disturb on until %s", until.isoformat() if until else "turned off")
        self._arm()
        self.changed.emit()

    def turn_off(self) -> None:
        self.rules.turn_off()
        log.info("Do not disturb off")
        self._check_held()

    def _arm(self) -> None:
        """Wakes for the end of the user's do-not-disturb, or to ask again while holding."""
        waits = []
        until = self.rules.until
        if until is not None:
            waits.append(until - self._clock.now())
        if self.rules.holding:
            waits.append(self._recheck)
        if not waits:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil(min(waits).total_seconds() * 1000)))

    def _check_held(self) -> None:
        if self.rules.holding and self.reason() is None:
            released = self.rules.release()
            log.info("No longer busy; giving %s", ", ".join(kind for kind, _ in released))
            self.released.emit(released)
        self._arm()
        self.changed.emit()
