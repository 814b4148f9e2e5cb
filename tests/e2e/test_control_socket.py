"""The real app's control socket under abuse: idle floods, huge messages, bad requests,
another user, and the command line's own commands.

The app runs as a subprocess on Qt's offscreen platform (no desktop needed:
these tests are about the socket), with its own profile and a private
``XDG_RUNTIME_DIR``.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.desktop import wait_until
from tests.support.other_user import CONNECT_AND_ASK, SQUAT, as_other_user
from tests.support.socket_app import (
    FD_LIMIT,
    RunningApp,
    connect_nonblocking,
    raw_request,
    running_app,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningApp]:
    with running_app(tmp_path, monkeypatch) as running:
        yield running


def test_a_thousand_idle_connections_never_exhaust_the_apps_file_descriptors(
    app: RunningApp, capsys: pytest.CaptureFixture[str]
) -> None:
    fds_before = app.open_fds()
    held: list[socket.socket] = []
    most_fds = fds_before
    while len(held) < 1100:
        client = wait_until(lambda: connect_nonblocking(app.socket), 20, "room in the backlog")
        held.append(client)
        most_fds = max(most_fds, app.open_fds())
    try:
        # Still alive, still listening, and answering: idle ones make room for new ones.
        wait_until(app.answers_status, 20, "a status reply")
        assert app.process.poll() is None and app.socket.exists()
        fds_after = app.open_fds()
    finally:
        for client in held:
            client.close()
    assert most_fds <= fds_before + 16 + 2
    with capsys.disabled():
        print(
            f"\n[figures] 1100 idle connections: app fds {fds_before} before, at most "
            f"{most_fds} during (limit {FD_LIMIT}), {fds_after} once answered, all still held"
        )


def test_a_flood_of_oversized_messages_neither_grows_memory_nor_lingers(
    app: RunningApp, capsys: pytest.CaptureFixture[str]
) -> None:
    rss_before = app.rss_kib()
    chunk = b"x" * (2 * 1024 * 1024)
    for _ in range(50):
        client = socket.socket(socket.AF_UNIX)
        client.settimeout(10)
        client.connect(os.fspath(app.socket))
        with contextlib.suppress(OSError):  # refused and closed early, as it should be
            client.sendall(chunk)  # no newline
        client.close()
    big = socket.socket(socket.AF_UNIX)
    big.settimeout(10)
    big.connect(os.fspath(app.socket))
    try:
        big.sendall(b"y" * (10 * 1024 * 1024))
        assert big.recv(4096) in (
            b"",
            b'{"ok": false, "error": "a request is at most 4096 bytes"}\n',
        )
    except OSError:
        pass  # closed on us mid-send: not buffered
    big.close()
    assert app.ask({"command": "status"}) is not None
    rss_after = app.rss_kib()
    assert rss_after - rss_before < 10 * 1024
    with capsys.disabled():
        print(
            f"\n[figures] RSS {rss_before // 1024} MB before, {rss_after // 1024} MB after "
            "50 x 2 MB + 1 x 10 MB messages without a newline"
        )


BAD_REQUESTS = [
    b'{"command": "pause", "minutes": 1e10}',
    b'{"command": "pause", "minutes": 1e308}',
    b'{"command": "pause", "minutes": Infinity}',
    b'{"command": "pause", "minutes": 99999999999999999999999}',
    b'{"command": "pause", "minutes": true}',
    b'{"command": "pause", "minutes": 525600000}',
    b"[" * 1000 + b"]" * 1000,
    b"not json",
    b'{"command": "dance"}',
    b'{"command": "break-now", "kind": "nap"}',
]


def test_every_bad_request_gets_an_error_and_a_flood_barely_touches_the_log(
    app: RunningApp, capsys: pytest.CaptureFixture[str]
) -> None:
    lines_before = app.log_text().count("\n")
    for number in range(1000):
        reply = raw_request(app.socket, BAD_REQUESTS[number % len(BAD_REQUESTS)])
        assert reply["ok"] is False and reply["error"]
    status = app.ask({"command": "status"})
    assert status is not None and status["state"]["paused"] is False  # type: ignore[index]
    new_lines = app.log_text().count("\n") - lines_before
    assert new_lines <= 10
    with capsys.disabled():
        print(f"\n[figures] 1000 bad requests: {new_lines} log lines")


def test_another_user_can_neither_connect_nor_squat_the_socket(app: RunningApp) -> None:
    asking = as_other_user(CONNECT_AND_ASK, os.fspath(app.socket))
    assert asking.communicate(timeout=30)[0].strip() == "PermissionError"
    app.socket.unlink()  # as if it were gone: still nobody else may put one there
    squat = as_other_user(SQUAT, os.fspath(app.socket))
    assert squat.communicate(timeout=30)[0].strip() == "PermissionError"
    assert not app.socket.exists()


def test_the_command_line_quits_the_app_cleanly(app: RunningApp) -> None:
    result = app.cli("quit")
    assert (result.returncode, result.stdout) == (0, "Quitting.\n")
    assert app.process.wait(20) == 0
    assert not app.socket.exists()
    assert app.cli("status").stderr == "Posture Break is not running.\n"


def test_the_command_line_reports_what_each_command_did(app: RunningApp) -> None:
    assert app.cli("break-now", "foot_stool").stdout == "Foot stool break started.\n"
    assert app.cli("settings").stdout == "Opened settings.\n"
    assert app.cli("history").stdout == "Opened history.\n"
    state = json.loads(app.cli("status", "--json").stdout)
    assert set(state) == {"status", "paused", "paused_until", "next", "pack", "qt"}
    too_long = app.cli("pause", "--minutes", "1e12")
    assert too_long.returncode == 2
    assert "a pause lasts from 1 minute to a week" in too_long.stderr
    assert app.cli("pause", "--minutes", "90").stdout.startswith("Paused until")
    paused = json.loads(app.cli("status", "--json").stdout)
    assert paused["paused"] is True and paused["paused_until"]
    assert app.process.poll() is None
