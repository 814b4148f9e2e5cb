"""Idle time polled adaptively, for platforms that only tell it when asked.

X11's screen-saver extension, Windows' ``GetLastInputInfo`` and macOS's
``CGEventSourceSecondsSinceLastEventType`` all report the time since the last
input only when asked. One single-shot timer asks again exactly when the
threshold could first be reached: with nobody moving, that is once per
threshold. Only while the user is away does it ask every second, to notice the
return.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer

from posturebreak.core.clock import Clock
from posturebreak.platform.presence import IdleDetector

AWAY_POLL = timedelta(seconds=1)
# Two readings of the same last input differ by the time between the server's answer
# and reading the clock; a later last input than that means the user came back.
SAME_INPUT = timedelta(milliseconds=250)
# Checking a little after the threshold could be reached finds it reached.
MARGIN = timedelta(milliseconds=100)
# A QTimer counts in int milliseconds; no threshold may overflow it.
LONGEST_WAIT = timedelta(days=1)


class IdleSourceUnavailableError(RuntimeError):
    """The idle time cannot be read here; the message says why."""


class IdleSource(Protocol):
    """Time since the last input, from wherever the platform keeps it."""

    def idle(self) -> timedelta: ...

    def close(self) -> None: ...


def next_check(idle: timedelta, threshold: timedelta, away: bool) -> timedelta:
    """How long to wait before asking for the idle time again."""
    if away:
        return AWAY_POLL
    return min(max(threshold - idle, timedelta(0)) + MARGIN, LONGEST_WAIT)


class PolledIdleDetector(IdleDetector):
    """Away after ``threshold`` without input; back once the last input is a new one.

    ``open_source`` connects to where the platform keeps the idle time (by
    default the subclass's ``source``).
    """

    source: Callable[[], IdleSource]

    def __init__(
        self,
        clock: Clock,
        threshold: timedelta,
        open_source: Callable[[], IdleSource] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(clock, threshold, parent)
        self._open_source = open_source or type(self).source
        self._source: IdleSource | None = None
        self._absence_began = 0.0  # monotonic seconds: the last input before the absence
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check)

    def start(self) -> bool:
        if self._source is not None:
            return True
        try:
            self._source = self._open_source()
        except IdleSourceUnavailableError as error:
            return self._unavailable(str(error))
        self._timer.start(0)  # from the event loop, once the caller has connected
        return True

    def stop(self) -> None:
        self._timer.stop()
        if self._source is not None:
            self._source.close()
            self._source = None
        self._forget_absence()

    def set_threshold(self, threshold: timedelta) -> None:
        self._threshold = threshold
        if self._source is not None and not self.away:
            self._timer.start(0)  # like start(): no signal from inside the caller's call

    def _check(self) -> None:
        if self._source is None:
            return
        idle = self._source.idle()
        # The monotonic clock tells a new input from the passing of time, even when the
        # wall clock is set meanwhile; the injected clock only dates the reports.
        last_input = time.monotonic() - idle.total_seconds()
        now = self._clock.now()
        if not self.away and idle >= self._threshold:
            self._absence_began = last_input
            self._report_away(now - idle)
        elif self.away and last_input > self._absence_began + SAME_INPUT.total_seconds():
            self._report_back(now - idle)
        wait = next_check(idle, self._threshold, self.away)
        self._timer.start(max(1, round(wait / timedelta(milliseconds=1))))
