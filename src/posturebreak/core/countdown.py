"""What a break's countdown says aloud to a screen reader, and when.

A label that changes every second would have a screen reader read out every
second, drowning the exercise's own words. So the countdown is spoken
politely (after whatever is being read) and only now and then: once as the
break starts, at each whole minute left of a longer break, with ten seconds
to go, and when the time is up.
"""

from __future__ import annotations

FINAL_WARNING_SECONDS = 10
DONE_TEXT = "Well done! Press Done to log it."


def time_left_text(seconds_left: int) -> str:
    """The countdown line shown under the progress bar."""
    return f"{seconds_left} s left" if seconds_left > 0 else DONE_TEXT


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts)


def countdown_announcement(total: int, before: int | None, now: int) -> str | None:
    """What to announce as the seconds left go from ``before`` (None: the break has just
    started) to ``now``, of a ``total``-second break; None for nothing."""
    if before is None:
        return f"Break started: {_duration(total)}."
    if now >= before:
        return None
    if now == 0:
        return DONE_TEXT
    # Whole minutes left and the final warning, when the countdown has just reached one.
    marks = (FINAL_WARNING_SECONDS, *range(60, before, 60))
    if any(now <= mark < before for mark in marks):
        return f"{_duration(now)} left."
    return None
