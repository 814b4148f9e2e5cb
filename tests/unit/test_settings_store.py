"""settings.toml on disk: round trips, atomic writes, and recovery from broken files."""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

import pytest

from posturebreak.core.reminders import EveryActiveMinutes, NotificationStyle
from posturebreak.core.settings import OutsideWorkingHours, Settings
from posturebreak.services.settings_store import (
    MAX_SETTINGS_BYTES,
    SettingsSaveError,
    SettingsStore,
)
from tests.support.special_files import SPECIAL_KINDS, make_special, promptly

LEGS = "uncross_legs"


@dataclass
class FixedClock:
    moment: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment


def make_store(folder: Path) -> SettingsStore:
    return SettingsStore(folder, FixedClock())


def asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("settings.toml.broken-*"))


def test_a_first_start_writes_the_defaults_for_hand_editing(tmp_path: Path) -> None:
    loaded = make_store(tmp_path).load()
    assert loaded.settings == Settings() and loaded.user_message() is None
    text = (tmp_path / "settings.toml").read_text()
    assert '[[reminder]]\nid = "stretch"\nname = "Stretch"' in text
    assert "[reminder.schedule]\nevery_minutes = 45\n" in text


def test_saved_settings_load_back_unchanged(tmp_path: Path) -> None:
    changed = Settings().with_reminder(LEGS, schedule=EveryActiveMinutes(25), enabled=False)
    make_store(tmp_path).save(changed)
    assert make_store(tmp_path).load().settings == changed
    assert list(tmp_path.iterdir()) == [tmp_path / "settings.toml"]  # no temp files left


BROKEN_FILES = {
    "not TOML": (b"interval = = 3\n", "is not valid TOML"),
    "binary garbage": (bytes(range(256)) * 4, "is not a text file"),
    "empty": (b"", "was empty"),
    "only blanks": (b"  \n\n", "was empty"),
    "huge": (b"# " + b"x" * MAX_SETTINGS_BYTES + b"\n", "larger than 256 KiB"),
}


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_an_unreadable_file_is_kept_aside_and_defaults_are_written(
    tmp_path: Path, name: str
) -> None:
    content, reason = BROKEN_FILES[name]
    (tmp_path / "settings.toml").write_bytes(content)
    loaded = make_store(tmp_path).load()
    assert loaded.settings == Settings()
    assert reason in loaded.problems[0]
    assert asides(tmp_path) == [tmp_path / f"settings.toml.broken-{_stamp()}"]
    assert asides(tmp_path)[0].read_bytes() == content  # the original, whole
    assert make_store(tmp_path).load().problems == ()  # repaired on disk
    message = loaded.user_message()
    assert message is not None and f"kept as settings.toml.broken-{_stamp()}" in message


def _stamp() -> str:
    return FixedClock().moment.astimezone().strftime("%Y%m%d-%H%M%S")


