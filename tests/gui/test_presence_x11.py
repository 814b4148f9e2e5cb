"""The X11 idle detector's rules, with an idle source the test moves by hand."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.core.clock import SystemClock
from posturebreak.platform.idle_x11 import X11IdleDetector, XScreenSaverIdle
from tests.support.presence_probe import Span

THRESHOLD = timedelta(milliseconds=300)


@dataclass
class HandIdle:
    """Idle time since the last ``touch``, on the real clock."""

    last_input: float = field(default_factory=time.monotonic)
    checks: int = 0
    closed: bool = False

    def touch(self) -> Span:
        return Span.of(self._reset)

    def _reset(self) -> None:
        self.last_input = time.monotonic()

    def idle(self) -> timedelta:
        self.checks += 1
        return timedelta(seconds=time.monotonic() - self.last_input)

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def hand() -> HandIdle:
    return HandIdle()


@pytest.fixture
def events() -> list[str]:
    return []


@pytest.fixture
def detector(hand: HandIdle, events: list[str]) -> X11IdleDetector:
    detector = X11IdleDetector(SystemClock(), THRESHOLD, lambda: hand)
    detector.went_away.connect(lambda _: events.append("away"))
    detector.came_back.connect(lambda _: events.append("back"))
    return detector


def test_away_and_back_alternate_with_the_times_of_the_inputs(
    qtbot: QtBot, detector: X11IdleDetector, hand: HandIdle, events: list[str]
) -> None:
    last_input = hand.touch()
    assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=5000) as away:
        pass
    assert last_input.holds(away.args[0])

    with qtbot.waitSignal(detector.came_back, timeout=5000) as back:
        returned = hand.touch()
    assert returned.holds(back.args[0])

    with qtbot.waitSignal(detector.went_away, timeout=5000):
        pass
    assert events == ["away", "back", "away"]
    detector.stop()


def test_a_shorter_threshold_takes_effect_at_once(qtbot: QtBot, hand: HandIdle) -> None:
    detector = X11IdleDetector(SystemClock(), timedelta(minutes=10), lambda: hand)
    hand.last_input -= 1.0
    assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=1000):
        detector.set_threshold(timedelta(milliseconds=500))
    detector.stop()


def test_stop_closes_the_connection_and_reports_nothing_more(
    qtbot: QtBot, detector: X11IdleDetector, hand: HandIdle
) -> None:
    assert detector.start()
    qtbot.waitUntil(lambda: hand.checks == 1)
    detector.stop()
    assert hand.closed
    with qtbot.assertNotEmitted(detector.went_away, wait=600):
        pass  # twice the threshold
    assert hand.checks == 1


def test_without_an_x_server_start_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":4093")
    detector = X11IdleDetector(SystemClock(), THRESHOLD, XScreenSaverIdle)
    assert not detector.start()
    assert detector.unavailable_reason == "cannot open the X display ($DISPLAY)"


def test_a_user_idle_at_start_reaches_a_receiver_connected_after_start(
    qtbot: QtBot, hand: HandIdle
) -> None:
    hand.last_input -= 1.0
    detector = X11IdleDetector(SystemClock(), THRESHOLD, lambda: hand)
    assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=1000):
        pass
    detector.stop()
