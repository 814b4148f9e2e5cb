"""Writes an export of the activity log on its own thread, so that a century of
events never freezes the window that asked for it.

The thread opens its own SQLite connection (a connection belongs to the thread
that made it), reads the log a chunk at a time and says how far it got. The
user may cancel: a plain file is then left as it was, since its atomic
replacement is abandoned. Quitting the app cancels a running export and gives
it a moment to remove its unfinished file. The thread is a daemon, so an
export stuck on a FIFO that nobody reads never keeps the app from quitting
(a QThread would have to be waited for).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from posturebreak.core.events import LoggedEvent
from posturebreak.core.export import ExportFormat
from posturebreak.i18n import _, formats, ngettext
from posturebreak.services.activity_export import export_to_file
from posturebreak.services.activity_queries import reading
from posturebreak.services.activity_store import ActivityLogError
from posturebreak.services.comfort_store import ComfortLog

log = logging.getLogger(__name__)

PROGRESS_EVERY = 5000  # events between two progress reports
QUIT_WAIT_SECONDS = 2.0


class ExportCancelledError(Exception):
    """The user stopped the export."""


class ExportJob(QObject):
    """One export of the whole log to ``target``; :meth:`start` runs it."""

    progress = Signal(int, int)  # events written so far, events in all
    ended = Signal(str, bool)  # what happened, for the user; whether it failed

    def __init__(self, database: Path, target: Path, form: ExportFormat) -> None:
        super().__init__()
        self.database = database
        self.target = target
        self.form = form
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, name="export", daemon=True)

    def start(self) -> None:
        """Runs the export on its own thread; quitting the app stops it."""
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self.stop)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Asks the export to stop at the next event; :attr:`ended` says when it has."""
        self._cancelled.set()

    def stop(self) -> None:
        """Cancels the export and waits a moment for its thread to clean up and end."""
        self.cancel()
        if self._thread.is_alive():
            self._thread.join(QUIT_WAIT_SECONDS)

    def _run(self) -> None:  # on the job's own thread
        try:
            with reading(self.database) as reader:
                total = reader.count_since()
                self.progress.emit(0, total)
                check_ins = ComfortLog(lambda: reader.connection, self.database).since()
                count = export_to_file(
                    self._followed(reader.since(), total), self.target, self.form, check_ins
                )
            log.info("Exported %d events to %s", count, self.target)
            exported = ngettext(
                "Exported {count} event to {path}.", "Exported {count} events to {path}.", count
            )
            text, failed = exported.format(count=formats().integer(count), path=self.target), False
        except ExportCancelledError:
            log.info("Export to %s cancelled", self.target)
            text, failed = _("Export to {path} cancelled.").format(path=self.target), False
        except ActivityLogError as error:
            log.info("Export to %s failed: %s", self.target, error)
            text, failed = str(error), True
        except OSError as error:
            log.info("Export to %s failed: %s", self.target, error)
            cannot = _("The export could not be written to {path} ({error}).")
            text, failed = cannot.format(path=self.target, error=error), True
        self.ended.emit(text, failed)

    def _followed(self, events: Iterable[LoggedEvent], total: int) -> Iterator[LoggedEvent]:
        """``events``, reporting progress now and then and stopping when cancelled."""
        for number, event in enumerate(events, 1):
            if self._cancelled.is_set():
                raise ExportCancelledError
            yield event
            if number % PROGRESS_EVERY == 0:
                self.progress.emit(number, total)
