"""Shared pieces for GUI tests: a hand-moved clock and the wired-up app."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.app import PostureBreakApp
from posturebreak.core.clock import TimeScale
from posturebreak.paths import AppPaths
from posturebreak.platform.desktop import DesktopDetectors
from posturebreak.services.notify import Notification, Shown


@dataclass
class FakeClock:
    """Monday 2 March 2037, 09:00 UTC by default: years ahead of the real clock, so
    the scheduler's real timers never fire a reminder unless a test asks for one."""

    moment: datetime = datetime(2037, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment


@dataclass
class RecordingNotifier:
    shown: list[Notification] = field(default_factory=list)
    withdrawn: list[Notification] = field(default_factory=list)

    def show(self, notification: Notification) -> Shown:
        self.shown.append(notification)
        return Shown("recorder", lambda: self.withdrawn.append(notification))


@pytest.fixture
def app(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PostureBreakApp, FakeClock]]:
    clock = FakeClock()
    notifier = RecordingNotifier()
    # Nobody is in a call or presenting in these tests, whatever the machine says.
    posture_app = PostureBreakApp(
        AppPaths.under(tmp_path),
        clock,
        TimeScale(),
        notifier=notifier,
        detectors=DesktopDetectors(),
    )
    posture_app.start()
    yield posture_app, clock
    posture_app.stop()
    posture_app.tray.menu.deleteLater()
    posture_app.deleteLater()
    qtbot.wait(1)  # let Qt delete them now rather than during interpreter shutdown
