"""packaging/: the desktop entry and AppStream metainfo pass their validators, agree with
the changelog and the command line, and the hicolor icons match their SVG."""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from posturebreak import DESKTOP_ID, __version__
from posturebreak.cli import build_parser
from tests.support.private_bus import require_tools

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ENTRY = PACKAGING / f"{DESKTOP_ID}.desktop"
METAINFO = PACKAGING / f"{DESKTOP_ID}.metainfo.xml"
# What a desktop without a tray must still reach from the launcher menu.
ACTIONS = {
    "Take a Break Now": ["break-now"],
    "Pause for 1 Hour": ["pause", "--minutes", "60"],
    "Resume Reminders": ["resume"],
    "Settings": ["settings"],
    "Your Breaks": ["history"],
}


def entry() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(ENTRY.read_text(encoding="utf-8"))
    return parser


def validate(*argv: str) -> subprocess.CompletedProcess[str]:
    require_tools([] if shutil.which(argv[0]) else [argv[0]])
    return subprocess.run(argv, capture_output=True, text=True, check=False)


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = validate("desktop-file-validate", str(ENTRY))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # no warnings or hints either


def test_the_desktop_entry_speaks_every_shipped_language() -> None:
    desktop = entry()
    for section in desktop.sections():
        keys = ("Name", "GenericName", "Comment", "Keywords")
        for key in (key for key in keys if key in desktop[section]):
            for language in ("de", "es"):
                localized = desktop[section].get(f"{key}[{language}]", "")
                assert localized.strip(), f"{section}: no {key}[{language}]"
    assert desktop["Desktop Entry"]["Name[de]"] == "Posture Break"


def test_the_metainfo_passes_appstreamcli_validate_strictly() -> None:
    result = validate("appstreamcli", "validate", "--no-net", "--strict", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_launcher_actions_are_the_cli_commands_for_what_the_tray_menu_offers() -> None:
    desktop = entry()
    ids = desktop["Desktop Entry"]["Actions"].rstrip(";").split(";")
    actions = {
        desktop[f"Desktop Action {action}"]["Name"]: shlex.split(
            desktop[f"Desktop Action {action}"]["Exec"]
        )
        for action in ids
    }
    assert actions == {name: ["posture-break", *words] for name, words in ACTIONS.items()}
    for words in ACTIONS.values():
        build_parser().parse_args(words)  # each is a command the CLI knows


def test_the_metainfo_names_the_entry_the_binary_and_screenshots_from_docs() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == DESKTOP_ID
    assert root.findtext("launchable") == ENTRY.name
    assert root.findtext("provides/binary") == "posture-break"
    images = [image.text or "" for image in root.iter("image")]
    assert images
    for image in images:
        assert (ROOT / "docs" / image.rsplit("/docs/", 1)[1]).is_file(), image


def test_the_metainfo_releases_agree_with_the_changelog() -> None:
    """Each released version in CHANGELOG.md is a stable release with the same date; while
    the changelog has an Unreleased section, the newest release is this version, in
    development."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = dict(re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d{2}-\d{2})", changelog, re.M))
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    stable = {
        release.get("version"): release.get("date")
        for release in releases
        if release.get("type", "stable") == "stable"
    }
    assert stable == released
    development = [release for release in releases if release.get("type") == "development"]
    if "## [Unreleased]" in changelog and __version__ not in released:
        assert [release.get("version") for release in development] == [__version__]
        assert releases[0] is development[0]  # newest first
    else:
        assert development == []


def test_the_hicolor_icons_are_rendered_from_the_app_svg() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "render_app_icons"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
