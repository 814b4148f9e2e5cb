"""The app's clock: the wall clock, watched for being set so countdowns keep their time.

Reminders, break windows and the pack timer keep their times as wall-clock
moments (what the tray shows), but their countdowns must run on time
passing: setting the clock forward an hour must not bring every reminder at
once or close an open break window as ignored, nor setting it back hold them
for an hour. Every read of :meth:`ClockWatch.now` first checks for a jump;
one is announced once through :attr:`ClockWatch.jumped`, before the read
returns, and each holder of times moves its own by it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from posturebreak.core.clock import Clock, ClockJumps

log = logging.getLogger(__name__)


class ClockWatch(QObject):
    """A :class:`Clock` that announces the wall clock being set (no timer of its own)."""

    jumped = Signal(object)  # timedelta: how far the wall clock was set

    def __init__(
        self, clock: Clock, jumps: ClockJumps | None, parent: QObject | None = None
    ) -> None:
        """``jumps``: None where no clock independent of the wall clock is at hand."""
        super().__init__(parent)
        self._clock = clock
        self._jumps = jumps

    def now(self) -> datetime:
        if self._jumps is not None:
            jump = self._jumps.check()
            if jump:
                log.warning("The clock was set by %s; countdowns keep the time they had left", jump)
                self.jumped.emit(jump)
        return self._clock.now()
