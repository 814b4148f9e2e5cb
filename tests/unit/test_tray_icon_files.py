"""The tray icons' PNGs are there for every theme, state and size, rendered from the SVGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from posturebreak.core.settings import IconTheme
from posturebreak.ui.icons import app_icon, tray_icons

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_pngs_match_their_svgs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_tray_icons"), "--check"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_icon_is_sharp_at_each_size_on_normal_and_double_density_screens(
    qtbot: QtBot,
) -> None:
    for theme in IconTheme:
        for icon in (*tray_icons(theme), app_icon()):
            for size in (16, 22, 24, 32, 48, 64):
                for ratio in (1.0, 2.0):
                    pixmap = icon.pixmap(QSize(size, size), ratio)
                    assert pixmap.width() == size * ratio, (theme, size, ratio)
