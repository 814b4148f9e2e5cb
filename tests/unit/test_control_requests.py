"""Control requests are checked before the app acts: names, types and ranges."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from posturebreak.core.commands import (
    MAX_PAUSE_MINUTES,
    BadRequestError,
    Command,
    ControlRequest,
    parse_request,
)


@pytest.mark.parametrize(
    "minutes",
    [
        1e10,
        1e308,
        float("inf"),
        float("-inf"),
        float("nan"),
        99999999999999999999999,
        525_600_000,
        MAX_PAUSE_MINUTES + 1,
        0,
        0.5,
        -5,
        True,
        False,
        "30",
        [30],
        {"m": 1},
    ],
)
def test_a_pause_outside_one_minute_to_a_week_or_not_a_number_is_refused(minutes: Any) -> None:
    with pytest.raises(BadRequestError):
        parse_request({"command": "pause", "minutes": minutes})


def test_json_infinity_and_huge_numbers_are_refused_as_decoded() -> None:
    for text in (
        '{"command": "pause", "minutes": Infinity}',
        '{"command": "pause", "minutes": 99999999999999999999999}',
        '{"command": "pause", "minutes": 1e400}',
    ):
        with pytest.raises(BadRequestError, match="a pause lasts from 1 minute to a week"):
            parse_request(json.loads(text))


@pytest.mark.parametrize("minutes", [1, 30, 90.5, MAX_PAUSE_MINUTES])
def test_a_pause_from_one_minute_to_a_week_is_accepted(minutes: float) -> None:
    assert parse_request({"command": "pause", "minutes": minutes}) == ControlRequest(
        Command.PAUSE, minutes=float(minutes)
    )


def test_a_pause_without_minutes_means_until_tomorrow() -> None:
    assert parse_request({"command": "pause"}).minutes is None


def test_break_now_takes_a_reminder_kind_and_defaults_to_stretch() -> None:
    assert parse_request({"command": "break-now"}).kind == "stretch"
    request = parse_request({"command": "break-now", "kind": "foot_stool"})
    assert request.kind == "foot_stool"
    assert parse_request({"command": "break-now", "kind": "my-nap"}).kind == "my-nap"
    with pytest.raises(BadRequestError, match="kind must be a reminder id like 'stretch'"):
        parse_request({"command": "break-now", "kind": "Nap!"})


@pytest.mark.parametrize("request_", [[], "status", None, {}, {"command": 1}, {"command": "dance"}])
def test_an_unknown_command_or_a_non_object_is_refused(request_: Any) -> None:
    with pytest.raises(BadRequestError):
        parse_request(request_)


def test_an_error_message_never_repeats_a_long_value_in_full() -> None:
    with pytest.raises(BadRequestError) as error:
        parse_request({"command": "x" * 5000})
    assert len(str(error.value)) < 80


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=10,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.sampled_from([c.value for c in Command]) | st.text(max_size=12), _json, _json)
def test_any_request_is_either_accepted_or_refused_with_bad_request(
    name: str, minutes: object, kind: object
) -> None:
    with contextlib.suppress(BadRequestError):
        parse_request({"command": name, "minutes": minutes, "kind": kind})
