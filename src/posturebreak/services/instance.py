"""One running instance per profile, and the local socket that gives it commands.

The first instance listens on a Unix socket in a private folder (see
:mod:`posturebreak.services.control_socket`). A second launch finds it, asks
it to show itself and exits, so two schedulers never run at once. The same
socket carries ``posture-break pause|resume|status|…``: one JSON request
line, one JSON reply line, then the connection closes.

Anything on the machine may connect, so the server is defensive: peers of
another user are dropped, at most :data:`MAX_CONNECTIONS` are open at once
(a new one pushes out the longest-open one, which is told "busy": so the
backlog never eats file descriptors, and connections held open cannot lock
the command line out), a connection that does not send a full request within
:data:`DEADLINE_MS` is closed, a request longer than
:data:`~posturebreak.services.control_socket.MAX_REQUEST_BYTES` gets an
error, and no request can raise out of the handler. Warnings about bad
requests are rate-limited. Sockets are nonblocking and watched by
``QSocketNotifier``; a timer runs only while a connection is open.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from posturebreak.i18n import _
from posturebreak.services.control_socket import (
    MAX_REQUEST_BYTES,
    Reply,
    Request,
    SocketLocationError,
    check_socket_file,
    decode,
    encode,
    is_trusted_peer,
    send_command,
    socket_path,
)
from posturebreak.services.log_limit import RateLimitedLog

log = logging.getLogger(__name__)
_limited = RateLimitedLog(log, "control socket warnings")

MAX_CONNECTIONS = 16
DEADLINE_MS = 3000
_CLAIM_TIMEOUT_SECONDS = 1.0
_ACCEPT_RETRY_MS = 1000
_DRAIN_CHUNKS = 16
_OUT_OF_RESOURCES = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)


class InstanceServer(QObject):
    """Listens for commands from later launches and answers them with ``handler``.

    ``handler`` may raise :class:`ValueError` for a bad request (its text is the
    error reply); any other exception is logged and answered as an internal error.
    """

    def __init__(
        self,
        name: str,
        handler: Callable[[Request], Reply],
        parent: QObject | None = None,
        *,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._path = path  # tests give one; normally found in claim()
        self._listener: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._connections: dict[int, _Connection] = {}
        self._inode: int | None = None  # of our socket file, to remove only our own

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def connection_count(self) -> int:
        return len(self._connections)

    def claim(self) -> bool:
        """Starts listening; False when a live instance of this user already answers.

        When the socket cannot be used, the app runs on without it: reminders
        matter more than command-line control.
        """
        try:
            path = self._path or socket_path(self._name)
        except SocketLocationError as error:
            log.error("%s; command-line control and the single-instance check are off", error)
            return True
        self._path = path
        if send_command(path, {"command": "ping"}, _CLAIM_TIMEOUT_SECONDS) is not None:
            return False
        try:
            check_socket_file(path)
            path.unlink(missing_ok=True)  # left behind by an instance that crashed
            self._listener = self._listen(path)
            self._inode = path.stat().st_ino
        except OSError as error:
            log.error(
                "Cannot listen on %s (%s); command-line control and the single-instance "
                "check are off for this run",
                path,
                error,
            )
            return True
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        log.info("Listening for commands on %s", path)
        return True

    @staticmethod
    def _listen(path: Path) -> socket.socket:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(os.fspath(path))
            os.chmod(path, 0o600)
            listener.listen(MAX_CONNECTIONS)
            listener.setblocking(False)
        except OSError:
            listener.close()
            raise
        return listener

    def close(self) -> None:
        for connection in list(self._connections.values()):
            connection.close()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None
            if self._path is not None and _inode(self._path) == self._inode:
                self._path.unlink()

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                sock, _address = self._listener.accept()
            except BlockingIOError:
                return
            except OSError as error:
                self._pause_accepting(error)
                return
            self._take(sock)

    def _pause_accepting(self, error: OSError) -> None:
        """Out of file descriptors (or similar): stop polling a while instead of spinning."""
        _limited.warning("accept", "Control socket cannot accept a connection: %s", error)
        if self._notifier is not None and error.errno in _OUT_OF_RESOURCES:
            notifier = self._notifier
            notifier.setEnabled(False)
            QTimer.singleShot(_ACCEPT_RETRY_MS, self, lambda: notifier.setEnabled(True))

    def _take(self, sock: socket.socket) -> None:
        if not is_trusted_peer(sock):
            _limited.warning("peer", "Control connection from another user refused")
            sock.close()
            return
        if len(self._connections) >= MAX_CONNECTIONS:
            # A real client sends its line at once, so the longest-open one is the idlest.
            _limited.warning("busy", "Too many control connections; closed the longest-open one")
            next(iter(self._connections.values())).give_way()
        sock.setblocking(False)
        connection = _Connection(sock, self)
        self._connections[sock.fileno()] = connection
        connection.done.connect(self._forget)

    def _forget(self, fd: int) -> None:
        self._connections.pop(fd, None)

    def answer(self, data: bytes) -> Reply:
        """The reply to one request line; never raises."""
        try:
            request = decode(data)
            if not isinstance(request, dict):
                raise ValueError(_("a request must be a JSON object"))
            return self._handler(request)
        except RecursionError:
            _limited.warning("bad", "Bad control request: nested too deeply")
            return {"ok": False, "error": _("the request is nested too deeply")}
        except ValueError as error:
            _limited.warning("bad", "Bad control request %r: %s", data[:80], error)
            return {"ok": False, "error": str(error)}
        except Exception:  # a bug of ours: one request must never take the app down
            _limited.warning("failed", "A control command failed", exc_info=True)
            return {"ok": False, "error": _("the command failed inside the app; see its log")}


class _Connection(QObject):
    """One client: reads a request line within the deadline, answers once, closes."""

    done = Signal(int)

    def __init__(self, sock: socket.socket, server: InstanceServer) -> None:
        super().__init__(server)
        self._sock = sock
        self._fd = sock.fileno()
        self._server = server
        self._buffer = bytearray()
        self._closed = False
        self._notifier = QSocketNotifier(self._fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._expire)
        self._timer.start(DEADLINE_MS)

    def _read(self) -> None:
        try:
            chunk = self._sock.recv(MAX_REQUEST_BYTES + 1)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.close()
            return
        self._buffer += chunk
        line, newline, _rest = bytes(self._buffer).partition(b"\n")
        if newline:
            self._reply(self._server.answer(line))
        elif len(self._buffer) > MAX_REQUEST_BYTES:
            _limited.warning("large", "Control request over %d bytes refused", MAX_REQUEST_BYTES)
            self._reply(
                {
                    "ok": False,
                    "error": _("a request is at most {size} bytes").format(size=MAX_REQUEST_BYTES),
                }
            )

    def give_way(self) -> None:
        """Closes this connection to make room for a newer one."""
        self._reply({"ok": False, "error": _("busy, try again in a few seconds")})

    def _expire(self) -> None:
        _limited.warning("slow", "Control connection sent no full request in time; closed")
        self._reply({"ok": False, "error": _("no complete request in time")})

    def _reply(self, reply: Reply) -> None:
        self._notifier.setEnabled(False)
        _send_and_close(self._sock, reply)
        self.close()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._notifier.setEnabled(False)
        self._sock.close()
        self.done.emit(self._fd)
        self.deleteLater()


def _inode(path: Path) -> int | None:
    try:
        return path.lstat().st_ino
    except OSError:
        return None


def _send_and_close(sock: socket.socket, reply: Reply) -> None:
    try:
        sock.setblocking(False)
        sock.send(encode(reply))  # a few hundred bytes: fits the socket buffer
        # Closing with unread input resets the connection and the client loses the
        # reply; read away what a too-long request left pending, within reason.
        for _chunk in range(_DRAIN_CHUNKS):
            if not sock.recv(MAX_REQUEST_BYTES):
                break
    except OSError:
        pass  # nothing more to read, or the client left
    sock.close()
