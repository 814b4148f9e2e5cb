"""The real app on a virtual desktop, driven the way the reliability suite needs:
started and killed many times, answered through its control socket and its
windows, and its files read back afterwards."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from posturebreak.core.settings import settings_from_dict
from posturebreak.paths import AppPaths
from posturebreak.services.activity_store import DATABASE_NAME
from posturebreak.services.control_socket import Reply, send_command, socket_path
from tests.support.app_process import AppProcess
from tests.support.desktop import VirtualDesktop, missing_tools, wait_until
from tests.support.private_bus import require_tools

# What may sit in the profile's folders between runs; anything else (a temporary
# file of an interrupted save, a rollback journal, a settings file set aside as
# broken) means a crash left a mess.
SEED_ENV = "POSTURE_BREAK_TEST_SEED"

EXPECTED_FILES = {
    "config": {"settings.toml"},
    "data": {DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"},
}


def random_seed() -> int:
    """A fresh seed for a randomized run, or the one in $POSTURE_BREAK_TEST_SEED to repeat
    a run (each test reports the seed it used)."""
    return int(os.environ.get(SEED_ENV) or random.SystemRandom().randrange(2**32))


@contextmanager
def virtual_desktop(workdir: Path, *, tray: bool = True) -> Iterator[VirtualDesktop]:
    """A desktop with dunst (and trayer), stopped afterwards; skips without the tools."""
    require_tools(missing_tools())
    desktop = VirtualDesktop(workdir, tray=tray)
    try:
        yield desktop.start()
    finally:
        desktop.stop()


def ask(app: AppProcess, request: dict[str, object]) -> Reply | None:
    """Sends one request on the app's control socket, from this process (no CLI start-up);
    None when nothing answers."""
    path = socket_path(AppPaths.under(app.profile_dir).instance_name)
    try:
        return send_command(path, request)
    except OSError:  # the app died halfway through the conversation
        return None


def wait_for_answer(app: AppProcess, timeout: float = 30) -> Reply:
    reply: Reply = wait_until(lambda: ask(app, {"command": "status"}), timeout, "a status")
    return reply


def press_keys(desktop: VirtualDesktop, *keys: str, window: str | None = None) -> bool:
    """Types ``keys`` into the focused window (or focuses ``window`` first); False when
    xdotool found nothing to type into."""
    target = ["windowfocus", "--sync", window] if window else []
    done = subprocess.run(
        ["xdotool", *target, "key", *keys], env=desktop.env(), capture_output=True, check=False
    )
    return done.returncode == 0


def events_by_outcome(profile: Path) -> dict[tuple[str, str], int]:
    """How many events of each (kind, outcome) the app's log holds."""
    path = AppPaths.under(profile).data_dir / DATABASE_NAME
    if not path.exists():
        return {}
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = database.execute("SELECT kind, outcome, COUNT(*) FROM events GROUP BY 1, 2")
        return {(kind, outcome): count for kind, outcome, count in rows}
    except sqlite3.OperationalError:  # the app has not created its table yet
        return {}
    finally:
        database.close()


def integrity(profile: Path) -> str:
    """SQLite's own verdict on the activity log ("ok"), after recovering its WAL."""
    path = AppPaths.under(profile).data_dir / DATABASE_NAME
    if not path.exists():
        return "ok"
    database = sqlite3.connect(path)
    try:
        return str(database.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        database.close()


def settings_problems(profile: Path) -> list[str]:
    """What is wrong with the settings file (nothing: it parses and every value is valid)."""
    path = AppPaths.under(profile).config_dir / "settings.toml"
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return [str(error)]
    return list(settings_from_dict(document)[1])


def unexpected_files(profile: Path) -> list[str]:
    """Files in the config and data folders that no finished write leaves behind."""
    paths = AppPaths.under(profile)
    found = []
    for name, folder in (("config", paths.config_dir), ("data", paths.data_dir)):
        if folder.is_dir():
            found += [
                f"{name}/{p.name}" for p in folder.iterdir() if p.name not in EXPECTED_FILES[name]
            ]
    return sorted(found)
