"""The way of every reminder: due → decide → notification and/or break window → log.

Breaks the user took away from the computer are logged here too, as natural breaks.

The scheduler says when a kind is due; :func:`~posturebreak.core.delivery.plan_delivery`
decides what to show; this class shows it, withdraws the notification once its
break window is answered, records every outcome, and snoozes on request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from posturebreak.core.clock import Clock, TimeScale
from posturebreak.core.delivery import notification_text, plan_delivery
from posturebreak.core.events import BreakRequest, EventSink, Outcome, ReminderEvent
from posturebreak.core.reminders import REMINDERS, ReminderKind
from posturebreak.core.rotation import ExerciseRotation
from posturebreak.core.settings import Settings
from posturebreak.services.notify import Notification, NotificationService, Withdraw
from posturebreak.services.scheduler import ReminderScheduler
from posturebreak.ui.break_popup import BreakWindows

log = logging.getLogger(__name__)


class ReminderFlow(QObject):
    """Gives each due reminder as the user's settings say and logs what became of it."""

    recorded = Signal()  # an event was logged

    def __init__(
        self,
        *,
        clock: Clock,
        time_scale: TimeScale,
        settings: Callable[[], Settings],
        rotation: ExerciseRotation,
        notifier: NotificationService,
        windows: BreakWindows,
        events: EventSink,
        scheduler: ReminderScheduler,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._time_scale = time_scale
        self._settings = settings
        self._rotation = rotation
        self._notifier = notifier
        self._windows = windows
        self._events = events
        self._scheduler = scheduler
        # The notification that goes with each kind's break window, until it is answered.
        self._withdraw: dict[ReminderKind, Withdraw] = {}
        scheduler.reminder_due.connect(self.remind)
        scheduler.natural_break.connect(self.record_natural_break)
        windows.answered.connect(self._answered)

    def remind(self, kind: ReminderKind, due_at: datetime) -> None:
        """Gives a reminder as the user's style for its kind says, with the next exercise."""
        settings = self._settings().reminders[kind]
        delivery = plan_delivery(settings.style, self._windows.holds(kind))
        if delivery is None:
            log.info("The %s break window is already open; not reminding again", kind)
            return
        exercise = self._rotation.next(kind, settings.break_seconds)
        request = BreakRequest(
            kind=kind,
            exercise=exercise,
            due_at=due_at,
            shown_at=self._clock.now(),
            shown_as=settings.style,
            break_length=self._time_scale.apply(timedelta(seconds=settings.break_seconds)),
            snooze_length=self._time_scale.apply(timedelta(minutes=settings.snooze_minutes)),
        )
        if delivery.notification:
            shown = self._notifier.show(Notification(*notification_text(REMINDERS[kind], exercise)))
            if delivery.window and shown is not None and shown.withdraw is not None:
                self._withdraw[kind] = shown.withdraw
        if delivery.window:
            self._windows.present(request)
        else:
            self.record(request.answered(Outcome.NOTIFIED, request.shown_at))

    def take_break_now(self, kind: ReminderKind = ReminderKind.STRETCH) -> None:
        """Gives a reminder of ``kind`` at once and restarts its countdown."""
        self._scheduler.remind_now(kind)

    def record_natural_break(self, kind: ReminderKind, since: datetime, back: datetime) -> None:
        """Logs a break the user took away from the computer (idle, asleep) as a natural one."""
        style = self._settings().reminders[kind].style
        self.record(ReminderEvent(kind, None, since, since, style, Outcome.NATURAL_BREAK, back))

    def record(self, event: ReminderEvent) -> None:
        self._events.record(event)
        self.recorded.emit()

    def _answered(self, request: BreakRequest, outcome: Outcome, at: datetime) -> None:
        withdraw = self._withdraw.pop(request.kind, None)
        if withdraw is not None:
            withdraw()  # the window is answered; its notification has nothing left to say
        self.record(request.answered(outcome, at))
        if outcome is Outcome.SNOOZED:
            self._scheduler.snooze(request.kind, request.snooze_length)

    def stop(self) -> None:
        """Closes break windows unanswered and takes their notifications back (quitting)."""
        self._windows.dismiss_all()
        for withdraw in self._withdraw.values():
            withdraw()
        self._withdraw.clear()
