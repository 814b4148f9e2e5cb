"""Fixtures that start a real virtual desktop and the real app on it.

Where the desktop's tools are missing, these tests skip with the reason;
under ``CI=true`` they fail instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.app_process import AppProcess
from tests.support.desktop import DesktopUnavailableError, VirtualDesktop, missing_tools
from tests.support.private_bus import require_tools


def _require_desktop_tools() -> None:
    require_tools(missing_tools())


DesktopFactory = Callable[..., VirtualDesktop]


@pytest.fixture
def make_desktop(tmp_path: Path) -> Iterator[DesktopFactory]:
    """Starts desktops with or without a notification server or tray; stops them after."""
    _require_desktop_tools()
    started: list[VirtualDesktop] = []

    def make(*, notification_server: bool = True, tray: bool = True) -> VirtualDesktop:
        desktop = VirtualDesktop(
            tmp_path / f"desktop{len(started)}",
            notification_server=notification_server,
            tray=tray,
        )
        started.append(desktop)
        try:
            return desktop.start()
        except DesktopUnavailableError as error:
            pytest.fail(str(error))

    yield make
    for desktop in started:
        desktop.stop()


AppFactory = Callable[..., AppProcess]


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[AppFactory]:
    """Starts the real app on a desktop with its own profile; stops it after the test."""
    apps: list[AppProcess] = []

    def start(desktop: VirtualDesktop, time_scale: float = 1.0, **env: str) -> AppProcess:
        app = AppProcess(desktop, tmp_path / f"profile{len(apps)}", time_scale, env)
        apps.append(app)
        return app.start()

    yield start
    for app in apps:
        app.stop()
