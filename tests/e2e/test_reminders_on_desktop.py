"""The real app on a real desktop: reminders reach a real notification server."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.reminders import SHIPPED_REMINDERS, ReminderId
from posturebreak.services.catalogue_files import load_catalogue
from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support.app_process import APP_WM_CLASS, AppProcess
from tests.support.desktop import wait_until

SHIPPED_THREE = ("stretch", "uncross_legs", "foot_stool")

pytestmark = pytest.mark.e2e

# 600x: the 20/45/60-minute defaults arrive after 2, 4.5 and 6 seconds.
FAST = 600.0
# A reminder's notification is titled with the exercise it suggests.
CATALOGUE, _ = load_catalogue(Path("/nonexistent"))
TITLES = {
    kind: {e.title for e in CATALOGUE.in_categories(SHIPPED_REMINDERS[kind].categories)}
    for kind in SHIPPED_THREE
}


def _titles(notifications: list[dict[str, object]]) -> set[object]:
    return {item["summary"] for item in notifications}


def _kinds_shown(notifications: list[dict[str, object]]) -> set[ReminderId]:
    """Kinds whose exercise titles a notification, or starts a line of one given for
    several kinds due together."""
    named = _titles(notifications) | {
        line.split(":")[0] for item in notifications for line in str(item["body"]).splitlines()
    }
    return {kind for kind, kind_titles in TITLES.items() if named & kind_titles}


def test_three_kinds_of_reminder_reach_the_notification_server_and_tray_holds_icon(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop, FAST)

    wait_until(lambda: desktop.tray_holds(APP_WM_CLASS), 20, "the tray icon to be embedded")
    wait_until(
        lambda: _kinds_shown(desktop.notifications()) == set(SHIPPED_THREE), 30, "all three kinds"
    )

    all_titles = set().union(*TITLES.values())
    reminders = [n for n in desktop.notifications() if n["summary"] in all_titles]
    assert {n["appname"] for n in reminders} == {"Posture Break"}
    instructions = {e.title: e.instruction for e in CATALOGUE.exercises.values()}
    for notification in reminders:  # title and body speak of the same exercise
        assert notification["body"] == instructions[str(notification["summary"])]
    assert "shown as desktop notification" in app.log_text()
    # Stretches also open a break window by default; left alone, it closes as ignored.
    wait_until(lambda: "Break window shown for stretch" in app.log_text(), 10, "break window")
    wait_until(lambda: "Break stretch: ignored" in app.log_text(), 20, "the window to give up")
    database = sqlite3.connect(app.profile_dir / "data" / "activity.sqlite3")
    rows = database.execute("SELECT kind, outcome FROM events").fetchall()
    database.close()
    assert ("stretch", "ignored") in rows and ("uncross_legs", "notified") in rows
    # The command line reads the same log while the app keeps writing to it.
    stats = json.loads(app.command("stats", "--json", "--days", "2").stdout)
    assert stats["kinds"]["stretch"]["ignored"] >= 1
    assert stats["kinds"]["uncross_legs"]["notified"] >= 1


def test_pause_stops_reminders_until_it_ends_then_they_resume(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop, FAST)
    wait_until(desktop.notifications, 30, "a first reminder")

    sent_at = time.monotonic()
    paused = app.command("pause", "--minutes", "60")  # 6 s at this scale
    confirmed_at = time.monotonic()
    assert paused.returncode == 0, paused.stderr
    assert paused.stdout.startswith("Paused until")

    wait_until(lambda: not app.command("status").stdout.startswith("Paused"), 30, "resume")
    # dunst stamps notifications with the monotonic clock (µs), as time.monotonic() reads it.
    quiet_from, quiet_until = confirmed_at * 1e6, (sent_at + 6) * 1e6
    during_pause = [n for n in desktop.notifications() if quiet_from < n["timestamp"] < quiet_until]
    assert during_pause == []

    count_after_resume = len(desktop.notifications())
    wait_until(lambda: len(desktop.notifications()) > count_after_resume, 30, "reminders to resume")


def test_without_a_notification_server_reminders_fall_back_to_the_tray_message(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop(notification_server=False)
    app = start_app(desktop, FAST)

    def kinds_in_tray_messages() -> set[ReminderId]:
        titles = re.findall(r"Reminder '(.+)' shown as tray message", app.log_text())
        return {
            kind
            for kind in SHIPPED_THREE
            for title in titles
            # An exercise's title, or the kind's name among several given together.
            if title in TITLES[kind] or SHIPPED_REMINDERS[kind].name in title.split(" · ")
        }

    wait_until(lambda: kinds_in_tray_messages() == set(SHIPPED_THREE), 30, "tray messages")
    assert "desktop notification failed" in app.log_text()


def test_without_tray_or_notification_server_reminders_open_a_window(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop(notification_server=False, tray=False)
    app = start_app(desktop, FAST)

    wait_until(lambda: "shown as reminder window" in app.log_text(), 30, "a reminder window")
    assert '"Posture Break": ("' in desktop.window_tree()


def test_second_launch_hands_over_to_the_running_instance(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop)  # real time: no reminder is due during this test

    second = app.command()
    assert second.returncode == 0
    assert "already running" in second.stderr
    wait_until(
        lambda: "Posture Break is already running" in _titles(desktop.notifications()),
        20,
        "the running instance to show itself",
    )
    assert app.log_text().count("started;") == 1


def test_sigterm_quits_cleanly_and_frees_the_instance(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop)
    assert app.process is not None
    app.process.terminate()
    assert app.process.wait(20) == 0
    assert "Posture Break stopped" in app.log_text()
    assert app.command("status").returncode == 1


def test_quitting_with_a_break_window_open_logs_no_answer(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop)  # real time: the window stays open for minutes
    assert app.command("break-now").returncode == 0
    wait_until(lambda: "Break window shown for stretch" in app.log_text(), 30, "break window")
    assert app.process is not None
    app.process.terminate()
    assert app.process.wait(20) == 0
    assert "Break stretch closed unanswered as the app quits; not logged" in app.log_text()
    stats = json.loads(app.command("stats", "--json", "--days", "1").stdout)
    # Neither skipped nor ignored: the user chose nothing.
    counts = {key: n for key, n in stats["kinds"]["stretch"].items() if key != "name"}
    assert not any(counts.values()), counts


def _own_time_of_day_reminder(at: datetime) -> str:
    """Settings with one reminder of the user's own, at ``at`` (local) every day."""
    return f"""version = 2

[schedule]
idle_threshold_minutes = 0

[[reminder]]
id = "plants"
name = "Water the plants"
message = "The plants on the sill need water."
schedule = {{ at = ["{at:%H:%M}"], days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] }}
style = "notification"
"""


