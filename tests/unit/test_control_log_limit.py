"""Warnings anyone can trigger are rate-limited so they never flush the user's log."""

from __future__ import annotations

import logging

import pytest

from posturebreak.services.log_limit import BURST, RateLimitedLog


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_flood_logs_the_first_few_then_one_summary_a_minute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = _Clock()
    limited = RateLimitedLog(logging.getLogger("test.flood"), "bad requests", monotonic=clock)
    with caplog.at_level(logging.WARNING, "test.flood"):
        for number in range(1000):
            limited.warning("bad", "Bad request %d", number)
        assert len(caplog.records) == BURST
        clock.now += 60
        limited.warning("bad", "Bad request %d", 1000)
    messages = [record.getMessage() for record in caplog.records]
    assert messages[BURST] == "… 995 more bad requests not logged (at most 5 a minute)"
    assert messages[-1] == "Bad request 1000"
    assert len(messages) == BURST + 2


def test_each_key_has_its_own_allowance(caplog: pytest.LogCaptureFixture) -> None:
    limited = RateLimitedLog(logging.getLogger("test.keys"), "warnings", monotonic=_Clock())
    with caplog.at_level(logging.WARNING, "test.keys"):
        for _ in range(10):
            limited.warning("slow", "slow")
            limited.warning("large", "large")
    assert [r.getMessage() for r in caplog.records].count("large") == BURST
