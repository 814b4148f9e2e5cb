"""The detectors that work on this desktop: is the user away, or busy?"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from posturebreak.core.clock import Clock
from posturebreak.core.do_not_disturb import BusyDetector
from posturebreak.platform.calls import CallDetector
from posturebreak.platform.desktop_dnd import GnomeDoNotDisturb, InhibitedNotifications
from posturebreak.platform.full_screen_x11 import FullScreenDetector
from posturebreak.platform.lock_screen import LockScreenDetector
from posturebreak.platform.presence import IdleDetector, PresenceDetector


@dataclass(frozen=True)
class DesktopDetectors:
    """How the app tells the user is away (idle input; asleep, locked) or busy."""

    idle: IdleDetector | None = None
    presence: Sequence[PresenceDetector] = ()
    busy: Sequence[BusyDetector] = field(default_factory=tuple)


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


def detectors_here(clock: Clock, qt_platform: str) -> DesktopDetectors:
    """Every detector that may work on this desktop (each says itself if it cannot)."""
    return DesktopDetectors(
        idle=None,
        presence=(LockScreenDetector(clock),),
        busy=busy_detectors(qt_platform),
    )
