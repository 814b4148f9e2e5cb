"""An error nobody catches, even in a Qt slot, and Qt's own warnings end up in the log file.

Runs in a subprocess: pytest-qt replaces ``sys.excepthook`` and Qt's message
handler in this process, which is exactly what is under test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, qDebug, qWarning
from posturebreak.logsetup import configure_logging, log_uncaught_exceptions
from posturebreak.ui.qt_log import log_qt_messages

configure_logging(Path(sys.argv[1]), verbose=False)
log_uncaught_exceptions()
log_qt_messages()
app = QCoreApplication([])

class Source(QObject):
    fired = Signal()

def broken_slot():
    raise RuntimeError("a slot went wrong")

def afterwards():
    qWarning("a warning from Qt")
    qDebug("debug chatter from Qt")  # below the log's INFO level: dropped
    print("still running", flush=True)
    app.quit()

source = Source()
source.fired.connect(broken_slot)
QTimer.singleShot(0, source.fired.emit)
QTimer.singleShot(0, afterwards)
sys.exit(app.exec())
"""


def test_an_exception_in_a_slot_is_logged_and_the_app_goes_on(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "still running\n"
    log = (tmp_path / "posture-break.log").read_text(encoding="utf-8")
    assert "CRITICAL posturebreak.logsetup: Uncaught exception" in log
    assert "RuntimeError: a slot went wrong" in log and "in broken_slot" in log
    assert "WARNING qt: a warning from Qt" in log
    assert "debug chatter" not in log
