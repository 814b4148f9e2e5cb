"""The user's health data stays the user's: private folders and files, and only plain files.

Breaks taken, skipped and ignored are health-related, so every folder the app
owns is created 0700 and every file 0600 whatever the umask, and looser modes
left by older versions are tightened at start. Only things the user owns are
ever changed, never through a symlink, and never a parent folder.

Reading a file that turned out to be a FIFO or a device would block start-up
forever, so files are opened non-blocking and checked with ``fstat`` before a
byte is read; anything but a plain file raises :class:`NotRegularFileError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from posturebreak.i18n import N_, _

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_OTHERS = 0o077  # the group and world bits that are taken away
_POSIX = os.name == "posix"


class NotRegularFileError(OSError):
    """Something other than a plain file (a FIFO, a folder, a device) is where a file belongs."""

    def __init__(self, path: Path | str, what: str) -> None:
        super().__init__(errno.EINVAL, f"is {what}, not a file", str(path))
        self.what = what

    def __str__(self) -> str:
        return what_is_there(self.filename, self.what)


def open_regular(path: Path | str, flags: int) -> int:
    """Opens ``path`` like :func:`os.open`, refusing (without blocking) anything but a plain file.

    A file created here is private (0600). Symlinks are followed. Also an
    ``opener`` for :func:`open`. Raises :class:`NotRegularFileError` or OSError.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting
    flags |= nonblocking | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    except IsADirectoryError:
        raise NotRegularFileError(path, "a folder") from None
    try:
        kind = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(kind):
            raise NotRegularFileError(path, _describe(kind))
        if nonblocking:
            os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_regular(path: Path, limit: int = -1) -> bytes:
    """The plain file ``path`` (at most ``limit`` bytes); raises NotRegularFileError or OSError."""
    with os.fdopen(open_regular(path, os.O_RDONLY), "rb") as file:
        return file.read(limit)


def make_private_folder(folder: Path) -> None:
    """Creates ``folder`` 0700 (its parents as usual) and tightens it and the files in it.

    Raises OSError when the folder cannot be created.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_FOLDER_MODE)
    if not _POSIX:
        return
    tighten(folder)
    for entry in os.scandir(folder):
        if entry.is_file(follow_symlinks=False):
            tighten(Path(entry.path))


def tighten(path: Path) -> None:
    """Takes group and world access from a folder or plain file the user owns; never raises.

    Symlinks, other people's files and anything that cannot be changed are left alone.
    """
    if not _POSIX:
        return
    try:
        info = os.lstat(path)
    except OSError:
        return
    if info.st_uid != os.geteuid() or not (info.st_mode & _OTHERS):
        return
    if stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode):
        _tighten(path, stat.S_IMODE(info.st_mode) & ~_OTHERS)


def _tighten(path: Path, mode: int) -> None:
    # A read-only disk or a foreign file system refuses: the data is still there to use.
    with contextlib.suppress(OSError):
        os.chmod(path, mode)  # checked with lstat just before: not a symlink


def what_is_there(name: object, what: str) -> str:
    """The sentence for the user: ``name`` is ``what`` (as :func:`_describe` says), not a file."""
    # Translators: {what} is one of "a folder", "a named pipe (FIFO)", "a socket",
    # "a device", "something special".
    return _("{file} is {what}, not a file").format(file=name, what=_(what))


def _describe(kind: int) -> str:
    if stat.S_ISDIR(kind):
        return N_("a folder")
    if stat.S_ISFIFO(kind):
        return N_("a named pipe (FIFO)")
    if stat.S_ISSOCK(kind):
        return N_("a socket")
    if stat.S_ISCHR(kind) or stat.S_ISBLK(kind):
        return N_("a device")
    return N_("something special")
