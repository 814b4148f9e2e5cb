"""Writes the activity log as CSV or JSON for the user's own records and spreadsheets.

Times are written in the user's local time with its UTC offset, as they were
when each event happened. CSV text cells that a spreadsheet would take for a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
get a leading apostrophe, so an exported file can never run anything when
opened. Both writers stream, so exporting years of events uses little memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TextIO

from posturebreak.core.events import LoggedEvent

EXPORT_FORMAT_VERSION = 1
COLUMNS = (
    "id",
    "kind",
    "exercise",
    "due",
    "shown",
    "local_day",
    "shown_as",
    "outcome",
    "outcome_at",
    "corrected_from",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def spreadsheet_safe(cell: str) -> str:
    """``cell``, neutralised if a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def export_record(logged: LoggedEvent) -> dict[str, str | int | None]:
    """One event as the columns of an export."""
    event = logged.event
    return {
        "id": logged.id,
        "kind": event.kind,
        "exercise": event.exercise_id,
        "due": event.due_at.isoformat(),
        "shown": event.shown_at.isoformat(),
        "local_day": logged.local_day.isoformat(),
        "shown_as": event.how_shown,
        "outcome": event.outcome.value,
        "outcome_at": event.outcome_at.isoformat(),
        "corrected_from": None if logged.corrected_from is None else logged.corrected_from.value,
    }


def write_export(events: Iterable[LoggedEvent], stream: TextIO, form: ExportFormat) -> int:
    """Writes ``events`` to ``stream`` in ``form``; returns how many were written."""
    if form is ExportFormat.CSV:
        return _write_csv(events, stream)
    return _write_json(events, stream)


def _write_csv(events: Iterable[LoggedEvent], stream: TextIO) -> int:
    import csv  # here, not at the top: the app imports ExportFormat at start

    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for logged in events:
        writer.writerow(
            spreadsheet_safe(value) if isinstance(value, str) else value
            for value in export_record(logged).values()
        )
        count += 1
    return count


def _write_json(events: Iterable[LoggedEvent], stream: TextIO) -> int:
    import json

    stream.write(f'{{"format": "posture-break-activity", "version": {EXPORT_FORMAT_VERSION}, ')
    stream.write('"events": [')
    count = 0
    for logged in events:
        stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(export_record(logged)))
        count += 1
    stream.write("\n]}\n" if count else "]}\n")
    return count
