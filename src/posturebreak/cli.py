"""The ``posture-break`` command line: start the tray app, or control the running one."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from posturebreak import APP_NAME, __version__
from posturebreak.argparse_words import speak_our_language
from posturebreak.core.clock import SystemClock, TimeScale
from posturebreak.core.commands import (
    MAX_PAUSE_MINUTES,
    BadRequestError,
    pause_minutes,
    reminder_kind,
)
from posturebreak.core.export import ExportFormat
from posturebreak.i18n import N_, _, ngettext
from posturebreak.i18n.language import speak, users_language
from posturebreak.logsetup import configure_logging
from posturebreak.paths import PROFILE_DIR_ENV, AppPaths
from posturebreak.services.settings_store import SettingsStore
from posturebreak.start_words import profile_dir_named, starts_the_app

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

TIME_SCALE_ENV = "POSTURE_BREAK_TIME_SCALE"
_MAX_DAYS = 36_500

# Control commands sent to the running instance, with their help text (translated when
# the parser is built).
_CONTROL_COMMANDS = {
    "status": N_("print what comes next, or until when reminders are paused"),
    "pause": N_("pause reminders (default 30 minutes)"),
    "resume": N_("resume paused reminders"),
    "skip": N_("skip the next reminder"),
    "break-now": N_(
        "take a break now (a stretch unless you name another kind); "
        "starts the app if it is not running"
    ),
    "settings": N_("open the settings window (starting the app if it is not running)"),
    "history": N_(
        "open the window with your breaks, streak and chart (starting the app if it is not running)"
    ),
    "dnd": N_("do not disturb: hold reminders until you turn it off (or for a while)"),
    "quit": N_("quit the running app"),
}

_DESKTOP_ENTRY_COMMANDS = {
    "install-desktop-entry": N_(
        # Translators: keep $XDG_DATA_HOME and ~/.local/share as they are.
        "add the app to your launcher menu (with its actions), metainfo "
        "and icons, in $XDG_DATA_HOME (~/.local/share), running this installation"
    ),
    # Translators: install-desktop-entry is a command name; keep it as it is.
    "uninstall-desktop-entry": N_("remove exactly what install-desktop-entry added"),
}
# What a launcher action may ask for before the app runs: these start it first.
_STARTS_THE_APP = ("break-now", "settings", "history")


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``with_commands``, only what starting the app takes
    (the same usage and errors, without building a parser for every command)."""
    speak_our_language()
    parser = argparse.ArgumentParser(
        prog="posture-break",
        description=_(
            "{app}: tray reminders to stretch, sit evenly and move your feet. "
            "Without a command, starts the tray app (or shows the one already running)."
        ).format(app=APP_NAME),
        epilog=_(
            # Translators: {profile_variable} and {scale_variable} are environment
            # variable names; keep DIR, N and --profile-dir as they are.
            "Environment: {profile_variable}=DIR is the same as --profile-dir DIR; "
            "{scale_variable}=N makes time run N times faster (60: a minute passes in a "
            "second), for demos and tests."
        ).format(profile_variable=PROFILE_DIR_ENV, scale_variable=TIME_SCALE_ENV),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),  # argparse 3.11 leaves it English
    )
    parser.add_argument(
        "--profile-dir",
        type=Path,
        metavar="DIR",
        # Translators: keep DIR as it is (it names the option's value).
        help=_("keep settings, log database and log files under DIR instead of the usual folders"),
    )
    parser.add_argument("--verbose", action="store_true", help=_("also log to stderr, in detail"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if with_commands:
        _add_control_commands(commands)
        _add_report_commands(commands)
        _add_desktop_entry_commands(commands)
    return parser


def _language_setting(words: Sequence[str]) -> str:
    """The language setting of the profile ``words`` name ("" when there is none), read
    before the parser is built so that its help speaks that language."""
    paths = AppPaths.resolve(profile_dir_named(words))
    return SettingsStore(paths.config_dir, SystemClock()).peek().general.language


def _add_control_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Commands sent to the running instance."""
    for name, help_english in _CONTROL_COMMANDS.items():
        help_text = _(help_english)
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == "pause":
            length = sub.add_mutually_exclusive_group()
            length.add_argument(
                "--minutes",
                type=_pause_minutes,
                default=30,
                help=_("how long, from 1 to {most} (a week; default 30)").format(
                    most=MAX_PAUSE_MINUTES
                ),
            )
            length.add_argument(
                "--until-tomorrow",
                action="store_true",
                help=_(
                    "until tomorrow's first working hours (or midnight when you remind at any time)"
                ),
            )
        elif name == "dnd":
            length = sub.add_mutually_exclusive_group()
            length.add_argument(
                "--minutes",
                type=_pause_minutes,
                help=_("for this long, from 1 to {most} (a week)").format(most=MAX_PAUSE_MINUTES),
            )
            length.add_argument(
                "--until-tomorrow",
                action="store_true",
                help=_("until tomorrow's first working hours (or midnight)"),
            )
            length.add_argument("--off", action="store_true", help=_("turn do not disturb off"))
        elif name == "status":
            sub.add_argument("--json", action="store_true", help=_("print JSON instead of a line"))
        elif name == "break-now":
            sub.add_argument(
                "kind",
                nargs="?",
                type=_reminder_id,
                default="stretch",
                metavar="ID",
                # Translators: stretch, uncross_legs and foot_stool are ids; keep them.
                help=_("a reminder's id: stretch (default), uncross_legs, foot_stool or your own"),
            )


def _add_report_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``stats`` and ``export``: read the activity log directly, without the app or a display."""
    stats_help = _("print your breaks per kind, today's progress and your streak")
    stats = commands.add_parser("stats", help=stats_help, description=stats_help)
    stats.add_argument(
        "--days", type=_day_count, default=7, metavar="N", help=_("the last N days (default 7)")
    )
    stats.add_argument("--json", action="store_true", help=_("print JSON instead of a table"))
    export_help = _("write the activity log as CSV or JSON")
    export = commands.add_parser("export", help=export_help, description=export_help)
    export.add_argument(
        "--format",
        type=_export_format,
        choices=list(ExportFormat),
        default=ExportFormat.CSV,
        help=_("file format (default csv)"),
    )
    export.add_argument(
        "--since",
        type=_local_day,
        metavar="DATE",
        # Translators: keep YYYY-MM-DD as it is: the date must be written that way.
        help=_("only events from this local day on (YYYY-MM-DD)"),
    )
    export.add_argument(
        "--output", type=Path, metavar="FILE", help=_("write to FILE instead of standard output")
    )


def _add_desktop_entry_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """For an install without a package: the launcher entry, metainfo and icons."""
    for name, help_english in _DESKTOP_ENTRY_COMMANDS.items():
        help_text = _(help_english)
        commands.add_parser(name, help=help_text, description=help_text)


# argparse names a type function that raises ValueError in its message ("invalid
# _day_count value"); these raise ArgumentTypeError, whose text it shows as it is.


def _day_count(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= _MAX_DAYS:
        raise argparse.ArgumentTypeError(
            _("must be a whole number from 1 to {most}, got {text}").format(
                most=_MAX_DAYS, text=repr(text)
            )
        )
    return days


def _pause_minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("must be a number of minutes, got {text}").format(text=repr(text))
        ) from None
    try:
        minutes = pause_minutes(value)
    except BadRequestError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value if minutes is None else minutes


def _reminder_id(text: str) -> str:
    """Checked here as far as it can be; whether such a reminder exists, the app says."""
    try:
        return reminder_kind(text)
    except BadRequestError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _export_format(text: str) -> ExportFormat:
    for form in ExportFormat:
        if text == form.value:
            return form
    known = ", ".join(form.value for form in ExportFormat)
    raise argparse.ArgumentTypeError(
        _("must be one of {known}, got {text}").format(known=known, text=repr(text))
    )


def _local_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            # Translators: the date must be typed as in the example, year-month-day.
            _("must be a date like 2026-03-31, got {text}").format(text=repr(text))
        ) from None


def main(argv: Sequence[str] | None = None, tray: QSystemTrayIcon | None = None) -> int:
    """Runs the command ``argv`` says; ``tray``: the tray icon a plain start has shown
    already (see :mod:`posturebreak.launch`)."""
    words = sys.argv[1:] if argv is None else argv
    language_setting = _language_setting(words)
    speak(users_language(language_setting))
    parser = build_parser(with_commands=not starts_the_app(words))
    args = parser.parse_args(words)
    paths = AppPaths.resolve(args.profile_dir)
    try:
        time_scale = TimeScale.parse(os.environ.get(TIME_SCALE_ENV))
    except ValueError as error:
        parser.error(f"{TIME_SCALE_ENV}: {error}")

    if args.command in ("stats", "export"):
        return _report(paths, args)
    if args.command in _DESKTOP_ENTRY_COMMANDS:
        return _desktop_entry(args.command)
    if args.command is not None:
        return _control(paths, args)

    configure_logging(paths.log_dir, verbose=args.verbose)
    paths.create()
    from posturebreak.app import run_gui  # Qt widgets load only when the GUI is wanted

    return run_gui(paths, SystemClock(), time_scale, language_setting, tray)


def _report(paths: AppPaths, args: argparse.Namespace) -> int:
    """Reads the activity log directly and prints or writes a report (no Qt is loaded)."""
    from posturebreak import reports
    from posturebreak.services.activity_store import ActivityLogError

    try:
        if args.command == "stats":
            summary, comfort = reports.read_summary(paths, SystemClock(), args.days)
            standing = reports.read_standing(paths, SystemClock())
            shown = reports.stats_json if args.json else reports.stats_text
            text = shown(summary, comfort, standing)
            sys.stdout.write(text)
        else:
            count = reports.export_log(paths, args.format, args.since, args.output, sys.stdout)
            if args.output not in (None, reports.STANDARD_OUTPUT):
                written = ngettext(
                    "{count} event written to {file}", "{count} events written to {file}", count
                )
                print(written.format(count=count, file=args.output), file=sys.stderr)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (ActivityLogError, OSError) as error:
        return reports.fail(error)
    return 0


def _desktop_entry(command: str) -> int:
    """Installs or removes the launcher entry, metainfo and icons in the XDG data folder."""
    from posturebreak.services import desktop_entry

    home = desktop_entry.data_home()
    try:
        if command == "install-desktop-entry":
            run = desktop_entry.running_command()
            files = desktop_entry.install(home, run)
            installed = ngettext(
                "Installed {count} file in {folder} (the launcher entry runs {command}).",
                "Installed {count} files in {folder} (the launcher entry runs {command}).",
                len(files),
            )
            print(installed.format(count=len(files), folder=home, command=run[0]))
        else:
            files = desktop_entry.uninstall(home)
            removed = ngettext(
                "Removed {count} file from {folder}.",
                "Removed {count} files from {folder}.",
                len(files),
            )
            print(
                removed.format(count=len(files), folder=home) if files else _("Nothing to remove.")
            )
    except desktop_entry.DesktopEntryError as error:
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        return 1
    return 0


def _control(paths: AppPaths, args: argparse.Namespace) -> int:
    """Sends a command to the running instance and prints its answer (no Qt is loaded)."""
    from posturebreak.services.control_socket import SocketLocationError, send_command, socket_path

    request: dict[str, object] = {"command": args.command}
    if args.command == "pause":
        request["minutes"] = None if args.until_tomorrow else args.minutes
    elif args.command == "break-now":
        request["kind"] = args.kind
    elif args.command == "dnd":
        request["minutes"] = args.minutes
        request["until"] = "off" if args.off else "tomorrow" if args.until_tomorrow else None
    try:
        socket = socket_path(paths.instance_name)
        reply = send_command(socket, request)
        if reply is None and args.command in _STARTS_THE_APP:
            from posturebreak.services.desktop_entry import running_command
            from posturebreak.services.start_on_demand import start_and_send

            profile = [] if args.profile_dir is None else ["--profile-dir", str(args.profile_dir)]
            reply = start_and_send([*running_command(), *profile], socket, request)
    except SocketLocationError as error:
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        return 1
    if reply is None:
        print(_("{app} is not running.").format(app=APP_NAME), file=sys.stderr)
        return 1
    if not reply.get("ok"):
        failure = reply.get("error") or _("the command failed")
        print(f"{APP_NAME}: {failure}", file=sys.stderr)
        return 1
    if getattr(args, "json", False):
        import json  # only here: the tray app does not need it at start

        print(json.dumps(reply.get("state"), indent=2))
    else:
        print(reply.get("message", ""))
    return 0
