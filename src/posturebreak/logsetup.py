"""Logging to a private rotating file in the log folder, and to stderr with ``--verbose``.

Errors that nothing catches, in plain code or in a Qt slot, and Qt's own
warnings go to the same file, so a user's log explains a problem on its own.
"""

from __future__ import annotations

import logging
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from posturebreak.i18n import _
from posturebreak.services.private_files import make_private_folder, open_regular

LOG_FILE_NAME = "posture-break.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Creates the log and every rotated file 0600, and never waits on a FIFO in its place."""

    def _open(self) -> TextIOWrapper:
        return open(
            self.baseFilename,
            "a",  # what RotatingFileHandler always uses once it rotates by size
            encoding=self.encoding,
            errors=self.errors,
            opener=open_regular,
        )


def configure_logging(log_dir: Path, *, verbose: bool) -> Path | None:
    """Sets up the root logger; returns the log file, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(_FORMAT)
    log_file: Path | None = log_dir / LOG_FILE_NAME
    try:
        make_private_folder(log_dir)
        file_handler = _PrivateRotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        # A read-only or full disk must not stop reminders; say so on stderr instead.
        cannot = _("posture-break: cannot write log file in {folder}: {reason}")
        print(cannot.format(folder=log_dir, reason=error), file=sys.stderr)
        log_file = None
    else:
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    if verbose or log_file is None:
        stream_handler = logging.StreamHandler(sys.stderr)
        stream_handler.setFormatter(formatter)
        root.addHandler(stream_handler)
    return log_file


def log_uncaught_exceptions() -> None:
    """Sends every uncaught exception to the log instead of only to stderr.

    PySide6 reports an exception raised in a slot through ``sys.excepthook``
    too, and then goes on with the event loop, so the app survives it.
    """
    sys.excepthook = _log_exception


def _log_exception(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log.critical("Uncaught exception", exc_info=(kind, error, trace))
