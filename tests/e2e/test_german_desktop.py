"""The app on a German system, on a real desktop: what the notification server receives,
what the break window and the command line say, and how times are written."""

from __future__ import annotations

from pathlib import Path

import pytest

from posturebreak.core.reminders import SHIPPED_REMINDERS
from posturebreak.services.catalogue_files import load_catalogue
from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support.app_process import APP_WM_CLASS
from tests.support.desktop import wait_until
from tests.support.language import speaking

pytestmark = pytest.mark.e2e

# A German system as a user's session has it; LC_CTYPE keeps a character set the test
# machine has (de_DE.UTF-8 need not be generated: neither gettext nor Qt reads it there).
GERMAN_SYSTEM = {
    "LANG": "de_DE.UTF-8",
    "LC_CTYPE": "C.UTF-8",
    "LANGUAGE": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
}


def _german_foot_stool_exercises() -> dict[str, str]:
    with speaking("de"):
        catalogue, _ = load_catalogue(Path("/nonexistent"))
    categories = SHIPPED_REMINDERS["foot_stool"].categories
    return {e.title: e.instruction for e in catalogue.in_categories(categories)}


def test_on_a_german_system_a_reminder_reaches_the_notification_server_in_german(
    make_desktop: DesktopFactory, start_app: AppFactory
) -> None:
    desktop = make_desktop()
    app = start_app(desktop, **GERMAN_SYSTEM)
    wait_until(lambda: desktop.tray_holds(APP_WM_CLASS), 20, "the tray icon to be embedded")
    german = _german_foot_stool_exercises()

    started = app.command("break-now", "foot_stool")
    assert started.returncode == 0
    assert started.stdout == "Pause „Fußstütze“ gestartet.\n"
    shown = wait_until(
        lambda: [n for n in desktop.notifications() if n["summary"] in german],
        20,
        "a German foot-stool notification",
    )
    assert shown[0]["body"] == german[str(shown[0]["summary"])]
    assert shown[0]["appname"] == "Posture Break"
