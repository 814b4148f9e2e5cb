"""Dialog buttons carry text only: no fallback icons."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProxyStyle, QStyle
from pytestqt.qtbot import QtBot

from posturebreak.ui.style import use_plain_buttons


def test_dialog_buttons_have_no_icons_and_the_style_is_kept(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.style()
    name = before.name()
    use_plain_buttons(app)
    try:
        hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
        assert app.style().styleHint(hint) == 0
        style = app.style()
        assert isinstance(style, QProxyStyle) and style.baseStyle().name() == name
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        qtbot.addWidget(buttons)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None and ok.icon().isNull()
    finally:
        app.setStyle(name)
