"""The break countdown is spoken now and then, never every second."""

from __future__ import annotations

import pytest

from posturebreak.core.countdown import DONE_TEXT, countdown_announcement, time_left_text


def spoken(total: int, ticks: list[int]) -> list[str]:
    """What a screen reader hears as the countdown goes through ``ticks`` seconds left."""
    said = []
    before: int | None = None
    for now in ticks:
        message = countdown_announcement(total, before, now)
        if message:
            said.append(message)
        before = now
    return said


def test_a_two_minute_break_is_spoken_at_its_start_each_minute_ten_seconds_and_the_end() -> None:
    assert spoken(120, list(range(120, -1, -1))) == [
        "Break started: 2 minutes.",
        "1 minute left.",
        "10 seconds left.",
        DONE_TEXT,
    ]


def test_a_short_break_says_only_its_start_and_end() -> None:
    assert spoken(8, list(range(8, -1, -1))) == ["Break started: 8 seconds.", DONE_TEXT]


def test_a_countdown_that_skips_seconds_still_says_what_it_passed() -> None:
    # The machine was busy: the window saw 75, then 42, then 3 seconds left.
    assert spoken(90, [90, 75, 42, 3, 0]) == [
        "Break started: 1 minute 30 seconds.",
        "42 seconds left.",
        "3 seconds left.",
        DONE_TEXT,
    ]


@pytest.mark.parametrize("before", [5, 0])
def test_nothing_is_said_twice_when_the_seconds_do_not_go_down(before: int) -> None:
    assert countdown_announcement(60, before, before) is None


def test_the_shown_line_counts_every_second() -> None:
    assert time_left_text(42) == "42 s left"
    assert time_left_text(0) == DONE_TEXT
