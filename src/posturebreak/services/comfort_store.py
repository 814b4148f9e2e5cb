"""Comfort check-ins in the activity database: saved one per local day, read back for the
history window, ``stats``, the export and the stool trial.

The table is created by the activity store's migrations (see
:mod:`~posturebreak.services.comfort_schema`). Times are kept in UTC with the
local offset, and the local day is the key, so a second answer the same day
replaces the first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from posturebreak.core.comfort import CheckIn
from posturebreak.core.statistics import Period
from posturebreak.i18n import _
from posturebreak.services.activity_store import ActivityLogError, database_errors, transaction

_COLUMNS = "local_day, comfort, note, stool_setting, answered_utc, utc_offset_minutes"


class ComfortLog:
    """Reads and writes check-ins through a connection to the activity database.

    ``connection`` is called for every use (the app's store reopens after a
    disk failure); every failure comes out as :class:`ActivityLogError`.
    """

    def __init__(self, connection: Callable[[], sqlite3.Connection], path: Path) -> None:
        self._connection = connection
        self._path = path

    def save(self, check_in: CheckIn) -> None:
        """Keeps ``check_in`` as its day's answer, replacing an earlier one."""
        local = check_in.answered_at.astimezone()
        offset = local.utcoffset() or timedelta()
        row = (
            check_in.day.isoformat(),
            check_in.comfort,
            check_in.note,
            check_in.stool_setting,
            check_in.answered_at.astimezone(UTC).isoformat(timespec="seconds"),
            round(offset.total_seconds() / 60),
        )
        try:
            connection = self._connection()
            with transaction(connection):
                connection.execute(
                    f"INSERT OR REPLACE INTO comfort_check_ins ({_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    row,
                )
        except database_errors() as error:
            raise ActivityLogError(
                _("Your check-in could not be saved to {file} ({reason}).").format(
                    file=self._path, reason=error
                )
            ) from error

    def on(self, day: date) -> CheckIn | None:
        """The day's answer, if there is one."""
        answers = self.between(Period(day, day))
        return answers[0] if answers else None

    def between(self, period: Period) -> list[CheckIn]:
        """The answers of ``period``'s days, oldest first."""
        return self._read(
            "WHERE local_day BETWEEN ? AND ? ORDER BY local_day",
            (period.first.isoformat(), period.last.isoformat()),
        )

    def since(self, first_day: date | None = None) -> list[CheckIn]:
        """Every answer from ``first_day`` on (or all): one short row a day."""
        return self._read(
            "WHERE local_day >= ? ORDER BY local_day", ((first_day or date.min).isoformat(),)
        )

    def stool_settings_used(self) -> dict[date, str]:
        """The stool setting each answered day recorded, for the next day's suggestion."""
        return {
            answer.day: answer.stool_setting
            for answer in self.since()
            if answer.stool_setting is not None
        }

    def done_per_day(self, period: Period) -> dict[date, int]:
        """Breaks done each day of ``period`` (natural breaks included), as the streaks count
        them."""
        rows = self._query(
            "SELECT local_day, done FROM done_per_day WHERE local_day BETWEEN ? AND ?",
            (period.first.isoformat(), period.last.isoformat()),
        )
        return {date.fromisoformat(day): count for day, count in rows}

    def _read(self, where: str, parameters: tuple[str, ...]) -> list[CheckIn]:
        rows = self._query(f"SELECT {_COLUMNS} FROM comfort_check_ins {where}", parameters)
        return [_check_in(row) for row in rows]

    def _query(self, sql: str, parameters: tuple[str, ...]) -> list[tuple[Any, ...]]:
        try:
            return self._connection().execute(sql, parameters).fetchall()
        except database_errors() as error:
            raise ActivityLogError.unreadable(self._path, error) from error


def _check_in(row: tuple[Any, ...]) -> CheckIn:
    day, comfort, note, setting, answered, offset = row
    return CheckIn(
        day=date.fromisoformat(day),
        comfort=comfort,
        answered_at=datetime.fromisoformat(answered).astimezone(
            timezone(timedelta(minutes=offset))
        ),
        note=note,
        stool_setting=setting,
    )
