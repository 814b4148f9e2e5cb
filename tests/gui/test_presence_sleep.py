"""Sleep detection where there is no system bus: the app runs on without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtDBus import QDBusConnection

from posturebreak.core.clock import SystemClock
from posturebreak.platform.sleep_logind import LogindSleepDetector


def test_without_a_system_bus_start_says_why(tmp_path: Path) -> None:
    name = "no-system-bus"
    connection = QDBusConnection.connectToBus(f"unix:path={tmp_path}/none", name)
    try:
        detector = LogindSleepDetector(SystemClock(), connection)
        assert not detector.start()
        assert detector.unavailable_reason == "no system bus"
    finally:
        QDBusConnection.disconnectFromBus(name)
