"""Sleep detection against logind's PrepareForSleep on a private system bus (dbusmock)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from posturebreak.platform.sleep_logind import LogindSleepDetector
from tests.support.presence_probe import Probe, Span
from tests.support.private_bus import PrivateBus, Processes, require_tools
from tests.support.system_bus import MockLogind, missing_tools

pytestmark = pytest.mark.e2e

# How late a signal may arrive on a machine busy with other work.
DELIVERY = timedelta(seconds=2)


@pytest.fixture
def processes() -> Iterator[Processes]:
    started = Processes()
    yield started
    started.stop()


@pytest.fixture
def logind(tmp_path: Path, processes: Processes) -> MockLogind:
    require_tools(missing_tools())
    return MockLogind(tmp_path / "system", processes).start()


def system_env(address: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    return dict(env, DBUS_SYSTEM_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")


def test_going_to_sleep_is_away_and_waking_up_is_back(
    logind: MockLogind, processes: Processes, tmp_path: Path
) -> None:
    probe = Probe.start(processes, "sleep", 0, system_env(logind.address), tmp_path / "p.log")
    assert probe.wait_for("started")["name"] == LogindSleepDetector.name

    slept = Span.of(lambda: logind.prepare_for_sleep(True))
    assert slept.holds(probe.at("went_away"), DELIVERY)
    logind.prepare_for_sleep(True)  # said twice: still one absence

    woke = Span.of(lambda: logind.prepare_for_sleep(False))
    assert woke.holds(probe.at("came_back"), DELIVERY)
    assert len(probe.events("went_away")) == 1


def test_without_logind_there_is_no_sleep_detection(tmp_path: Path, processes: Processes) -> None:
    require_tools(missing_tools())
    bus = PrivateBus(tmp_path / "empty", processes, "system").start()
    probe = Probe.start(processes, "sleep", 0, system_env(bus.address), tmp_path / "probe.log")
    assert probe.process.wait(20) == 1
    assert "no org.freedesktop.login1 (systemd-logind) on the system bus" in probe.log.read_text()
