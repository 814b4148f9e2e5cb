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
from posturebreak.core.reminders import display_name, reminder_name
from posturebreak.core.schedule import ReminderSchedule
from posturebreak.core.status import pack_status
from posturebreak.i18n import N_, _
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
    """ "Stretch in 23 min · Pack on until 14:20": the status line, with the pack timer."""
    pack: str | None = state["pack"]
    if pack is None:
        return str(state["status"])
    # Translators: the status line, then the pack timer, e.g. "Stretch in 23 min · Pack on
    # until 14:20" (each written as a sentence of its own: no case is changed).
    return _("{status} · {pack}").format(status=state["status"], pack=pack)


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
            title = _("{app} is already running").format(app=APP_NAME)
            app.notifier.show(Notification(title, app.status()))
        elif request.command is Command.PAUSE:
            app.pause_for_minutes(request.minutes)
        elif request.command is Command.RESUME:
            app.scheduler.resume()
            return _("Resumed. {status}").format(status=app.status())
        elif request.command is Command.SKIP:
            return self._skip()
        elif request.command is Command.BREAK_NOW:
            reminder = app.settings.reminder(request.kind)
            if reminder is None:
                raise unknown_reminder(request.kind, (r.id for r in app.settings.reminders))
            app.flow.take_break_now(request.kind)  # the tray's way, too
            return _("{reminder} break started.").format(reminder=display_name(reminder))
        elif request.command is Command.DND:
            if request.until is DoNotDisturbUntil.OFF:
                app.busy.turn_off()
            else:
                tomorrow = request.until is DoNotDisturbUntil.TOMORROW
                app.timing.do_not_disturb(request.minutes, until_tomorrow=tomorrow)
        elif request.command in _OPENS:
            opens, opened = _OPENS[request.command]
            opens(app)
            return _(opened)
        elif request.command is Command.QUIT:
            # Reply first: the server answers before the loop turns and quits.
            QTimer.singleShot(0, QApplication.quit)
            return _("Quitting.")
        return None

    def _skip(self) -> str:
        """Skips the next reminder; says which, and the status after."""
        app = self._app
        skipped = app.scheduler.skip_next()
        if skipped is None:
            return _("Nothing to skip. {status}").format(status=app.status())
        return _("Skipped the next {reminder} reminder. {status}").format(
            reminder=reminder_name(skipped, app.settings.reminders), status=app.status()
        )


# What each "open" command does, and the reply saying so.
_OPENS: dict[Command, tuple[Callable[[PostureBreakApp], object], str]] = {
    Command.SETTINGS: (lambda app: app.show_settings(), N_("Opened settings.")),
    Command.HISTORY: (lambda app: app.show_history(), N_("Opened history.")),
}
