"""The first start on a desktop without a system tray (GNOME, for one) tells the user,
once, how to reach the app without its icon: the launcher menu's actions and the CLI.

Whether it was said is remembered in a small private file in the data folder, so the
message never comes back at every login.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from posturebreak import APP_NAME
from posturebreak.i18n import _
from posturebreak.services.atomic_file import write_atomically
from posturebreak.services.notify import Notification

log = logging.getLogger(__name__)

NO_TRAY_NOTICE_FILE = "no-tray-notice-shown"


def no_tray_notice_text() -> Notification:
    """What the notice says, in the user's language (the commands stay as typed)."""
    return Notification(
        _("{app} is running without a tray icon").format(app=APP_NAME),
        # Translators: {help} and {install} are commands to type in a terminal.
        _(
            "Your desktop shows no system tray. Reminders still come.\n"
            "To take a break, pause, resume, or open Settings or Your breaks, right-click "
            "{app} in your applications menu, or see what a terminal can do:\n"
            "{help}\n"
            "Not in the menu? Add it with:\n"
            "{install}"
        ).format(
            app=APP_NAME,
            help="posture-break --help",
            install="posture-break install-desktop-entry",
        ),
    )


def no_tray_notice(data_dir: Path) -> Notification | None:
    """The notice, the first time it is asked for; None ever after (and when the data
    folder is already known to have had it). Remembering is best effort: a folder that
    cannot be written only means the notice may come again."""
    marker = data_dir / NO_TRAY_NOTICE_FILE
    if os.path.lexists(marker):
        return None
    try:
        write_atomically(marker, b"")  # private (0600), like the rest of the data folder
    except OSError as error:
        log.warning("Could not remember that the no-tray notice was shown: %s", error)
    return no_tray_notice_text()
