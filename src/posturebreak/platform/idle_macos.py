"""Idle time on macOS: Quartz's ``CGEventSourceSecondsSinceLastEventType``, polled adaptively.

Asked for any input type in the combined session state, it gives the seconds
since the user last touched keyboard, mouse or trackpad. This cannot run here:
it is unit-tested against a fake of the call.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from datetime import timedelta

from posturebreak.i18n import N_
from posturebreak.platform.idle_polled import (
    IdleSourceUnavailableError,
    PolledIdleDetector,
)

COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
ANY_INPUT = 0xFFFFFFFF  # kCGAnyInputEventType

SecondsSinceLastEvent = Callable[[int, int], float]


def _quartz() -> SecondsSinceLastEvent:
    path = ctypes.util.find_library("ApplicationServices")
    if path is None:
        raise IdleSourceUnavailableError("no ApplicationServices framework (not macOS)")
    call = ctypes.CDLL(path).CGEventSourceSecondsSinceLastEventType
    call.argtypes = [ctypes.c_int32, ctypes.c_uint32]
    call.restype = ctypes.c_double
    seconds: SecondsSinceLastEvent = call
    return seconds


class QuartzIdle:
    """Time since the last input, as the window server counts it."""

    def __init__(self, call: Callable[[], SecondsSinceLastEvent] = _quartz) -> None:
        self._seconds = call()

    def idle(self) -> timedelta:
        seconds = self._seconds(COMBINED_SESSION_STATE, ANY_INPUT)
        return timedelta(seconds=max(0.0, seconds))

    def close(self) -> None:
        """Nothing to release: the call needs no connection."""


class MacIdleDetector(PolledIdleDetector):
    name = N_("Idle detection: macOS (Quartz event source)")
    source = QuartzIdle
