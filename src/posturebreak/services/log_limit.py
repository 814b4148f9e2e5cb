"""Warnings that anyone on the machine can trigger, limited so they never flood the log.

A program sending thousands of bad control requests must not push the
user's log history out of its rotation: per key, the first few warnings in
a minute are logged, the rest are counted and summed up in one line when
the next warning of that key comes after the minute is over.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

WINDOW_SECONDS = 60.0
BURST = 5


@dataclass
class _Window:
    started: float
    logged: int = 0
    dropped: int = 0


class RateLimitedLog:
    """Logs at most ``burst`` warnings per key and minute, then one summary line."""

    def __init__(
        self,
        logger: logging.Logger,
        what: str,
        *,
        burst: int = BURST,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._logger = logger
        self._what = what
        self._burst = burst
        self._monotonic = monotonic
        self._windows: dict[str, _Window] = {}

    def warning(self, key: str, message: str, *args: object, exc_info: bool = False) -> None:
        """Logs ``message % args`` unless this key already logged ``burst`` in the window."""
        now = self._monotonic()
        window = self._windows.get(key)
        if window is None or now - window.started >= WINDOW_SECONDS:
            if window is not None and window.dropped:
                self._logger.warning(
                    "… %d more %s not logged (at most %d a minute)",
                    window.dropped,
                    self._what,
                    self._burst,
                )
            window = self._windows[key] = _Window(now)
        if window.logged < self._burst:
            window.logged += 1
            self._logger.warning(message, *args, exc_info=exc_info)
        else:
            window.dropped += 1
