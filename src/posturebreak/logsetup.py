"""Logging to a rotating file in the log folder, and to stderr with ``--verbose``."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "posture-break.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path, *, verbose: bool) -> Path | None:
    """Sets up the root logger; returns the log file, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter(_FORMAT)
    log_file: Path | None = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        # A read-only or full disk must not stop reminders; say so on stderr instead.
        print(f"posture-break: cannot write log file in {log_dir}: {error}", file=sys.stderr)
        log_file = None
    else:
        file_handler.setFormatter(formatter)
        root.addHandler(file_handler)
    if verbose or log_file is None:
        stream_handler = logging.StreamHandler(sys.stderr)
        stream_handler.setFormatter(formatter)
        root.addHandler(stream_handler)
    return log_file
