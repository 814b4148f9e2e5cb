"""What a break's countdown says aloud to a screen reader, and when.

A label that changes every second would have a screen reader read out every
second, drowning the exercise's own words. So the countdown is spoken
politely (after whatever is being read) and only now and then: once as the
break starts, at each whole minute left of a longer break, with ten seconds
to go, and when the time is up.
"""

from __future__ import annotations

from posturebreak.i18n import N_, _, ngettext

FINAL_WARNING_SECONDS = 10
# Translated where shown: ``_(DONE_TEXT)``.
DONE_TEXT = N_("Well done! Press Done to log it.")


def time_left_text(seconds_left: int) -> str:
    """The countdown line shown under the progress bar."""
    if seconds_left <= 0:
        return _(DONE_TEXT)
    # Translators: the countdown under a break's progress bar; "s" is seconds.
    return ngettext("{seconds} s left", "{seconds} s left", seconds_left).format(
        seconds=seconds_left
    )


def _duration(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    minutes_text = ngettext("{minutes} minute", "{minutes} minutes", minutes).format(
        minutes=minutes
    )
    seconds_text = ngettext("{seconds} second", "{seconds} seconds", rest).format(seconds=rest)
    if not minutes:
        return seconds_text
    if not rest:
        return minutes_text
    # Translators: a spoken duration, e.g. "1 minute 30 seconds".
    return _("{minutes} {seconds}").format(minutes=minutes_text, seconds=seconds_text)


def countdown_announcement(total: int, before: int | None, now: int) -> str | None:
    """What to announce as the seconds left go from ``before`` (None: the break has just
    started) to ``now``, of a ``total``-second break; None for nothing."""
    if before is None:
        # Translators: spoken as a break starts; {duration} is e.g. "1 minute 30 seconds".
        return _("Break started: {duration}.").format(duration=_duration(total))
    if now >= before:
        return None
    if now == 0:
        return _(DONE_TEXT)
    # Whole minutes left and the final warning, when the countdown has just reached one.
    marks = (FINAL_WARNING_SECONDS, *range(60, before, 60))
    if any(now <= mark < before for mark in marks):
        # Translators: spoken during a break; {duration} is e.g. "2 minutes".
        return _("{duration} left.").format(duration=_duration(now))
    return None
