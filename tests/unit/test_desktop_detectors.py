"""Which detectors the app gathers on each system."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import pytest

from posturebreak.core.clock import Clock
from posturebreak.platform import desktop
from posturebreak.platform.macos_session import MacLockDetector, MacSleepDetector
from posturebreak.platform.windows_session import WindowsSessionDetector


class StillClock:
    def now(self) -> datetime:
        return datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("system", "presence"),
    [("win32", [WindowsSessionDetector]), ("darwin", [MacLockDetector, MacSleepDetector])],
)
def test_windows_and_macos_get_their_own_lock_and_sleep_detectors(
    monkeypatch: pytest.MonkeyPatch, system: str, presence: list[type]
) -> None:
    monkeypatch.setattr(sys, "platform", system)
    monkeypatch.setattr(desktop, "idle_detector", lambda clock, threshold: None)
    clock: Clock = StillClock()
    found = desktop.detectors_here(clock, "windows" if system == "win32" else "cocoa")
    assert [type(detector) for detector in found.presence] == presence
    assert found.missing == ["Idle detection"]
    # None of the Linux desktop's D-Bus, pactl or X11 detectors is asked there.
    assert not any(
        type(busy).__module__.endswith(("calls", "desktop_dnd", "x11")) for busy in found.busy
    )
