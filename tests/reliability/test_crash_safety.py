"""``kill -9`` the real app at random moments while it writes events and settings.

Each round starts the app on a virtual desktop, has it log reminders through
its control socket (``break-now`` of a notification-only kind replies only
after the event is committed) and save its settings through the settings
dialog (opened by ``posture-break settings``, saved by Enter = OK), and kills
it at a random moment, start-up included. After every kill the activity log
passes ``PRAGMA integrity_check``, the settings file parses with every value
valid, and every acknowledged event is there; the next start finds the dead
app's socket, answers, and clears what an interrupted save left behind.
"""

from __future__ import annotations

import os
import random
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ReportFigure
from tests.support.app_process import AppProcess
from tests.support.desktop import VirtualDesktop
from tests.support.real_app import (
    SEED_ENV,
    ask,
    events_by_outcome,
    integrity,
    press_keys,
    random_seed,
    settings_problems,
    unexpected_files,
    virtual_desktop,
    wait_for_answer,
)

pytestmark = pytest.mark.reliability

ROUNDS = 200
# When the kill comes, in seconds: at random from the launch (start-up takes about 0.6 s
# here), or from the first answer (among the writes); or the moment a save of the
# settings has its temporary file (it lives for about a millisecond), if it comes within
# that long of pressing OK.
KILL_MOMENTS = {"start-up": 0.7, "writes": 0.4, "settings save": 0.05}
LOGGED = ("uncross_legs", "notified")  # what ``break-now uncross_legs`` logs by default


class Writer(threading.Thread):
    """Talks to the app from the moment it answers until it dies: three logged reminders,
    then a settings save, over and over; counts what the app acknowledged."""

    def __init__(self, app: AppProcess, desktop: VirtualDesktop) -> None:
        super().__init__(daemon=True)
        self._app = app
        self._desktop = desktop
        self._dead = threading.Event()
        self.up = threading.Event()
        self.saving = threading.Event()
        self.acknowledged = 0

    def run(self) -> None:
        while not self._dead.is_set() and ask(self._app, {"command": "status"}) is None:
            self._dead.wait(0.02)  # not up yet: try again (or stop, once it is killed)
        if not self._dead.is_set():
            self.up.set()
        while not self._dead.is_set():
            for _ in range(3):
                reply = ask(self._app, {"command": "break-now", "kind": "uncross_legs"})
                if reply is None or not reply.get("ok"):
                    return
                self.acknowledged += 1
            if ask(self._app, {"command": "settings"}) is None:
                return
            self.saving.set()
            press_keys(self._desktop, "Return")  # OK: saves and closes the dialog

    def killed(self) -> None:
        self._dead.set()
        self.join(30)


def _wait_for_a_temporary_file(folder: Path, timeout: float) -> None:
    """Returns as soon as a save's temporary file is in ``folder`` (or after ``timeout``)."""
    until = time.monotonic() + timeout
    while time.monotonic() < until and not any(
        name.endswith(".tmp") for name in os.listdir(folder)
    ):
        pass  # no sleep: the file is there for about a millisecond


def test_kill_9_at_random_moments_loses_no_acknowledged_write(
    tmp_path: Path, report_figure: ReportFigure
) -> None:
    seed = random_seed()
    rng = random.Random(seed)
    report_figure(f"kill -9 seed (repeat with {SEED_ENV})", seed)
    began = time.monotonic()
    acknowledged = answered = left_behind = 0
    with virtual_desktop(tmp_path / "desktop") as desktop:
        app = AppProcess(desktop, tmp_path / "profile")
        for round_number in range(ROUNDS):
            where = f"round {round_number}, seed {seed}"
            before = set(unexpected_files(app.profile_dir))
            process = app.launch()
            writer = Writer(app, desktop)
            writer.start()
            moment = rng.choice(list(KILL_MOMENTS))
            if moment == "settings save":
                writer.saving.wait(30)
                _wait_for_a_temporary_file(app.profile_dir / "config", KILL_MOMENTS[moment])
            else:
                if moment == "writes":
                    writer.up.wait(30)
                time.sleep(rng.uniform(0, KILL_MOMENTS[moment]))  # the random moment of the kill
            process.kill()
            process.wait()
            writer.killed()
            acknowledged += writer.acknowledged
            answered += writer.up.is_set()

            assert integrity(app.profile_dir) == "ok", where
            assert settings_problems(app.profile_dir) == [], where
            logged = events_by_outcome(app.profile_dir).get(LOGGED, 0)
            assert logged >= acknowledged, f"{where}: acknowledged events lost"
            acknowledged = logged  # writes under way at the kill may have made it, too
            after = set(unexpected_files(app.profile_dir))
            if writer.up.is_set():  # it started, so it cleared what earlier kills left
                assert not before & after, where
            left_behind += bool(after - before)

        app.launch()
        wait_for_answer(app)
        assert unexpected_files(app.profile_dir) == []
        app.stop()
    logs = (app.profile_dir / "log").glob("posture-break.log*")  # rotated ones too
    saves = sum(log.read_text(encoding="utf-8").count("Settings saved to") for log in logs)
    elapsed = time.monotonic() - began
    report_figure("kill -9 rounds", ROUNDS)
    report_figure("kill -9 rounds killed during start-up", ROUNDS - answered)
    report_figure("kill -9 events acknowledged, all found after the kills", acknowledged)
    report_figure("kill -9 settings saves completed", saves)
    report_figure(
        "kill -9 kills that left a temporary file, cleared at the next start", left_behind
    )
    report_figure("kill -9 seconds per round", f"{elapsed / ROUNDS:.2f}")
