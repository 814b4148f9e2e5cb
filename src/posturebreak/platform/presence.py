"""The one shape every "is the user here?" source has, whatever it listens to.

Subclasses only notice changes; this base keeps the promise the rules rely on:
``went_away`` and ``came_back`` alternate, starting with ``went_away``. Detectors
emit from the Qt event loop, never inside ``start()`` or ``set_threshold()``, so
connecting after starting misses nothing and no signal re-enters the caller.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from posturebreak.core.clock import Clock

log = logging.getLogger(__name__)


class PresenceDetector(QObject):
    """One source of "is the user here?": idle input, sleep, (later: lock)."""

    went_away = Signal(object)  # aware UTC datetime: when the absence began
    came_back = Signal(object)  # aware UTC datetime: when the user was back
    name: str = "Presence detection"

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._away = False
        self.unavailable_reason = ""

    @property
    def away(self) -> bool:
        return self._away

    def start(self) -> bool:
        """Begins watching; False (with ``unavailable_reason``) where it cannot work here."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stops watching; a pending absence is forgotten without a ``came_back``."""
        raise NotImplementedError

    def _report_away(self, since: datetime) -> None:
        if not self._away:
            self._away = True
            log.info("%s: away since %s", self.name, since.isoformat())
            self.went_away.emit(since)

    def _report_back(self, at: datetime) -> None:
        if self._away:
            self._away = False
            log.info("%s: back at %s", self.name, at.isoformat())
            self.came_back.emit(at)

    def _forget_absence(self) -> None:
        self._away = False

    def _unavailable(self, reason: str) -> bool:
        self.unavailable_reason = reason
        log.info("%s unavailable: %s", self.name, reason)
        return False


class IdleDetector(PresenceDetector):
    """A detector that calls the user away after a stretch without input."""

    def __init__(self, clock: Clock, threshold: timedelta, parent: QObject | None = None) -> None:
        super().__init__(clock, parent)
        self._threshold = threshold

    @property
    def threshold(self) -> timedelta:
        return self._threshold

    def set_threshold(self, threshold: timedelta) -> None:
        """ "Away" = no input for at least ``threshold``; takes effect at once."""
        raise NotImplementedError
