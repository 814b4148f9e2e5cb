"""The settings file on disk: forgiving reads, atomic writes, broken files kept aside.

Nothing in the file can stop the app. A file that cannot be read as settings
at all (not UTF-8, not TOML, empty, huge, a FIFO or a folder) is renamed to
``settings.toml.broken-<time>`` and defaults take its place; a file with some
bad values keeps its good ones, and the original is kept aside the same way
before the repaired file is written. A file from a newer version of the app
is never written over.
"""

from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from posturebreak.core.clock import Clock
from posturebreak.core.settings import (
    NewerSettingsError,
    Settings,
    settings_from_dict,
    settings_to_dict,
)
from posturebreak.i18n import _, ngettext
from posturebreak.services.atomic_file import remove_leftovers, write_atomically
from posturebreak.services.private_files import NotRegularFileError, read_regular, what_is_there

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "settings.toml"
MAX_SETTINGS_BYTES = 256 * 1024


class SettingsSaveError(Exception):
    """The settings could not be written; the message is for the user."""


@dataclass(frozen=True)
class LoadedSettings:
    """What :meth:`SettingsStore.load` found: the settings, and what the user should hear."""

    settings: Settings
    problems: tuple[str, ...] = ()
    kept_aside: Path | None = None

    def user_message(self) -> str | None:
        """One short message about what was reset, or None when the file was fine."""
        if not self.problems:
            return None
        shown = list(self.problems[:3])
        more = len(self.problems) - 3
        if more > 0:
            # Translators: the last line of a list of problems found in the settings file.
            shown.append(
                ngettext(
                    "and {count} more (see the log)", "and {count} more (see the log)", more
                ).format(count=more)
            )
        text = "\n".join(f"• {problem}" for problem in shown)
        if self.kept_aside is not None:
            kept = _("Your old file is kept as {file}.").format(file=self.kept_aside.name)
            text += f"\n{kept}"
        return text


class SettingsStore:
    """Reads and writes ``settings.toml`` in the config folder."""

    def __init__(self, config_dir: Path, clock: Clock) -> None:
        self.path = config_dir / SETTINGS_FILE_NAME
        self._clock = clock
        self._leave_alone: str | None = None  # why the file must not be written, if it must not

    def peek(self) -> Settings:
        """The settings as far as the file can be read, changing nothing (for reports)."""
        try:
            return self._parse(self._read())[0]
        except (OSError, ValueError, NewerSettingsError):
            return Settings()

    def load(self) -> LoadedSettings:
        """The settings in the file, repaired where needed; never raises."""
        try:
            settings, problems = self._parse(self._read())
        except FileNotFoundError:
            self._save_quietly(Settings())  # a file to find and edit by hand
            return LoadedSettings(Settings())
        except OSError as error:
            return self._leave_file_alone(
                _("{file} could not be read ({reason})").format(
                    file=self.path.name, reason=error.strerror
                )
            )
        except NewerSettingsError as error:
            return self._leave_file_alone(str(error))
        except ValueError as error:  # the whole file is unusable
            settings, problems = Settings(), [str(error)]
        if not problems:
            return LoadedSettings(settings)
        for problem in problems:
            log.warning("Settings: %s", problem)
        return LoadedSettings(settings, tuple(problems), self._repair(settings))

    def save(self, settings: Settings) -> None:
        """Writes the settings atomically; raises :class:`SettingsSaveError` with a reason."""
        if self._leave_alone is not None:
            raise SettingsSaveError(
                _("Settings were not saved: {reason}, so {file} is left as it is.").format(
                    reason=self._leave_alone, file=self.path
                )
            )
        text = tomli_w.dumps(settings_to_dict(settings))
        try:
            write_atomically(self.path, text.encode())
        except OSError as error:
            raise SettingsSaveError(
                _("Settings could not be saved to {file}: {reason}.").format(
                    file=self.path, reason=error.strerror or error
                )
            ) from error
        log.info("Settings saved to %s", self.path)

    def remove_leftovers(self) -> None:
        """Clears what saves cut short by a crash left; only the running instance calls it,
        as a second launch could otherwise take the file another save is writing."""
        remove_leftovers(self.path)

    def _read(self) -> bytes:
        """Raises ValueError for a FIFO, folder or device in the file's place (set aside)."""
        try:
            return read_regular(self.path, MAX_SETTINGS_BYTES + 1)
        except NotRegularFileError as error:
            raise ValueError(what_is_there(self.path.name, error.what)) from None

    def _parse(self, data: bytes) -> tuple[Settings, list[str]]:
        """Raises ValueError with a sentence for a file that holds no usable settings."""
        name = self.path.name
        if len(data) > MAX_SETTINGS_BYTES:
            raise ValueError(
                _("{file} is larger than {size} KiB").format(
                    file=name, size=MAX_SETTINGS_BYTES // 1024
                )
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(_("{file} is not a text file").format(file=name)) from None
        if not text.strip():
            raise ValueError(_("{file} was empty").format(file=name))
        try:
            document = tomllib.loads(text)
            return settings_from_dict(document)
        except tomllib.TOMLDecodeError as error:
            raise ValueError(
                # Translators: {reason} is the TOML parser's own (English) explanation.
                _("{file} is not valid TOML ({reason})").format(
                    file=name, reason=_shortened(str(error))
                )
            ) from None
        except RecursionError:  # tomllib parses nested arrays and tables by recursion
            raise ValueError(
                _("{file} nests arrays or tables too deeply").format(file=name)
            ) from None

    def _repair(self, settings: Settings) -> Path | None:
        """Moves the original aside and writes the repaired settings in its place."""
        stamp = self._clock.now().astimezone().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        suffix = 1
        while aside.exists():
            suffix += 1
            aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{suffix}")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            log.error("Could not keep the broken settings file aside: %s", error)
            self._leave_alone = _("the broken {file} could not be kept aside").format(
                file=self.path.name
            )
            return None
        log.warning("Kept the broken settings file as %s", aside)
        self._save_quietly(settings)
        return aside

    def _save_quietly(self, settings: Settings) -> None:
        try:
            self.save(settings)
        except SettingsSaveError as error:
            log.warning("%s", error)

    def _leave_file_alone(self, reason: str) -> LoadedSettings:
        log.error("Settings: %s; using defaults and leaving the file alone", reason)
        self._leave_alone = reason
        # Translators: {reason} says what is wrong with the settings file.
        notice = _("{reason}; using the defaults and leaving the file as it is")
        return LoadedSettings(Settings(), (notice.format(reason=reason),))


def _shortened(reason: str, limit: int = 200) -> str:
    """A parser's reason, cut in the middle if it quotes a huge key, keeping where it was."""
    return reason if len(reason) <= limit else f"{reason[: limit - 60]}…{reason[-59:]}"
