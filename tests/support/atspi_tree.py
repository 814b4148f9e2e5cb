"""Reads an application's accessible tree from the AT-SPI bus, as a screen reader does.

Run by the system Python, which has the AT-SPI GObject bindings (gir1.2-atspi-2.0),
on the desktop's session bus: ``/usr/bin/python3 -m tests.support.atspi_tree APP_NAME
NAME TIMEOUT``. It waits until the application shows a window that is named NAME or
holds something named NAME, and prints that window's tree as JSON: role, name,
description, whether a label names it (``labelled``), whether it takes keyboard focus,
and its children.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_NODES = 2000


def _node(accessible: Any, budget: list[int]) -> dict[str, Any]:
    budget[0] -= 1
    states = accessible.get_state_set()
    labelled = any(
        relation.get_relation_type() == Atspi.RelationType.LABELLED_BY
        for relation in accessible.get_relation_set()
    )
    children = []
    for index in range(accessible.get_child_count()):
        child = accessible.get_child_at_index(index)
        if child is not None and budget[0] > 0:
            children.append(_node(child, budget))
    return {
        "role": accessible.get_role_name(),
        "name": accessible.get_name() or "",
        "description": accessible.get_description() or "",
        "labelled": labelled,
        "focusable": states.contains(Atspi.StateType.FOCUSABLE),
        "showing": states.contains(Atspi.StateType.SHOWING),
        "children": children,
    }


def _names(tree: dict[str, Any]) -> set[str]:
    names = {tree["name"]}
    for child in tree["children"]:
        names |= _names(child)
    return names


def find_window(app_name: str, name: str) -> dict[str, Any] | None:
    """The tree of the app's first window named ``name`` or holding something so named."""
    desktop = Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is None or app.get_name() != app_name:
            continue
        for window_index in range(app.get_child_count()):
            window = app.get_child_at_index(window_index)
            if window is None:
                continue
            tree = _node(window, [MAX_NODES])
            if name in _names(tree):
                return tree
    return None


def main() -> int:
    app_name, name, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    deadline = time.monotonic() + timeout
    while (tree := find_window(app_name, name)) is None:
        if time.monotonic() > deadline:
            print(f"no window with {name!r} of {app_name!r} on the AT-SPI bus", file=sys.stderr)
            return 1
        time.sleep(0.2)
    json.dump(tree, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
