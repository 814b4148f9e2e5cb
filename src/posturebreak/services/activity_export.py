"""Saves an export of the activity log to a file chosen by the user.

A plain file is replaced in one step, so a full disk never leaves half an
export behind; a new one is private (0600), an existing one keeps its mode.
Symlinks are followed to the file they name. A FIFO or a device (a terminal,
``/dev/full``) is written to directly, as the shell's ``>`` would; like ``>``,
opening a FIFO waits until something reads from it (Ctrl+C stops the wait).
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from posturebreak.core.comfort import CheckIn
from posturebreak.core.events import LoggedEvent
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.services.atomic_file import replaced_atomically
from posturebreak.services.private_files import NotRegularFileError


def export_to_file(
    events: Iterable[LoggedEvent],
    path: Path,
    form: ExportFormat,
    check_ins: Iterable[CheckIn] = (),
) -> int:
    """Writes ``events`` and ``check_ins`` to ``path``; returns how many events.

    Raises OSError naming ``path`` (an old plain file is then left as it was).
    """
    try:
        kind = path.stat().st_mode
    except FileNotFoundError:
        kind = None  # a new file, perhaps behind a symlink that names it
    try:
        if kind is not None and stat.S_ISDIR(kind):
            raise NotRegularFileError(path, "a folder")
        if kind is None or stat.S_ISREG(kind):
            target = Path(os.path.realpath(path))
            mode = None if kind is None else stat.S_IMODE(kind)
            with replaced_atomically(target, mode) as binary:
                return _write(events, check_ins, binary, form)
        with open(os.open(path, os.O_WRONLY), "wb") as stream:  # waits for a FIFO's reader
            return _write(events, check_ins, stream, form)
    except OSError as error:
        if error.filename is None or error.filename != str(path):
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        raise


def _write(
    events: Iterable[LoggedEvent],
    check_ins: Iterable[CheckIn],
    binary: BinaryIO,
    form: ExportFormat,
) -> int:
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    try:
        count = write_export(events, text, form, check_ins)
        text.flush()
    finally:
        text.detach()  # the caller closes the binary file (and finishes an atomic replace)
    return count
