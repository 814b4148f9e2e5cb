"""Runs a snippet of plain Python as a second local user (nobody, uid 65534).

The control socket's guards are about other users, so their tests need a real
one. We run tests as root, where ``setpriv`` can switch; elsewhere they skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

OTHER_UID = 65534
_SYSTEM_PYTHON = "/usr/bin/python3"


def require_other_user() -> None:
    if os.geteuid() != 0 or shutil.which("setpriv") is None or not os.path.exists(_SYSTEM_PYTHON):
        pytest.skip("needs root, setpriv and /usr/bin/python3 to act as a second user")


def as_other_user(code: str, *args: str) -> subprocess.Popen[str]:
    """Starts ``code`` as uid 65534 (stdlib only); its stdout says what happened."""
    require_other_user()
    return subprocess.Popen(
        [
            "setpriv",
            f"--reuid={OTHER_UID}",
            f"--regid={OTHER_UID}",
            "--clear-groups",
            _SYSTEM_PYTHON,
            "-c",
            code,
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd="/",
    )


# Connects to argv[1], sends a status request, prints the reply or the error's name.
CONNECT_AND_ASK = """
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(10)
try:
    s.connect(sys.argv[1])
    s.sendall(b'{"command": "status"}\\n')
    print("reply:" + s.recv(4096).decode())
except OSError as error:
    print(type(error).__name__)
"""

# Binds a listener at argv[1] (answering every request with an impostor's status),
# prints "listening" or the error's name.
SQUAT = """
import socket, sys
s = socket.socket(socket.AF_UNIX)
try:
    s.bind(sys.argv[1])
except OSError as error:
    print(type(error).__name__, flush=True)
    raise SystemExit
s.listen(4)
print("listening", flush=True)
while True:
    conn, _ = s.accept()
    conn.recv(4096)
    conn.sendall(b'{"ok": true, "message": "impostor", "state": {}}\\n')
    conn.close()
"""
