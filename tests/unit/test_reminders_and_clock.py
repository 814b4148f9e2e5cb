"""Reminder kinds and their words, and the demo time scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from posturebreak.core.clock import ClockJumps, SystemClock, TimeScale, boot_seconds
from posturebreak.core.reminders import SHIPPED_REMINDERS, reminder_name


def test_every_shipped_reminder_has_a_name_and_a_one_line_message() -> None:
    for ident, reminder in SHIPPED_REMINDERS.items():
        assert reminder.id == ident
        assert reminder.name and reminder_name(ident) == reminder.name
        assert reminder.message.endswith((".", "?")) and "\n" not in reminder.message


def test_one_name_per_reminder_and_a_readable_one_for_ids_no_longer_defined() -> None:
    assert reminder_name("uncross_legs") == "Sit evenly"
    assert reminder_name("morning_stretch") == "Morning stretch"
    assert reminder_name("book-a-massage") == "Book a massage"


def test_time_scale_divides_durations() -> None:
    assert TimeScale.parse("60").apply(timedelta(minutes=1)) == timedelta(seconds=1)


@pytest.mark.parametrize("text", [None, "", "  "])
def test_no_time_scale_means_real_time(text: str | None) -> None:
    assert TimeScale.parse(text).apply(timedelta(minutes=5)) == timedelta(minutes=5)


@pytest.mark.parametrize("text", ["0", "-2", "fast", "nan"])
def test_a_bad_time_scale_is_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match="positive number"):
        TimeScale.parse(text)


def test_the_system_clock_is_timezone_aware() -> None:
    assert SystemClock().now().tzinfo is not None


@dataclass
class WallAndElapsed:
    """A wall clock that a test can set, and elapsed seconds only passing time moves."""

    wall: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    seconds: float = 1000.0

    def now(self) -> datetime:
        return self.wall

    def elapsed(self) -> float:
        return self.seconds

    def passes(self, length: timedelta) -> None:
        self.wall += length
        self.seconds += length.total_seconds()


def test_time_passing_and_sleep_are_no_clock_jump() -> None:
    clock = WallAndElapsed()
    jumps = ClockJumps(clock, clock.elapsed)
    clock.passes(timedelta(hours=8))  # a night's sleep moves both clocks alike
    assert jumps.check() == timedelta(0)


def test_setting_the_wall_clock_is_a_jump_reported_once() -> None:
    clock = WallAndElapsed()
    jumps = ClockJumps(clock, clock.elapsed)
    clock.passes(timedelta(minutes=5))
    clock.wall -= timedelta(hours=1)  # set back by hand
    assert jumps.check() == -timedelta(hours=1)
    assert jumps.check() == timedelta(0)
    clock.wall += timedelta(seconds=1)  # NTP slewing a second: within tolerance
    assert jumps.check() == timedelta(0)


def test_boot_seconds_move_forward() -> None:
    first = boot_seconds()
    assert boot_seconds() >= first > 0
