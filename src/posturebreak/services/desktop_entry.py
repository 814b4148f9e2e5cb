"""Puts the launcher entry, the AppStream metainfo and the icons into the user's XDG data
folder, and takes exactly them out again: desktop integration for an install without a
package (``pipx install``, ``pip install``).

What went in is written to a manifest, so removal touches only those files, the
folders the install created and the caches it made, never a file the user had.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from posturebreak import APP_ID, DESKTOP_ID
from posturebreak.i18n import _
from posturebreak.resources import packaging_dir
from posturebreak.services.atomic_file import replaced_atomically
from posturebreak.services.autostart import exec_value, launch_command
from posturebreak.services.private_files import make_private_folder

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# In the app's own data folder (on Linux, platformdirs puts it in the same place).
MANIFEST = f"{APP_ID}/installed-desktop-files.json"
_SCRIPT_NAME = "posture-break"
_EXEC_PREFIX = f"Exec={_SCRIPT_NAME}"
_PUBLIC = 0o644  # a launcher entry and icons are read by the desktop, nothing secret
# What each cache tool writes, and how to run it on its folder (it must never fail us).
_CACHES = {
    "applications/mimeinfo.cache": ["update-desktop-database", "-q"],
    "icons/hicolor/icon-theme.cache": ["gtk-update-icon-cache", "-q", "-t", "-f"],
}


class DesktopEntryError(Exception):
    """Installing or removing failed; the message says why and what to do."""


@dataclass
class Manifest:
    """What an install put in the data folder, relative to it."""

    files: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # created by the install
    caches: list[str] = field(default_factory=list)  # created by the cache tools

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(*(_inside_paths(data[key]) for key in ("files", "folders", "caches")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise DesktopEntryError(
                _("cannot read {file}: {reason}").format(file=path, reason=error)
            ) from None

    def write(self, path: Path) -> None:
        text = json.dumps({"files": self.files, "folders": self.folders, "caches": self.caches})
        with replaced_atomically(path) as file:
            file.write(text.encode())


def _inside_paths(value: object) -> list[str]:
    """``value`` as a list of relative paths that stay inside the data folder; raises
    ValueError otherwise (a manifest must never make removal reach elsewhere)."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected lists of paths")
    for item in value:
        parts = PurePosixPath(item).parts
        if not parts or PurePosixPath(item).is_absolute() or ".." in parts:
            raise ValueError(f"{item!r} is not a path inside the data folder")
    return list(value)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def running_command(argv0: str = sys.argv[0]) -> list[str]:
    """How the launcher starts this installation: the ``posture-break`` script that runs now
    (a pipx or venv one, by its absolute path), else this interpreter with ``-m``."""
    if Path(argv0).name == _SCRIPT_NAME:
        return [os.path.abspath(argv0)]
    return launch_command()


def shipped_files(command: Sequence[str]) -> dict[str, bytes]:
    """The files to install, by their path in the data folder; the entry's ``Exec`` lines
    run ``command``."""
    source = packaging_dir()
    entry = (source / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_value(command)}{line[len(_EXEC_PREFIX) :]}"
        if line == _EXEC_PREFIX or line.startswith(f"{_EXEC_PREFIX} ")
        else line
        for line in entry.splitlines()
    ]
    files = {f"applications/{DESKTOP_ID}.desktop": "\n".join([*lines, ""]).encode()}
    metainfo = f"{DESKTOP_ID}.metainfo.xml"
    files[f"metainfo/{metainfo}"] = (source / metainfo).read_bytes()
    for icon in sorted((source / "icons").rglob("*.*")):
        files[icon.relative_to(source).as_posix()] = icon.read_bytes()
    return files


def install(home: Path, command: Sequence[str]) -> list[Path]:
    """Installs (or refreshes) the files; returns them. Raises DesktopEntryError, having
    changed nothing, when a file of the same name is there that an install did not put."""
    old = Manifest.read(home / MANIFEST) or Manifest()
    files = shipped_files(command)
    for relative, content in files.items():
        target = home / relative
        if relative not in old.files and target.exists() and _content(target) != content:
            raise DesktopEntryError(
                # Translators: {command} is the command's name, posture-break.
                _(
                    "{file} is already there and was not installed by {command}; "
                    "move it away and try again"
                ).format(file=target, command=_SCRIPT_NAME)
            )
    new_folders = _missing_folders(home, [*files, MANIFEST])
    caches_before = {cache for cache in _CACHES if (home / cache).exists()}
    manifest = Manifest(
        files=sorted(set(old.files) | set(files)),
        folders=sorted(set(old.folders) | set(new_folders)),
        caches=list(old.caches),
    )
    try:
        for relative, content in files.items():
            with replaced_atomically(home / relative, _PUBLIC) as file:
                file.write(content)
        _update_caches(home)
        manifest.caches = sorted(
            set(old.caches)
            | {cache for cache in _CACHES if cache not in caches_before and (home / cache).exists()}
        )
        make_private_folder((home / MANIFEST).parent)
        manifest.write(home / MANIFEST)
    except OSError as error:
        raise DesktopEntryError(
            _("could not install into {folder}: {reason}").format(folder=home, reason=error)
        ) from None
    return [home / relative for relative in files]


def uninstall(home: Path) -> list[Path]:
    """Removes what installs put there (per the manifest); returns the files removed."""
    path = home / MANIFEST
    manifest = Manifest.read(path)
    if manifest is None:
        return []
    removed = []
    try:
        for relative in manifest.files:
            target = home / relative
            if target.is_file() and not target.is_symlink():
                target.unlink()
                removed.append(target)
        for cache in manifest.caches:
            (home / cache).unlink(missing_ok=True)
        _update_caches(home, only_existing=True)
        path.unlink()
    except OSError as error:
        raise DesktopEntryError(
            _("could not remove from {folder}: {reason}").format(folder=home, reason=error)
        ) from None
    for folder in sorted(manifest.folders, key=lambda name: name.count("/"), reverse=True):
        with contextlib.suppress(OSError):  # something else lives there now: it stays
            (home / folder).rmdir()
    return removed


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _missing_folders(home: Path, relatives: list[str]) -> list[str]:
    """The folders (relative to ``home``) that writing ``relatives`` would create."""
    missing: set[str] = set()
    for relative in relatives:
        for parent in Path(relative).parents:
            if parent != Path(".") and not (home / parent).exists():
                missing.add(parent.as_posix())
    return sorted(missing)


def _update_caches(home: Path, *, only_existing: bool = False) -> None:
    """Runs each cache tool that is installed on its folder; a missing or failing tool is
    no error (desktops also rescan these folders on their own)."""
    for cache, argv in _CACHES.items():
        if only_existing and not (home / cache).exists():
            continue
        folder = (home / cache).parent
        if shutil.which(argv[0]) is None or not folder.is_dir():
            continue
        try:
            subprocess.run(
                [*argv, str(folder)],
                check=False,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError):
            continue
