"""The launcher: which starts put the tray icon up first, and a second launch that does not."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from posturebreak.launch import _instance_running
from posturebreak.paths import AppPaths
from posturebreak.services.control_socket import socket_path
from posturebreak.start_words import profile_dir_named, starts_the_app


@pytest.mark.parametrize(
    ("words", "starts"),
    [
        ([], True),
        (["--verbose"], True),
        (["--profile-dir", "/p", "--verbose"], True),
        (["--profile-dir=/p"], True),
        (["--profile-dir"], False),  # the parser says what is missing
        (["status"], False),
        (["--help"], False),
        (["--verbose", "pause"], False),
    ],
)
def test_only_a_plain_start_shows_the_tray_first(words: list[str], starts: bool) -> None:
    assert starts_the_app(words) is starts


def test_the_profile_is_the_last_one_named() -> None:
    assert profile_dir_named([]) is None
    assert profile_dir_named(["--profile-dir", "/a"]) == Path("/a")
    assert profile_dir_named(["--profile-dir=/a", "--profile-dir", "/b"]) == Path("/b")


def test_a_second_launch_finds_the_running_instance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    words = ["--profile-dir", str(tmp_path / "profile")]
    path = socket_path(AppPaths.under(tmp_path / "profile").instance_name)
    assert not _instance_running(words)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(os.fspath(path))
        listener.listen(1)
        assert _instance_running(words)
    # A socket left by an instance that crashed: nobody accepts, so this start is the one.
    assert path.exists()
    assert not _instance_running(words)
