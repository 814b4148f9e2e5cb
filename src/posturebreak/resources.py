"""Finds the files in ``resources/`` and ``packaging/`` both in an installed wheel and in
a source checkout.

The wheel carries them inside the package (``posturebreak/resources``,
``posturebreak/packaging``); a checkout or editable install has them at the top
of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding icons and other shipped data."""
    return _shipped_folder("resources")


def packaging_dir() -> Path:
    """The folder holding the desktop entry, the AppStream metainfo and the hicolor icons."""
    return _shipped_folder("packaging")


def _shipped_folder(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"Posture Break's {name} are missing (looked in {_PACKAGE_DIR}); reinstall the app"
    )


def resource_path(relative: str) -> Path:
    """A file inside the resources folder; raises FileNotFoundError when it is not there."""
    path = resources_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"missing resource file {path}")
    return path
