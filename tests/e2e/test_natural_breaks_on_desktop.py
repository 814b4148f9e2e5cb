"""The real app on X11: nobody at the keyboard is an absence, input ends it, and the
break it was is logged as a natural one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory
from tests.support.activity import natural_breaks
from tests.support.app_process import AppProcess
from tests.support.desktop import wait_until

pytestmark = pytest.mark.e2e

# "Natural break after" 1 minute; at 60x time that is one second without input.
IDLE_AFTER_A_MINUTE = "version = 1\n\n[schedule]\nidle_threshold_minutes = 1\n"


def test_time_away_from_the_keyboard_is_a_natural_break(
    make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile", 60.0, settings=IDLE_AFTER_A_MINUTE)
    try:
        app.start()
        wait_until(lambda: "Away since" in app.log_text(), 30, "the user to be away")
        assert app.command("status").stdout.startswith("Away since")
        status_line = "Idle detection: X11 screen saver extension"
        assert status_line in app.log_text()
        subprocess.run(
            ["xdotool", "mousemove", "--sync", "40", "40"], env=desktop.env(), check=True
        )
        wait_until(lambda: "natural break for" in app.log_text(), 30, "the return")
        wait_until(lambda: natural_breaks(app.profile_dir), 30, "natural breaks in the log")
        assert set(natural_breaks(app.profile_dir)) <= {"foot_stool", "stretch", "uncross_legs"}
    finally:
        app.stop()
