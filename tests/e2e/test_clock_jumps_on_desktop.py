"""The real app while its wall clock is set forward and back (libfaketime)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support.desktop import wait_until
from tests.support.faketime import FakeTime

pytestmark = pytest.mark.e2e

FAST = 600.0  # sitting every 2 s, stretching every 4.5 s, the foot stool every 6 s


def _outcomes(profile: Path) -> list[str]:
    path = profile / "data" / "activity.sqlite3"
    if not path.exists():
        return []
    database = sqlite3.connect(path)
    try:
        return [row[0] for row in database.execute("SELECT outcome FROM events")]
    except sqlite3.OperationalError:  # no event written yet
        return []
    finally:
        database.close()


@pytest.mark.parametrize("offset", ["+8h", "-1h"])
def test_setting_the_clock_brings_no_burst_and_loses_no_reminder(
    make_desktop: DesktopFactory, start_app: AppFactory, tmp_path: Path, offset: str
) -> None:
    # Only the wall clock moves, as when it is set by hand or by NTP; Qt's timers
    # and the boot-time clock keep real time.
    clock = FakeTime(tmp_path / "faketime")
    env = clock.env()
    desktop = make_desktop()
    app = start_app(desktop, FAST, **env)
    wait_until(lambda: "Break window shown for stretch" in app.log_text(), 30, "a first stretch")

    clock.set(offset)
    wait_until(lambda: "The clock was set by" in app.log_text(), 30, "the jump to be noticed")
    seen = app.log_text().count("Break window shown for stretch")
    wait_until(
        lambda: app.log_text().count("Break window shown for stretch") >= seen + 2,
        30,
        "stretches to go on at their pace",
    )
    assert "natural_break" not in _outcomes(app.profile_dir)  # no sleep was taken for one
    assert "the computer slept" not in app.log_text()
