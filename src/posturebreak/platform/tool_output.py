"""Asks a desktop's command-line tool (pactl, gsettings) a question, briefly and safely."""

from __future__ import annotations

import logging
import subprocess

log = logging.getLogger(__name__)

# A stuck sound server or settings daemon must not hold a reminder up for long.
_TIMEOUT_S = 2.0


def tool_output(argv: list[str]) -> str | None:
    """What the tool printed, or None when it is missing, failed or did not answer in time."""
    try:
        answer = subprocess.run(
            argv, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.debug("%s did not answer: %s", argv[0], error)
        return None
    return answer.stdout if answer.returncode == 0 else None
