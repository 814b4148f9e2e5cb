"""Writes the activity log as CSV or JSON for the user's own records and spreadsheets.

Times are written in the user's local time with its UTC offset, as they were
when each event happened. CSV text cells that a spreadsheet would take for a
formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
get a leading apostrophe, so an exported file can never run anything when
opened. Both writers stream, so exporting years of events uses little memory.

Comfort check-ins come after the events: in CSV as rows of kind
``comfort_check_in`` with the comfort, note and stool setting in columns of
their own (empty for events); in JSON as a ``comfort`` list.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TextIO

from posturebreak.core.comfort import CheckIn
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
    "comfort",
    "comfort_note",
    "stool_setting",
)
CHECK_IN_KIND = "comfort_check_in"
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


def check_in_record(check_in: CheckIn) -> dict[str, str | int | None]:
    """One comfort check-in as JSON writes it."""
    return {
        "local_day": check_in.day.isoformat(),
        "comfort": check_in.comfort,
        "note": check_in.note,
        "stool_setting": check_in.stool_setting,
        "answered_at": check_in.answered_at.isoformat(),
    }


def _check_in_row(check_in: CheckIn) -> dict[str, str | int | None]:
    """One comfort check-in in the CSV's columns."""
    return {
        "kind": CHECK_IN_KIND,
        "shown": check_in.answered_at.isoformat(),
        "local_day": check_in.day.isoformat(),
        "outcome": "answered",
        "comfort": check_in.comfort,
        "comfort_note": check_in.note,
        "stool_setting": check_in.stool_setting,
    }


def write_export(
    events: Iterable[LoggedEvent],
    stream: TextIO,
    form: ExportFormat,
    check_ins: Iterable[CheckIn] = (),
) -> int:
    """Writes ``events``, then ``check_ins``, to ``stream`` in ``form``; returns how many
    events were written."""
    if form is ExportFormat.CSV:
        return _write_csv(events, check_ins, stream)
    return _write_json(events, check_ins, stream)


def _write_csv(events: Iterable[LoggedEvent], check_ins: Iterable[CheckIn], stream: TextIO) -> int:
    import csv  # here, not at the top: the app imports ExportFormat at start

    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0

    def write(record: dict[str, str | int | None]) -> None:
        values = (record.get(column) for column in COLUMNS)
        writer.writerow(
            spreadsheet_safe(value) if isinstance(value, str) else value for value in values
        )

    for logged in events:
        write(export_record(logged))
        count += 1
    for check_in in check_ins:
        write(_check_in_row(check_in))
    return count


def _write_json(events: Iterable[LoggedEvent], check_ins: Iterable[CheckIn], stream: TextIO) -> int:

    stream.write(f'{{"format": "posture-break-activity", "version": {EXPORT_FORMAT_VERSION}, ')
    count = _write_json_list(stream, "events", map(export_record, events))
    stream.write(", ")
    _write_json_list(stream, "comfort", map(check_in_record, check_ins))
    stream.write("}\n")
    return count


def _write_json_list(
    stream: TextIO, name: str, records: Iterable[dict[str, str | int | None]]
) -> int:
    """``"name": [...]`` with one record a line, streamed; returns how many."""
    import json

    stream.write(f'"{name}": [')
    count = 0
    for record in records:
        stream.write(("\n  " if count == 0 else ",\n  ") + json.dumps(record))
        count += 1
    stream.write("\n]" if count else "]")
    return count
