"""Every window fits a 1280x800 screen at 2x scale, with its buttons on screen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory

pytestmark = pytest.mark.e2e


def inside(area: list[int], screen: list[int]) -> bool:
    x, y, width, height = area
    left, top, screen_width, screen_height = screen
    return (
        x >= left
        and y >= top
        and x + width <= left + screen_width
        and y + height <= top + screen_height
    )


def test_every_window_fits_the_screen_at_twice_the_scale(
    make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    desktop = make_desktop(notification_server=False)
    probe = subprocess.run(
        [sys.executable, "-m", "tests.support.window_probe", str(tmp_path / "profile")],
        env=desktop.env(QT_SCALE_FACTOR="2"),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(probe.stdout.strip().splitlines()[-1])
    assert set(report) == {"settings", "history", "log", "break", "about"}
    for name, window in report.items():
        assert window["screen"] == [0, 0, 640, 400], name  # 1280x800 at 2x
        assert inside(window["frame"], window["screen"]), (name, window["frame"])
        for label, area in window["buttons"].items():
            assert inside(area, window["screen"]), (name, label, area)
    assert {"OK", "Cancel", "Apply"} <= set(report["settings"]["buttons"])
    assert {"Close", "&Export…"} <= set(report["history"]["buttons"])