def test_a_partly_broken_file_keeps_its_valid_values(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text(
        "[reminders.uncross_legs]\ninterval_minutes = 0\nbreak_seconds = 40\n"
        "[general]\nsound = false\nicon_theme = 'neon'\n"
    )
    loaded = make_store(tmp_path).load()
    legs = loaded.settings.reminder(LEGS)
    assert legs is not None
    assert legs.schedule == EveryActiveMinutes(20) and legs.break_seconds == 40
    assert loaded.settings.general.sound is False
    assert len(loaded.problems) == 2
    assert "uncross_legs.interval_minutes must be between 1 and 480, got 0" in (
        loaded.user_message() or ""
    )
    saved = tomllib.loads((tmp_path / "settings.toml").read_text())
    assert saved["version"] == 2
    assert saved["reminder"][1]["id"] == LEGS and saved["reminder"][1]["break_seconds"] == 40
    assert saved["general"]["icon_theme"] == "auto"


def test_two_broken_files_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    for content in (b"first = ", b"second = "):
        (tmp_path / "settings.toml").write_bytes(content)
        make_store(tmp_path).load()
    assert [p.read_bytes() for p in asides(tmp_path)] == [b"first = ", b"second = "]


def test_a_file_from_a_newer_app_is_never_written_over(tmp_path: Path) -> None:
    original = b"version = 3\n[future]\nhologram = true\n"
    (tmp_path / "settings.toml").write_bytes(original)
    store = make_store(tmp_path)
    loaded = store.load()
    assert loaded.settings == Settings()
    assert "version 3, newer than this app" in (loaded.user_message() or "")
    with pytest.raises(SettingsSaveError, match="left as it is"):
        store.save(Settings())
    assert (tmp_path / "settings.toml").read_bytes() == original
    assert asides(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_store(tmp_path)
    store.save(Settings())
    before = (tmp_path / "settings.toml").read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SettingsSaveError, match="No space left on device"):
        store.save(Settings().with_reminder(LEGS, schedule=EveryActiveMinutes(99)))
    assert (tmp_path / "settings.toml").read_bytes() == before
    assert list(tmp_path.iterdir()) == [tmp_path / "settings.toml"]


def test_a_folder_that_cannot_be_made_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the config folder should be")
    config = tmp_path / "blocked" / "config"
    with pytest.raises(SettingsSaveError, match=r"could not be saved to .*Not a directory"):
        make_store(config).save(Settings())
    store = make_store(config)
    loaded = store.load()
    assert loaded.settings == Settings()  # the app still starts, with defaults
    assert "settings.toml could not be read (Not a directory)" in (loaded.user_message() or "")


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_a_fifo_folder_or_device_in_place_of_the_file_is_set_aside_at_once(
    tmp_path: Path, kind: str
) -> None:
    make_special(tmp_path / "settings.toml", kind)
    loaded = promptly(make_store(tmp_path).load)
    assert loaded.settings == Settings()
    assert "settings.toml is a" in loaded.problems[0] and "not a file" in loaded.problems[0]
    assert loaded.kept_aside == tmp_path / f"settings.toml.broken-{_stamp()}"
    assert (tmp_path / "settings.toml").is_file()  # the defaults, to edit by hand
    assert promptly(make_store(tmp_path).load).problems == ()


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_peeking_past_a_fifo_folder_or_device_gives_the_defaults_at_once(
    tmp_path: Path, kind: str
) -> None:
    make_special(tmp_path / "settings.toml", kind)
    assert promptly(make_store(tmp_path).peek) == Settings()
    assert not asides(tmp_path)  # peeking changes nothing


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])
def test_settings_are_written_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        make_store(tmp_path).load()
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "settings.toml").stat().st_mode) == 0o600


def test_a_toml_error_quoting_a_huge_key_still_gives_a_short_message(tmp_path: Path) -> None:
    key = "\U00018d09" * 400
    content = f'[a."{key}"]\nx = 1\n[a."{key}"]\nx = 2\n'.encode()
    (tmp_path / "settings.toml").write_bytes(content)
    loaded = make_store(tmp_path).load()
    (problem,) = loaded.problems
    assert problem.startswith("settings.toml is not valid TOML (Cannot declare")
    assert problem.endswith("(at line 3, column 406))") and len(problem) < 260


# A settings file as version 1 of the app wrote it, with the user's changes.
_VERSION_1_FILE = """version = 1

[reminders.stretch]
enabled = true
interval_minutes = 40
break_seconds = 90
style = "popup"
snooze_minutes = 5

[reminders.uncross_legs]
enabled = false
interval_minutes = 20
break_seconds = 15
style = "notification"
snooze_minutes = 5

[reminders.foot_stool]
enabled = true
interval_minutes = 60
break_seconds = 30
style = "both"
snooze_minutes = 10

[schedule]
working_hours_start = "08:00"
working_hours_end = "16:00"
working_days = ["mon", "tue", "wed", "thu"]
outside_working_hours = "silent"
idle_threshold_minutes = 5
notifications_while_busy = "wait"

[general]
sound = false
start_at_login = false
first_day_of_week = "mon"
icon_theme = "auto"
daily_goal = 4

[pack]
on_minutes = 15
rest_minutes = 20
"""


def test_a_version_1_file_is_read_without_loss_and_saved_as_version_2(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text(_VERSION_1_FILE)
    store = make_store(tmp_path)
    loaded = store.load()
    assert loaded.problems == ()
    settings = loaded.settings
    stretch, legs, stool = (settings.reminder(ident) for ident in ("stretch", LEGS, "foot_stool"))
    assert stretch is not None and legs is not None and stool is not None
    assert stretch.schedule == EveryActiveMinutes(40) and stretch.break_seconds == 90
    assert stretch.style is NotificationStyle.POPUP
    assert legs.enabled is False and stool.style is NotificationStyle.BOTH
    assert stool.snooze_minutes == 10
    assert settings.schedule.working_hours_start == time(8)
    assert settings.schedule.outside_working_hours is OutsideWorkingHours.SILENT
    assert settings.general.daily_goal == 4 and settings.pack.on_minutes == 15
    store.save(settings)
    again = make_store(tmp_path).load()
    assert again.settings == settings and again.problems == ()
    assert tomllib.loads((tmp_path / "settings.toml").read_text())["version"] == 2
