"""The real app while its clocks jump (libfaketime): the wall clock set 8 hours on and
back across a DST change, and every clock moved on as by a sleep.

Every kind comes as a notification alone here, so each reminder is one logged
event the moment it is shown, and the ``Notify`` calls to dunst are what the user
saw (dunst's own history stacks identical ones).
"""

from __future__ import annotations

import math
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import ReportFigure
from tests.support.app_process import AppProcess
from tests.support.desktop import MonitorOutput, wait_until
from tests.support.faketime import FakeTime
from tests.support.real_app import ask, events_by_outcome, virtual_desktop

pytestmark = pytest.mark.reliability

INTERVALS = {"uncross_legs": 20, "stretch": 45, "foot_stool": 60}  # minutes
NOTIFICATIONS_ONLY = """version = 1

[reminders.stretch]
style = "notification"

[reminders.foot_stool]
style = "notification"

[schedule]
idle_threshold_minutes = 0
"""
# Berlin's clocks go back from 03:00 CEST to 02:00 CET at 01:00 UTC: local times repeat.
DST_ENDS = datetime(2026, 10, 25, 1, 0, tzinfo=UTC)
BEFORE_DST_ENDS = 8.0  # seconds of real time from the launch to the change
AFTER_A_JUMP = 4.0  # seconds of real time the app runs after each jump


def _notified(app: AppProcess) -> dict[str, int]:
    events = events_by_outcome(app.profile_dir)
    return {kind: events.get((kind, "notified"), 0) for kind in INTERVALS}


def _run_on(seconds: float) -> None:
    """Lets the app run for ``seconds`` of real time, for reminders to come (or not)."""
    until = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() > until, seconds + 5, "time to pass")


def _calls(bus: MonitorOutput) -> int:
    return bus.text().count("member=Notify")


def test_the_wall_clock_set_8_hours_on_and_back_across_dst_brings_no_flood(
    tmp_path: Path, report_figure: ReportFigure
) -> None:
    scale = 600.0  # sitting every 2 s, stretching every 4.5 s, the foot stool every 6 s
    clock = FakeTime(tmp_path / "faketime")
    to_dst = (DST_ENDS - datetime.now(UTC)).total_seconds() - BEFORE_DST_ENDS
    with virtual_desktop(tmp_path / "desktop") as desktop, desktop.watch_notify_calls() as bus:
        env = clock.env(f"{to_dst:+.0f}") | {"TZ": "Europe/Berlin"}
        app = AppProcess(desktop, tmp_path / "profile", scale, env, NOTIFICATIONS_ONLY)
        try:
            app.start()
            began = time.monotonic()
            wait_until(lambda: " 02:00:0" in app.log_text(), 30, "02:00 CET, after 02:59 CEST")
            clock.set(f"{to_dst + 8 * 3600:+.0f}")
            wait_until(lambda: "The clock was set by" in app.log_text(), 30, "the jump on")
            _run_on(AFTER_A_JUMP)
            clock.set(f"{to_dst:+.0f}")
            wait_until(
                lambda: app.log_text().count("The clock was set by") == 2, 30, "the jump back"
            )
            _run_on(AFTER_A_JUMP)
            notified = _notified(app)
            elapsed = time.monotonic() - began
            shown = _calls(bus)
            log = app.log_text()
        finally:
            app.stop()

    assert " 02:59:5" in log  # the app ran through the change, in CEST and then CET
    assert log.count("The clock was set by") == 2  # the jumps, and never the DST change
    for kind, minutes in INTERVALS.items():
        due = elapsed * scale / 60 / minutes  # how many came due in that time
        assert math.floor(due) - 1 <= notified[kind] <= math.ceil(due) + 1, (kind, notified)
    # Several kinds due within a minute share one notification; a flood would show here.
    assert max(notified.values()) <= shown <= sum(notified.values()) + 1
    report_figure("clock ±8 h across DST: real seconds at scale 600", f"{elapsed:.1f}")
    report_figure("clock ±8 h across DST: reminders by kind", notified)
    report_figure("clock ±8 h across DST: notifications sent to dunst", shown)


def test_waking_from_a_sleep_brings_at_most_one_reminder_per_kind(
    tmp_path: Path, report_figure: ReportFigure
) -> None:
    scale = 120.0  # sitting every 10 s: a sleep of 2 hours is 12 sitting reminders missed
    clock = FakeTime(tmp_path / "faketime", monotonic=True)
    with virtual_desktop(tmp_path / "desktop") as desktop, desktop.watch_notify_calls() as bus:
        app = AppProcess(desktop, tmp_path / "profile", scale, clock.env(), NOTIFICATIONS_ONLY)
        try:
            app.start()
            clock.set("+2h")  # every clock, the boot-time one too, as after a suspend
            ask(app, {"command": "status"})  # something wakes the app, as resuming does
            wait_until(lambda: "the computer slept" in app.log_text(), 30, "the sleep noticed")
            after_sleep = _notified(app)
            before = _calls(bus)
            # Sitting evenly comes again one interval after the return, on schedule.
            wait_until(lambda: _notified(app)["uncross_legs"] > after_sleep["uncross_legs"], 30)
            notified = _notified(app)
            shown = _calls(bus)
            log = app.log_text()
        finally:
            app.stop()

    events = events_by_outcome(app.profile_dir)
    natural = {kind: events.get((kind, "natural_break"), 0) for kind in INTERVALS}
    assert natural == dict.fromkeys(INTERVALS, 1)  # two hours away is a break of every kind
    assert all(count <= 1 for count in notified.values()), notified
    assert shown - before <= 1
    assert "The clock was set by" not in log  # a sleep, not a clock change
    report_figure("sleep of 2 h: reminders by kind until sitting came due again", notified)
    report_figure("sleep of 2 h: natural breaks by kind", natural)
