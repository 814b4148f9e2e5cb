"""Picks the presence detectors that work on this desktop, and says why when none does."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

from PySide6.QtGui import QGuiApplication

from posturebreak.core.clock import Clock
from posturebreak.platform.idle_macos import MacIdleDetector
from posturebreak.platform.idle_mutter import MutterIdleDetector
from posturebreak.platform.idle_windows import WindowsIdleDetector
from posturebreak.platform.idle_x11 import X11IdleDetector
from posturebreak.platform.presence import IdleDetector, PresenceDetector
from posturebreak.platform.sleep_logind import LogindSleepDetector

log = logging.getLogger(__name__)


def idle_detector(clock: Clock, threshold: timedelta) -> IdleDetector | None:
    """A started idle detector: Windows' or macOS's there; on Linux Mutter's where GNOME
    runs, else X11's; else None."""
    native = {"win32": WindowsIdleDetector, "darwin": MacIdleDetector}.get(sys.platform)
    if native is not None:
        detector = native(clock, threshold)
        if detector.start():
            return detector
        log.warning("no idle detection: %s", detector.unavailable_reason)
        return None
    mutter = MutterIdleDetector(clock, threshold)
    if mutter.start():
        return mutter
    reasons = [mutter.unavailable_reason]
    platform = QGuiApplication.platformName()
    if platform == "xcb":
        x11 = X11IdleDetector(clock, threshold)
        if x11.start():
            return x11
        reasons.append(x11.unavailable_reason)
    else:
        reasons.append(f"Qt runs on {platform!r}, not X11")
    log.warning("no idle detection: %s", "; ".join(reasons))
    return None


def sleep_detector(clock: Clock) -> PresenceDetector | None:
    """A started sleep detector listening to logind, or None where there is none."""
    logind = LogindSleepDetector(clock)
    if logind.start():
        return logind
    log.warning("no sleep detection: %s", logind.unavailable_reason)
    return None
