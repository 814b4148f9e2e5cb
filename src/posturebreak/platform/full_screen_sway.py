"""Is a window full screen where the break window would show? (sway, through its IPC.)

sway tells its layout tree over the socket in ``SWAYSOCK`` (``swaymsg -t
get_tree``): each window has a ``fullscreen_mode`` (1: on its output, 2: on
all) and says whether it is ``visible``. A break window opens on the output
that has the focus, so a full-screen window there, or one full screen on all
outputs, holds it back. Asked only when a reminder is due.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_
from posturebreak.platform.tool_output import tool_output

_WINDOWS = ("con", "floating_con")
_ON_ITS_OUTPUT, _ON_ALL_OUTPUTS = 1, 2


def _nodes(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``node`` and everything under it, tiled and floating."""
    yield node
    for child in [*node.get("nodes", ()), *node.get("floating_nodes", ())]:
        if isinstance(child, dict):
            yield from _nodes(child)


def _full_screen(node: dict[str, Any], modes: tuple[int, ...]) -> bool:
    return (
        node.get("type") in _WINDOWS
        and node.get("fullscreen_mode") in modes
        and node.get("visible") is True
    )


def full_screen_where_focused(tree: object) -> bool:
    """Whether a visible window is full screen on the focused output, or on all of them."""
    if not isinstance(tree, dict):
        return False
    if any(_full_screen(node, (_ON_ALL_OUTPUTS,)) for node in _nodes(tree)):
        return True
    outputs = [node for node in tree.get("nodes", ()) if isinstance(node, dict)]
    for output in outputs:
        inside = list(_nodes(output))
        if any(node.get("focused") is True for node in inside):
            return any(_full_screen(node, (_ON_ITS_OUTPUT,)) for node in inside)
    return False


class SwayFullScreen:
    """Busy while a window is full screen where a break window would open."""

    reason = BusyReason.FULL_SCREEN
    name = N_("Full-screen windows: sway IPC")

    def __init__(self, swaymsg: str, socket: str) -> None:
        self._argv = [swaymsg, "--socket", socket, "--raw", "--type", "get_tree"]

    @classmethod
    def here(cls) -> SwayFullScreen | None:
        """The detector in a sway session (``SWAYSOCK`` set, ``swaymsg`` installed), else None."""
        socket, swaymsg = os.environ.get("SWAYSOCK"), shutil.which("swaymsg")
        return cls(swaymsg, socket) if socket and swaymsg else None

    def busy(self) -> bool:
        answer = tool_output(self._argv)
        if answer is None:
            return False
        import json  # only on sway, not at every start

        try:
            return full_screen_where_focused(json.loads(answer))
        except (ValueError, RecursionError):
            return False
