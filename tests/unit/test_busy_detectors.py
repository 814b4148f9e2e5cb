"""The parts of the busy detectors that need no desktop: the camera, and their absence."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from posturebreak.core.do_not_disturb import BusyReason
from posturebreak.platform.calls import CallDetector
from posturebreak.platform.desktop import busy_detectors
from posturebreak.platform.full_screen_x11 import FullScreenDetector


def fake_process(proc: Path, pid: int, *targets: str) -> None:
    fds = proc / str(pid) / "fd"
    fds.mkdir(parents=True)
    for number, target in enumerate(targets):
        (fds / str(number)).symlink_to(target)


def test_a_camera_held_open_by_another_program_means_a_call(tmp_path: Path) -> None:
    fake_process(tmp_path, 4242, "/dev/null", "/dev/pts/1")
    calls = CallDetector(None, proc=tmp_path)
    assert calls.reason is BusyReason.CALL and not calls.busy()
    fake_process(tmp_path, 4343, "/dev/video0")
    assert calls.busy()
    assert calls.name == "Call detection: camera only (no pactl for the microphone)"


def test_our_own_camera_use_and_unreadable_processes_do_not_count(tmp_path: Path) -> None:
    fake_process(tmp_path, os.getpid(), "/dev/video0")
    (tmp_path / "7").mkdir()  # a process whose fds we may not read
    (tmp_path / "self").mkdir()
    assert not CallDetector(None, proc=tmp_path).busy()


def test_a_missing_pactl_or_one_that_fails_is_not_a_call(tmp_path: Path) -> None:
    failing = tmp_path / "pactl"
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    assert not CallDetector(str(failing), proc=tmp_path).busy()
    assert not CallDetector(str(tmp_path / "none"), proc=tmp_path).busy()


def test_without_an_x_display_there_is_no_full_screen_detection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert FullScreenDetector.open() is None
    assert [d.reason for d in busy_detectors("wayland")] == [BusyReason.DESKTOP, BusyReason.CALL]
