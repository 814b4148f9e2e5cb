"""The real app starts past FIFOs where its files belong, and keeps the user's data private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.e2e.conftest import DesktopFactory
from tests.support.app_process import AppProcess
from tests.support.special_files import make_special

pytestmark = pytest.mark.e2e


def test_the_app_starts_past_fifos_in_place_of_its_files_and_keeps_them_private(
    make_desktop: DesktopFactory, tmp_path: Path
) -> None:
    desktop = make_desktop()
    app = AppProcess(desktop, tmp_path / "profile")
    config, data = app.profile_dir / "config", app.profile_dir / "data"
    config.mkdir(parents=True)
    data.mkdir()
    for path in (config / "settings.toml", config / "exercises.toml", data / "activity.sqlite3"):
        make_special(path, "fifo")
    previous = os.umask(0o022)
    try:
        app.start()  # fails unless the app answers within 30 s
    finally:
        os.umask(previous)
    try:
        log = app.log_text()
        assert "settings.toml is a named pipe (FIFO), not a file" in log
        assert "Kept the broken settings file as settings.toml.broken-" in log.replace(
            f"{config}/", ""
        )
        assert "exercises.toml could not be read" in log
        assert (config / "settings.toml").is_file()
        assert stat.S_ISFIFO((data / "activity.sqlite3").lstat().st_mode)  # never touched
        for folder in (config, data, app.profile_dir / "log"):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        for file in (config / "settings.toml", app.profile_dir / "log" / "posture-break.log"):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    finally:
        app.stop()
    assert app.process is not None and app.process.returncode == 0
