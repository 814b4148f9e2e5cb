"""The ``posture-break`` command line: start the tray app, or control the running one."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from posturebreak import APP_NAME, __version__
from posturebreak.core.clock import SystemClock, TimeScale
from posturebreak.core.commands import MAX_PAUSE_MINUTES, BadRequestError, pause_minutes
from posturebreak.core.export import ExportFormat
from posturebreak.core.reminders import ReminderKind
from posturebreak.logsetup import configure_logging
from posturebreak.paths import PROFILE_DIR_ENV, AppPaths

TIME_SCALE_ENV = "POSTURE_BREAK_TIME_SCALE"
_MAX_DAYS = 36_500

# Control commands sent to the running instance, with their help text.
_CONTROL_COMMANDS = {
    "status": "print what comes next, or until when reminders are paused",
    "pause": "pause reminders (default 30 minutes)",
    "resume": "resume paused reminders",
    "skip": "skip the next reminder",
    "break-now": "take a break now (a stretch unless you name another kind)",
    "settings": "open the settings window",
    "history": "open the window with your breaks, streak and chart",
    "dnd": "do not disturb: hold reminders until you turn it off (or for a while)",
    "quit": "quit the running app",
}


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``with_commands``, only what starting the app takes
    (the same usage and errors, without building a parser for every command)."""
    parser = argparse.ArgumentParser(
        prog="posture-break",
        description=f"{APP_NAME}: tray reminders to stretch, sit evenly and move your feet. "
        "Without a command, starts the tray app (or shows the one already running).",
        epilog=f"Environment: {PROFILE_DIR_ENV}=DIR is the same as --profile-dir DIR; "
        f"{TIME_SCALE_ENV}=N makes time run N times faster (60: a minute passes in a "
        "second), for demos and tests.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--profile-dir",
        type=Path,
        metavar="DIR",
        help="keep settings, log database and log files under DIR instead of the usual folders",
    )
    parser.add_argument("--verbose", action="store_true", help="also log to stderr, in detail")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if with_commands:
        _add_control_commands(commands)
        _add_report_commands(commands)
    return parser


def _starts_the_app(words: Sequence[str]) -> bool:
    """Whether ``words`` hold nothing but ``--verbose`` and ``--profile-dir DIR``: the usual
    start, which needs no command's parser."""
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word == "--profile-dir" and rest:
            rest.pop(0)
        elif word != "--verbose" and not word.startswith("--profile-dir="):
            return False
    return True


def _add_control_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Commands sent to the running instance."""
    for name, help_text in _CONTROL_COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == "pause":
            length = sub.add_mutually_exclusive_group()
            length.add_argument(
                "--minutes",
                type=_pause_minutes,
                default=30,
                help=f"how long, from 1 to {MAX_PAUSE_MINUTES} (a week; default 30)",
            )
            length.add_argument(
                "--until-tomorrow",
                action="store_true",
                help="until tomorrow's first working hours (or midnight when you remind "
                "at any time)",
            )
        elif name == "dnd":
            length = sub.add_mutually_exclusive_group()
            length.add_argument(
                "--minutes",
                type=_pause_minutes,
                help=f"for this long, from 1 to {MAX_PAUSE_MINUTES} (a week)",
            )
            length.add_argument(
                "--until-tomorrow",
                action="store_true",
                help="until tomorrow's first working hours (or midnight)",
            )
            length.add_argument("--off", action="store_true", help="turn do not disturb off")
        elif name == "status":
            sub.add_argument("--json", action="store_true", help="print JSON instead of a line")
        elif name == "break-now":
            sub.add_argument(
                "kind",
                nargs="?",
                choices=[kind.value for kind in ReminderKind],
                default=ReminderKind.STRETCH.value,
                metavar="KIND",
                help="stretch (default), uncross_legs or foot_stool",
            )


def _add_report_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``stats`` and ``export``: read the activity log directly, without the app or a display."""
    stats_help = "print your breaks per kind, today's progress and your streak"
    stats = commands.add_parser("stats", help=stats_help, description=stats_help)
    stats.add_argument(
        "--days", type=_day_count, default=7, metavar="N", help="the last N days (default 7)"
    )
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")
    export_help = "write the activity log as CSV or JSON"
    export = commands.add_parser("export", help=export_help, description=export_help)
    export.add_argument(
        "--format",
        type=_export_format,
        choices=list(ExportFormat),
        default=ExportFormat.CSV,
        help="file format (default csv)",
    )
    export.add_argument(
        "--since",
        type=_local_day,
        metavar="DATE",
        help="only events from this local day on (YYYY-MM-DD)",
    )
    export.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )


# argparse names a type function that raises ValueError in its message ("invalid
# _day_count value"); these raise ArgumentTypeError, whose text it shows as it is.


def _day_count(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= _MAX_DAYS:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 1 to {_MAX_DAYS}, got {text!r}"
        )
    return days


def _pause_minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number of minutes, got {text!r}") from None
    try:
        minutes = pause_minutes(value)
    except BadRequestError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value if minutes is None else minutes


def _export_format(text: str) -> ExportFormat:
    for form in ExportFormat:
        if text == form.value:
            return form
    known = ", ".join(form.value for form in ExportFormat)
    raise argparse.ArgumentTypeError(f"must be one of {known}, got {text!r}")


def _local_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a date like 2026-03-31, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    parser = build_parser(with_commands=not _starts_the_app(words))
    args = parser.parse_args(words)
    paths = AppPaths.resolve(args.profile_dir)
    try:
        time_scale = TimeScale.parse(os.environ.get(TIME_SCALE_ENV))
    except ValueError as error:
        parser.error(f"{TIME_SCALE_ENV}: {error}")

    if args.command in ("stats", "export"):
        return _report(paths, args)
    if args.command is not None:
        return _control(paths, args)

    configure_logging(paths.log_dir, verbose=args.verbose)
    paths.create()
    from posturebreak.preload import load_before_qt

    load_before_qt()
    from posturebreak.app import run_gui  # Qt widgets load only when the GUI is wanted

    return run_gui(paths, SystemClock(), time_scale)


def _report(paths: AppPaths, args: argparse.Namespace) -> int:
    """Reads the activity log directly and prints or writes a report (no Qt is loaded)."""
    from posturebreak import reports
    from posturebreak.services.activity_store import ActivityLogError

    try:
        if args.command == "stats":
            summary = reports.read_summary(paths, SystemClock(), args.days)
            standing = reports.read_standing(paths, SystemClock())
            show = reports.stats_json if args.json else reports.stats_text
            text = show(summary, standing)
            sys.stdout.write(text)
        else:
            count = reports.export_log(paths, args.format, args.since, args.output, sys.stdout)
            if args.output not in (None, reports.STANDARD_OUTPUT):
                print(f"{count} events written to {args.output}", file=sys.stderr)
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (ActivityLogError, OSError) as error:
        return reports.fail(error)
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
        reply = send_command(socket_path(paths.instance_name), request)
    except SocketLocationError as error:
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        return 1
    if reply is None:
        print(f"{APP_NAME} is not running.", file=sys.stderr)
        return 1
    if not reply.get("ok"):
        print(f"{APP_NAME}: {reply.get('error', 'the command failed')}", file=sys.stderr)
        return 1
    if getattr(args, "json", False):
        import json  # only here: the tray app does not need it at start

        print(json.dumps(reply.get("state"), indent=2))
    else:
        print(reply.get("message", ""))
    return 0
