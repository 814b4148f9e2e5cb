"""The tray icons' PNGs are there for every theme, state and size, rendered from the SVGs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
