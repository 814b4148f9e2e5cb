"""Runs the heat/cold pack timer on the Qt event loop and says when each phase ends."""

from __future__ import annotations

import logging
import math
from datetime import timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from posturebreak.core.clock import Clock
from posturebreak.core.pack_timer import PackPhase, PackTimer
from posturebreak.core.status import describe_moment, pack_status
from posturebreak.i18n import _
from posturebreak.services.notify import Notification, Urgency

log = logging.getLogger(__name__)


class PackAlarm(QObject):
    """Wakes once at the end of each phase of the :class:`PackTimer`."""

    alert = Signal(object)  # Notification
    changed = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.timer = PackTimer()
        self._alarm = QTimer(self)
        self._alarm.setSingleShot(True)
        self._alarm.setTimerType(Qt.TimerType.PreciseTimer)
        self._alarm.timeout.connect(self._phase_ended)

    def start(self, on: timedelta, rest: timedelta) -> None:
        self.timer.start(self._clock.now(), on, rest)
        log.info("Pack timer started: %s", pack_status(self.timer, self._clock.now()))
        self._arm()

    def stop(self) -> None:
        if self.timer.phase is not PackPhase.IDLE:
            log.info("Pack timer stopped")
        self.timer.stop()
        self._arm()

    def _phase_ended(self) -> None:
        was, now = self.timer.phase, self._clock.now()
        phase = self.timer.advance(now)
        if phase is was:  # woke a little early
            self._arm()
            return
        if was is PackPhase.ON:
            rest = self.timer.ends_at
            told = (
                # Translators: {moment} is a time such as "14:05" or "tomorrow 09:00".
                _("Time is up. Give your skin a rest until {moment}.").format(
                    moment=describe_moment(rest, now)
                )
                if rest
                else _("Time is up.")
            )
            # A skin-safety alert: it stays on screen until the user dismisses it.
            self.alert.emit(Notification(_("Take the pack off now"), told, Urgency.CRITICAL))
        else:
            self.alert.emit(
                Notification(
                    _("Skin rest is over"), _("You can put the pack on again if you like.")
                )
            )
        self._arm()

    def clock_set(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``; the pack keeps the time it had left."""
        self.timer.shift(jump)
        self._arm()

    def _arm(self) -> None:
        self._alarm.stop()
        if self.timer.ends_at is not None:
            wait = (self.timer.ends_at - self._clock.now()).total_seconds()
            self._alarm.start(max(0, math.ceil(wait * 1000)))
        self.changed.emit()
