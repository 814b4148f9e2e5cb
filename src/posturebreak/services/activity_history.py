"""The activity log as the history window reads and exports it.

Joins the store's open database, the clock (for "today" in the user's local
time), the settings in force (goal, working week) and the exercise catalogue
(for titles). Any read failure comes out as
:class:`~posturebreak.services.activity_store.ActivityLogError`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

from posturebreak.core.catalogue import Catalogue
from posturebreak.core.clock import Clock
from posturebreak.core.events import LoggedEvent
from posturebreak.core.export import ExportFormat
from posturebreak.core.reminders import ReminderId
from posturebreak.core.settings import Settings
from posturebreak.core.statistics import ActivitySummary, DayBar, Period, daily_bars
from posturebreak.services.activity_queries import ActivityReader, reading_from
from posturebreak.services.activity_store import ActivityStore
from posturebreak.services.export_job import ExportJob

RECENT_LIMIT = 200
# As many suggestions per reminder as the rotation keeps from coming back.
ROTATION_MEMORY = 5


class ActivityHistory:
    """Summary, chart bars, recent events and exercise titles for the history window."""

    def __init__(
        self,
        store: ActivityStore,
        clock: Clock,
        settings: Callable[[], Settings],
        catalogue: Catalogue,
    ) -> None:
        self._store = store
        self._clock = clock
        self._settings = settings
        self._catalogue = catalogue

    def today(self) -> date:
        return self._clock.now().astimezone().date()

    def summary(self) -> ActivitySummary:
        with self._reading() as reader:
            return reader.summary(self.today(), self._settings())

    def bars(self, days: int) -> list[DayBar]:
        period = Period.last_days(days, self.today())
        with self._reading() as reader:
            return daily_bars(reader.tallies(period.first, period.last), period)

    def recent(self, kind: ReminderId | None = None) -> list[LoggedEvent]:
        with self._reading() as reader:
            return reader.recent(RECENT_LIMIT, kind)

    def suggested_last(self) -> dict[ReminderId, list[str]]:
        """What each reminder suggested last, oldest first, to seed the rotation."""
        with self._reading() as reader:
            return reader.suggested_last(ROTATION_MEMORY)

    def exercise_title(self, exercise_id: str | None) -> str:
        """The exercise's title, or its id if the catalogue no longer has it."""
        if exercise_id is None:
            return ""
        exercise = self._catalogue.exercises.get(exercise_id)
        return exercise.title if exercise else exercise_id

    def export(self, path: Path, form: ExportFormat) -> ExportJob:
        """A job, not yet started, that writes the whole log to ``path`` on its own thread."""
        return ExportJob(self._store.path, path, form)

    def _reading(self) -> AbstractContextManager[ActivityReader]:
        return reading_from(self._store.connection(), self._store.path)
