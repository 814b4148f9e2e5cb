"""The app's look: the system's own style, without Qt's fallback icons on dialog buttons.

Where the desktop has no icon theme, Qt paints its built-in pictures (a green
arrow on OK, a red cross on Cancel) on dialog buttons; they look dated next to
any modern desktop, so buttons carry text only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle


class _PlainButtons(QProxyStyle):
    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:  # noqa: N802  (Qt's name)
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return int(super().styleHint(hint, *args))


def use_plain_buttons(app: QApplication) -> None:
    """Keeps the current style, minus icons on dialog buttons."""
    app.setStyle(_PlainButtons(app.style().name()))
