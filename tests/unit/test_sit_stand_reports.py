"""``posture-break stats`` tells time standing today and this week."""

from __future__ import annotations

import json
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.sit_stand import Posture, PostureSwitch, StandingTime, week_start
from posturebreak.paths import AppPaths
from posturebreak.reports import read_standing, read_summary, stats_json, stats_text
from posturebreak.services.activity_store import DATABASE_NAME, open_database
from posturebreak.services.sit_stand_store import write_switches
from tests.unit.test_report_commands import run

MIN = timedelta(minutes=1)


@dataclass
class FixedClock:
    moment: datetime

    def now(self) -> datetime:
        return self.moment


def local(*fields: int) -> datetime:
    return datetime(*fields).astimezone()  # type: ignore[misc]


def log_switches(paths: AppPaths, *switches: PostureSwitch) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    with closing(open_database(paths.data_dir / DATABASE_NAME)) as connection:
        write_switches(connection, list(switches))


def test_standing_today_and_this_week_from_the_logged_switches(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    wednesday = local(2026, 3, 4, 12, 0)
    log_switches(
        paths,
        PostureSwitch(Posture.STANDING, local(2026, 3, 1, 10, 0)),  # Sunday: last week
        PostureSwitch(Posture.SITTING, local(2026, 3, 1, 10, 30)),
        PostureSwitch(Posture.STANDING, local(2026, 3, 2, 10, 0)),  # Monday
        PostureSwitch(Posture.SITTING, local(2026, 3, 2, 10, 15)),
        PostureSwitch(Posture.STANDING, wednesday - 20 * MIN),  # still standing
    )
    assert read_standing(paths, FixedClock(wednesday)) == StandingTime(20 * MIN, 35 * MIN)


def test_nothing_is_said_while_sit_stand_is_off_and_unused(tmp_path: Path) -> None:
    assert read_standing(AppPaths.under(tmp_path), FixedClock(datetime.now(UTC))) is None


@pytest.mark.parametrize("first_day", [0, 6])
def test_the_week_starts_on_the_users_first_day(first_day: int) -> None:
    wednesday = local(2026, 3, 4, 12, 0).date()
    assert week_start(wednesday, first_day).weekday() == first_day
    assert 0 <= (wednesday - week_start(wednesday, first_day)).days < 7


def test_stats_text_and_json_carry_the_standing_line(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    summary = read_summary(paths, FixedClock(datetime.now(UTC)), 7)
    standing = StandingTime(25 * MIN, 130 * MIN)
    assert "Standing: 25 min today, 2 h 10 min this week" in stats_text(summary, standing)
    document = json.loads(stats_json(summary, standing))
    assert document["standing_minutes"] == {"today": 25, "this_week": 130}
    assert "Standing" not in stats_text(summary) and "standing_minutes" not in stats_json(summary)


def test_the_stats_command_shows_standing_once_sit_stand_is_on(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text("[sit_stand]\nenabled = true\n")
    result = run(tmp_path, "stats")
    assert result.returncode == 0, result.stderr
    assert "Standing: 0 min today, 0 min this week" in result.stdout
