"""When the X11 idle detector asks the server again: rarely while present, often while away."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.platform.idle_polled import AWAY_POLL, LONGEST_WAIT, MARGIN, next_check

durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400))


def test_present_user_is_checked_again_when_the_threshold_can_first_be_reached() -> None:
    threshold = timedelta(minutes=5)
    assert next_check(timedelta(minutes=2), threshold, away=False) == timedelta(minutes=3) + MARGIN


def test_with_nothing_happening_a_present_user_costs_one_check_per_threshold() -> None:
    threshold = timedelta(seconds=60)
    assert next_check(timedelta(0), threshold, away=False) == threshold + MARGIN


def test_away_user_is_checked_every_second_to_notice_the_return() -> None:
    assert next_check(timedelta(hours=1), timedelta(minutes=5), away=True) == AWAY_POLL


@settings(deadline=None, suppress_health_check=list(HealthCheck))
@given(idle=durations, threshold=durations)
def test_a_present_user_is_never_checked_before_the_threshold_could_be_reached(
    idle: timedelta, threshold: timedelta
) -> None:
    wait = next_check(idle, threshold, away=False)
    assert MARGIN <= wait <= LONGEST_WAIT
    assert idle + wait >= threshold or wait == LONGEST_WAIT
