"""The heat/cold pack timer's phases and the words the tooltip shows for them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from posturebreak.core.pack_timer import PackPhase, PackTimer
from posturebreak.core.status import pack_status

T0 = datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def test_pack_on_then_skin_rest_then_idle() -> None:
    timer = PackTimer()
    assert pack_status(timer, T0, UTC) is None
    timer.start(T0, 20 * MIN, 20 * MIN)
    assert pack_status(timer, T0, UTC) == "Pack on until 14:20"
    assert timer.advance(T0 + 19 * MIN) is PackPhase.ON  # not yet
    assert timer.advance(T0 + 20 * MIN) is PackPhase.REST
    assert pack_status(timer, T0 + 20 * MIN, UTC) == "Skin rest until 14:40"
    assert timer.advance(T0 + 40 * MIN) is PackPhase.IDLE
    assert timer.ends_at is None


def test_without_a_rest_the_timer_ends_when_the_pack_comes_off() -> None:
    timer = PackTimer()
    timer.start(T0, 20 * MIN, timedelta(0))
    assert timer.advance(T0 + 25 * MIN) is PackPhase.IDLE


def test_stop_and_bad_lengths() -> None:
    timer = PackTimer()
    timer.start(T0, 20 * MIN, 0 * MIN)
    timer.stop()
    assert timer.phase is PackPhase.IDLE
    with pytest.raises(ValueError, match="positive time on"):
        timer.start(T0, timedelta(0), MIN)


def test_setting_the_clock_keeps_the_time_the_pack_has_left() -> None:
    timer = PackTimer()
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    timer.start(start, timedelta(minutes=20), timedelta(minutes=20))
    timer.shift(-timedelta(hours=1))  # the clock was set back an hour
    assert timer.ends_at == start + timedelta(minutes=20) - timedelta(hours=1)
