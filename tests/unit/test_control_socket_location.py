"""The control socket lives in a private folder, and the client trusts only its own user."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from posturebreak.services.control_socket import (
    SocketLocationError,
    send_command,
    socket_path,
)
from tests.support.other_user import OTHER_UID, SQUAT, as_other_user, require_other_user


@pytest.fixture
def runtime_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private runtime folder with a short path (pytest's own are near the socket limit)."""
    runtime = Path(tempfile.mkdtemp(prefix="pbrt-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("XDG_CACHE_HOME", str(runtime / "cache"))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    yield runtime
    shutil.rmtree(runtime)


def test_the_socket_goes_in_a_0700_folder_in_the_runtime_dir_whatever_the_umask(
    runtime_dir: Path,
) -> None:
    old = os.umask(0)
    try:
        path = socket_path("posture-break-1234abcd")
    finally:
        os.umask(old)
    assert path == runtime_dir / "posture-break" / "posture-break-1234abcd.sock"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_runtime_dir_open_to_others_is_not_used(runtime_dir: Path, tmp_path: Path) -> None:
    os.chmod(runtime_dir, 0o777)
    path = socket_path("name")
    assert path == runtime_dir / "cache" / "posture-break" / "run" / "name.sock"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_folder_open_to_others_is_refused(runtime_dir: Path) -> None:
    (runtime_dir / "posture-break").mkdir(mode=0o755)
    os.chmod(runtime_dir / "posture-break", 0o755)
    with pytest.raises(SocketLocationError, match="open to others"):
        socket_path("name")


def test_a_folder_of_another_user_is_refused(runtime_dir: Path) -> None:
    require_other_user()
    folder = runtime_dir / "posture-break"
    folder.mkdir(mode=0o700)
    os.chown(folder, OTHER_UID, OTHER_UID)
    with pytest.raises(SocketLocationError, match="belongs to another user"):
        socket_path("name")


def test_a_file_that_is_not_our_socket_is_refused(runtime_dir: Path) -> None:
    (runtime_dir / "posture-break").mkdir(mode=0o700)
    (runtime_dir / "posture-break" / "name.sock").write_text("")
    with pytest.raises(SocketLocationError, match="not a socket of this user's"):
        socket_path("name")


def test_a_path_too_long_for_a_unix_socket_falls_back_to_a_short_private_folder(
    runtime_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    deep = runtime_dir / ("d" * 100)
    deep.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    path = socket_path("name")
    assert path == tmp_path / f"posture-break-{os.getuid()}" / "name.sock"
    assert len(os.fsencode(path)) <= 107


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder anyone may write to, as the shared /tmp is."""
    folder = Path("/tmp") / f"pb-shared-{os.getpid()}"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o1777)
    yield folder
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def test_the_client_ignores_a_listener_of_another_user(open_folder: Path) -> None:
    path = open_folder / "impostor.sock"
    impostor = as_other_user(SQUAT, os.fspath(path))
    try:
        assert impostor.stdout is not None
        assert impostor.stdout.readline().strip() == "listening"
        # It does answer, but not as us: the client treats it as nobody.
        raw = socket.socket(socket.AF_UNIX)
        raw.connect(os.fspath(path))
        raw.sendall(b"{}\n")
        assert b"impostor" in raw.recv(4096)
        raw.close()
        assert send_command(path, {"command": "status"}) is None
    finally:
        impostor.kill()
        impostor.communicate()


def test_another_user_can_neither_enter_nor_squat_the_socket_folder(runtime_dir: Path) -> None:
    path = socket_path("name")
    os.chmod(runtime_dir, 0o755)  # even with the runtime dir itself open to pass through
    squat = as_other_user(SQUAT, os.fspath(path))
    out, _ = squat.communicate(timeout=30)
    assert out.strip() == "PermissionError"
    assert not path.exists()
