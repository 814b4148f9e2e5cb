"""A working week in about a minute and a half: the real app, time-scaled, with every
kind of reminder on and break windows answered at random.

At ``SCALE`` a minute passes in ``60 / SCALE`` seconds, so five working days of
8.5 hours bring some 130 sit-evenly notifications, 60 stretches (a notification
and a break window each) and 45 foot-stool break windows. A helper answers each
break window it finds with Enter (done), Esc (skip) or S (snooze), chosen at
random; the windows it misses close themselves as ignored. Afterwards the
activity log holds exactly what the app showed (its own log and the ``Notify``
calls on the bus), and its Qt objects, timers and open files are as many as
after the first hour.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ReportFigure
from tests.support.app_process import AppProcess
from tests.support.desktop import VirtualDesktop, wait_until
from tests.support.real_app import (
    ask,
    events_by_outcome,
    press_keys,
    random_seed,
    virtual_desktop,
)

pytestmark = pytest.mark.reliability

SCALE = 1700.0
WORKING_WEEK_MINUTES = 5 * 8.5 * 60
FIRST_HOUR = 60 * 60 / SCALE  # seconds
# Every kind on; break windows last long enough (in scaled time) to be answered.
SETTINGS = """version = 1

[reminders.stretch]
style = "both"
break_seconds = 600

[reminders.uncross_legs]
style = "notification"

[reminders.foot_stool]
style = "popup"
break_seconds = 600

[schedule]
idle_threshold_minutes = 0
working_hours_start = "00:00"
working_hours_end = "23:59"
working_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
outside_working_hours = "silent"
"""
ANSWERS = {"Return": "done", "Escape": "skipped", "s": "snoozed"}
ANSWERED_BY_WINDOW = ("done", "snoozed", "skipped", "ignored")


def _app_windows(desktop: VirtualDesktop) -> list[str]:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--class", "posture-break"],
        env=desktop.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    return found.stdout.split()


def _resources(app: AppProcess) -> dict[str, Any]:
    """The app's Qt counts (``status --json``) and its open file descriptors."""
    fds = _open_files(app)  # before asking: the question is an open connection, too
    reply = ask(app, {"command": "status"})
    assert reply is not None
    return {**reply["state"]["qt"], "fds": fds}


def _open_files(app: AppProcess) -> int:
    assert app.process is not None
    return len(os.listdir(f"/proc/{app.process.pid}/fd"))


def test_a_working_week_of_random_answers_is_logged_exactly_and_leaks_nothing(
    tmp_path: Path, report_figure: ReportFigure
) -> None:
    seed = random_seed()
    rng = random.Random(seed)
    pressed: Counter[str] = Counter()
    with virtual_desktop(tmp_path / "desktop") as desktop, desktop.watch_notify_calls() as bus:
        app = AppProcess(desktop, tmp_path / "profile", SCALE, settings=SETTINGS).start()
        try:
            tray_icon = set(_app_windows(desktop))  # everything else is a break window
            began = time.monotonic()
            start: dict[str, int] | None = None
            while time.monotonic() - began < WORKING_WEEK_MINUTES * 60 / SCALE:
                windows = [w for w in _app_windows(desktop) if w not in tray_icon]
                if start is None and not windows and time.monotonic() - began > FIRST_HOUR:
                    start = _resources(app)  # after the first hour, between two windows
                for window in windows:
                    key = rng.choice(list(ANSWERS))
                    if press_keys(desktop, key, window=window):
                        pressed[ANSWERS[key]] += 1
                bus.text()  # drained as it goes: a full pipe would stall dbus-monitor
                time.sleep(0.02)  # the next look for windows
            assert ask(app, {"command": "pause", "minutes": 60 * 24 * 7}) is not None
            # Every window shown has its outcome in the log before the counts are taken.
            wait_until(
                lambda: (
                    app.log_text().count("Break window shown for")
                    == sum(app.log_text().count(f": {outcome}\n") for outcome in ANSWERED_BY_WINDOW)
                ),
                30,
                "the last break window to be answered or ignored",
            )
            end = _resources(app)
            assert start is not None, "no quiet moment after the first hour"
            start_fds = start["fds"]
            # A connection or a busy check's pipe may still be closing: none may stay open.
            wait_until(lambda: _open_files(app) <= start_fds, 10, "no more open files")
            log = app.log_text()
            notify_calls = bus.text().count("member=Notify")
        finally:
            app.stop()
    events = events_by_outcome(app.profile_dir)
    assert start is not None

    for kind in ("stretch", "foot_stool"):
        windows = sum(events.get((kind, outcome), 0) for outcome in ANSWERED_BY_WINDOW)
        assert windows == log.count(f"Break window shown for {kind}"), kind
    notified = events.get(("uncross_legs", "notified"), 0)
    stretches = sum(events.get(("stretch", outcome), 0) for outcome in ANSWERED_BY_WINDOW)
    shown = log.count("Reminder '")  # one line per notification, several kinds at once
    assert notify_calls == shown  # each reached the notification server
    assert max(notified, stretches) <= shown <= notified + stretches
    assert notified >= 0.9 * WORKING_WEEK_MINUTES / 20  # on schedule, none lost to lateness
    assert "the computer slept" not in log
    for outcome in ("done", "snoozed", "skipped"):
        logged = events.get(("stretch", outcome), 0) + events.get(("foot_stool", outcome), 0)
        assert logged <= pressed[outcome]  # an answer is logged once (a late key finds none)
    qt = ("widgets", "objects", "timers")
    assert {key: end[key] for key in qt} == {key: start[key] for key in qt}, f"seed {seed}"

    report_figure("soak seed", seed)
    report_figure("soak working week (42.5 h) at scale", f"{SCALE:.0f}")
    report_figure("soak reminders logged by kind and outcome", dict(sorted(events.items())))
    report_figure("soak notifications on the bus / logged as shown", f"{notify_calls}/{shown}")
    report_figure("soak Qt and fd counts after the first hour", start)
    report_figure("soak Qt and fd counts at the end of the week", end)
