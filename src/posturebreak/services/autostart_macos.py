"""Start at login on macOS: a LaunchAgent property list in ``~/Library/LaunchAgents``.

launchd loads every agent there at login; ``RunAtLoad`` starts the app once,
and no ``KeepAlive`` means quitting from the menu bar stays quit. The app owns
exactly its own file, named after its label.
"""

from __future__ import annotations

import plistlib
from collections.abc import Sequence
from pathlib import Path

from posturebreak.services.atomic_file import write_atomically

LAUNCH_AGENT_LABEL = "io.github.posturebreak.PostureBreak"


class LaunchAgentAutostart:
    """Adds or removes the app's LaunchAgent."""

    unsupported_reason: str | None = None

    def __init__(self, folder: Path, command: Sequence[str]) -> None:
        self.agent = folder / f"{LAUNCH_AGENT_LABEL}.plist"
        self._command = list(command)

    def is_enabled(self) -> bool:
        return self.agent.exists()

    def set_enabled(self, enabled: bool) -> None:
        if not enabled:
            self.agent.unlink(missing_ok=True)
            return
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": self._command,
            "RunAtLoad": True,
            # Interactive: launchd gives the app the resources of one the user works with.
            "ProcessType": "Interactive",
        }
        write_atomically(self.agent, plistlib.dumps(agent))
