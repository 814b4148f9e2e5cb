"""Ten thousand broken settings files: loading never raises, the result is always valid,
the broken file is kept, and the activity log beside it is never touched.

The loading is the real :class:`SettingsStore` in this process (as the app
calls it at start), so 10,000 files take seconds. A FIFO, a folder or a
symlink to ``/dev/zero`` in the file's place are in
``tests/unit/test_settings_store.py``; a file the user cannot read is here,
as a second user, since root reads a mode 000 file all the same.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

import posturebreak
from posturebreak.core.events import Outcome, ReminderEvent
from posturebreak.core.reminders import NotificationStyle
from posturebreak.core.settings import Settings, settings_from_dict, settings_to_dict
from posturebreak.services import catalogue_files, settings_store
from posturebreak.services.activity_store import DATABASE_NAME, ActivityStore
from posturebreak.services.catalogue_files import USER_CATALOGUE_NAME, load_catalogue
from posturebreak.services.settings_store import SETTINGS_FILE_NAME, SettingsStore
from tests.conftest import ReportFigure
from tests.support.other_user import OTHER_UID, as_other_user, require_other_user
from tests.support.settings_files import exercise_documents, settings_documents

pytestmark = pytest.mark.reliability

FILES = 10_000
EXERCISE_FILES = 1_000
MOMENT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class FixedClock:
    def now(self) -> datetime:
        return MOMENT


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in ``folder`` with its bytes and modification time."""
    return {
        entry.name: (entry.read_bytes(), entry.stat().st_mtime_ns) for entry in folder.iterdir()
    }


def _a_real_activity_log(data: Path) -> None:
    store = ActivityStore(data / DATABASE_NAME, on_failure=pytest.fail)
    store.record(
        ReminderEvent(
            "stretch",
            "side-bend",
            MOMENT,
            MOMENT,
            NotificationStyle.BOTH,
            Outcome.DONE,
            MOMENT,
        )
    )
    store.close()


def _within_limits(loaded: Settings) -> bool:
    schedules = [reminder.schedule for reminder in loaded.reminders]
    sections = [*loaded.reminders, *schedules, loaded.schedule, loaded.general, loaded.pack]
    for section in sections:
        for item in fields(section):
            if "limits" in item.metadata:
                low, high = item.metadata["limits"]
                if not low <= getattr(section, item.name) <= high:
                    return False
    return True


@pytest.fixture
def fast_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory where there is one (fsync costs nothing there), else ``tmp_path``."""
    if not Path("/dev/shm").is_dir():
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="pb-settings-", dir="/dev/shm"))
    yield folder
    shutil.rmtree(folder)


def test_ten_thousand_broken_settings_files_never_break_loading(
    fast_folder: Path, report_figure: ReportFigure, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, data = fast_folder / "config", fast_folder / "data"
    # Thousands of warnings about broken files would only fill pytest's log capture.
    monkeypatch.setattr(logging.getLogger(settings_store.__name__), "disabled", True)
    data.mkdir()
    _a_real_activity_log(data)
    log_before = _snapshot(data)
    outcomes: Counter[str] = Counter()

    # Speed is the machine's business, not the test's: no deadline, no speed checks; the
    # folder is emptied by hand between examples, so the function-scoped tmp_path is fine.
    @settings(max_examples=FILES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(content=settings_documents())
    def load_one(content: bytes) -> None:
        shutil.rmtree(config, ignore_errors=True)
        config.mkdir()
        (config / SETTINGS_FILE_NAME).write_bytes(content)

        loaded = SettingsStore(config, FixedClock()).load()

        assert _within_limits(loaded.settings)
        assert settings_from_dict(settings_to_dict(loaded.settings)) == (loaded.settings, [])
        on_disk = (config / SETTINGS_FILE_NAME).read_bytes()
        if not loaded.problems:
            outcomes["fine as they were"] += 1
            assert on_disk == content
        elif loaded.kept_aside is None:
            outcomes["left alone (newer app)"] += 1
            assert on_disk == content and "newer than this app" in loaded.problems[0]
        else:
            outcomes["repaired, original kept aside"] += 1
            assert loaded.kept_aside.read_bytes() == content
            assert SettingsStore(config, FixedClock()).load() == type(loaded)(loaded.settings)
        message = loaded.user_message()
        assert (message is None) == (not loaded.problems)
        assert message is None or len(message) < 1500, message  # a notification, not a dump

    load_one()

    assert _snapshot(data) == log_before
    tried = sum(outcomes.values())
    assert tried >= FILES * 0.99  # Hypothesis may skip a few duplicates
    report_figure("settings files tried (generated and byte-mangled)", tried)
    report_figure("settings files: outcomes", dict(outcomes))


def test_a_thousand_broken_exercise_files_leave_the_shipped_exercises_in_place(
    fast_folder: Path, report_figure: ReportFigure, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging.getLogger(catalogue_files.__name__), "disabled", True)
    shipped, _ = load_catalogue(fast_folder / "nothing here")
    outcomes: Counter[str] = Counter()

    @settings(max_examples=EXERCISE_FILES, deadline=None, suppress_health_check=list(HealthCheck))
    @given(content=exercise_documents())
    def load_one(content: bytes) -> None:
        (fast_folder / USER_CATALOGUE_NAME).write_bytes(content)

        catalogue, message = load_catalogue(fast_folder)

        assert set(shipped.exercises) <= set(catalogue.exercises)
        if message is None:
            outcomes["used"] += 1
        else:
            outcomes["reported, shipped exercises only"] += 1
            assert catalogue.exercises == shipped.exercises
            assert len(message) < 1500, message  # a notification, not a dump

    load_one()

    tried = sum(outcomes.values())
    assert tried >= EXERCISE_FILES * 0.99
    report_figure("exercise files tried (generated and byte-mangled)", tried)
    report_figure("exercise files: outcomes", dict(outcomes))


# Loads the settings in argv[1] as this (unprivileged) user; prints what came of it.
LOAD_AS_USER = """
import sys
sys.path[:0] = sys.argv[2:]
from datetime import UTC, datetime
from pathlib import Path
from posturebreak.services.settings_store import SettingsStore

