"""Several detectors, one absence: away while any says so, back when the last one does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from posturebreak.core.presence import Presence

T0 = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_one_detector_begins_and_ends_an_absence() -> None:
    presence = Presence()
    assert presence.went_away("idle", T0) == T0
    assert presence.away_since == T0
    assert presence.came_back("idle", T0 + 30 * MIN) is True
    assert presence.away_since is None


def test_the_user_is_back_only_when_the_last_detector_says_so() -> None:
    presence = Presence()
    assert presence.went_away("idle", T0) == T0
    assert presence.went_away("sleep", T0 + 20 * MIN) is None  # already away
    assert presence.came_back("sleep", T0 + 60 * MIN) is False  # woke up, nobody typed yet
    assert presence.away_since == T0
    assert presence.came_back("idle", T0 + 61 * MIN) is True


def test_an_absence_never_begins_before_the_last_return() -> None:
    presence = Presence()
    presence.went_away("sleep", T0)
    presence.came_back("sleep", T0 + 8 * 60 * MIN)
    # The idle counter ran on through the night: its absence began at the last input.
    assert presence.went_away("idle", T0 - MIN) == T0 + 8 * 60 * MIN


def test_a_back_from_a_detector_that_never_said_away_changes_nothing() -> None:
    presence = Presence()
    assert presence.came_back("idle", T0) is False
    presence.went_away("sleep", T0)
    assert presence.came_back("idle", T0 + MIN) is False
    assert presence.came_back("sleep", T0 + 2 * MIN) is True
