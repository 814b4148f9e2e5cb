"""The login entry in the freedesktop.org autostart folder."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

from posturebreak.services.autostart import XdgAutostart, launch_command


def read_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text())
    return parser["Desktop Entry"]


def test_switching_on_writes_a_desktop_entry_and_off_removes_it(tmp_path: Path) -> None:
    autostart = XdgAutostart(tmp_path / "autostart", ["/usr/bin/python3", "-m", "posturebreak"])
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    entry = read_entry(tmp_path / "autostart" / "posture-break.desktop")
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "/usr/bin/python3 -m posturebreak"
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not autostart.is_enabled()
    autostart.set_enabled(False)  # already off: fine


def test_paths_with_spaces_and_quotes_are_quoted_for_the_exec_key(tmp_path: Path) -> None:
    python = '/home/ann/My Apps/"pb"/bin/python'
    XdgAutostart(tmp_path, [python, "-m", "posturebreak"]).set_enabled(True)
    exec_value = read_entry(tmp_path / "posture-break.desktop")["Exec"]
    # The desktop file unescapes "\\\\" to "\\"; Exec quoting then reads like a shell word.
    assert shlex.split(exec_value.replace("\\\\", "\\")) == [python, "-m", "posturebreak"]


def test_the_launch_command_runs_this_interpreter() -> None:
    command = launch_command()
    assert Path(command[0]).is_absolute() and command[1:] == ["-m", "posturebreak"]
