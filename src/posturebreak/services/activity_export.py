"""Saves an export of the activity log to a file chosen by the user."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from posturebreak.core.events import LoggedEvent
from posturebreak.core.export import ExportFormat, write_export
from posturebreak.services.atomic_file import replaced_atomically


def export_to_file(events: Iterable[LoggedEvent], path: Path, form: ExportFormat) -> int:
    """Writes ``events`` to ``path``; returns how many. Raises OSError, leaving any old file."""
    with replaced_atomically(path) as binary:
        text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        try:
            count = write_export(events, text, form)
            text.flush()
        finally:
            text.detach()  # the binary file stays open for the atomic replace to finish
    return count
