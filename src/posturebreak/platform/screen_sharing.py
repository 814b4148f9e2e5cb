"""Is the screen being shared or recorded? A video call sharing it, a screencast.

On Linux desktops the compositor hands a shared screen to the program that asked
for it as a PipeWire video stream: Mutter (GNOME) and KWin (KDE) publish it as
an output video stream (``Stream/Output/Video``), xdg-desktop-portal-wlr (sway,
Hyprland) as a ``Video/Source`` node. The stream *runs* only while a program
takes its frames; before that, and once it lets go, it is suspended or idle.
Cameras are video sources too and are left to the call detector. ``pw-dump``
tells all of this as one JSON array; asked only when a reminder is due.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from typing import Any

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_
from posturebreak.platform.tool_output import tool_output

log = logging.getLogger(__name__)

_SCREEN_CLASSES = frozenset({"Stream/Output/Video", "Video/Source"})
_CAMERA_APIS = frozenset({"v4l2", "libcamera"})
_CAMERA_PATHS = ("v4l2:", "libcamera:")


def sharing_screen(dump: str) -> bool:
    """Whether ``pw-dump``'s output shows a screen stream that a program is taking.

    Anything that is not the JSON expected (a newer PipeWire, a half-written answer)
    means not sharing: a wrong "busy" would hold reminders back for good.
    """
    import json  # only when a reminder is due: the tray starts without it

    try:
        objects = json.loads(dump)
    except ValueError:
        return False
    return isinstance(objects, list) and any(_is_running_screen(o) for o in objects)


def _is_running_screen(node: Any) -> bool:
    info = node.get("info") if isinstance(node, dict) else None
    if not isinstance(info, dict) or info.get("state") != "running":
        return False
    props = info.get("props")
    if not isinstance(props, dict) or props.get("media.class") not in _SCREEN_CLASSES:
        return False
    camera = (
        props.get("device.api") in _CAMERA_APIS
        or str(props.get("object.path", "")).startswith(_CAMERA_PATHS)
        or props.get("media.role") == "Camera"  # a virtual camera (background blur, OBS)
    )
    return not camera


def pipewire_socket() -> Path | None:
    """Where a PipeWire client of this session connects (``PIPEWIRE_REMOTE`` may move
    it); None without a runtime folder, where no client can find a server."""
    remote = Path(os.environ.get("PIPEWIRE_REMOTE") or "pipewire-0")
    if remote.is_absolute():
        return remote
    runtime = os.environ.get("PIPEWIRE_RUNTIME_DIR") or os.environ.get("XDG_RUNTIME_DIR")
    return Path(runtime) / remote if runtime else None


class ScreenSharingDetector:
    """Busy while a PipeWire screen stream is being taken by a program."""

    reason = BusyReason.SHARING
    name = N_("Screen sharing: PipeWire screen streams")

    def __init__(self, pw_dump: str) -> None:
        self._pw_dump = pw_dump

    @classmethod
    def here(cls) -> ScreenSharingDetector | None:
        """The detector, or None (and a log line saying why) without pw-dump or PipeWire."""
        pw_dump = shutil.which("pw-dump")
        if pw_dump is None:
            log.info("Screen sharing detection is off: no pw-dump (Debian: pipewire-bin)")
            return None
        socket = pipewire_socket()
        if socket is None or not socket.is_socket():
            where = socket or "no XDG_RUNTIME_DIR"
            log.info("Screen sharing detection is off: no PipeWire server (%s)", where)
            return None
        return cls(pw_dump)

    def busy(self) -> bool:
        dump = tool_output([self._pw_dump])
        return dump is not None and sharing_screen(dump)
