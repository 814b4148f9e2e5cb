"""Comfort check-ins: the rules of an answer, the average, and the days of the chart."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from posturebreak.core.comfort import (
    MAX_NOTE_LENGTH,
    CheckIn,
    ComfortAverage,
    ComfortDay,
    InvalidCheckInError,
    comfort_days,
)

AT = datetime(2037, 3, 2, 17, 0, tzinfo=UTC)


def answer(day: int, comfort: int, setting: str | None = None) -> CheckIn:
    return CheckIn(date(2037, 3, day), comfort, AT, stool_setting=setting)


@pytest.mark.parametrize("comfort", [-1, 11, True])
def test_comfort_outside_0_to_10_is_refused(comfort: int) -> None:
    with pytest.raises(InvalidCheckInError, match="from 0 to 10"):
        CheckIn(date(2037, 3, 2), comfort, AT)


def test_a_note_is_kept_on_one_line_and_capped() -> None:
    check_in = CheckIn(date(2037, 3, 2), 7, AT, note="  long\nmeeting \t" + "x" * 500)
    assert check_in.note.startswith("long meeting x")
    assert len(check_in.note) == MAX_NOTE_LENGTH


def test_the_average_says_over_how_many_days() -> None:
    average = ComfortAverage.of([answer(2, 6), answer(3, 7), answer(4, 6)])
    assert average.average == pytest.approx(19 / 3)
    assert average.text == "Comfort: 6.3 average over 3 days"
    assert ComfortAverage.of([answer(2, 5)]).text == "Comfort: 5.0 average over 1 day"
    assert ComfortAverage.of([]).text == "Comfort: no check-ins yet"


def test_every_day_of_the_chart_is_there_with_its_answer_and_breaks() -> None:
    days = [date(2037, 3, day) for day in (2, 3, 4)]
    shown = comfort_days(days, [answer(3, 8)], {date(2037, 3, 2): 4, date(2037, 3, 3): 6})
    assert shown == [
        ComfortDay(date(2037, 3, 2), None, 4),
        ComfortDay(date(2037, 3, 3), 8, 6),
        ComfortDay(date(2037, 3, 4), None, 0),
    ]
