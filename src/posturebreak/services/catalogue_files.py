"""Loads the shipped exercise catalogue and the user's additions from the settings folder."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from posturebreak.core.catalogue import Catalogue, CatalogueError, parse_catalogue
from posturebreak.i18n import _
from posturebreak.resources import resource_path, resources_dir
from posturebreak.services.private_files import read_regular

log = logging.getLogger(__name__)

SHIPPED_CATALOGUE = "catalogue/exercises.toml"
USER_CATALOGUE_NAME = "exercises.toml"


def load_catalogue(config_dir: Path) -> tuple[Catalogue, str | None]:
    """The shipped catalogue merged with the user's file; plus a message if that file is bad.

    A bad user file is ignored as a whole (the shipped entries remain), so a
    half-finished edit never leaves reminders without suggestions.
    """
    shipped = _with_existing_illustrations(
        parse_catalogue(resource_path(SHIPPED_CATALOGUE).read_text("utf-8"), SHIPPED_CATALOGUE)
    )
    user_file = config_dir / USER_CATALOGUE_NAME
    try:
        text = read_regular(user_file).decode("utf-8")
    except FileNotFoundError:
        return shipped, None
    except (OSError, UnicodeDecodeError) as error:
        log.error("%s could not be read (%s); using the built-in exercises", user_file, error)
        message = _("{file} could not be read ({error}); using the built-in exercises")
        return shipped, message.format(file=user_file.name, error=error)
    try:
        extra = _with_existing_illustrations(parse_catalogue(text, user_file.name))
    except CatalogueError as error:
        log.error("%s", error)
        # Translators: {error} says what is wrong in the user's exercise file (in English).
        return shipped, _("{error}. Your exercises are left out until it is fixed.").format(
            error=error
        )
    log.info("Loaded %d exercises from %s", len(extra.exercises), user_file)
    return shipped.merged_with(extra.exercises.values()), None


def _with_existing_illustrations(catalogue: Catalogue) -> Catalogue:
    """Drops illustrations whose file is missing, with a warning, rather than a broken image."""
    fixed = dict(catalogue.exercises)
    for ident, exercise in catalogue.exercises.items():
        if exercise.illustration and not (resources_dir() / exercise.illustration).is_file():
            log.warning("No illustration file %s for %s", exercise.illustration, ident)
            fixed[ident] = replace(exercise, illustration=None)
    return Catalogue(fixed)
