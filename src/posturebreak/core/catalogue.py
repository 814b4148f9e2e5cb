"""The exercise catalogue: what a reminder suggests, read from a versioned TOML file.

The shipped catalogue must be valid (a test proves it); a user's own file in
the settings folder adds entries or replaces entries with the same id, and a
mistake in it is reported with the entry and field named while the shipped
entries carry on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from posturebreak.core.breathing import PATTERNS, BreathingPattern
from posturebreak.core.categories import Category
from posturebreak.core.choice import C, parse_choice
from posturebreak.core.data_text import translated
from posturebreak.core.versioned_toml import read_entries

CATALOGUE_VERSION = 1
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_REQUIRED = ("id", "category", "title", "instruction", "duration_seconds")
# ``kinds`` named the reminders that may suggest an entry before reminders drew from
# categories; older files still carry it, and it is ignored.
_OPTIONAL = ("steps", "illustration", "caution", "pacer", "kinds")
# What a user reads of an exercise: translated when loaded, extracted by scripts/catalogue-pot.
TRANSLATED_FIELDS = ("title", "instruction", "steps", "caution")


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message says where and how."""


@dataclass(frozen=True)
class Exercise:
    """One suggestion a reminder can show."""

    id: str
    category: Category
    title: str
    instruction: str
    duration_seconds: int
    steps: tuple[str, ...] = ()
    illustration: str | None = None  # a path under resources/
    caution: str | None = None
    pacer: BreathingPattern | None = None  # a guided breathing exercise's pattern


@dataclass(frozen=True)
class Catalogue:
    """Exercises by id, in file order."""

    exercises: Mapping[str, Exercise]

    def in_categories(self, categories: Iterable[Category]) -> list[Exercise]:
        """The exercises a reminder drawing from ``categories`` may suggest, in file order."""
        chosen = set(categories)
        return [item for item in self.exercises.values() if item.category in chosen]

    def in_category(self, category: Category) -> list[Exercise]:
        return [item for item in self.exercises.values() if item.category is category]

    def merged_with(self, extra: Iterable[Exercise]) -> Catalogue:
        """A catalogue with ``extra`` added; an entry with a known id replaces it."""
        exercises = dict(self.exercises)
        exercises.update((exercise.id, exercise) for exercise in extra)
        return Catalogue(exercises)


def parse_catalogue(text: str, source: str) -> Catalogue:
    """Reads a catalogue, its words in the user's language; raises :class:`CatalogueError`
    naming ``source`` and the fault."""
    entries = read_entries(text, source, CATALOGUE_VERSION, "exercise", CatalogueError)
    exercises: dict[str, Exercise] = {}
    for number, entry in enumerate(entries, start=1):
        exercise = _exercise(entry, f"{source}: exercise {number}")
        if exercise.id in exercises:
            raise CatalogueError(f"{source}: exercise {number}: id {exercise.id!r} is repeated")
        exercises[exercise.id] = exercise
    return Catalogue(exercises)


def _exercise(entry: object, where: str) -> Exercise:
    if not isinstance(entry, Mapping):
        raise CatalogueError(f"{where} must be a table")
    missing = [key for key in _REQUIRED if key not in entry]
    if missing:
        raise CatalogueError(f"{where} lacks {', '.join(missing)}")
    unknown = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise CatalogueError(f"{where} has unknown fields {', '.join(unknown)}")
    ident = _text(entry, "id", where)
    if not _ID.fullmatch(ident):
        raise CatalogueError(
            f"{where}: id must be lowercase words joined by hyphens, got {ident!r}"
        )
    where = f"{where} ({ident})"
    duration = entry["duration_seconds"]
    if type(duration) is not int or not 5 <= duration <= 3600:
        raise CatalogueError(f"{where}: duration_seconds must be 5 to 3600, got {duration!r}")
    exercise = Exercise(
        id=ident,
        category=_choice(Category, entry["category"], "category", where),
        title=_text(entry, "title", where),
        instruction=_text(entry, "instruction", where),
        duration_seconds=duration,
        steps=tuple(_list(entry, "steps", where, of_text=True)),
        illustration=_text(entry, "illustration", where) if "illustration" in entry else None,
        caution=_text(entry, "caution", where) if "caution" in entry else None,
        pacer=_pacer(entry["pacer"], where) if "pacer" in entry else None,
    )
    return translated(exercise, TRANSLATED_FIELDS)


def _pacer(value: object, where: str) -> BreathingPattern:
    if not isinstance(value, str) or value not in PATTERNS:
        raise CatalogueError(f"{where}: pacer must be one of {', '.join(PATTERNS)}, got {value!r}")
    return PATTERNS[value]


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{where}: {key} must be non-empty text, got {value!r}")
    return value.strip()


def _list(entry: Mapping[str, Any], key: str, where: str, of_text: bool = False) -> Sequence[Any]:
    value = entry.get(key, [])
    if not isinstance(value, list):
        raise CatalogueError(f"{where}: {key} must be a list, got {value!r}")
    if of_text and not all(isinstance(item, str) and item.strip() for item in value):
        raise CatalogueError(f"{where}: {key} must be a list of non-empty texts")
    return value


def _choice(choices: type[C], value: object, key: str, where: str) -> C:
    try:
        return parse_choice(choices, value)
    except ValueError as error:
        raise CatalogueError(f"{where}: {key} {error}") from None
