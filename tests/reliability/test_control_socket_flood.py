"""The real app's control socket under thousands of hostile messages and 200 connections
held open: it answers ``status`` throughout, its memory stays put, each bad message costs
at most one (rate-limited) log line, and nobody else gets in.

The app is started as in ``tests/e2e/test_control_socket.py`` (offscreen, its own
profile and runtime folder, 256 open files at most).
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import stat
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ReportFigure
from tests.support.desktop import wait_until
from tests.support.other_user import CONNECT_AND_ASK, as_other_user
from tests.support.socket_app import RunningApp, connect_nonblocking, raw_request, running_app

pytestmark = [pytest.mark.reliability, pytest.mark.e2e]

# Requests with no effect on the app (a mangled pause or break could become a real one).
HARMLESS = [
    b'{"command": "status"}',
    b'{"command": "ping"}',
    b'{"command": "dance"}',
    b'{"command": "status", "json": [1, 2, {"a": null}]}',
    b"[" * 100 + b"]" * 100,
]
TEN_MB = 10 * 1024 * 1024
RSS_GROWTH_KIB = 5 * 1024
# The limiter logs 5 a minute per kind of complaint (bad, large, slow, busy, ...), then
# one summary line; a run that crosses a minute may start a second window.
LOG_LINES_AT_MOST = 2 * (4 * 5 + 4)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningApp]:
    with running_app(tmp_path, monkeypatch) as running:
        yield running


def _connect(app: RunningApp) -> socket.socket:
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(10)
    client.connect(os.fspath(app.socket))
    return client


def _mangled(rng: random.Random) -> bytes:
    line = bytearray(rng.choice(HARMLESS))
    for _ in range(rng.randint(1, 4)):
        line[rng.randrange(len(line))] = rng.randrange(256)
    return bytes(line).replace(b"\n", b" ")


def _random_bytes(rng: random.Random, most: int) -> bytes:
    return rng.randbytes(rng.randint(0, most)).replace(b"\n", b" ")


def _partial(app: RunningApp, data: bytes) -> None:
    """Sends part of a request, no newline, and hangs up."""
    with _connect(app) as client:
        client.sendall(data)


def _oversized(app: RunningApp) -> None:
    """10 MB without a newline; the app refuses it after 4 KiB and closes."""
    with _connect(app) as client, contextlib.suppress(OSError):  # closed on us mid-send
        client.sendall(b"z" * TEN_MB)


def _slow_clients(app: RunningApp, count: int) -> int:
    """``count`` clients send a status request a byte at a time, in turns; between turns
    another client must get its status. Returns how many status replies came meanwhile."""
    line = b'{"command": "status"}\n'
    clients = [_connect(app) for _ in range(count)]
    answered = 0
    for position in range(len(line)):
        for client in clients:
            client.sendall(line[position : position + 1])
        assert app.answers_status()
        answered += 1
    for client in clients:
        with client:
            assert client.makefile("rb").readline().startswith(b'{"ok": true')
    return answered


def test_thousands_of_hostile_messages_neither_stop_status_nor_grow_memory_or_the_log(
    app: RunningApp, report_figure: ReportFigure
) -> None:
    for _ in range(20):  # warm up what answering allocates once
        assert app.answers_status()
    rss_before, lines_before = app.rss_kib(), app.log_text().count("\n")
    rng = random.Random(15)
    sent: Counter[str] = Counter()
    status_checks = 0
    for number in range(2_000):
        kind = rng.choices(["mangled", "random", "partial", "random partial"], [4, 4, 1, 1])[0]
        if kind == "mangled":
            reply = raw_request(app.socket, _mangled(rng))
            assert reply["ok"] is False or reply.get("message") or reply.get("state")
        elif kind == "random":
            assert raw_request(app.socket, _random_bytes(rng, 300))["ok"] is False
        elif kind == "partial":
            _partial(app, rng.choice(HARMLESS)[: rng.randint(1, 20)])
        else:
            _partial(app, _random_bytes(rng, 4000))
        sent[kind] += 1
        if number % 50 == 0:
            assert app.answers_status()
            status_checks += 1
    for _ in range(5):
        _oversized(app)
        assert app.answers_status()
        status_checks += 1
    sent["10 MB, no newline"] = 5
    status_checks += _slow_clients(app, 10)
    sent["slow, a byte at a time"] = 10
    with _connect(app) as stalled:  # half a request, then nothing: the app's deadline
        stalled.sendall(b'{"command": "sta')
        assert b"no complete request in time" in stalled.makefile("rb").readline()
    sent["stalled"] = 1

    assert app.answers_status()
    rss_after, new_lines = app.rss_kib(), app.log_text().count("\n") - lines_before
    assert rss_after - rss_before < RSS_GROWTH_KIB
    assert new_lines <= LOG_LINES_AT_MOST
    total = sum(sent.values())
    assert total >= 2_000
    report_figure("control socket: hostile messages sent", f"{total} ({dict(sent)})")
    report_figure("control socket: status answered in between", status_checks)
    report_figure(
        "control socket: RSS before / after (MB)",
        f"{rss_before / 1024:.1f} / {rss_after / 1024:.1f}",
    )
    report_figure("control socket: log lines for all of them", new_lines)


def test_two_hundred_connections_held_open_never_lock_out_status_or_let_others_in(
    app: RunningApp, report_figure: ReportFigure
) -> None:
    assert stat.S_IMODE(app.socket.stat().st_mode) == 0o600
    assert stat.S_IMODE(app.socket.parent.stat().st_mode) == 0o700
    rss_before, fds_before = app.rss_kib(), app.open_fds()
    held: list[socket.socket] = []
    answered = 0
    try:
        while len(held) < 200:
            held.append(wait_until(lambda: connect_nonblocking(app.socket), 20, "backlog room"))
            if len(held) % 10 == 0:  # answered throughout, not once the others time out
                assert app.answers_status()
                answered += 1
        other = as_other_user(CONNECT_AND_ASK, os.fspath(app.socket))
        assert other.communicate(timeout=30)[0].strip() == "PermissionError"
        fds_during = app.open_fds()
    finally:
        for client in held:
            client.close()
    assert fds_during <= fds_before + 16 + 1
    assert app.rss_kib() - rss_before < RSS_GROWTH_KIB
    report_figure(
        "control socket: 200 connections held open",
        f"status answered {answered}/{answered} times meanwhile; app fds {fds_before} before, "
        f"{fds_during} during",
    )
