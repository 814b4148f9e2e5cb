"""Things that are not plain files, put where the app expects one, and a watchdog for them."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

SPECIAL_KINDS = ("fifo", "folder", "device")
T = TypeVar("T")


def make_special(path: Path, kind: str) -> None:
    """A FIFO, a folder, or a symlink to ``/dev/zero`` (endless bytes) at ``path``."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")


def promptly(work: Callable[[], T], timeout: float = 20) -> T:
    """``work()``'s result, or a failed test if it is still blocked after ``timeout`` seconds.

    The work runs in a daemon thread, so a call stuck in ``open()`` on a FIFO
    fails the test instead of hanging the whole run.
    """
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # handed to the test's thread
            failure.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        pytest.fail(f"still blocked after {timeout} s")
    if failure:
        raise failure[0]
    return outcome[0]
