"""``posture-break stats`` and ``export`` include the comfort check-ins."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from posturebreak.core.comfort import CheckIn
from posturebreak.services.activity_store import DATABASE_NAME, ActivityStore
from posturebreak.services.comfort_store import ComfortLog
from tests.unit.test_report_commands import run


def answer_days(profile: Path, answers: list[tuple[int, str | None]]) -> None:
    """One check-in a day, today first and then back in time."""
    store = ActivityStore(profile / "data" / DATABASE_NAME, on_failure=pytest.fail)
    log = ComfortLog(store.connection, store.path)
    noon_today = datetime.now(UTC).astimezone().replace(hour=12, minute=0, second=0)
    for days_back, (comfort, setting) in enumerate(answers):
        at = noon_today - timedelta(days=days_back)
        log.save(CheckIn(at.date(), comfort, at, "", setting))
    store.close()


def stool_trial_on(profile: Path) -> None:
    (profile / "config").mkdir(parents=True, exist_ok=True)
    (profile / "config" / "settings.toml").write_text(
        '[stool_trial]\nenabled = true\nsettings = ["low", "high"]\n'
    )


def test_stats_gives_the_average_comfort_over_the_period(tmp_path: Path) -> None:
    answer_days(tmp_path, [(6, None), (7, None), (7, None), (2, None)])
    result = run(tmp_path, "stats", "--days", "3")
    assert result.returncode == 0, result.stderr
    assert "Comfort: 6.7 average over 3 days" in result.stdout
    assert "per stool setting" not in result.stdout  # the trial is off


def test_stats_without_check_ins_says_so(tmp_path: Path) -> None:
    result = run(tmp_path / "profile", "stats")
    assert "Comfort: no check-ins yet" in result.stdout


def test_stats_shows_comfort_per_stool_setting_while_the_trial_runs(tmp_path: Path) -> None:
    stool_trial_on(tmp_path)
    answer_days(tmp_path, [(8, "high"), (5, "low"), (7, "high"), (4, "low"), (9, "high")])
    result = run(tmp_path, "stats")
    assert (
        "Comfort per stool setting: low: needs 1 more day · high: 8.0 over 3 days" in result.stdout
    )
    document = json.loads(run(tmp_path, "stats", "--json").stdout)
    assert document["comfort"] == {
        "average": 6.6,
        "days": 5,
        "per_stool_setting": [
            {"setting": "low", "average": None, "days": 2, "days_missing": 1},
            {"setting": "high", "average": 8.0, "days": 3, "days_missing": 0},
        ],
    }


def test_export_writes_check_ins_in_csv_and_json(tmp_path: Path) -> None:
    answer_days(tmp_path, [(6, None), (3, None)])
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "export").stdout)))
    assert [row["comfort"] for row in rows] == ["3", "6"]
    today = datetime.now(UTC).astimezone().date()
    since = run(tmp_path, "export", "--format", "json", "--since", today.isoformat())
    assert [c["comfort"] for c in json.loads(since.stdout)["comfort"]] == [6]
