"""Builds the project's wheel, as a release would, for tests of what an install gets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build_wheel(outdir: Path) -> Path:
    """The wheel built from this checkout into ``outdir``."""
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", outdir, ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = outdir.glob("posture_break-*.whl")
    return wheel
