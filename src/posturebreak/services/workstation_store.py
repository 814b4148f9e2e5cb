"""Workstation checks on disk: the shipped checklist, and the checks in the activity log.

A check is written in one transaction with its answers, so a failing disk
never leaves half a check. Failures come back as
:class:`~posturebreak.services.activity_store.ActivityLogError` with a message
for the user; the dialog stays open with the answers so nothing is lost.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from posturebreak.core.workstation import (
    Answer,
    ChecklistItem,
    ItemAnswer,
    WorkstationCheck,
    parse_checklist,
)
from posturebreak.i18n import _
from posturebreak.resources import resource_path
from posturebreak.services.activity_store import (
    ActivityLogError,
    ActivityStore,
    database_errors,
    transaction,
)

log = logging.getLogger(__name__)

SHIPPED_CHECKLIST = "catalogue/workstation.toml"


def load_checklist() -> tuple[ChecklistItem, ...]:
    """The shipped checklist (a test proves it valid, so a fault here is a broken install)."""
    return parse_checklist(resource_path(SHIPPED_CHECKLIST).read_text("utf-8"), SHIPPED_CHECKLIST)


class WorkstationStore:
    """Workstation checks in the activity database the store opens."""

    def __init__(self, activity: ActivityStore) -> None:
        self._activity = activity

    def save(self, check: WorkstationCheck) -> None:
        """Adds ``check``; raises :class:`ActivityLogError` saying why it could not."""
        local = check.checked_at.astimezone()
        offset = local.utcoffset()
        failures: tuple[type[Exception], ...] = (ActivityLogError, *database_errors())
        try:
            connection = self._activity.connection()
            with transaction(connection):
                check_id = connection.execute(
                    "INSERT INTO workstation_checks (checked_utc, utc_offset_minutes, local_day) "
                    "VALUES (?, ?, ?)",
                    (
                        check.checked_at.astimezone(UTC).isoformat(timespec="seconds"),
                        round(offset.total_seconds() / 60) if offset is not None else 0,
                        local.date().isoformat(),
                    ),
                ).lastrowid
                connection.executemany(
                    "INSERT INTO workstation_answers (check_id, item, answer, note) "
                    "VALUES (?, ?, ?, ?)",
                    [
                        (check_id, item, given.answer.value, given.note)
                        for item, given in check.answers.items()
                    ],
                )
        except failures as error:
            self._activity.close()  # reopened on the next try: the disk may have come back
            cause = error.__cause__ if isinstance(error, ActivityLogError) else error
            raise ActivityLogError(
                _("Your workstation check could not be saved to {file} ({reason}).").format(
                    file=self._activity.path, reason=cause
                )
            ) from error
        log.info("Workstation check saved with %d answers", len(check.answers))

    def checks(self) -> list[WorkstationCheck]:
        """Every check, newest first; raises :class:`ActivityLogError`."""
        try:
            rows = (
                self._activity.connection()
                .execute(
                    "SELECT c.id, c.checked_utc, a.item, a.answer, a.note "
                    "FROM workstation_checks AS c "
                    "LEFT JOIN workstation_answers AS a ON a.check_id = c.id "
                    "ORDER BY c.checked_utc DESC, c.id DESC"
                )
                .fetchall()
            )
        except database_errors() as error:
            raise ActivityLogError.unreadable(self._activity.path, error) from error
        when: dict[int, datetime] = {}
        answers: dict[int, dict[str, ItemAnswer]] = {}
        for check_id, checked_utc, item, answer, note in rows:
            when[check_id] = datetime.fromisoformat(checked_utc)
            given = answers.setdefault(check_id, {})
            if item is not None:
                given[item] = ItemAnswer(Answer(answer), note)
        return [WorkstationCheck(when[check_id], answers[check_id]) for check_id in when]

    def latest(self) -> WorkstationCheck | None:
        """The newest check, or None before the first."""
        checks = self.checks()
        return checks[0] if checks else None
