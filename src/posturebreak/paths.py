"""Where the app keeps its settings, log database and log files.

Normally the platform's own folders (via platformdirs); ``--profile-dir`` or
``POSTURE_BREAK_PROFILE_DIR`` moves all three under one folder so tests and
users can run isolated instances side by side.
"""

from __future__ import annotations

import os
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from posturebreak import APP_ID
from posturebreak.services.private_files import make_private_folder

PROFILE_DIR_ENV = "POSTURE_BREAK_PROFILE_DIR"


@dataclass(frozen=True)
class AppPaths:
    """The folders one instance of the app owns, and where its login entry goes."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    autostart_dir: Path
    # A profile of its own (tests, trials) never changes the user's per-user login list.
    separate_profile: bool = False

    @classmethod
    def for_user(cls) -> AppPaths:
        if sys.platform == "darwin":
            autostart_dir = Path.home() / "Library" / "LaunchAgents"
        else:  # Windows keeps its login list in the registry and ignores the folder
            autostart_dir = Path(platformdirs.user_config_dir()) / "autostart"
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
            autostart_dir=autostart_dir,
        )

    @classmethod
    def under(cls, profile_dir: Path) -> AppPaths:
        root = profile_dir.expanduser().resolve()
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "log",
            # Kept inside the profile, so a test or trial profile never changes the login.
            autostart_dir=root / "autostart",
            separate_profile=True,
        )

    @classmethod
    def resolve(cls, profile_dir: Path | None) -> AppPaths:
        """The command-line profile folder, else the environment's, else the user's folders."""
        from_env = os.environ.get(PROFILE_DIR_ENV)
        chosen = profile_dir or (Path(from_env) if from_env else None)
        return cls.under(chosen) if chosen is not None else cls.for_user()

    def create(self) -> None:
        """Creates the three folders private (0700), tightening older ones and their files."""
        for folder in (self.config_dir, self.data_dir, self.log_dir):
            make_private_folder(folder)

    @property
    def instance_name(self) -> str:
        """A name for the single-instance socket, unique per profile.

        The socket lives in a per-user folder, so the name needs no user id; a
        CRC of the config folder keeps it short (Unix socket paths hold 107
        bytes) without loading hashlib's OpenSSL.
        """
        digest = zlib.crc32(os.fsencode(self.config_dir))
        return f"{APP_ID}-{digest:08x}"
