"""Things that are not plain files, put where the app expects one."""

from __future__ import annotations

import os
from pathlib import Path

SPECIAL_KINDS = ("fifo", "folder", "device")


def make_special(path: Path, kind: str) -> None:
    """A FIFO, a folder, or a symlink to ``/dev/zero`` (endless bytes) at ``path``."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
