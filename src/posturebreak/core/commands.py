"""The control socket's requests, parsed and checked before the app acts on one.

Anything a local program sends arrives here first: the command name must be
one we know, and each field must have the right type and a sensible range
(a pause is at most a week), so the app never acts on a value it cannot
handle. No Qt: the checks are unit-tested on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from posturebreak.core.reminders import REMINDER_ID, ReminderId
from posturebreak.i18n import _

MAX_PAUSE_MINUTES = 7 * 24 * 60
MIN_PAUSE_MINUTES = 1


class Command(StrEnum):
    """What a launch or the command line may ask the running app to do."""

    PING = "ping"
    SHOW = "show"
    STATUS = "status"
    PAUSE = "pause"
    RESUME = "resume"
    SKIP = "skip"
    BREAK_NOW = "break-now"
    SETTINGS = "settings"
    HISTORY = "history"
    DND = "dnd"
    QUIT = "quit"


class BadRequestError(ValueError):
    """A request the app refuses; its text is the error the caller reads."""


class DoNotDisturbUntil(StrEnum):
    """How long ``dnd`` holds reminders (with ``minutes``: that long)."""

    TURNED_OFF = "turned_off"
    TOMORROW = "tomorrow"
    OFF = "off"  # turns it off now


@dataclass(frozen=True)
class ControlRequest:
    """A checked request: ``minutes`` None means "until tomorrow" for a pause."""

    command: Command
    minutes: float | None = None
    kind: ReminderId = "stretch"
    until: DoNotDisturbUntil = DoNotDisturbUntil.TURNED_OFF


def parse_request(request: Any) -> ControlRequest:
    """Checks a decoded JSON request; raises :class:`BadRequestError` saying what is wrong."""
    if not isinstance(request, dict):
        raise BadRequestError(_("a request must be a JSON object"))
    name = request.get("command")
    command = next((known for known in Command if name == known.value), None)
    if command is None:
        raise BadRequestError(_("unknown command {name}").format(name=_shorten(name)))
    if command is Command.PAUSE:
        return ControlRequest(command, minutes=pause_minutes(request.get("minutes")))
    if command is Command.DND:
        return _do_not_disturb(request)
    if command is Command.BREAK_NOW:
        return ControlRequest(command, kind=reminder_kind(request.get("kind", "stretch")))
    return ControlRequest(command)


def _do_not_disturb(request: dict[str, Any]) -> ControlRequest:
    """``dnd``: for ``minutes``, until ``tomorrow``, ``off``, or (neither) until turned off."""
    until = request.get("until")
    if until is None:
        return ControlRequest(Command.DND, minutes=pause_minutes(request.get("minutes")))
    if request.get("minutes") is not None:
        raise BadRequestError(
            _("{command} takes {first} or {second}, not both").format(
                command="dnd", first="minutes", second="until"
            )
        )
    if until not in (DoNotDisturbUntil.TOMORROW.value, DoNotDisturbUntil.OFF.value):
        raise BadRequestError(
            _("{key} must be {first} or {second}, got {value}").format(
                key="until", first="'tomorrow'", second="'off'", value=_shorten(until)
            )
        )
    return ControlRequest(Command.DND, until=DoNotDisturbUntil(until))


def pause_minutes(value: Any) -> float | None:
    """A pause length in minutes: a real number from 1 minute to a week, or None."""
    if value is None:
        return None
    # bool is an int in Python; JSON ``true`` is not a length.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadRequestError(
            _("{key} must be a number, got {value}").format(key="minutes", value=_shorten(value))
        )
    # Also refuses NaN and infinities (no comparison holds) and huge ints (never floated).
    if not MIN_PAUSE_MINUTES <= value <= MAX_PAUSE_MINUTES:
        raise BadRequestError(
            _("a pause lasts from {fewest} minute to a week ({most} minutes), got {value}").format(
                fewest=MIN_PAUSE_MINUTES, most=MAX_PAUSE_MINUTES, value=_shorten(value)
            )
        )
    return float(value)


def reminder_kind(value: Any) -> ReminderId:
    """A reminder id as written (whether such a reminder exists, the app checks)."""
    if isinstance(value, str) and REMINDER_ID.fullmatch(value):
        return value
    raise BadRequestError(
        _("{key} must be a reminder id like {example}, got {value}").format(
            key="kind", example="'stretch'", value=_shorten(value)
        )
    )


def unknown_reminder(value: ReminderId, known: Iterable[ReminderId]) -> BadRequestError:
    """The error for ``break-now`` with an id no reminder has, listing those there are."""
    # Translators: said when there are no reminders at all to list.
    listed = ", ".join(known) or _("none")
    return BadRequestError(
        _("no reminder has the id {id}; known: {known}").format(id=_shorten(value), known=listed)
    )


def _shorten(value: Any, limit: int = 40) -> str:
    """A value for an error message, cut short: requests come from anyone on the machine."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
