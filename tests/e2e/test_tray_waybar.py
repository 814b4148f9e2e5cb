"""The tray icon on Wayland, for real: headless sway with waybar's tray module as the
StatusNotifierItem host. The app's item registers with the watcher, and activating it
(what a left click on it in any SNI host does) opens *Your breaks*, as a left click
on an X11 tray icon does."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from tests.support.app_process import AppProcess
from tests.support.desktop import wait_until
from tests.support.sway import STATUS_NOTIFIER_WATCHER, HeadlessSway, headless_sway

pytestmark = pytest.mark.e2e

ITEM = "org.kde.StatusNotifierItem"
ICON_GREEN = "#1f8a70"  # the app icon's background (resources/icons/posture-break.svg)
BAR_HEIGHT = 28


@pytest.fixture
def sway() -> Iterator[HeadlessSway]:
    with headless_sway(tray=True) as session:
        yield session


def registered_item_of(sway: HeadlessSway, pid: int) -> tuple[str, str] | None:
    """The (bus name, object path) of the item process ``pid`` registered, if any."""
    assert sway.bus is not None
    with sway.bus.connection() as bus:
        watcher = bus.get_object(STATUS_NOTIFIER_WATCHER, "/StatusNotifierWatcher")
        items = watcher.Get(
            STATUS_NOTIFIER_WATCHER,
            "RegisteredStatusNotifierItems",
            dbus_interface="org.freedesktop.DBus.Properties",
        )
        for item in map(str, items):
            service, _, path = item.partition("/")
            owner = bus.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
            if owner.GetConnectionUnixProcessID(service) == pid:
                return service, f"/{path}" if path else "/StatusNotifierItem"
    return None


def icon_pixels_in_the_bar(shot: QImage) -> int:
    """How many pixels of the icon's green are in the right end of the bar."""
    green = QColor(ICON_GREEN)
    return sum(
        1
        for x in range(shot.width() - 120, shot.width())
        for y in range(BAR_HEIGHT)
        if all(
            abs(a - b) < 16
            for a, b in zip(shot.pixelColor(x, y).getRgb()[:3], green.getRgb()[:3], strict=True)
        )
    )


def windows(sway: HeadlessSway) -> list[str]:
    """The titles of the windows sway shows."""
    tree = subprocess.run(
        ["swaymsg", "-t", "get_tree"], env=sway.env(), capture_output=True, text=True, check=True
    )
    titles: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("type") in ("con", "floating_con") and node.get("name"):
            titles.append(str(node["name"]))
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            walk(child)

    walk(json.loads(tree.stdout))
    return titles


def test_the_tray_item_registers_with_waybar_and_activating_it_opens_your_breaks(
    sway: HeadlessSway, tmp_path: Path
) -> None:
    app = AppProcess(sway, tmp_path / "profile", extra_env={"QT_QPA_PLATFORM": "wayland"})
    try:
        app.start()
        assert app.process is not None
        service, path = wait_until(
            lambda: registered_item_of(sway, app.process.pid), 30, "the item registered"
        )
        assert "No system tray found" not in app.log_text()
        widgets = json.loads(app.command("status", "--json").stdout)["qt"]["widgets"]
        assert sway.bus is not None
        with sway.bus.connection() as bus:
            bus.get_object(service, path).Activate(0, 0, dbus_interface=ITEM)
        wait_until(lambda: any(t.startswith("Your breaks") for t in windows(sway)), 30, "window")
        state = json.loads(app.command("status", "--json").stdout)
        assert state["qt"]["widgets"] > widgets
        shot = QImage(str(sway.screenshot(tmp_path / "tray-waybar.png")))
        assert icon_pixels_in_the_bar(shot) > 50  # the icon is drawn in waybar, top right
    finally:
        app.stop()
