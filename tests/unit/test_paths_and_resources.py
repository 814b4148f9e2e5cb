"""Where files live: profile folders, and icons from a checkout or a built wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from posturebreak.paths import PROFILE_DIR_ENV, AppPaths
from posturebreak.resources import resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]
ICONS = ("icons/posture-break.svg", "icons/posture-break-paused.svg")


def test_a_profile_dir_holds_config_data_and_logs(tmp_path: Path) -> None:
    paths = AppPaths.resolve(tmp_path / "p")
    assert paths == AppPaths(
        tmp_path / "p/config",
        tmp_path / "p/data",
        tmp_path / "p/log",
        tmp_path / "p/autostart",
        separate_profile=True,
    )
    paths.create()
    assert all(d.is_dir() for d in (paths.config_dir, paths.data_dir, paths.log_dir))


def test_the_environment_can_name_the_profile_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PROFILE_DIR_ENV, str(tmp_path))
    assert AppPaths.resolve(None).config_dir == tmp_path / "config"


def test_without_a_profile_the_user_folders_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROFILE_DIR_ENV, raising=False)
    assert AppPaths.resolve(None) == AppPaths.for_user()
    assert "posture-break" in str(AppPaths.for_user().config_dir)


def test_each_profile_gets_its_own_instance_name(tmp_path: Path) -> None:
    one, two = AppPaths.under(tmp_path / "a"), AppPaths.under(tmp_path / "b")
    assert one.instance_name != two.instance_name
    assert one.instance_name == AppPaths.under(tmp_path / "a").instance_name


def test_icons_are_found_in_a_source_checkout() -> None:
    for icon in ICONS:
        assert resource_path(icon).read_text().startswith("<svg")


def test_a_missing_resource_is_reported_by_name() -> None:
    with pytest.raises(FileNotFoundError, match=r"nothing\.svg"):
        resource_path("nothing.svg")


def test_the_built_wheel_carries_the_icons_and_finds_them_when_installed(
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path, ROOT],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("posture_break-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {f"posturebreak/resources/{icon}" for icon in ICONS} <= names
        site = tmp_path / "site"
        archive.extractall(site)
    found = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from posturebreak.resources import resources_dir; print(resources_dir())",
            str(site),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(found) == site / "posturebreak" / "resources"
    assert resources_dir() == ROOT / "resources"
