"""Reminder kinds and their words, and the demo time scale."""

from __future__ import annotations

from datetime import timedelta

import pytest

from posturebreak.core.clock import SystemClock, TimeScale
from posturebreak.core.reminders import REMINDERS


def test_every_reminder_has_a_title_and_a_one_line_instruction() -> None:
    for kind, reminder in REMINDERS.items():
        assert reminder.kind is kind
        assert reminder.title and reminder.short_name
        assert reminder.instruction.endswith(".") and "\n" not in reminder.instruction


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
