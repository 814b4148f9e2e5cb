"""Where the control socket lives, who may talk on it, and the client side.

The socket sits in a folder only this user can enter: ``$XDG_RUNTIME_DIR/
posture-break`` when the runtime folder is ours and private, else a 0700
``run`` folder in the user's cache folder. A folder or socket file owned by
someone else, or open to others, is refused rather than used. Both ends
also check the peer's user id (``SO_PEERCRED``) before trusting it.

Linux first: elsewhere on Unix the peer check is skipped and the private
folder is the only guard; without ``AF_UNIX`` (Windows) there is no control
socket, so every launch runs on its own. No Qt here, so the command line
starts fast.
"""

from __future__ import annotations

import os
import socket
import stat
import struct
import tempfile
import time
from pathlib import Path
from typing import Any

import platformdirs

from posturebreak import APP_ID
from posturebreak.i18n import _

Request = dict[str, Any]
Reply = dict[str, Any]

MAX_REQUEST_BYTES = 4096
TIMEOUT_SECONDS = 3.0
# sun_path holds 108 bytes on Linux, including the terminating NUL.
_MAX_PATH_BYTES = 107
SUPPORTED = hasattr(socket, "AF_UNIX")


class SocketLocationError(OSError):
    """The socket's folder or file is not safe to use; the text says why."""


def current_uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def socket_path(name: str) -> Path:
    """The socket path for ``name`` in a private folder, created if missing.

    Raises :class:`SocketLocationError` when the folder belongs to someone else
    or is open to others, or when this system has no Unix sockets.
    """
    if not SUPPORTED:
        raise SocketLocationError(_("this system has no Unix sockets for command-line control"))
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and _is_private_folder(Path(runtime)):
        folder = Path(runtime) / APP_ID
    else:
        folder = Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "run"
    path = folder / f"{name}.sock"
    if len(os.fsencode(path)) > _MAX_PATH_BYTES:
        # A deep home folder: fall back to a short per-user folder, checked just the same.
        path = Path(tempfile.gettempdir()) / f"{APP_ID}-{current_uid()}" / f"{name}.sock"
    _make_private_folder(path.parent)
    check_socket_file(path)
    return path


def _is_private_folder(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == current_uid()
        and not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    )


def _make_private_folder(folder: Path) -> None:
    """Creates ``folder`` as 0700 whatever the umask, or checks the one that is there."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is masked by the umask
    except FileExistsError:
        pass
    except OSError as error:
        raise SocketLocationError(
            _("cannot create the control folder {folder}: {reason}").format(
                folder=folder, reason=error
            )
        ) from None
    if not _is_private_folder(folder):
        raise SocketLocationError(
            _("the control folder {folder} belongs to another user or is open to others").format(
                folder=folder
            )
        )


def check_socket_file(path: Path) -> None:
    """Refuses a file at ``path`` that is not a socket of ours."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != current_uid():
        raise SocketLocationError(
            _("{file} is not a socket of this user's; not using it").format(file=path)
        )


def peer_uid(sock: socket.socket) -> int | None:
    """The user id of the process at the other end, where the system tells it (Linux)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return None
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return int(uid)


def is_trusted_peer(sock: socket.socket) -> bool:
    """True when the peer runs as this user (or the system cannot tell, see above)."""
    uid = peer_uid(sock)
    return uid is None or uid == current_uid()


# json loads with the first message, not at the app's start (see test_start_up_imports).


def encode(message: Request | Reply) -> bytes:
    import json

    return json.dumps(message).encode() + b"\n"


def decode(line: bytes) -> object:
    """A message line as JSON; raises ValueError (or RecursionError when nested too deeply)."""
    import json

    return json.loads(line)


def instance_listens(path: Path) -> bool:
    """Whether an instance of this user accepts connections on ``path`` (a socket left by
    one that crashed refuses them). Sends nothing, so it loads nothing to encode with."""
    if not SUPPORTED:
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(TIMEOUT_SECONDS)
        try:
            sock.connect(os.fspath(path))
        except OSError:
            return False
        return is_trusted_peer(sock)


def send_command(path: Path, request: Request, timeout: float = TIMEOUT_SECONDS) -> Reply | None:
    """Sends one request; the reply, or None when nobody of this user answers."""
    if not SUPPORTED:
        return None
    deadline = time.monotonic() + timeout
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(os.fspath(path))
            if not is_trusted_peer(sock):
                return None  # an impostor: never show what it says
            sock.sendall(encode(request))
            data = b""
            while not data.endswith(b"\n") and len(data) <= MAX_REQUEST_BYTES:
                sock.settimeout(max(deadline - time.monotonic(), 0.001))
                chunk = sock.recv(MAX_REQUEST_BYTES)
                if not chunk:
                    break
                data += chunk
        except OSError:
            return None
    try:
        reply = decode(data)
    except (ValueError, RecursionError):
        return None
    return reply if isinstance(reply, dict) else None
