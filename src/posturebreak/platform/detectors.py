"""Picks the presence detectors that work on this desktop, and says why when none does."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta

from PySide6.QtGui import QGuiApplication

from posturebreak.core.clock import Clock
from posturebreak.platform.idle_mutter import MutterIdleDetector
from posturebreak.platform.idle_screensaver import ScreenSaverIdleDetector
from posturebreak.platform.idle_swayidle import SwayidleDetector
from posturebreak.platform.idle_x11 import X11IdleDetector
from posturebreak.platform.presence import IdleDetector, PresenceDetector
from posturebreak.platform.sleep_logind import LogindSleepDetector

log = logging.getLogger(__name__)


def idle_detector(clock: Clock, threshold: timedelta) -> IdleDetector | None:
    """A started idle detector: Windows' or macOS's there; on Linux Mutter's where GNOME
    runs, else the freedesktop screen saver's (KDE), else the wlroots idle protocol's
    (sway, Hyprland), else X11's; else None."""
    native = _native_idle_detector()
    session_wide: list[type[IdleDetector]] = [
        MutterIdleDetector,
        ScreenSaverIdleDetector,
        SwayidleDetector,
    ]
    candidates = [native] if native is not None else session_wide
    platform = QGuiApplication.platformName()
    if native is None and platform == "xcb":
        candidates.append(X11IdleDetector)
    reasons = []
    for candidate in candidates:
        detector = candidate(clock, threshold)
        if detector.start():
            return detector
        reasons.append(detector.unavailable_reason)
    if native is None and platform != "xcb":
        reasons.append(f"Qt runs on {platform!r}, not X11")
    log.warning("no idle detection: %s", "; ".join(reasons))
    return None


def _native_idle_detector() -> type[IdleDetector] | None:
    """Windows' or macOS's idle detector (loaded only there), else None."""
    if sys.platform == "win32":
        from posturebreak.platform.idle_windows import WindowsIdleDetector

        return WindowsIdleDetector
    if sys.platform == "darwin":
        from posturebreak.platform.idle_macos import MacIdleDetector

        return MacIdleDetector
    return None


def sleep_detector(clock: Clock) -> PresenceDetector | None:
    """A started sleep detector listening to logind, or None where there is none."""
    logind = LogindSleepDetector(clock)
    if logind.start():
        return logind
    log.warning("no sleep detection: %s", logind.unavailable_reason)
    return None
