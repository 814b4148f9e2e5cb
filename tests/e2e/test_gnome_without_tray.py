"""GNOME without a tray, for real: under a headless GNOME Shell the app starts without a
tray icon, says once how to reach it, and the launcher menu's actions (the installed
desktop entry's ``Exec`` lines) work against the running app."""

from __future__ import annotations

import configparser
import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posturebreak.first_run import NO_TRAY_NOTICE_FILE, no_tray_notice_text
from posturebreak.paths import PROFILE_DIR_ENV
from posturebreak.services.desktop_entry import DESKTOP_ID
from tests.support.app_process import AppProcess
from tests.support.desktop import wait_until, watch_notify_calls
from tests.support.gnome import HeadlessGnomeShell, headless_gnome_shell

pytestmark = pytest.mark.e2e
NOTICE = no_tray_notice_text().title  # the app runs in English here


@pytest.fixture
def shell() -> Iterator[HeadlessGnomeShell]:
    with headless_gnome_shell() as session:
        session.serve_notifications()
        yield session


def launcher_actions(shell: HeadlessGnomeShell, data_home: Path) -> dict[str, list[str]]:
    """Installs the desktop entry as a user would; returns each action's command line."""
    env = shell.env(XDG_DATA_HOME=str(data_home))
    install = [sys.executable, "-m", "posturebreak", "install-desktop-entry"]
    subprocess.run(install, env=env, check=True, capture_output=True, timeout=60)
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data_home / "applications" / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    return {
        section.removeprefix("Desktop Action "): shlex.split(entry[section]["Exec"])
        for section in entry.sections()
        if section.startswith("Desktop Action ")
    }


def state(app: AppProcess) -> dict[str, Any]:
    result = app.command("status", "--json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_without_a_tray_the_app_says_once_how_to_reach_it_and_the_launcher_actions_work(
    shell: HeadlessGnomeShell, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    app = AppProcess(shell, profile, extra_env=shell.wayland_client_env())
    try:
        with watch_notify_calls(shell.address) as calls:
            app.start()
            wait_until(
                lambda: no_tray_notice_text().title in calls.text(), 30, "the no-tray notice"
            )
        assert "No system tray found" in app.log_text()
        assert (profile / "data" / NO_TRAY_NOTICE_FILE).exists()

        actions = launcher_actions(shell, tmp_path / "share")
        assert set(actions) == {"break-now", "pause-hour", "resume", "settings", "history"}
        action_env = shell.env(**shell.wayland_client_env(), **{PROFILE_DIR_ENV: str(profile)})

        def run(action: str) -> str:
            result = subprocess.run(
                actions[action],
                env=action_env,
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            return result.stdout.strip()

        assert run("pause-hour").startswith("Paused")
        assert state(app)["paused"] is True
        run("resume")
        assert state(app)["paused"] is False
        for action, window in (("settings", "settings"), ("history", "history")):
            widgets = state(app)["qt"]["widgets"]
            assert run(action) == f"Opened {window}."
            assert state(app)["qt"]["widgets"] > widgets
        with watch_notify_calls(shell.address) as calls:
            assert run("break-now") == "Stretch break started."
            wait_until(lambda: "member=Notify" in calls.text(), 30, "the break's notification")
    finally:
        app.stop()

    # The next start (the next login) keeps quiet: only the break's notification comes.
    again = AppProcess(shell, profile, extra_env=shell.wayland_client_env())
    try:
        with watch_notify_calls(shell.address) as calls:
            again.start()
            assert again.command("break-now").returncode == 0
            wait_until(lambda: "member=Notify" in calls.text(), 30, "the break's notification")
            assert NOTICE not in calls.text()
        assert again.log_text().count("No system tray found") == 2
    finally:
        again.stop()
    wait_until(lambda: again.command("status").returncode != 0, 30, "the app to quit")

    # With the app not running, a launcher action starts it first.
    try:
        assert run("settings") == "Opened settings."
        assert again.command("status").returncode == 0
    finally:
        again.command("quit")
    wait_until(lambda: again.command("status").returncode != 0, 30, "the app to quit")
