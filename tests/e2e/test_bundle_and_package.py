"""The frozen PyInstaller bundle and the Debian package made from it, started for real.

Frozen apps lose what the import graph cannot see: plugins found through
package metadata (APScheduler's triggers), backends imported by name (plyer's
Linux notification module, dbus-python), and data files. So the bundle is
built here and run on the test desktop: it must embed its tray icon, give a
time-scaled reminder through APScheduler to the real notification server
through plyer, write the activity log and quit cleanly on SIGTERM. The
package must install with apt, put the command, desktop file, metainfo and
icons in place, start, and leave nothing behind when removed.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory
from tests.support.app_process import APP_WM_CLASS, AppProcess
from tests.support.desktop import wait_until

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "posture-break"
# 600x: the 20-minute sit-evenly reminder comes after 2 seconds.
FAST = 600.0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Builds the one-folder bundle with scripts/build-bundle; its folder."""
    out = tmp_path_factory.mktemp("bundle")
    built = subprocess.run(
        [ROOT / "scripts" / "build-bundle", out], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stdout + built.stderr
    print(built.stdout.strip().splitlines()[-1])  # the bundle's size, for the log
    return out / PACKAGE


def test_the_frozen_bundle_starts_reminds_logs_and_quits(
    bundle: Path, make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile", FAST, program=(str(bundle / PACKAGE),))
    try:
        app.start()
        wait_until(lambda: desktop.tray_holds(APP_WM_CLASS), 20, "the tray icon to be embedded")
        wait_until(lambda: _reminders(desktop.notifications()), 30, "a reminder at dunst")
        wait_until(lambda: _logged_events(app.profile_dir) > 0, 30, "an event in the log")
        assert app.process is not None
        app.process.terminate()
        assert app.process.wait(20) == 0
    finally:
        app.stop()
    log = app.log_text()
    assert "reminder due at" in log  # APScheduler ran the job
    assert "shown as desktop notification" in log  # plyer's D-Bus backend, not a fallback
    assert "Posture Break stopped" in log


def _reminders(notifications: list[dict[str, object]]) -> list[dict[str, object]]:
    return [
        item
        for item in notifications
        if item["appname"] == "Posture Break" and "already running" not in str(item["summary"])
    ]


def _logged_events(profile: Path) -> int:
    database = profile / "data" / "activity.sqlite3"
    if not database.exists():
        return 0
    connection = sqlite3.connect(database)
    try:
        return int(connection.execute("SELECT count(*) FROM events").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        connection.close()


@pytest.fixture
def debian_package(bundle: Path, tmp_path: Path) -> Iterator[Path]:
    """Builds the .deb with scripts/build-deb; removes the package after the test."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the package test installs with apt-get and needs root")
        pytest.skip("installing a package needs root and apt-get")
    built = subprocess.run(
        [ROOT / "scripts" / "build-deb", bundle, tmp_path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    print(built.stdout.strip().splitlines()[-1])  # the package's size, for the log
    (deb,) = tmp_path.glob(f"{PACKAGE}_*.deb")
    yield deb
    _apt("remove", "--purge", PACKAGE)


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    """apt-get, waiting for the dpkg lock rather than failing when something else holds it."""
    return subprocess.run(
        ["apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=600", *args],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        capture_output=True,
        text=True,
        check=False,
    )


def _package_files() -> list[Path]:
    listed = subprocess.run(["dpkg", "-L", PACKAGE], capture_output=True, text=True, check=True)
    return [Path(line) for line in listed.stdout.splitlines() if line.strip()]


def test_the_debian_package_installs_starts_and_uninstalls_cleanly(
    debian_package: Path, make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    installed = _apt("install", str(debian_package))
    assert installed.returncode == 0, installed.stdout + installed.stderr
    files = _package_files()
    command = shutil.which(PACKAGE)
    assert command == "/usr/bin/posture-break"
    share = Path("/usr/share")
    shipped = [path for path in files if path.is_file()]
    assert any(path.parent == share / "applications" for path in shipped)
    assert any(path.is_relative_to(share / "icons" / "hicolor") for path in shipped)
    assert any(path.parent == share / "metainfo" for path in shipped)

    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile", FAST, program=(command,))
    try:
        app.start()
        wait_until(lambda: desktop.tray_holds(APP_WM_CLASS), 20, "the tray icon to be embedded")
        wait_until(lambda: _reminders(desktop.notifications()), 30, "a reminder at dunst")
    finally:
        app.stop()

    removed = _apt("remove", "--purge", PACKAGE)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [path for path in files if path.exists() and not path.is_dir()]
    assert left == []
    assert not Path("/usr/lib/posture-break").exists()


def test_the_frozen_bundle_installs_its_desktop_entry(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    command = [str(bundle / PACKAGE), "install-desktop-entry"]
    installed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr
    entry = next((data / "applications").glob("*.desktop")).read_text()
    assert f"Exec={bundle / PACKAGE}" in entry
    assert any((data / "icons" / "hicolor").rglob("*.png"))