class Clock:
    def now(self):
        return datetime.now(UTC)

print(SettingsStore(Path(sys.argv[1]), Clock()).load().user_message())
"""


@pytest.fixture
def other_users_folder() -> Iterator[Path]:
    """A folder of the second user's, outside root's private pytest folders."""
    require_other_user()
    folder = Path(tempfile.mkdtemp(prefix="pb-other-"))
    folder.chmod(0o755)
    os.chown(folder, OTHER_UID, OTHER_UID)
    yield folder
    shutil.rmtree(folder)


def test_a_settings_file_its_owner_cannot_read_is_left_alone_with_a_message(
    other_users_folder: Path,
) -> None:
    config = other_users_folder / "config"
    config.mkdir()
    settings_file = config / SETTINGS_FILE_NAME
    settings_file.write_text("version = 1\n[general]\nsound = false\n")
    settings_file.chmod(0)
    for path in (config, settings_file):
        os.chown(path, OTHER_UID, OTHER_UID)
    # As root, mode 000 means nothing: the file is read like any other.
    assert SettingsStore(config, FixedClock()).load().settings.general.sound is False

    import_paths = {
        str(Path(module.__file__ or "").parents[1]) for module in (posturebreak, tomli_w)
    }
    loading = as_other_user(LOAD_AS_USER, os.fspath(config), *import_paths)
    output, errors = loading.communicate(timeout=60)

    assert loading.returncode == 0, errors
    assert "settings.toml could not be read (Permission denied)" in output
    assert "leaving the file as it is" in output
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0  # not replaced, not set aside
    assert sorted(path.name for path in config.iterdir()) == [SETTINGS_FILE_NAME]


@pytest.mark.parametrize("opener", ["[", "{a = "])
def test_nesting_too_deep_for_the_toml_parser_is_a_clear_message(
    tmp_path: Path, opener: str
) -> None:
    deep = f"version = 1\nnested = {opener * 5000}\n"
    (tmp_path / SETTINGS_FILE_NAME).write_text(deep)
    (tmp_path / USER_CATALOGUE_NAME).write_text(deep)

    loaded = SettingsStore(tmp_path, FixedClock()).load()
    catalogue, message = load_catalogue(tmp_path)

    assert loaded.problems == ("settings.toml nests arrays or tables too deeply",)
    assert loaded.kept_aside is not None and loaded.kept_aside.read_text() == deep
    assert message is not None and "exercises.toml nests arrays or tables too deeply" in message
    assert catalogue.exercises  # the shipped ones carry on
