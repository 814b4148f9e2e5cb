"""Start at login: the freedesktop.org autostart folder, the Windows Run key (faked) and a
macOS LaunchAgent."""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import sys
from pathlib import Path

import pytest

from posturebreak.services.autostart import XdgAutostart, autostart_here, launch_command
from posturebreak.services.autostart_macos import LAUNCH_AGENT_LABEL, LaunchAgentAutostart
from posturebreak.services.autostart_windows import RunKeyAutostart


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


class FakeRunKey:
    """The Run key as a dict, with another program's value already in it."""

    def __init__(self) -> None:
        self.values = {"OneDrive": r'"C:\Program Files\OneDrive\OneDrive.exe" /background'}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_start_at_login_adds_and_removes_exactly_its_run_value() -> None:
    run_key = FakeRunKey()
    before = dict(run_key.values)
    exe = r"C:\Users\Ann Lee\AppData\Local\Programs\Posture Break\posture-break.exe"
    autostart = RunKeyAutostart(run_key, [exe])
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    assert run_key.values["Posture Break"] == f'"{exe}"'
    autostart.set_enabled(False)
    assert run_key.values == before
    autostart.set_enabled(False)  # already off: fine


def test_windows_command_lines_quote_arguments_as_windows_splits_them() -> None:
    command = [r"C:\Python 3.12\python.exe", "-m", "posturebreak"]
    assert RunKeyAutostart(FakeRunKey(), command).command_line == (
        r'"C:\Python 3.12\python.exe" -m posturebreak'
    )


def test_macos_start_at_login_writes_a_launch_agent_and_removes_only_it(tmp_path: Path) -> None:
    agents = tmp_path / "Library" / "LaunchAgents"
    agents.mkdir(parents=True)
    (agents / "com.example.other.plist").write_bytes(plistlib.dumps({"Label": "other"}))
    app = "/Applications/Posture Break.app/Contents/MacOS/Posture Break"
    autostart = LaunchAgentAutostart(agents, [app])
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    agent = plistlib.loads((agents / f"{LAUNCH_AGENT_LABEL}.plist").read_bytes())
    assert agent["Label"] == LAUNCH_AGENT_LABEL
    assert agent["ProgramArguments"] == [app]
    assert agent["RunAtLoad"] is True and "KeepAlive" not in agent
    autostart.set_enabled(False)
    assert sorted(path.name for path in agents.iterdir()) == ["com.example.other.plist"]


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("linux", XdgAutostart), ("freebsd14", XdgAutostart), ("darwin", LaunchAgentAutostart)],
)
def test_each_system_gets_its_own_way(tmp_path: Path, platform: str, expected: type) -> None:
    chosen = autostart_here(tmp_path, ["app"], separate_profile=False, platform=platform)
    assert isinstance(chosen, expected) and chosen.unsupported_reason is None


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_a_separate_profile_never_changes_a_per_user_login_list(
    tmp_path: Path, platform: str
) -> None:
    chosen = autostart_here(tmp_path, ["app"], separate_profile=True, platform=platform)
    assert chosen.unsupported_reason and not chosen.is_enabled()
    with pytest.raises(OSError):
        chosen.set_enabled(True)
    assert not any(tmp_path.iterdir())


def test_a_frozen_bundle_starts_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launch_command() == [os.path.abspath(sys.executable)]
