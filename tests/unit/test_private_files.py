"""Private folders and files whatever the umask, and no waiting on a FIFO where a file belongs."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from posturebreak.logsetup import LOG_FILE_NAME, configure_logging
from posturebreak.paths import AppPaths
from posturebreak.services.catalogue_files import load_catalogue
from posturebreak.services.private_files import NotRegularFileError, read_regular
from tests.support.special_files import SPECIAL_KINDS, make_special, promptly

UMASKS = pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask-022", "umask-000"])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def with_umask(request: pytest.FixtureRequest) -> Iterator[None]:
    previous = os.umask(request.node.callspec.params["umask"])
    yield
    os.umask(previous)


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with the handlers a test adds closed and removed after it."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers[len(before) :]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@UMASKS
def test_new_folders_are_private_whatever_the_umask(
    tmp_path: Path, umask: int, with_umask: None
) -> None:
    paths = AppPaths.under(tmp_path / "profile")
    paths.create()
    assert [mode(folder) for folder in (paths.config_dir, paths.data_dir, paths.log_dir)] == [
        0o700
    ] * 3


def test_older_folders_and_files_are_tightened_but_nothing_else(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "profile")
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        folder.mkdir(parents=True)
        folder.chmod(0o755)
    (tmp_path / "profile").chmod(0o755)
    database = paths.data_dir / "activity.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    rotated = paths.log_dir / f"{LOG_FILE_NAME}.1"
    rotated.write_text("old lines\n")
    rotated.chmod(0o664)
    elsewhere = tmp_path / "dotfiles-exercises.toml"
    elsewhere.write_text("")
    elsewhere.chmod(0o644)
    (paths.config_dir / "exercises.toml").symlink_to(elsewhere)

    paths.create()

    assert mode(paths.data_dir) == mode(paths.config_dir) == mode(paths.log_dir) == 0o700
    assert mode(database) == mode(rotated) == 0o600
    assert mode(elsewhere) == 0o644  # reached only through a symlink: left alone
    assert mode(tmp_path / "profile") == 0o755  # a parent folder is not ours to change


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file away needs root")
def test_a_file_owned_by_someone_else_is_left_alone(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    paths.config_dir.mkdir(parents=True)
    foreign = paths.config_dir / "shared.toml"
    foreign.write_text("")
    foreign.chmod(0o644)
    os.chown(foreign, 65534, 65534)
    paths.create()
    assert mode(foreign) == 0o644


@UMASKS
def test_the_log_file_and_rotated_ones_are_private_whatever_the_umask(
    tmp_path: Path, umask: int, with_umask: None, root_logger: logging.Logger
) -> None:
    log_file = configure_logging(tmp_path / "log", verbose=False)
    assert log_file is not None
    handler = root_logger.handlers[-1]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    root_logger.info("before the rollover")
    handler.doRollover()
    root_logger.info("after it")
    names = sorted(path.name for path in (tmp_path / "log").iterdir())
    assert names == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1"]
    assert {mode(path) for path in (tmp_path / "log").iterdir()} == {0o600}
    assert mode(tmp_path / "log") == 0o700


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_a_log_file_that_is_not_a_file_is_not_waited_on(
    tmp_path: Path, kind: str, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "log").mkdir()
    make_special(tmp_path / "log" / LOG_FILE_NAME, kind)
    assert promptly(lambda: configure_logging(tmp_path / "log", verbose=False)) is None
    assert "cannot write log file" in capsys.readouterr().err


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
def test_exercises_that_are_not_a_file_are_ignored_with_a_message_at_once(
    tmp_path: Path, kind: str
) -> None:
    make_special(tmp_path / "exercises.toml", kind)
    catalogue, message = promptly(lambda: load_catalogue(tmp_path))
    assert catalogue.exercises  # the built-in ones
    assert message is not None and "could not be read" in message and "not a file" in message


@pytest.mark.parametrize(
    ("kind", "what"),
    [("fifo", "a named pipe (FIFO)"), ("folder", "a folder"), ("device", "a device")],
)
def test_reading_names_what_is_there_instead_of_a_file(
    tmp_path: Path, kind: str, what: str
) -> None:
    make_special(tmp_path / "file", kind)
    with pytest.raises(NotRegularFileError) as raised:
        promptly(lambda: read_regular(tmp_path / "file"))
    assert str(raised.value) == f"{tmp_path / 'file'} is {what}, not a file"
