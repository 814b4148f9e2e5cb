"""The tray icons for each icon theme.

*Auto* is the full-colour icon, which reads on light and dark panels alike;
*light* and *dark* are a plain symbol in white or near-black for users who
want the icon to match a monochrome panel.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from posturebreak.core.settings import IconTheme
from posturebreak.resources import resource_path

_SYMBOL_COLOURS = {IconTheme.LIGHT: "#ffffff", IconTheme.DARK: "#202124"}
_SIZES = (16, 22, 24, 32, 48, 64, 128)


def tray_icons(theme: IconTheme) -> tuple[QIcon, QIcon]:
    """The icons for running and paused reminders in ``theme``."""
    colour = _SYMBOL_COLOURS.get(theme)
    if colour is None:
        return (
            QIcon(str(resource_path("icons/posture-break.svg"))),
            QIcon(str(resource_path("icons/posture-break-paused.svg"))),
        )
    return (
        _symbol("icons/posture-break-symbolic.svg", colour),
        _symbol("icons/posture-break-paused-symbolic.svg", colour),
    )


def _symbol(name: str, colour: str) -> QIcon:
    svg = resource_path(name).read_text(encoding="utf-8").replace("#000000", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
