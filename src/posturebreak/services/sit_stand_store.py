"""Sit/stand switches in the activity database: their table, writing and reading them.

A switch that cannot be written (disk full, read-only) waits in memory and is
tried again with the next one, like the reminder events; it is reported once.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING

from posturebreak.core.clock import local_datetime
from posturebreak.core.sit_stand import Posture, PostureSwitch, standing_per_day
from posturebreak.i18n import _
from posturebreak.services.activity_store import (
    ActivityLogError,
    ActivityStore,
    database_errors,
    transaction,
)

if TYPE_CHECKING:
    import sqlite3

log = logging.getLogger(__name__)

# Switches kept in memory while the disk fails: a few a day, so this is weeks.
MAX_PENDING_SWITCHES = 1000


def _iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def write_switches(connection: sqlite3.Connection, switches: list[PostureSwitch]) -> None:
    """Writes ``switches`` in one transaction."""
    rows = []
    for switch in switches:
        offset = switch.at.astimezone().utcoffset() or timedelta(0)
        rows.append((switch.posture.value, _iso_utc(switch.at), round(offset.total_seconds() / 60)))
    with transaction(connection):
        connection.executemany(
            "INSERT INTO posture_switches (posture, at_utc, utc_offset_minutes) VALUES (?, ?, ?)",
            rows,
        )


def read_switches(connection: sqlite3.Connection, start: datetime) -> list[PostureSwitch]:
    """The switches from ``start`` on, in time order, after the last one before it."""
    rows = connection.execute(
        "SELECT posture, at_utc, id FROM ("
        "    SELECT posture, at_utc, id FROM posture_switches WHERE at_utc < :start "
        "    ORDER BY at_utc DESC, id DESC LIMIT 1) "
        "UNION ALL SELECT posture, at_utc, id FROM posture_switches WHERE at_utc >= :start "
        "ORDER BY at_utc, id",
        {"start": _iso_utc(start)},
    ).fetchall()
    return [PostureSwitch(Posture(posture), datetime.fromisoformat(at)) for posture, at, _ in rows]


def standing_days(
    connection: sqlite3.Connection,
    first: date,
    last: date,
    now: datetime,
    zone: tzinfo | None = None,
) -> dict[date, timedelta]:
    """Time standing on each local day from ``first`` to ``last``, read from the log."""
    switches = read_switches(connection, local_datetime(first, time(0), zone))
    return standing_per_day(switches, first, last, now, zone)


def recent_standing(store: ActivityStore, now: datetime, days: int) -> dict[date, timedelta]:
    """Time standing on each of the last ``days`` local days (today included), for the
    history window; raises :class:`ActivityLogError`."""
    today = now.astimezone().date()
    try:
        return standing_days(store.connection(), today - timedelta(days=days - 1), today, now)
    except database_errors() as error:
        raise ActivityLogError.unreadable(store.path, error) from error


class SwitchLog:
    """Records switches into the activity database through the app's store."""

    def __init__(self, store: ActivityStore, on_failure: Callable[[str], None]) -> None:
        self._store = store
        self._on_failure = on_failure
        self._pending: deque[PostureSwitch] = deque(maxlen=MAX_PENDING_SWITCHES)
        self._failing = False

    @property
    def pending(self) -> int:
        return len(self._pending)

    def record(self, switch: PostureSwitch) -> None:
        self._pending.append(switch)
        failures: tuple[type[Exception], ...] = (ActivityLogError, *database_errors())
        try:
            write_switches(self._store.connection(), list(self._pending))
        except failures as error:
            self._store.close()  # reopened next time: the disk may have come back
            if not self._failing:
                self._failing = True
                log.error("Could not log a sit/stand switch: %s", error)
                self._on_failure(
                    _(
                        "Your sit/stand switches could not be saved to {file} ({reason}). "
                        "They wait in memory and are saved with the next one."
                    ).format(file=self._store.path, reason=error)
                )
            return
        self._failing = False
        self._pending.clear()
