"""The ways of telling the user is busy that work on this desktop."""

from __future__ import annotations

import os

from posturebreak.core.do_not_disturb import BusyDetector
from posturebreak.platform.calls import CallDetector
from posturebreak.platform.desktop_dnd import GnomeDoNotDisturb, InhibitedNotifications
from posturebreak.platform.full_screen_x11 import FullScreenDetector


def busy_detectors(qt_platform: str) -> list[BusyDetector]:
    """Desktop do-not-disturb, calls, and (on X11) full-screen windows.

    ``qt_platform``: Qt's platform plugin ("xcb" on X11); full-screen windows are
    only visible to us on X11.
    """
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "")
    detectors: list[BusyDetector] = [
        GnomeDoNotDisturb.here(desktop) or InhibitedNotifications(),
        CallDetector.here(),
    ]
    if qt_platform == "xcb":
        full_screen = FullScreenDetector.open()
        if full_screen is not None:
            detectors.append(full_screen)
    return detectors
