"""Turns what the presence detectors say into absences the schedule understands.

Several detectors may speak (idle input, sleep, the lock screen);
:class:`~posturebreak.core.presence.Presence` makes one absence of them, and
the scheduler freezes the countdowns from its start and counts natural
breaks at its end. The idle detector follows the "Natural break after"
setting: 0 switches it off.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from posturebreak.core.clock import Clock
from posturebreak.core.presence import Presence
from posturebreak.i18n import _, pgettext
from posturebreak.platform.presence import IdleDetector, PresenceDetector
from posturebreak.services.scheduler import ReminderScheduler

log = logging.getLogger(__name__)


class PresenceWatch(QObject):
    """Starts the detectors that work here and feeds their reports to the scheduler."""

    def __init__(
        self,
        clock: Clock,
        scheduler: ReminderScheduler,
        idle: IdleDetector | None,
        others: Sequence[PresenceDetector],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._scheduler = scheduler
        self._idle = idle
        self._others = list(others)
        self._presence = Presence()
        # The running detectors, with their two connections (to undo them on stop).
        self._running: dict[PresenceDetector, tuple[Callable[..., None], ...]] = {}
        # What each detector does here, by its name in the user's language (About window).
        self.states: dict[str, str] = {}

    def start(self, idle_threshold: timedelta | None) -> None:
        """Starts every detector; the idle one only with a threshold (None: off)."""
        for detector in self._others:
            self._start(detector)
        self.set_idle_threshold(idle_threshold)

    def set_idle_threshold(self, threshold: timedelta | None) -> None:
        idle = self._idle
        if idle is None:
            return
        if threshold is None:
            if idle in self._running:
                self._stop(idle)
            else:
                idle.stop()  # it may have been started to see whether it works here
            # Translators: the state of a way to tell the user is away (About window).
            self.states[_(idle.name)] = pgettext("detector", "off in the settings")
            return
        idle.set_threshold(threshold)
        if idle not in self._running:
            self._start(idle)

    def stop(self) -> None:
        for detector in list(self._running):
            self._stop(detector)

    def _start(self, detector: PresenceDetector) -> None:
        if not detector.start():
            log.info("%s is off: %s", detector.name, detector.unavailable_reason)
            # Translators: {reason} is a technical (English) reason, e.g. "no X display".
            off = pgettext("detector", "off, {reason}")
            self.states[_(detector.name)] = off.format(reason=detector.unavailable_reason)
            return
        log.info("%s is on", detector.name)
        self.states[_(detector.name)] = pgettext("detector", "on")
        away = functools.partial(self._went_away, detector.name)
        back = functools.partial(self._came_back, detector.name)
        detector.went_away.connect(away)
        detector.came_back.connect(back)
        self._running[detector] = (away, back)

    def _stop(self, detector: PresenceDetector) -> None:
        away, back = self._running.pop(detector)
        detector.went_away.disconnect(away)
        detector.came_back.disconnect(back)
        detector.stop()
        self._came_back(detector.name, self._clock.now())  # a stopped detector says nothing

    def _went_away(self, name: str, since: datetime) -> None:
        began = self._presence.went_away(name, since)
        if began is not None:
            self._scheduler.went_away(began)

    def _came_back(self, name: str, at: datetime) -> None:
        if self._presence.came_back(name, at):
            self._scheduler.came_back()
