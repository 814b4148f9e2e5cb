"""``posture-break dnd``: the request it sends and how the app checks it."""

from __future__ import annotations

import pytest

from posturebreak.cli import build_parser
from posturebreak.core.commands import (
    BadRequestError,
    Command,
    ControlRequest,
    DoNotDisturbUntil,
    parse_request,
)


def test_each_form_of_dnd_is_checked_into_a_request() -> None:
    assert parse_request({"command": "dnd"}) == ControlRequest(Command.DND)
    assert parse_request({"command": "dnd", "minutes": 45}) == ControlRequest(
        Command.DND, minutes=45.0
    )
    assert parse_request({"command": "dnd", "until": "tomorrow"}).until is (
        DoNotDisturbUntil.TOMORROW
    )
    assert parse_request({"command": "dnd", "until": "off"}).until is DoNotDisturbUntil.OFF


@pytest.mark.parametrize(
    "request_",
    [
        {"command": "dnd", "until": "never"},
        {"command": "dnd", "until": ["off"]},
        {"command": "dnd", "minutes": 1e12},
        {"command": "dnd", "minutes": True},
        {"command": "dnd", "minutes": 5, "until": "off"},
    ],
)
def test_bad_dnd_requests_are_refused(request_: dict[str, object]) -> None:
    with pytest.raises(BadRequestError):
        parse_request(request_)


def test_the_command_line_takes_one_length_at_most(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    assert parser.parse_args(["dnd", "--off"]).off
    assert parser.parse_args(["dnd", "--minutes", "90"]).minutes == 90.0
    with pytest.raises(SystemExit):
        parser.parse_args(["dnd", "--off", "--until-tomorrow"])
    assert "not allowed with argument" in capsys.readouterr().err
