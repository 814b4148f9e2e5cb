"""Finds the files in ``resources/`` both in an installed wheel and in a source checkout.

The wheel carries them inside the package (``posturebreak/resources``); a
checkout or editable install has them at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The folder holding icons and other shipped data."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"Posture Break's resources are missing (looked in {_PACKAGE_DIR}); reinstall the app"
    )


def resource_path(relative: str) -> Path:
    """A file inside the resources folder; raises FileNotFoundError when it is not there."""
    path = resources_dir() / relative
    if not path.is_file():
        raise FileNotFoundError(f"missing resource file {path}")
    return path
