"""The way of every reminder: due → decide → notification and/or break window → log.

The scheduler says which kinds are due (several at once when they fall within
a minute of each other); :func:`~posturebreak.core.delivery.plan_delivery`
decides what each shows. This class gives them one notification, presents
their break windows one at a time, withdraws the notification once its
windows are answered, records every outcome (and natural breaks, taken away
from the computer), and snoozes on request.

A reminder whose ``action`` is not a break (the comfort check-in, the
workstation check) opens what :attr:`ReminderFlow.actions` registers for it
when the user answers its window with Start; with nothing registered it is a
plain reminder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal

from posturebreak.core.clock import Clock, TimeScale
from posturebreak.core.delivery import Delivery, notification_text, plan_delivery
from posturebreak.core.events import BreakRequest, EventSink, Outcome, ReminderEvent
from posturebreak.core.reminders import (
    SHIPPED_REMINDERS,
    NotificationStyle,
    ReminderAction,
    ReminderDefinition,
    ReminderId,
    display_name,
    reminder_message,
)
from posturebreak.core.rotation import ExerciseRotation
from posturebreak.core.settings import Settings, WhileBusy
from posturebreak.services.busy_watch import BusyWatch
from posturebreak.services.notify import Notification, NotificationService, Urgency, Withdraw
from posturebreak.services.scheduler import ReminderScheduler
from posturebreak.ui.break_windows import BreakWindows

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
        busy: BusyWatch,
        actions: Mapping[ReminderAction, Callable[[], object]] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # What answering a reminder with each action opens (the app registers dialogs).
        self.actions: dict[ReminderAction, Callable[[], object]] = dict(actions or {})
        self._clock = clock
        self._time_scale = time_scale
        self._settings = settings
        self._rotation = rotation
        self._notifier = notifier
        self._windows = windows
        self._events = events
        self._scheduler = scheduler
        self._busy = busy
        # A line a kind's notification adds, such as the foot-stool trial's setting of the day.
        self.addenda: dict[ReminderId, Callable[[], str]] = {}
        # Break windows held while the user is busy, whose notification came quietly.
        self._held_windows: dict[ReminderId, BreakRequest] = {}
        # The notification that goes with each kind's break window, until it is answered.
        self._withdraw: dict[ReminderId, Withdraw] = {}
        scheduler.reminders_due.connect(self.remind)
        scheduler.natural_break.connect(self.record_natural_break)
        windows.answered.connect(self._answered)
        busy.released.connect(self._released)

    def remind(self, due: Sequence[tuple[ReminderId, datetime]]) -> None:
        """Gives reminders due together (one notification, windows one at a time), each
        as the user's style for its kind says, with the next exercise; holds them while
        the user is busy."""
        reason = self._busy.reason()
        if reason is None:
            self._give(self._requests(due))
            return
        if self._settings().schedule.notifications_while_busy is WhileBusy.WAIT:
            for kind, due_at in due:
                self._busy.hold(kind, due_at, reason)
            return
        requests = self._requests(due)
        self._notify([r for r, delivery in requests if delivery.notification], Urgency.LOW)
        for request, delivery in requests:
            if delivery.window:  # the window waits; its notification came quietly
                self._held_windows[request.kind] = request
                self._busy.hold(request.kind, request.due_at, reason)
            else:
                self.record(request.answered(Outcome.NOTIFIED, request.shown_at))

    def _released(self, released: Sequence[tuple[ReminderId, datetime]]) -> None:
        """The user is free again: each held reminder comes once."""
        waiting = [
            self._held_windows.pop(kind) for kind, _ in released if kind in self._held_windows
        ]
        for request in waiting:
            self._windows.present(request)
        given = {request.kind for request in waiting}
        self._give(self._requests([(kind, at) for kind, at in released if kind not in given]))

    def _requests(
        self, due: Sequence[tuple[ReminderId, datetime]]
    ) -> list[tuple[BreakRequest, Delivery]]:
        """What to show for each due kind, with its next exercise; none for a kind whose
        window is already open or waiting."""
        requests = []
        for kind, due_at in due:
            reminder = self._reminder(kind)
            if reminder is None:
                log.info("No reminder %s any more; not reminding", kind)
                continue
            already_open = self._windows.holds(kind) or kind in self._held_windows
            delivery = plan_delivery(reminder.style, already_open)
            if delivery is None:
                log.info("The %s break window is already open; not reminding again", kind)
                continue
            opens = reminder.action in self.actions
            if opens:  # its window's Start is how the user gets to the dialog
                delivery = Delivery(delivery.notification, window=True)
            request = BreakRequest(
                kind=kind,
                exercise=None
                if opens
                else self._rotation.next(kind, reminder.categories, reminder.break_seconds),
                due_at=due_at,
                shown_at=self._clock.now(),
                shown_as=reminder.style,
                break_length=self._time_scale.apply(timedelta(seconds=reminder.break_seconds)),
                snooze_length=self._time_scale.apply(timedelta(minutes=reminder.snooze_minutes)),
                # In the user's language when shipped; the user's own words as written.
                name=display_name(reminder),
                message=reminder_message(reminder),
                action=reminder.action if opens else ReminderAction.BREAK,
            )
            requests.append((request, delivery))
        return requests

    def _reminder(self, kind: ReminderId) -> ReminderDefinition | None:
        """The reminder as now defined (a shipped one given by hand though deleted: as
        shipped)."""
        return self._settings().reminder(kind) or SHIPPED_REMINDERS.get(kind)

    def _give(self, requests: Sequence[tuple[BreakRequest, Delivery]]) -> None:
        self._notify([request for request, delivery in requests if delivery.notification])
        for request, delivery in requests:
            if delivery.window:
                self._windows.present(request)
            else:
                self.record(request.answered(Outcome.NOTIFIED, request.shown_at))

    def _notify(self, requests: Sequence[BreakRequest], urgency: Urgency = Urgency.NORMAL) -> None:
        """One notification for ``requests``; kept to withdraw once their windows are answered."""
        if not requests:
            return
        title, body = notification_text([(_definition(r), r.exercise) for r in requests])
        extra = [self.addenda[r.kind]() for r in requests if r.kind in self.addenda]
        body = "\n".join(line for line in (body, *extra) if line)
        shown = self._notifier.show(Notification(title, body, urgency))
        if shown is not None and shown.withdraw is not None:
            for request in requests:
                if request.shown_as.shows_popup:
                    self._withdraw[request.kind] = shown.withdraw

    def take_break_now(self, kind: ReminderId = "stretch") -> None:
        """Gives a reminder of ``kind`` at once and restarts its countdown."""
        self._scheduler.remind_now(kind)

    def record_natural_break(self, kind: ReminderId, since: datetime, back: datetime) -> None:
        """Logs a break the user took away from the computer (idle, asleep) as a natural one."""
        reminder = self._reminder(kind)
        style = reminder.style if reminder else NotificationStyle.NOTIFICATION
        self.record(ReminderEvent(kind, None, since, since, style, Outcome.NATURAL_BREAK, back))

    def record(self, event: ReminderEvent) -> None:
        self._events.record(event)
        self.recorded.emit()

    def _answered(self, request: BreakRequest, outcome: Outcome, at: datetime) -> None:
        withdraw = self._withdraw.pop(request.kind, None)
        if withdraw is not None and withdraw not in self._withdraw.values():
            withdraw()  # every window it spoke of is answered: it has nothing left to say
        self.record(request.answered(outcome, at))
        if outcome is Outcome.SNOOZED:
            self._scheduler.snooze(request.kind, request.snooze_length)
        opens = self.actions.get(request.action)
        if outcome is Outcome.DONE and opens is not None:
            opens()

    def stop(self) -> None:
        """Closes break windows unanswered and takes their notifications back (quitting)."""
        self._windows.dismiss_all()
        for withdraw in self._withdraw.values():
            withdraw()
        self._withdraw.clear()


def _definition(request: BreakRequest) -> ReminderDefinition:
    """The words of the reminder a request was made for, as it was given."""
    return ReminderDefinition(request.kind, request.title, request.message)
