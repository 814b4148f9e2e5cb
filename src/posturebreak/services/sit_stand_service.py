"""Runs sit/stand on the Qt event loop: one single-shot timer for the next switch.

It follows the reminders' schedule for pause, absence and working hours (see
:mod:`posturebreak.core.sit_stand`), logs every switch, and says when it is
time to switch; nothing wakes up in between.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from posturebreak.core.clock import Clock
from posturebreak.core.sit_stand import (
    Posture,
    PostureSwitch,
    SitStand,
    SitStandSettings,
)
from posturebreak.core.status import standing_status
from posturebreak.services.scheduler import AWAY_AFTER, ReminderScheduler

log = logging.getLogger(__name__)

_MAX_TIMER_MS = 2_147_483_647  # QTimer's limit (24.8 days); a longer wait is re-armed


class SitStandService(QObject):
    """The sit/stand state while it is on; None-state (and no timer) while it is off."""

    prompt = Signal(object)  # Posture: time to take it
    changed = Signal()

    def __init__(
        self,
        clock: Clock,
        scheduler: ReminderScheduler,
        record: Callable[[PostureSwitch], None],
        scaled: Callable[[timedelta], timedelta],
        parent: QObject | None = None,
    ) -> None:
        """``record`` logs a switch; ``scaled`` applies the demo time scale to a length."""
        super().__init__(parent)
        self._clock = clock
        self._scheduler = scheduler
        self._record = record
        self._scaled = scaled
        self.state: SitStand | None = None
        self._away_since: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._due)
        scheduler.changed.connect(self._follow_schedule)

    def apply(self, settings: SitStandSettings) -> None:
        """Turns sit/stand on or off, or changes its lengths keeping the spell so far."""
        now = self._clock.now()
        if not settings.enabled:
            self.stop()
            return
        sit = self._scaled(timedelta(minutes=settings.sit_minutes))
        stand = self._scaled(timedelta(minutes=settings.stand_minutes))
        if self.state is None:
            self.state = SitStand(sit, stand, now)
            log.info("Sit/stand on: sitting %s, standing %s", sit, stand)
            self._follow_schedule()
            self.changed.emit()
        else:
            self.state.set_lengths(sit, stand, now)
        self._arm()

    def stop(self) -> None:
        """Off (or quitting): a standing spell ends now, so the log does not run on."""
        if self.state is not None:
            ended = self.state.take(Posture.SITTING, self._clock.now())
            self.state, self._away_since = None, None
            self._log(ended)
            log.info("Sit/stand off")
            self.changed.emit()
        self._arm()

    def take(self, posture: Posture) -> None:
        """The user says they sit or stand from now on (tray, or the prompt's Done)."""
        if self.state is not None:
            self._log(self.state.take(posture, self._clock.now()))
            self._arm()

    def toggle(self) -> None:
        """The tray's "I'm standing now" / "I'm sitting now"."""
        if self.state is not None:
            self.take(self.state.posture.other)

    @property
    def standing(self) -> bool:
        return self.state is not None and self.state.is_standing

    def status(self) -> str | None:
        """ "Standing since 10:20", or None while sit/stand is off."""
        return None if self.state is None else standing_status(self.state, self._clock.now())

    def clock_set(self, jump: timedelta) -> None:
        """The wall clock was set by ``jump``; the spell keeps the time it had left."""
        if self.state is not None:
            self.state.shift(jump)
            if self._away_since is not None:
                self._away_since += jump
            self._arm()

    def _follow_schedule(self) -> None:
        """Freezes while reminders are paused or the user is away; a long absence starts
        a fresh sitting spell."""
        state = self.state
        if state is None:
            return
        schedule, now = self._scheduler.schedule, self._clock.now()
        away = schedule.away_since
        if away is not None and self._away_since is None:
            self._away_since = away
        elif away is None and self._away_since is not None:
            since, self._away_since = self._away_since, None
            self._back_from(state, since, now)
        if schedule.is_paused or away is not None:
            state.freeze(away or now)
        else:
            state.thaw(now)
        self._arm()

    def _due(self) -> None:
        state, now = self.state, self._clock.now()
        due = None if state is None else state.due_at
        if state is None or due is None:
            return
        if due > now:  # woke early, or a wait longer than a timer holds
            self._arm()
            return
        # Woken this late, the computer slept through the switch: an absence since then.
        if now - due > AWAY_AFTER and self._back_from(state, due, now):
            self._arm()
            return
        work_starts = self._scheduler.schedule.quiet_until(now)
        if work_starts is not None:
            log.info("Sit/stand switch held back: outside working hours")
            state.hold_until(work_starts)
        else:
            state.prompted(now)
            log.info("Time to switch to %s", state.posture.other)
            self.prompt.emit(state.posture.other)
        self._arm()

    def _back_from(self, state: SitStand, since: datetime, now: datetime) -> bool:
        """Back from an absence since ``since``; True when it started a fresh sitting spell."""
        was = state.since
        self._log(state.came_back(since, now))
        if state.since == was:
            return False
        log.info("Back after %s: sitting afresh", now - since)
        self.changed.emit()
        return True

    def _log(self, switch: PostureSwitch | None) -> None:
        if switch is not None:
            log.info("Now %s (since %s)", switch.posture, switch.at.isoformat())
            self._record(switch)
            self.changed.emit()

    def _arm(self) -> None:
        due = None if self.state is None else self.state.due_at
        if due is None:
            self.timer.stop()
            return
        wait = (due - self._clock.now()).total_seconds()
        self.timer.start(min(_MAX_TIMER_MS, max(0, math.ceil(wait * 1000))))
