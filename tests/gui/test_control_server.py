"""The control socket server on real Unix sockets: limits, bad requests, other users."""

from __future__ import annotations

import contextlib
import json
import os
import select
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from posturebreak.core.commands import BadRequestError
from posturebreak.services import instance
from posturebreak.services.control_socket import MAX_REQUEST_BYTES, Reply, Request
from posturebreak.services.instance import MAX_CONNECTIONS, InstanceServer
from tests.support.other_user import CONNECT_AND_ASK, as_other_user


def _handler(request: Request) -> Reply:
    if request.get("command") == "crash":
        raise OverflowError("cannot convert float infinity to integer")
    if request.get("command") == "bad":
        raise BadRequestError("minutes must be a number")
    return {"ok": True, "message": "fine"}


@pytest.fixture
def server(qtbot: QtBot, tmp_path: Path) -> Iterator[InstanceServer]:
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    running = InstanceServer("test", _handler, path=folder / "test.sock")
    assert running.claim()
    yield running
    running.close()
    running.deleteLater()
    qtbot.wait(1)


def _connect(server: InstanceServer) -> socket.socket:
    assert server.path is not None
    client = socket.socket(socket.AF_UNIX)
    client.connect(os.fspath(server.path))
    return client


def _reply(qtbot: QtBot, client: socket.socket, timeout_ms: int = 5000) -> Any:
    """Waits (running the Qt loop) until the server answers and closes; the decoded reply."""
    data = bytearray()

    def closed() -> bool:
        while select.select([client], [], [], 0)[0]:
            chunk = client.recv(65536)
            if not chunk:
                return True
            data.extend(chunk)
        return False

    qtbot.waitUntil(closed, timeout=timeout_ms)
    client.close()
    return json.loads(data) if data else None


def test_a_good_request_gets_one_reply_then_the_connection_closes(
    server: InstanceServer, qtbot: QtBot
) -> None:
    client = _connect(server)
    client.sendall(b'{"command": "status"}\n')
    assert _reply(qtbot, client) == {"ok": True, "message": "fine"}
    qtbot.waitUntil(lambda: server.connection_count == 0)


@pytest.mark.parametrize(
    ("request_line", "error"),
    [
        (b'{"command": "bad"}\n', "minutes must be a number"),
        (b"[1, 2]\n", "a request must be a JSON object"),
        (b"not json\n", "Expecting value"),
        (b"[" * 1000 + b"]" * 1000 + b"\n", "nested too deeply"),
        (b'{"command": "crash"}\n', "the command failed inside the app"),
    ],
)
def test_every_bad_request_gets_an_error_reply(
    server: InstanceServer, qtbot: QtBot, request_line: bytes, error: str
) -> None:
    client = _connect(server)
    client.sendall(request_line)
    reply = _reply(qtbot, client)
    assert reply["ok"] is False and error in reply["error"]


def test_a_request_over_the_size_cap_is_refused_and_closed(
    server: InstanceServer, qtbot: QtBot
) -> None:
    client = _connect(server)
    client.setblocking(False)
    with contextlib.suppress(BlockingIOError):
        client.send(b"x" * (MAX_REQUEST_BYTES * 4))
    reply = _reply(qtbot, client)
    assert reply == {"ok": False, "error": f"a request is at most {MAX_REQUEST_BYTES} bytes"}
    assert server.connection_count == 0


def test_a_silent_connection_is_closed_after_the_deadline(
    server: InstanceServer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(instance, "DEADLINE_MS", 100)
    client = _connect(server)
    client.sendall(b'{"command": "status"')  # never finished
    reply = _reply(qtbot, client)
    assert reply == {"ok": False, "error": "no complete request in time"}
    assert server.connection_count == 0


def test_a_connection_beyond_the_cap_pushes_out_the_longest_open_one(
    server: InstanceServer, qtbot: QtBot
) -> None:
    idle = [_connect(server) for _ in range(MAX_CONNECTIONS)]
    qtbot.waitUntil(lambda: server.connection_count == MAX_CONNECTIONS)
    extra = _connect(server)
    extra.sendall(b'{"command": "status"}\n')
    assert _reply(qtbot, extra) == {"ok": True, "message": "fine"}
    assert _reply(qtbot, idle[0])["error"] == "busy, try again in a few seconds"
    assert server.connection_count == MAX_CONNECTIONS - 1
    for client in idle[1:]:
        client.close()
    qtbot.waitUntil(lambda: server.connection_count == 0)


def test_no_timer_runs_while_no_connection_is_open(server: InstanceServer, qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer

    client = _connect(server)
    client.sendall(b'{"command": "status"}\n')
    _reply(qtbot, client)
    qtbot.waitUntil(lambda: server.connection_count == 0)
    qtbot.wait(10)  # let deleteLater run
    assert [t for t in server.findChildren(QTimer) if t.isActive()] == []


def test_a_peer_of_another_user_is_dropped_unanswered(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    # An open folder, so only the peer check can stop the other user.
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"pb-open-{os.getpid()}"
    folder.mkdir(mode=0o777, exist_ok=True)
    os.chmod(folder, 0o777)
    path = folder / "test.sock"
    server = InstanceServer("test", _handler, path=path)
    try:
        assert server.claim()
        os.chmod(path, 0o777)
        other = as_other_user(CONNECT_AND_ASK, os.fspath(path))
        qtbot.waitUntil(lambda: other.poll() is not None, timeout=10_000)
        # Dropped unanswered: an empty reply, or a reset or broken pipe for its request.
        assert other.communicate()[0].strip() in (
            "reply:",
            "ConnectionResetError",
            "BrokenPipeError",
        )
    finally:
        server.close()
        server.deleteLater()
        folder.rmdir()
    assert "Control connection from another user refused" in caplog.text
