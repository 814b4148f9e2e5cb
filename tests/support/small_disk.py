"""A small tmpfs mounted in a test's folder, to fill up or turn read-only like a real disk.

Root ignores permission bits, so ``chmod`` cannot make a folder unwritable for
the app in these tests; a read-only remount can, and a full tmpfs gives the
real ``ENOSPC``. Mounting needs root (or ``CAP_SYS_ADMIN``): without it the
tests skip with the reason, and under ``CI=true`` they fail.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.support.private_bus import require_tools

_FILLER = ".filler"


class SmallDisk:
    """The mounted tmpfs at ``mount_point``: fill it, free it, make it read-only or not."""

    def __init__(self, mount_point: Path) -> None:
        self.mount_point = mount_point

    def fill(self) -> int:
        """Writes a file until the disk is full; returns the bytes it took."""
        written = 0
        block = b"\0" * 4096
        with (self.mount_point / _FILLER).open("wb", buffering=0) as filler:
            while True:
                try:
                    written += filler.write(block) or 0
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    return written

    def free(self) -> None:
        (self.mount_point / _FILLER).unlink()

    def read_only(self, on: bool) -> None:
        _mount("-o", f"remount,{'ro' if on else 'rw'}", os.fspath(self.mount_point))


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, check=True)


@contextlib.contextmanager
def small_disk(mount_point: Path, size_kib: int) -> Iterator[SmallDisk]:
    """Mounts the tmpfs (skipping, or failing under CI, where mounting is not allowed) and
    always unmounts it after, whatever the test left open."""
    mount_point.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(mount_point))
    except (OSError, subprocess.CalledProcessError) as error:
        reason = getattr(error, "stderr", None) or error
        require_tools([f"mount -t tmpfs ({str(reason).strip()}; needs root)"])
    try:
        yield SmallDisk(mount_point)
    finally:
        done = subprocess.run(["umount", str(mount_point)], capture_output=True, check=False)
        if done.returncode != 0:  # still busy: detach it now, the kernel frees it when idle
            subprocess.run(["umount", "--lazy", str(mount_point)], check=True)
