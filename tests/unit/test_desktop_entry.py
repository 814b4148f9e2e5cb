"""install-desktop-entry and uninstall-desktop-entry: the launcher entry, metainfo and icons
go into the XDG data folder, and exactly they come out again."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from posturebreak import DESKTOP_ID
from posturebreak.cli import main
from posturebreak.services.desktop_entry import (
    APP_ICON_SIZES,
    MANIFEST,
    DesktopEntryError,
    install,
    running_command,
    uninstall,
)
from tests.support.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
ENTRY = f"applications/{DESKTOP_ID}.desktop"


def read_entry(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def everything_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


def test_install_puts_the_entry_metainfo_and_every_icon_size_in_the_data_folder(
    tmp_path: Path,
) -> None:
    installed = install(tmp_path, ["/opt/pipx/venvs/posture-break/bin/posture-break"])
    names = {path.relative_to(tmp_path).as_posix() for path in installed}
    assert ENTRY in names
    assert f"metainfo/{DESKTOP_ID}.metainfo.xml" in names
    assert f"icons/hicolor/scalable/apps/{DESKTOP_ID}.svg" in names
    for size in APP_ICON_SIZES:
        assert f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png" in names
    assert all(path.stat().st_mode & 0o777 == 0o644 for path in installed)
    assert (tmp_path / MANIFEST).stat().st_mode & 0o777 == 0o600


def test_every_exec_line_runs_the_installation_that_installed_it(tmp_path: Path) -> None:
    install(tmp_path, ["/home/a b/.local/bin/posture-break"])
    entry = read_entry(tmp_path / ENTRY)
    quoted = '"/home/a b/.local/bin/posture-break"'
    assert entry["Desktop Entry"]["Exec"] == quoted
    actions = [section for section in entry.sections() if section.startswith("Desktop Action")]
    assert len(actions) == 5
    assert entry["Desktop Action pause-hour"]["Exec"] == f"{quoted} pause --minutes 60"
    assert all(entry[action]["Exec"].startswith(f"{quoted} ") for action in actions)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_installed_entry_is_valid(tmp_path: Path) -> None:
    install(tmp_path, ['/opt/100% \\ "$odd"/posture-break'])
    subprocess.run(["desktop-file-validate", str(tmp_path / ENTRY)], check=True)


def test_uninstall_removes_exactly_what_install_added(tmp_path: Path) -> None:
    (tmp_path / "applications").mkdir()
    mine = tmp_path / "applications" / "someone-else.desktop"
    mine.write_text("[Desktop Entry]\n")
    (tmp_path / "posture-break").mkdir()
    (tmp_path / "posture-break" / "activity.sqlite3").write_bytes(b"the user's log")
    before = everything_under(tmp_path)
    install(tmp_path, ["posture-break"])
    install(tmp_path, ["posture-break"])  # again: a refresh, e.g. after an upgrade
    assert len(uninstall(tmp_path)) == 2 + 1 + len(APP_ICON_SIZES)
    assert everything_under(tmp_path) == before
    assert uninstall(tmp_path) == []  # nothing left to do


def test_install_refuses_to_replace_a_file_it_did_not_put_there(tmp_path: Path) -> None:
    theirs = tmp_path / ENTRY
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\nName=Hand-made\n")
    with pytest.raises(DesktopEntryError, match="already there and was not installed"):
        install(tmp_path, ["posture-break"])
    assert everything_under(tmp_path) == {"applications", f"{ENTRY}"}
    assert uninstall(tmp_path) == []
    assert theirs.read_text() == "[Desktop Entry]\nName=Hand-made\n"


def test_a_broken_manifest_is_reported_not_guessed_at(tmp_path: Path) -> None:
    install(tmp_path, ["posture-break"])
    (tmp_path / MANIFEST).write_text("{not json")
    with pytest.raises(DesktopEntryError, match="cannot read"):
        uninstall(tmp_path)
    assert (tmp_path / ENTRY).exists()


@pytest.mark.parametrize(
    "manifest",
    [
        '{"files": "applications", "folders": [], "caches": []}',
        '{"files": ["../outside.txt"], "folders": [], "caches": []}',
        '{"files": ["/etc/hostname"], "folders": [], "caches": []}',
        '{"files": [], "folders": [""], "caches": []}',
        '{"files": []}',
        "[]",
    ],
)
def test_a_manifest_never_makes_removal_reach_outside_the_data_folder(
    tmp_path: Path, manifest: str
) -> None:
    home = tmp_path / "share"
    (home / MANIFEST).parent.mkdir(parents=True)
    (home / MANIFEST).write_text(manifest)
    (tmp_path / "outside.txt").write_text("keep me")
    with pytest.raises(DesktopEntryError, match="cannot read"):
        uninstall(home)
    assert (tmp_path / "outside.txt").read_text() == "keep me"


def test_the_launcher_runs_the_posture_break_script_else_this_interpreter() -> None:
    assert running_command("/opt/venv/bin/posture-break") == ["/opt/venv/bin/posture-break"]
    assert running_command("/src/posturebreak/__main__.py")[1:] == ["-m", "posturebreak"]


def test_the_commands_install_into_xdg_data_home_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop-entry"]) == 0
    assert f"Installed {3 + len(APP_ICON_SIZES)} files in {tmp_path}" in capsys.readouterr().out
    assert main(["uninstall-desktop-entry"]) == 0
    assert capsys.readouterr().out == f"Removed {3 + len(APP_ICON_SIZES)} files from {tmp_path}.\n"
    assert main(["uninstall-desktop-entry"]) == 0
    assert capsys.readouterr().out == "Nothing to remove.\n"
    (tmp_path / "applications").mkdir()  # uninstall removed the folder it had made
    (tmp_path / ENTRY).write_text("mine")
    assert main(["install-desktop-entry"]) == 1
    assert "move it away" in capsys.readouterr().err


def test_a_wheel_installed_in_a_venv_installs_its_own_files_and_script(tmp_path: Path) -> None:
    """What ``pipx install .`` then ``posture-break install-desktop-entry`` does."""
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        assert f"posturebreak/packaging/{DESKTOP_ID}.metainfo.xml" in archive.namelist()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", venv / "bin/python", "install", "-q",
         "--no-deps", "--no-index", wheel],
        check=True, capture_output=True,
    )  # fmt: skip
    # The dependencies come from this environment; posturebreak itself from the venv.
    dependencies = next(Path(path) for path in sys.path if path.endswith("site-packages"))
    data = tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(dependencies), "XDG_DATA_HOME": str(data)}
    script = venv / "bin" / "posture-break"
    subprocess.run([script, "install-desktop-entry"], env=env, check=True, capture_output=True)
    assert read_entry(data / ENTRY)["Desktop Entry"]["Exec"] == str(script)
    packaged = venv.glob(f"lib/python*/site-packages/posturebreak/packaging/{DESKTOP_ID}.*.xml")
    assert (data / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").read_bytes() == next(
        packaged
    ).read_bytes()
    subprocess.run([script, "uninstall-desktop-entry"], env=env, check=True, capture_output=True)
    assert not (data / ENTRY).exists()
