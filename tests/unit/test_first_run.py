"""Without a tray, the first start says once how to reach the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from posturebreak.first_run import NO_TRAY_NOTICE_FILE, no_tray_notice, no_tray_notice_text


def test_the_no_tray_notice_comes_once_per_data_folder(tmp_path: Path) -> None:
    assert no_tray_notice(tmp_path) == no_tray_notice_text()
    assert (tmp_path / NO_TRAY_NOTICE_FILE).stat().st_mode & 0o777 == 0o600
    assert no_tray_notice(tmp_path) is None
    assert no_tray_notice(tmp_path / "another profile") == no_tray_notice_text()


def test_the_notice_names_the_launcher_menu_the_cli_and_how_to_get_the_entry() -> None:
    text = no_tray_notice_text().message
    assert "applications menu" in text
    assert "posture-break --help" in text
    assert "posture-break install-desktop-entry" in text


def test_a_data_path_that_is_a_file_still_gets_the_notice(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "data").write_text("not a folder")
    assert no_tray_notice(tmp_path / "data") == no_tray_notice_text()
    assert "Could not remember" in caplog.text
