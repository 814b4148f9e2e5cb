"""Is the user in a call? Another program is recording from the microphone, or has
the camera open.

The microphone: a recording stream on the PulseAudio or PipeWire (pipewire-pulse)
server, as ``pactl`` lists it. The camera: a ``/dev/video*`` device held open by
another of the user's processes. Asked only when a reminder is due.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.i18n import N_
from posturebreak.platform.tool_output import tool_output


class CallDetector:
    """Busy while a program records sound or uses a camera."""

    reason = BusyReason.CALL

    def __init__(self, pactl: str | None, proc: Path = Path("/proc")) -> None:
        """``pactl``: the path of PulseAudio's command-line client, or None where there is none."""
        self._pactl = pactl
        self._proc = proc
        self.name = (
            N_("Call detection: microphone (PulseAudio/PipeWire) and camera")
            if pactl
            else N_("Call detection: camera only (no pactl for the microphone)")
        )

    @classmethod
    def here(cls) -> CallDetector:
        return cls(shutil.which("pactl"))

    def busy(self) -> bool:
        return self._recording() or self._camera_in_use()

    def _recording(self) -> bool:
        if self._pactl is None:
            return False
        listing = tool_output([self._pactl, "list", "short", "source-outputs"])
        return bool(listing and listing.strip())

    def _camera_in_use(self) -> bool:
        """Whether another process of ours has a video device open."""
        own = str(os.getpid())
        for process in self._proc.iterdir():
            if not process.name.isdigit() or process.name == own:
                continue
            try:
                for fd in (process / "fd").iterdir():
                    if os.readlink(fd).startswith("/dev/video"):
                        return True
            except OSError:  # another user's process, or one that just ended
                continue
        return False
