"""Starts the app for a command that needs it, then hands the command to it.

A launcher action such as *Settings* or *Take a break now* runs ``posture-break
settings``; when the app is not running (no autostart, quit earlier) there is no
terminal to read "not running", so the command starts the app in the background
and waits until it answers.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from posturebreak.services.control_socket import Reply, Request, send_command

START_TIMEOUT_SECONDS = 30.0
_POLL_SECONDS = 0.1


def start_and_send(
    argv: Sequence[str], socket: Path, request: Request, timeout: float = START_TIMEOUT_SECONDS
) -> Reply | None:
    """Starts ``argv`` (the app) detached from this process, then sends ``request`` once it
    answers; None when it exits or does not answer within ``timeout`` seconds."""
    app = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # it outlives this command and its terminal
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = send_command(socket, request)
        if reply is not None:
            return reply
        if app.poll() is not None:  # it failed (see its log), or another one started first
            return send_command(socket, request)
        time.sleep(_POLL_SECONDS)  # the socket offers no way to wait for it to appear
    return None
