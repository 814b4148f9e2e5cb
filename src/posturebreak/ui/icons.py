"""The tray icons for each icon theme, loaded from pre-rendered PNGs.

*Auto* is the full-colour icon, which reads on light and dark panels alike;
*light* and *dark* are a plain symbol in white or near-black for users who
want the icon to match a monochrome panel. ``scripts/render_tray_icons``
renders the PNGs from the SVGs in ``resources/icons``: loading PNGs keeps Qt's
SVG libraries and icon engine out of the running app (less memory, faster start).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon, QPixmap

from posturebreak.resources import resource_path

if TYPE_CHECKING:  # the icon shown before the settings load needs no settings module
    from posturebreak.core.settings import IconTheme

# The panel sizes in use (16 to 64 px) and their doubles for high-density screens.
TRAY_ICON_SIZES = (16, 22, 24, 32, 44, 48, 64, 96, 128)


def tray_icon_file(theme: str, paused: bool, size: int) -> str:
    """The PNG's path inside ``resources/`` (``theme``: an icon theme's value)."""
    state = "paused" if paused else "running"
    return f"icons/tray/{theme}-{state}-{size}.png"


def tray_icons(theme: IconTheme) -> tuple[QIcon, QIcon]:
    """The icons for running and paused reminders in ``theme``."""
    return _icon(theme.value, paused=False), _icon(theme.value, paused=True)


def app_icon() -> QIcon:
    """The full-colour icon, for windows."""
    return _icon("auto", paused=False)


@cache  # the same icon for the tray and the windows, loaded once
def _icon(theme: str, *, paused: bool) -> QIcon:
    # Pixmaps, not addFile(path, size): with file entries Qt 6 picks a 32 px image for
    # every size from 32 px up on a 2x screen, blurring the larger ones.
    icon = QIcon()
    for size in TRAY_ICON_SIZES:
        icon.addPixmap(QPixmap(str(resource_path(tray_icon_file(theme, paused, size)))))
    return icon
