"""Writing a file so that a crash or a full disk never leaves half of it behind."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)


@contextlib.contextmanager
def replaced_atomically(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A file for ``path``'s new contents; ``path`` is replaced only if the block succeeds.

    The new file is private (0600) unless ``mode`` says otherwise.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    and only then renamed over the target; the folder is synced so the rename
    itself survives a power cut. On any error the target is left as it was,
    the temporary file is removed, and the error (OSError for a bad disk) rises.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=_temp_prefix(path), suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            if mode is not None:
                os.chmod(temp_name, mode)
            yield temp
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _sync_folder(path.parent)


def write_atomically(path: Path, data: bytes) -> None:
    """Replaces ``path`` with ``data`` in one step, or leaves it as it was and raises OSError."""
    with replaced_atomically(path) as file:
        file.write(data)


def remove_leftovers(path: Path) -> int:
    """Removes the temporary files of ``path``'s saves that a killed process left behind;
    returns how many. Call it only while no other process may be saving ``path``.

    A save cut short by ``kill -9`` or a power cut never reaches its clean-up, and
    each would otherwise leave one more hidden file in the user's folder for good.
    """
    removed = 0
    for leftover in path.parent.glob(f"{_temp_prefix(path)}*.tmp"):
        try:
            if not stat.S_ISREG(leftover.lstat().st_mode):
                continue  # not a file of ours: leave it alone
            leftover.unlink()
        except OSError as error:
            log.warning("Could not remove %s, left by an interrupted save: %s", leftover, error)
            continue
        removed += 1
    if removed:
        log.info("Removed %d temporary file(s) of interrupted saves of %s", removed, path)
    return removed


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for syncing; its rename is already durable
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
