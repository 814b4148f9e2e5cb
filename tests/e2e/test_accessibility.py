"""The app's windows as a screen reader sees them: read from the real AT-SPI bus.

Qt exposes its widgets on the AT-SPI accessibility bus (at-spi2-core's bus
launcher and registry, D-Bus-activated on the desktop's session bus); a helper
run by the system Python reads the tree with the AT-SPI bindings, as Orca
would. Every control a keyboard can reach must have a name, of its own or from
the label that names it.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from posturebreak.core.countdown import DONE_TEXT
from tests.e2e.conftest import AppFactory, DesktopFactory
from tests.support.app_process import AppProcess
from tests.support.desktop import AT_SPI_BUS_LAUNCHER, VirtualDesktop, wait_until
from tests.support.private_bus import require_tools

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
# Roles a user operates; each needs a name a screen reader can speak.
CONTROLS = {
    "push button",
    "check box",
    "radio button",
    "spin button",
    "combo box",
    "slider",
    "text",
    "page tab",
    "toggle button",
    "list",
    "table",
}


def accessible_tree(app: AppProcess, name: str) -> dict[str, Any]:
    """The tree of the app's window named ``name`` or holding something so named."""
    read = subprocess.run(
        [SYSTEM_PYTHON, "-m", "tests.support.atspi_tree", "posture-break", name, "30"],
        cwd=ROOT,
        env=app.env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert read.returncode == 0, read.stderr
    tree: dict[str, Any] = json.loads(read.stdout)
    return tree


def nodes(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield tree
    for child in tree["children"]:
        yield from nodes(child)


def unnamed_controls(tree: dict[str, Any]) -> list[str]:
    return [
        f"{node['role']} ({node['description'] or 'no description'})"
        for node in nodes(tree)
        if node["role"] in CONTROLS
        and node["showing"]
        and not (node["name"].strip() or node["labelled"])
    ]


@pytest.fixture
def accessible_desktop(make_desktop: DesktopFactory) -> VirtualDesktop:
    """A test desktop with the accessibility bus running."""
    require_tools([] if Path(SYSTEM_PYTHON).exists() else [SYSTEM_PYTHON])
    checked = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0')"],
        capture_output=True,
        check=False,
    )
    require_tools([] if checked.returncode == 0 else ["gir1.2-atspi-2.0 (AT-SPI bindings)"])
    require_tools([] if Path(AT_SPI_BUS_LAUNCHER).exists() else ["at-spi2-core"])
    desktop = make_desktop()
    desktop.start_accessibility_bus()
    return desktop


@pytest.fixture
def accessible_app(accessible_desktop: VirtualDesktop, start_app: AppFactory) -> AppProcess:
    return start_app(accessible_desktop, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")


def test_the_settings_dialog_names_every_control_on_the_atspi_bus(
    accessible_app: AppProcess,
) -> None:
    assert accessible_app.command("settings").returncode == 0
    tree = accessible_tree(accessible_app, "Settings — Posture Break")
    assert tree["role"] == "dialog"
    roles = {node["role"] for node in nodes(tree)}
    assert {"page tab", "push button", "spin button", "check box"} <= roles
    assert unnamed_controls(tree) == []


def test_the_break_window_names_its_answers_on_the_atspi_bus(accessible_app: AppProcess) -> None:
    assert accessible_app.command("break-now").returncode == 0
    tree = accessible_tree(accessible_app, "Done")
    buttons = {node["name"] for node in nodes(tree) if node["role"] == "push button"}
    assert {"Done", "Skip"} <= buttons and any(name.startswith("Snooze") for name in buttons)
    assert unnamed_controls(tree) == []


def test_the_countdown_is_announced_politely_now_and_then_not_every_second(
    accessible_desktop: VirtualDesktop, start_app: AppFactory
) -> None:
    # 10x: the 60-second stretch break lasts 6 seconds, its countdown label changing 6 times.
    app = start_app(accessible_desktop, 10.0, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, "-m", "tests.support.atspi_events", "60", *WATCHED],
        cwd=ROOT,
        env=app.env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert listener.stdout is not None
        assert listener.stdout.readline().strip() == "ready"
        assert app.command("break-now").returncode == 0
        events: list[dict[str, Any]] = []
        wait_until(
            lambda: _read_until(listener, events, DONE_TEXT), 60, "the break's last announcement"
        )
    finally:
        listener.kill()
        listener.wait()
        assert listener.stdout is not None
        listener.stdout.close()
    announced = [event for event in events if event["type"] == "object:announcement"]
    assert announced[0]["text"] == "Break started: 6 seconds."
    assert announced[-1]["text"] == DONE_TEXT
    assert 2 <= len(announced) <= 4
    assert {event["detail1"] for event in announced} == {POLITE}
    # The label's text counts every second, but its name stays put: no second is spoken.
    renamed = [event["text"] for event in events if event["type"] != "object:announcement"]
    assert "Countdown" in renamed and not [text for text in renamed if " s left" in text]


WATCHED = ("object:announcement", "object:property-change:accessible-name")
# AT-SPI's ATSPI_LIVE_POLITE: said after what the screen reader is saying.
POLITE = 1


def _read_until(listener: subprocess.Popen[str], events: list[dict[str, Any]], text: str) -> bool:
    """Reads one event line into ``events``; True once an event says ``text``."""
    assert listener.stdout is not None
    line = listener.stdout.readline()
    if line.strip():
        events.append(json.loads(line))
    return any(event["text"] == text for event in events)
