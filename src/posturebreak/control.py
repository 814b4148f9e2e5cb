"""Carries out the control socket's commands on the running app, and says what it did.

Requests are checked first (:func:`posturebreak.core.commands.parse_request`);
a bad one raises :class:`~posturebreak.core.commands.BadRequestError`, which
the socket server answers as an error. Every good command replies with a
sentence for the person who typed it and the app's state for ``status --json``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from posturebreak import APP_NAME
from posturebreak.core.clock import Clock
from posturebreak.core.commands import (
    Command,
    ControlRequest,
    DoNotDisturbUntil,
    parse_request,
    unknown_reminder,
)
from posturebreak.core.pack_timer import PackTimer
from posturebreak.core.reminders import reminder_name
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.status import pack_status
from posturebreak.services.control_socket import Reply, Request
from posturebreak.services.notify import Notification

if TYPE_CHECKING:
    from posturebreak.app import PostureBreakApp


def app_state(
    status: str, schedule: ReminderSchedule, pack: PackTimer, now: datetime
) -> dict[str, Any]:
    """What ``status --json`` prints: the status line, pause, next reminder and pack timer."""
    upcoming = None if schedule.is_paused else schedule.upcoming()
    paused_until = schedule.paused_until
    return {
        "status": status,
        "paused": schedule.is_paused,
        "paused_until": None if paused_until is None else paused_until.isoformat(),
        "next": None if upcoming is None else {"kind": upcoming[0], "due": upcoming[1].isoformat()},
        "pack": pack_status(pack, now),
    }


def qt_resources(root: QObject) -> dict[str, int]:
    """Counts of what the app holds in Qt, for ``status --json``: a long run whose counts
    keep growing leaks (the reliability suite's simulated week watches them)."""
    return {
        "widgets": len(QApplication.allWidgets()),
        "objects": len(root.findChildren(QObject)),
        "timers": len(root.findChildren(QTimer)),
    }


def status_sentence(state: dict[str, Any]) -> str:
    """ "Stretch in 23 min · pack on until 14:20": the status line, with the pack timer."""
    pack: str | None = state["pack"]
    if pack is None:
        return str(state["status"])
    return f"{state['status']} · {pack[0].lower()}{pack[1:]}"


class ControlCommands:
    """The handler the app gives its :class:`~posturebreak.services.instance.InstanceServer`."""

    def __init__(self, app: PostureBreakApp, clock: Clock) -> None:
        self._app = app
        self._clock = clock

    def handle(self, request: Request) -> Reply:
        """Carries out one request; raises ``BadRequestError`` for a bad one."""
        checked = parse_request(request)
        message = self._carry_out(checked)
        app = self._app
        state = app_state(app.status(), app.scheduler.schedule, app.pack.timer, self._clock.now())
        if checked.command is Command.STATUS:
            state["qt"] = qt_resources(app)
        return {"ok": True, "message": message or status_sentence(state), "state": state}

    def _carry_out(self, request: ControlRequest) -> str | None:
        """Acts on a checked request; returns what it did, or None to report the status."""
        app = self._app
        if request.command is Command.SHOW:
            app.notifier.show(Notification(f"{APP_NAME} is already running", app.status()))
        elif request.command is Command.PAUSE:
            app.pause_for_minutes(request.minutes)
        elif request.command is Command.RESUME:
            app.scheduler.resume()
            return f"Resumed. {app.status()}"
        elif request.command is Command.SKIP:
            skipped = app.scheduler.skip_next()
            what = (
                "Nothing to skip."
                if skipped is None
                else f"Skipped the next {reminder_name(skipped, app.settings.reminders)} reminder."
            )
            return f"{what} {app.status()}"
        elif request.command is Command.BREAK_NOW:
            reminder = app.settings.reminder(request.kind)
            if reminder is None:
                raise unknown_reminder(request.kind, (r.id for r in app.settings.reminders))
            app.flow.take_break_now(request.kind)  # the tray's way, too
            return f"{reminder.name} break started."
        elif request.command is Command.DND:
            if request.until is DoNotDisturbUntil.OFF:
                app.busy.turn_off()
            else:
                tomorrow = request.until is DoNotDisturbUntil.TOMORROW
                app.timing.do_not_disturb(request.minutes, until_tomorrow=tomorrow)
        elif request.command in _OPENS:
            _OPENS[request.command](app)
            return f"Opened {request.command.value}."
        elif request.command is Command.QUIT:
            # Reply first: the server answers before the loop turns and quits.
            QTimer.singleShot(0, QApplication.quit)
            return "Quitting."
        return None


_OPENS: dict[Command, Callable[[PostureBreakApp], object]] = {
    Command.SETTINGS: lambda app: app.show_settings(),
    Command.HISTORY: lambda app: app.show_history(),
}
