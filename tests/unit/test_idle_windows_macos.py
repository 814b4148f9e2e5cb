"""Idle time on Windows and macOS, against fakes of the OS calls (they cannot run here)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import timedelta

import pytest

from posturebreak.platform.idle_macos import ANY_INPUT, COMBINED_SESSION_STATE, QuartzIdle
from posturebreak.platform.idle_polled import IdleSourceUnavailableError
from posturebreak.platform.idle_windows import LastInputInfo, WindowsIdle


@dataclass
class FakeUser32:
    """GetLastInputInfo and GetTickCount as Windows answers them, in milliseconds."""

    last_input: int
    ticks: int
    answers: bool = True

    def GetLastInputInfo(self, info: LastInputInfo) -> int:  # noqa: N802  (Win32 name)
        assert info.cbSize == 8  # the structure's size, as Windows requires
        info.dwTime = self.last_input
        return int(self.answers)

    def GetTickCount(self) -> int:  # noqa: N802  (Win32 name)
        return self.ticks


def test_windows_idle_is_the_ticks_since_the_last_input() -> None:
    calls = FakeUser32(last_input=10_000, ticks=70_500)
    assert WindowsIdle(lambda: calls).idle() == timedelta(seconds=60.5)


def test_windows_idle_survives_the_tick_counter_wrapping_after_49_days() -> None:
    calls = FakeUser32(last_input=2**32 - 1_000, ticks=4_000)  # wrapped between the two
    assert WindowsIdle(lambda: calls).idle() == timedelta(seconds=5)


def test_a_failed_windows_call_means_no_idle_time() -> None:
    calls = FakeUser32(last_input=0, ticks=99_000, answers=False)
    assert WindowsIdle(lambda: calls).idle() == timedelta(0)


def test_macos_idle_asks_for_any_input_in_the_session() -> None:
    asked: list[tuple[int, int]] = []

    def seconds(state: int, kind: int) -> float:
        asked.append((state, kind))
        return 42.25

    assert QuartzIdle(lambda: seconds).idle() == timedelta(seconds=42.25)
    assert asked == [(COMBINED_SESSION_STATE, ANY_INPUT)]
    assert QuartzIdle(lambda: lambda _s, _k: -1.0).idle() == timedelta(0)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="checks the other platforms")
def test_elsewhere_the_native_sources_say_why_they_cannot_work() -> None:
    with pytest.raises(IdleSourceUnavailableError, match="not Windows"):
        WindowsIdle()
    with pytest.raises(IdleSourceUnavailableError, match="not macOS"):
        QuartzIdle()
