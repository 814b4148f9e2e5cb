"""Temporary files of saves cut short by ``kill -9`` are cleared at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from posturebreak.core.clock import SystemClock
from posturebreak.services.atomic_file import remove_leftovers
from posturebreak.services.settings_store import SettingsStore

# A save that is killed after writing half of the new file, before the rename.
_KILLED_SAVE = """
import os, signal, sys
from pathlib import Path
from posturebreak.core.clock import SystemClock
from posturebreak.services.atomic_file import replaced_atomically
with replaced_atomically(Path(sys.argv[1])) as file:
    file.write(b"version = 1\\n[sched")
    file.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_save_killed_halfway_leaves_the_file_whole_and_its_leftover_is_removed(
    tmp_path: Path,
) -> None:
    target = tmp_path / "settings.toml"
    target.write_text("version = 1\n")
    killed = subprocess.run([sys.executable, "-c", _KILLED_SAVE, str(target)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert target.read_text() == "version = 1\n"
    assert len(list(tmp_path.glob(".settings.toml.*.tmp"))) == 1

    assert remove_leftovers(target) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.toml"]


def test_only_regular_temporary_files_of_that_file_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    kept = {
        "settings.toml": "version = 1\n",
        ".exercises.toml.abc.tmp": "another file's save",
        "settings.toml.broken-20261128-1000": "kept aside on purpose",
    }
    for name, text in kept.items():
        (tmp_path / name).write_text(text)
    (tmp_path / ".settings.toml.dir.tmp").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text("not ours to remove")
    (tmp_path / ".settings.toml.link.tmp").symlink_to(elsewhere)
    (tmp_path / ".settings.toml.x1y2.tmp").write_text("half a sa")

    assert remove_leftovers(target) == 1
    assert not (tmp_path / ".settings.toml.x1y2.tmp").exists()
    assert elsewhere.read_text() == "not ours to remove"
    for name, text in kept.items():
        assert (tmp_path / name).read_text() == text


def test_a_missing_folder_has_nothing_to_clear(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "absent" / "settings.toml") == 0


def test_the_settings_store_clears_its_own_leftovers(tmp_path: Path) -> None:
    (tmp_path / ".settings.toml.k3y.tmp").write_text("half")
    SettingsStore(tmp_path, SystemClock()).remove_leftovers()
    assert os.listdir(tmp_path) == []
