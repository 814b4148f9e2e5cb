"""Idle time on wlroots Wayland compositors (sway, Hyprland, river, …) through ``swayidle``.

wlroots compositors tell idle time only through a Wayland protocol
(``ext-idle-notify-v1``, or the older ``org_kde_kwin_idle``), on a Wayland
connection of its own. ``swayidle`` is that client: it runs one command after
N seconds without input and another at the next input. Ours print "idle" and
"back" to a pipe the Qt loop watches, so nothing polls: the app wakes when the
user leaves or returns. A new threshold restarts it.

``setpriv --pdeathsig`` ends swayidle with the app, even when the app is killed.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
from datetime import timedelta

from PySide6.QtCore import QObject, QProcess

from posturebreak.core.clock import Clock
from posturebreak.i18n import N_
from posturebreak.platform.presence import IdleDetector

log = logging.getLogger(__name__)

_IDLE, _BACK = "posture-break-idle", "posture-break-back"
_STOP_WAIT_MS = 1000


def swayidle_argv(swayidle: str, seconds: int, setpriv: str | None) -> list[str]:
    """The command line that reports "idle" after ``seconds`` without input and "back" after."""
    argv = [swayidle, "timeout", str(seconds), f"echo {_IDLE}", "resume", f"echo {_BACK}"]
    return [setpriv, "--pdeathsig", "TERM", "--", *argv] if setpriv else argv


def whole_seconds(threshold: timedelta) -> int:
    """swayidle counts in whole seconds, at least one."""
    return max(1, math.ceil(threshold.total_seconds()))


class SwayidleDetector(IdleDetector):
    """Away after ``threshold`` without input, as the compositor measures it; back on input."""

    name = N_("Idle detection: wlroots idle protocol (swayidle)")

    def __init__(
        self,
        clock: Clock,
        threshold: timedelta,
        parent: QObject | None = None,
        swayidle: str | None = None,
    ) -> None:
        super().__init__(clock, threshold, parent)
        self._swayidle = swayidle or shutil.which("swayidle")
        self._setpriv = shutil.which("setpriv")
        self._process: QProcess | None = None
        self._seconds = whole_seconds(threshold)

    def start(self) -> bool:
        if not os.environ.get("WAYLAND_DISPLAY"):
            return self._unavailable("not a Wayland session")
        if self._swayidle is None:
            return self._unavailable("swayidle is not installed (the wlroots idle client)")
        if self._process is None:
            self._launch()
        return True

    def stop(self) -> None:
        self._end_process()
        self._forget_absence()

    def set_threshold(self, threshold: timedelta) -> None:
        self._threshold = threshold
        seconds = whole_seconds(threshold)
        if seconds == self._seconds and self._process is not None:
            return
        self._seconds = seconds
        if self._process is not None:
            # Changing a setting is input: a new swayidle starts counting from now.
            self._end_process()
            self._forget_absence()
            self._launch()

    def _launch(self) -> None:
        assert self._swayidle is not None
        program, *arguments = swayidle_argv(self._swayidle, self._seconds, self._setpriv)
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.start(program, arguments)
        self._process = process

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode(errors="replace").strip()
            now = self._clock.now()
            if line == _IDLE:
                self._report_away(now - timedelta(seconds=self._seconds))
            elif line == _BACK:
                self._report_back(now)

    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        errors = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
        self._process = None
        self._report_back(self._clock.now())  # nobody will say so later: never stay away
        self.unavailable_reason = f"swayidle ended (exit {code}): {errors or 'no message'}"
        log.warning("%s stopped: %s", self.name, self.unavailable_reason)

    def _end_process(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.finished.disconnect(self._finished)
        process.terminate()
        if not process.waitForFinished(_STOP_WAIT_MS):
            process.kill()
            process.waitForFinished(_STOP_WAIT_MS)
        process.deleteLater()
