"""The detectors that work on this desktop: is the user away, or busy?"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from posturebreak.core.clock import Clock
from posturebreak.core.do_not_disturb import BusyDetector
from posturebreak.i18n import _
from posturebreak.platform.calls import CallDetector
from posturebreak.platform.desktop_dnd import GnomeDoNotDisturb, InhibitedNotifications
from posturebreak.platform.detectors import idle_detector, sleep_detector
from posturebreak.platform.full_screen_sway import SwayFullScreen
from posturebreak.platform.full_screen_x11 import FullScreenDetector
from posturebreak.platform.lock_screen import LockScreenDetector
from posturebreak.platform.presence import IdleDetector, PresenceDetector
from posturebreak.platform.screen_sharing import ScreenSharingDetector

# The idle threshold an idle detector starts with; the settings set the real one at once.
_UNTIL_THE_SETTINGS_SAY = timedelta(minutes=5)


@dataclass(frozen=True)
class DesktopDetectors:
    """How the app tells the user is away (idle input; asleep, locked) or busy."""

    idle: IdleDetector | None = None
    presence: Sequence[PresenceDetector] = ()
    busy: Sequence[BusyDetector] = field(default_factory=tuple)
    missing: Sequence[str] = ()  # what cannot work here at all (the log says why)


def busy_detectors(qt_platform: str) -> list[BusyDetector]:
    """Desktop do-not-disturb, calls, shared screens, and (on X11 and sway) full-screen
    windows.

    ``qt_platform``: Qt's platform plugin ("xcb" on X11); other Wayland
    compositors do not tell other programs about full-screen windows.
    """
    desktop = os.environ.get("XDG_CURRENT_DESKTOP", "")
    detectors: list[BusyDetector] = [
        GnomeDoNotDisturb.here(desktop) or InhibitedNotifications(),
        CallDetector.here(),
    ]
    full_screen = FullScreenDetector.open() if qt_platform == "xcb" else SwayFullScreen.here()
    detectors += filter(None, [ScreenSharingDetector.here(), full_screen])
    return detectors


def detectors_here(clock: Clock, qt_platform: str) -> DesktopDetectors:
    """Every detector that may work on this desktop (each says itself if it cannot)."""
    idle = idle_detector(clock, _UNTIL_THE_SETTINGS_SAY)
    native = _native_detectors()
    if native is not None:
        presence_here, busy_here = native(clock)
        return DesktopDetectors(
            idle, presence_here, busy_here, [] if idle else [_("Idle detection")]
        )
    sleep = sleep_detector(clock)
    presence: list[PresenceDetector] = [LockScreenDetector(clock)]
    missing = [] if idle is not None else [_("Idle detection")]
    if sleep is None:
        missing.append(_("Sleep detection"))
    else:
        presence.append(sleep)
    return DesktopDetectors(idle, presence, busy_detectors(qt_platform), missing)


def _native_detectors() -> (
    Callable[[Clock], tuple[list[PresenceDetector], list[BusyDetector]]] | None
):
    """Lock, sleep and busy detection of Windows or macOS (loaded only there), else None."""
    if sys.platform == "win32":
        from posturebreak.platform.windows_session import windows_detectors

        return windows_detectors
    if sys.platform == "darwin":
        from posturebreak.platform.macos_session import macos_detectors

        return macos_detectors
    return None
