"""GNOME idle detection against a real headless Mutter and input through RemoteDesktop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from posturebreak.core.clock import SystemClock
from posturebreak.platform.idle_mutter import MutterIdleDetector
from tests.support.gnome import HeadlessMutter, missing_tools
from tests.support.presence_probe import Probe, Span
from tests.support.private_bus import Processes, require_tools

pytestmark = pytest.mark.e2e

# How late a signal may arrive on a machine busy with other work.
DELIVERY = timedelta(seconds=2)


@pytest.fixture
def mutter(tmp_path: Path) -> Iterator[HeadlessMutter]:
    require_tools(missing_tools())
    session = HeadlessMutter(tmp_path / "gnome")
    try:
        yield session.start()
    finally:
        session.stop()


@pytest.fixture
def session_bus(mutter: HeadlessMutter) -> Iterator[QDBusConnection]:
    name = f"mutter-test-{id(mutter)}"
    yield QDBusConnection.connectToBus(mutter.address, name)
    QDBusConnection.disconnectFromBus(name)


def test_away_after_the_threshold_without_input_and_back_on_input(
    qtbot: QtBot, mutter: HeadlessMutter, session_bus: QDBusConnection
) -> None:
    detector = MutterIdleDetector(SystemClock(), timedelta(seconds=1), session_bus)
    events: list[tuple[str, datetime]] = []
    detector.went_away.connect(lambda at: events.append(("away", at)))
    detector.came_back.connect(lambda at: events.append(("back", at)))
    with mutter.hand() as hand:
        last_input = Span.of(hand.move)
        assert detector.start()
        with qtbot.waitSignal(detector.went_away, timeout=10_000):
            pass
        assert last_input.holds(events[0][1]), "the absence starts at the last input"

        with qtbot.waitSignal(detector.came_back, timeout=10_000):
            returned = Span.of(hand.move)
        assert returned.holds(events[1][1], DELIVERY)

        with qtbot.waitSignal(detector.went_away, timeout=10_000):
            pass  # the idle watch stays armed for the next absence
        with qtbot.waitSignal(detector.came_back, timeout=10_000):
            hand.move()
    assert [kind for kind, _ in events] == ["away", "back", "away", "back"]
    detector.stop()


def test_a_shorter_threshold_takes_effect_at_once(
    qtbot: QtBot, mutter: HeadlessMutter, session_bus: QDBusConnection
) -> None:
    detector = MutterIdleDetector(SystemClock(), timedelta(minutes=10), session_bus)
    assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=10_000):
        detector.set_threshold(timedelta(seconds=1))
    detector.stop()


def test_after_mutter_restarts_the_detector_keeps_reporting(
    qtbot: QtBot, mutter: HeadlessMutter, session_bus: QDBusConnection
) -> None:
    detector = MutterIdleDetector(SystemClock(), timedelta(seconds=1), session_bus)
    assert detector.start()
    with qtbot.waitSignal(detector.went_away, timeout=10_000):
        pass
    returns: list[datetime] = []
    detector.came_back.connect(returns.append)
    mutter.restart()
    with mutter.hand() as hand:

        def user_keeps_moving() -> bool:
            hand.move()
            return bool(returns)

        qtbot.waitUntil(user_keeps_moving, timeout=10_000)
    with qtbot.waitSignal(detector.went_away, timeout=10_000):
        pass
    detector.stop()


def test_gnome_session_gets_mutter_idle_detection(mutter: HeadlessMutter, tmp_path: Path) -> None:
    processes = Processes()
    try:
        probe = Probe.start(processes, "idle", 1.0, mutter.env(), tmp_path / "probe.log")
        assert probe.wait_for("started")["name"] == MutterIdleDetector.name
        probe.wait_for("went_away")
        with mutter.hand() as hand:
            hand.move()
            probe.wait_for("came_back")
    finally:
        processes.stop()


def test_without_mutter_on_the_bus_the_detector_says_why(tmp_path: Path) -> None:
    name = "no-mutter"
    connection = QDBusConnection.connectToBus(f"unix:path={tmp_path}/no-bus", name)
    try:
        detector = MutterIdleDetector(SystemClock(), timedelta(seconds=1), connection)
        assert not detector.start()
        assert detector.unavailable_reason == ("no org.gnome.Mutter.IdleMonitor on the session bus")
    finally:
        QDBusConnection.disconnectFromBus(name)
