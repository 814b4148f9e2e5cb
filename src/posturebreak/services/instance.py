"""One running instance per profile, and a local socket to give it commands.

The first instance listens on a Qt local socket. A second launch finds it,
asks it to show itself and exits, so two schedulers never run at once. The
same socket carries ``posture-break pause|resume|skip|status`` from the
command line: one JSON request line, one JSON reply line.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

Request = dict[str, Any]
Reply = dict[str, Any]
_TIMEOUT_MS = 3000


def send_command(name: str, request: Request, timeout_ms: int = _TIMEOUT_MS) -> Reply | None:
    """Sends one request to the running instance; None when no instance answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return None
    socket.write(json.dumps(request).encode() + b"\n")
    socket.waitForBytesWritten(timeout_ms)
    data = b""
    while not data.endswith(b"\n") and socket.waitForReadyRead(timeout_ms):
        data += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    try:
        reply = json.loads(data)
    except ValueError:
        return None
    return reply if isinstance(reply, dict) else None


class InstanceServer(QObject):
    """Listens for commands from later launches and answers them with ``handler``."""

    def __init__(
        self, name: str, handler: Callable[[Request], Reply], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def claim(self) -> bool:
        """Starts listening; False when another live instance already holds the name."""
        # Ask first: with socket options set, Qt's listen() replaces a live socket file.
        if send_command(self._name, {"command": "ping"}) is not None:
            return False
        # Nobody answers; a crashed instance may have left its socket file behind.
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            # Reminders matter more than the control socket: run on without it.
            log.error(
                "Cannot listen on %s (%s); command-line control and the single-instance "
                "check are off for this run",
                self._name,
                self._server.errorString(),
            )
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                buf += bytes(sock.readAll().data())
                if b"\n" in buf:
                    sock.write(json.dumps(self._answer(bytes(buf))).encode() + b"\n")
                    sock.disconnectFromServer()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)

    def _answer(self, data: bytes) -> Reply:
        try:
            request = json.loads(data)
            if not isinstance(request, dict):
                raise ValueError("a request must be a JSON object")
            return self._handler(request)
        except ValueError as error:
            log.warning("Bad control request %r: %s", data[:200], error)
            return {"ok": False, "error": str(error)}