def test_a_time_of_day_reminder_of_the_users_own_reaches_the_notification_server(
    make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    desktop = make_desktop()
    # The next whole minute at least 15 s away: time enough to start the app.
    now = datetime.now().astimezone()
    due = (now + timedelta(seconds=75)).replace(second=0, microsecond=0)
    app = AppProcess(desktop, tmp_path / "profile", settings=_own_time_of_day_reminder(due))
    app.start()
    try:
        assert app.command("status").stdout.startswith("Water the plants in ")
        wait_until(
            lambda: any(n["summary"] == "Water the plants" for n in desktop.notifications()),
            (due - datetime.now().astimezone()).total_seconds() + 30,
            "the reminder at its time of day",
        )
        arrived = time.time()
        [shown] = [n for n in desktop.notifications() if n["summary"] == "Water the plants"]
        assert shown["body"] == "The plants on the sill need water."
        assert arrived >= due.timestamp()  # not before its time
        stats = json.loads(app.command("stats", "--json", "--days", "1").stdout)
        assert stats["kinds"]["plants"]["name"] == "Water the plants"
        assert stats["kinds"]["plants"]["notified"] == 1
        state = json.loads(app.command("status", "--json").stdout)
        assert state["next"]["kind"] == "plants"  # once a day: the next one is tomorrow
        tomorrow = datetime.fromisoformat(state["next"]["due"]).astimezone()
        assert (tomorrow.date(), tomorrow.time()) == (due.date() + timedelta(days=1), due.time())
    finally:
        app.stop()
