"""The exercise catalogue: the shipped file, the loader's messages, user additions, rotation."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from posturebreak.core.catalogue import Catalogue, CatalogueError, parse_catalogue
from posturebreak.core.categories import Category
from posturebreak.core.reminders import SHIPPED_REMINDERS, ReminderAction
from posturebreak.core.rotation import ExerciseRotation
from posturebreak.resources import resources_dir
from posturebreak.services.catalogue_files import load_catalogue

ENTRY = """
[[exercise]]
id = "wall-sit"
category = "movement"
title = "Wall sit"
instruction = "Slide down a wall a little and hold."
duration_seconds = 30
"""


def shipped() -> Catalogue:
    catalogue, message = load_catalogue(Path("/nonexistent"))
    assert message is None
    return catalogue


def test_the_shipped_catalogue_covers_every_topic_with_25_or_more_entries() -> None:
    catalogue = shipped()
    assert len(catalogue.exercises) >= 25
    for category in Category:
        assert catalogue.in_category(category), category
    for reminder in SHIPPED_REMINDERS.values():
        if reminder.action is ReminderAction.BREAK:  # the breathing reminder: 2 and more
            least = 4 if reminder.enabled else 2
            assert len(catalogue.in_categories(reminder.categories)) >= least, reminder.id


# What each shipped reminder suggested when exercises named their reminder kinds.
_SUGGESTED_BEFORE = {
    "stretch": "standing-back-extension hip-flexor-stretch seated-spinal-twist seated-figure-four "
    "knee-to-chest hamstring-stretch side-bend standing-cat-cow shoulder-rolls neck-release "
    "short-walk sit-to-stand pelvic-tilt abdominal-bracing slow-breathing body-scan "
    "tennis-ball-wall foam-roller",
    "uncross_legs": "feet-flat even-sit-bones hips-back lumbar-support seat-height "
    "monitor-eye-level keyboard-mouse-reach",
    "foot_stool": "stool-height-distance alternate-foot-positions foot-rocking press-and-release "
    "massage-ball-feet",
}


def test_the_shipped_reminders_draw_from_categories_the_exercises_they_always_had() -> None:
    catalogue = shipped()
    for ident, before in _SUGGESTED_BEFORE.items():
        drawn = {e.id for e in catalogue.in_categories(SHIPPED_REMINDERS[ident].categories)}
        assert set(before.split()) <= drawn, ident


def test_an_older_file_naming_reminder_kinds_is_still_read() -> None:
    old = ENTRY.replace('category = "movement"', 'kinds = ["stretch"]\ncategory = "movement"')
    assert parse_catalogue("version = 1\n" + old, "old.toml").exercises["wall-sit"]


def test_every_stretch_has_an_illustration_that_exists_and_a_caution_where_it_strains() -> None:
    for exercise in shipped().in_category(Category.STRETCH):
        assert exercise.illustration, exercise.id
        assert (resources_dir() / exercise.illustration).is_file()
    for exercise in shipped().exercises.values():
        assert 1 <= exercise.instruction.count(".") <= 3, exercise.id  # one to three sentences


def test_a_malformed_catalogue_is_refused_with_where_and_why() -> None:
    cases = {
        "version = 2": "version must be 1, got 2",
        "version = 1\nexercise = 3": "exercise must be an array of tables",
        "version = 1\n[[exercise]]\nid = 'x'": "exercise 1 lacks category, title",
        "version = 1\n"
        + ENTRY.replace("30", "0"): "(wall-sit): duration_seconds must be 5 to 3600",
        "version = 1\n" + ENTRY.replace('"movement"', '"yoga"'): "category must be one of",
        "version = 1\n" + ENTRY.replace("wall-sit", "Wall Sit"): "id must be lowercase",
        "version = 1\n" + ENTRY + ENTRY: "exercise 2: id 'wall-sit' is repeated",
        "version = 1\n" + ENTRY + "colour = 'red'\n": "unknown fields colour",
        "version = [": "is not valid TOML",
    }
    for text, message in cases.items():
        with pytest.raises(CatalogueError, match=message.replace("(", r"\(").replace(")", r"\)")):
            parse_catalogue(text, "mine.toml")


def test_a_user_file_adds_and_replaces_entries(tmp_path: Path) -> None:
    replaced = ENTRY.replace("wall-sit", "short-walk").replace("Wall sit", "Walk to the window")
    (tmp_path / "exercises.toml").write_text("version = 1\n" + ENTRY + replaced)
    catalogue, message = load_catalogue(tmp_path)
    assert message is None
    assert catalogue.exercises["wall-sit"].title == "Wall sit"
    assert catalogue.exercises["short-walk"].title == "Walk to the window"
    assert len(catalogue.exercises) == len(shipped().exercises) + 1


def test_a_broken_user_file_is_reported_and_the_shipped_entries_remain(tmp_path: Path) -> None:
    (tmp_path / "exercises.toml").write_text("version = 1\n[[exercise]]\nid = 'x'\n")
    catalogue, message = load_catalogue(tmp_path)
    assert catalogue == shipped()
    assert message is not None and "exercises.toml: exercise 1 lacks" in message


def test_a_missing_illustration_is_dropped_rather_than_shown_broken(tmp_path: Path) -> None:
    entry = ENTRY + 'illustration = "illustrations/nowhere.svg"\n'
    (tmp_path / "exercises.toml").write_text("version = 1\n" + entry)
    catalogue, _ = load_catalogue(tmp_path)
    assert catalogue.exercises["wall-sit"].illustration is None


STRETCHES = SHIPPED_REMINDERS["stretch"].categories


def test_rotation_never_repeats_one_of_the_last_five_for_a_kind() -> None:
    rotation = ExerciseRotation(shipped(), recent_limit=5, rng=random.Random(7))
    picks = [rotation.next("stretch", STRETCHES, 60) for _ in range(200)]
    ids = [pick.id for pick in picks if pick]
    for index in range(5, len(ids)):
        assert ids[index] not in ids[index - 5 : index]


def test_rotation_prefers_exercises_that_fit_the_break() -> None:
    rotation = ExerciseRotation(shipped(), rng=random.Random(1))
    for _ in range(30):
        pick = rotation.next("stretch", STRETCHES, 30)
        assert pick is not None and pick.duration_seconds <= 30


def test_rotation_with_a_short_list_still_varies_and_with_none_gives_nothing() -> None:
    two = parse_catalogue("version = 1\n" + ENTRY + ENTRY.replace("wall-sit", "wall-push"), "t")
    rotation = ExerciseRotation(two, rng=random.Random(3))
    ids = [rotation.next("stretch", STRETCHES, 60).id for _ in range(6)]  # type: ignore[union-attr]
    assert all(a != b for a, b in itertools.pairwise(ids))
    assert rotation.next("foot_stool", (Category.FOOT_STOOL,), 60) is None


def test_rotation_seeded_from_the_log_does_not_repeat_what_came_last_before_a_restart() -> None:
    catalogue = shipped()
    last = [e.id for e in catalogue.in_categories(STRETCHES) if e.duration_seconds <= 60][:5]
    asked: list[int] = []

    def from_the_log() -> dict[str, list[str]]:
        asked.append(1)
        return {"stretch": last}

    rotation = ExerciseRotation(catalogue, rng=random.Random(5), seed=from_the_log)
    assert asked == []  # the log is read only when a suggestion is wanted
    for _ in range(20):
        fresh = ExerciseRotation(catalogue, rng=random.Random(_), seed=lambda: {"stretch": last})
        pick = fresh.next("stretch", STRETCHES, 60)
        assert pick is not None and pick.id not in last
    rotation.next("stretch", STRETCHES, 60)
    rotation.next("stretch", STRETCHES, 60)
    assert asked == [1]
