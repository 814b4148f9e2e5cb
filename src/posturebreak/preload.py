"""Loads the Qt-free part of the tray app before Qt, to start faster.

PySide6 installs an import hook that reads the source of every module imported
after it (looking for its ``__feature__`` switches): for this app some 200
modules, tens of milliseconds and megabytes in :mod:`linecache` at every
start. Importing first what needs no Qt (APScheduler with the standard library
it pulls in, and the app's own Qt-free modules) spares most of them. A name
missing here costs only time, never behaviour; ``test_start_up_imports``
counts the modules read.
"""

from __future__ import annotations

import importlib

# Entry points: each brings in the Qt-free modules it imports.
_QT_FREE = (
    "apscheduler.schedulers.base",
    "apscheduler.executors.debug",
    "apscheduler.jobstores.memory",
    "apscheduler.triggers.date",
    "posturebreak.core.delivery",
    "posturebreak.core.rotation",
    "posturebreak.core.schedule",
    "posturebreak.core.status",
    "posturebreak.platform.calls",
    "posturebreak.platform.desktop_dnd",
    "posturebreak.platform.full_screen_sway",
    "posturebreak.platform.full_screen_x11",
    "posturebreak.services.activity_store",
    "posturebreak.services.autostart",
    "posturebreak.services.catalogue_files",
    "posturebreak.services.control_socket",
    "posturebreak.services.notify",
    "posturebreak.services.settings_store",
)


def load_before_qt() -> None:
    """Imports the modules above; call it before anything imports PySide6."""
    for name in _QT_FREE:
        importlib.import_module(name)
